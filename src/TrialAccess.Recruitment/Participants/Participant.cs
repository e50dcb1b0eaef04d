using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Recruitment.Participants;

/// <summary>One dated step in a participant's history, with the reasons when it is an end (not eligible, failed screening, withdrawn).</summary>
public sealed record StateChange(ResearchSubjectState State, DateOnly On, IReadOnlyList<ScreeningReason> Reasons)
{
    public StateChange(ResearchSubjectState state, DateOnly on)
        : this(state, on, [])
    {
    }
}

/// <summary>
/// A pseudonymised participant of one study at one site: a study subject id (never a name), an age band and sex for
/// accrual reporting, and the history of states. The history changes only through <see cref="MoveTo"/>, which
/// refuses transitions that cannot happen (nothing follows a withdrawal; dates never go back).
/// </summary>
public sealed class Participant
{
    private static readonly Dictionary<ResearchSubjectState, ResearchSubjectState[]> Next = new()
    {
        [ResearchSubjectState.Candidate] = [ResearchSubjectState.PreScreened, ResearchSubjectState.Screened, ResearchSubjectState.Consented, ResearchSubjectState.Ineligible, ResearchSubjectState.Withdrawn],
        [ResearchSubjectState.PreScreened] = [ResearchSubjectState.Screened, ResearchSubjectState.Consented, ResearchSubjectState.Ineligible, ResearchSubjectState.Withdrawn],
        [ResearchSubjectState.Screened] = [ResearchSubjectState.Eligible, ResearchSubjectState.Consented, ResearchSubjectState.ScreenFailed, ResearchSubjectState.Withdrawn],
        [ResearchSubjectState.Consented] = [ResearchSubjectState.Screened, ResearchSubjectState.Eligible, ResearchSubjectState.Enrolled, ResearchSubjectState.ScreenFailed, ResearchSubjectState.Withdrawn],
        [ResearchSubjectState.Eligible] = [ResearchSubjectState.Consented, ResearchSubjectState.Enrolled, ResearchSubjectState.Withdrawn],
        [ResearchSubjectState.Enrolled] = [ResearchSubjectState.Withdrawn],
        [ResearchSubjectState.Withdrawn] = [],
        [ResearchSubjectState.Ineligible] = [],
        [ResearchSubjectState.ScreenFailed] = [],
    };

    private readonly List<StateChange> _history;

    public Participant(StudyKey study, string siteCode, StudySubjectId subjectId, AgeBand? ageBand = null, ParticipantSex sex = ParticipantSex.Unknown, IEnumerable<StateChange>? history = null)
    {
        Study = study;
        SiteCode = siteCode;
        SubjectId = subjectId;
        AgeBand = ageBand;
        Sex = sex;
        _history = history?.OrderBy(h => h.On).ThenBy(h => h.State.FunnelDepth()).ToList() ?? [];
    }

    public StudyKey Study { get; }

    public string SiteCode { get; }

    public StudySubjectId SubjectId { get; }

    public AgeBand? AgeBand { get; private set; }

    public ParticipantSex Sex { get; private set; }

    public IReadOnlyList<StateChange> History => _history;

    /// <summary>The latest state; null before any.</summary>
    public ResearchSubjectState? State => _history.Count == 0 ? null : _history[^1].State;

    /// <summary>The state on <paramref name="day"/> (the latest change on or before it); null before the first.</summary>
    public ResearchSubjectState? StateOn(DateOnly day) => _history.LastOrDefault(h => h.On <= day)?.State;

    /// <summary>The day the participant was recruited (enrolled), if they were.</summary>
    public DateOnly? RecruitedOn => _history.FirstOrDefault(h => h.State == ResearchSubjectState.Enrolled)?.On;

    /// <summary>The day the participant reached <paramref name="state"/>, if they did.</summary>
    public DateOnly? ReachedOn(ResearchSubjectState state) => _history.FirstOrDefault(h => h.State == state)?.On;

    /// <summary>
    /// Moves the participant to <paramref name="state"/> on <paramref name="on"/>. A step already in the history on the
    /// same day changes nothing (so importing a log twice changes nothing); a step that cannot follow the current state,
    /// a date before the last step, or an end without a reason is refused.
    /// </summary>
    public ChangeResult MoveTo(ResearchSubjectState state, DateOnly on, IReadOnlyList<ScreeningReason>? reasons = null)
    {
        reasons ??= [];
        var existing = _history.FirstOrDefault(h => h.State == state);
        if (existing is not null)
        {
            return existing.On == on
                ? ChangeResult.Unchanged
                : ChangeResult.Refused($"{SubjectId} was already {state.LogName()} on {existing.On:yyyy-MM-dd}.");
        }

        if (_history.Count > 0)
        {
            var last = _history[^1];
            if (!Next[last.State].Contains(state))
            {
                return ChangeResult.Refused($"{SubjectId} cannot become {state.LogName()} after {last.State.LogName()}.");
            }

            if (on < last.On)
            {
                return ChangeResult.Refused($"{SubjectId} became {last.State.LogName()} on {last.On:yyyy-MM-dd}; a later step cannot be dated {on:yyyy-MM-dd}.");
            }
        }

        if (state.NeedsReason() && reasons.Count == 0)
        {
            return ChangeResult.Refused($"{state.LogName()} needs a reason (the criterion that failed, or why).");
        }

        _history.Add(new StateChange(state, on, state.NeedsReason() ? reasons : []));
        return ChangeResult.Changed;
    }

    /// <summary>Sets the age band and sex when they were unknown; refuses to overwrite a different recorded value.</summary>
    public ChangeResult Describe(AgeBand? ageBand, ParticipantSex sex)
    {
        var changed = false;
        if (ageBand is not null)
        {
            if (AgeBand is not null && AgeBand != ageBand)
            {
                return ChangeResult.Refused($"{SubjectId} is recorded in age band {AgeBand}, not {ageBand}.");
            }

            changed |= AgeBand is null;
            AgeBand = ageBand;
        }

        if (sex != ParticipantSex.Unknown)
        {
            if (Sex != ParticipantSex.Unknown && Sex != sex)
            {
                return ChangeResult.Refused($"{SubjectId} is recorded as {Sex}, not {sex}.");
            }

            changed |= Sex == ParticipantSex.Unknown;
            Sex = sex;
        }

        return changed ? ChangeResult.Changed : ChangeResult.Unchanged;
    }

    /// <summary>Puts back the age band and sex read before a change that was then refused (a log row is applied whole or not at all).</summary>
    public void RestoreDescription(AgeBand? ageBand, ParticipantSex sex) => (AgeBand, Sex) = (ageBand, sex);

    /// <summary>How far along the funnel the participant got by <paramref name="day"/> (-1: nowhere yet).</summary>
    internal int FunnelDepthOn(DateOnly day)
    {
        var depth = -1;
        foreach (var change in _history)
        {
            if (change.On > day)
            {
                break;
            }

            depth = Math.Max(depth, change.State.FunnelDepth());
        }

        return depth;
    }
}
