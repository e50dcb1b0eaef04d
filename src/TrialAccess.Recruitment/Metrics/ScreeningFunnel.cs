using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Screening;

namespace TrialAccess.Recruitment.Metrics;

/// <summary>How many participants reached a stage of the funnel (by the reporting date), later stages implying earlier ones.</summary>
public sealed record FunnelStage(ResearchSubjectState Stage, int Reached);

/// <summary>How many participants ended at <paramref name="End"/> for one reason.</summary>
public sealed record FunnelReason(ResearchSubjectState End, string? CriterionPosition, string Text, int Count);

/// <summary>
/// The screening funnel (candidate → pre-screened → screened → eligible → consented → enrolled) with the reasons
/// people left it, and the screen-failure rate (screen failures ÷ screened, gsm kri0012). A participant whose log
/// starts at a later stage (an accrual log lists only enrolments) counts as having passed the earlier ones.
/// </summary>
public sealed record ScreeningFunnel(IReadOnlyList<FunnelStage> Stages, int Ineligible, int ScreenFailed, int Withdrawn, IReadOnlyList<FunnelReason> Reasons)
{
    public int Screened => Stages.Single(s => s.Stage == ResearchSubjectState.Screened).Reached;

    /// <summary>Screen failures ÷ screened; null when nobody was screened.</summary>
    public double? ScreenFailureRate => Screened == 0 ? null : (double)ScreenFailed / Screened;

    public static ScreeningFunnel Of(IEnumerable<Participant> participants, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var reached = new int[ResearchSubjectStates.Funnel.Count];
        int ineligible = 0, screenFailed = 0, withdrawn = 0;
        var reasons = new Dictionary<(ResearchSubjectState, string), (ScreeningReason Reason, int Count)>();
        foreach (var participant in participants)
        {
            var depth = participant.FunnelDepthOn(asOf);
            for (var stage = 0; stage <= depth && stage < reached.Length; stage++)
            {
                reached[stage]++;
            }

            var end = participant.History.LastOrDefault(h => h.On <= asOf);
            if (end is null || !end.State.IsTerminal())
            {
                continue;
            }

            switch (end.State)
            {
                case ResearchSubjectState.Ineligible:
                    ineligible++;
                    break;
                case ResearchSubjectState.ScreenFailed:
                    screenFailed++;
                    break;
                default:
                    withdrawn++;
                    break;
            }

            foreach (var reason in end.Reasons)
            {
                var key = (end.State, reason.Key);
                reasons[key] = reasons.TryGetValue(key, out var found) ? (found.Reason, found.Count + 1) : (reason, 1);
            }
        }

        return new ScreeningFunnel(
            [.. ResearchSubjectStates.Funnel.Select((stage, i) => new FunnelStage(stage, reached[i]))],
            ineligible,
            screenFailed,
            withdrawn,
            [.. reasons
                .Select(kv => new FunnelReason(kv.Key.Item1, kv.Value.Reason.CriterionPosition, kv.Value.Reason.Text, kv.Value.Count))
                .OrderByDescending(r => r.Count)
                .ThenBy(r => r.End)
                .ThenBy(r => r.CriterionPosition ?? r.Text, StringComparer.Ordinal)]);
    }
}
