using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Sites;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Recruitment.Tests;

/// <summary>Builds a monitored study, its sites and participants for the hand-computed examples.</summary>
internal sealed class StudyBuilder
{
    private readonly List<StudySite> _sites = [];
    private readonly List<Participant> _participants = [];
    private int _next = 1;

    public StudyKey Key { get; } = StudyKey.Parse("NCT99000001");

    public int Target { get; set; } = 100;

    public DateOnly Start { get; set; } = D("2024-01-01");

    public DateOnly End { get; set; } = D("2024-12-31");

    public int? PlannedSites { get; set; }

    public static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public StudyBuilder Site(string code, int target, string? opened = null, string? selected = null, string? closed = null)
    {
        var milestones = new Dictionary<SiteMilestone, DateOnly>();
        if (selected is not null)
        {
            milestones[SiteMilestone.Selected] = D(selected);
        }

        if (opened is not null)
        {
            milestones[SiteMilestone.Opened] = D(opened);
        }

        if (closed is not null)
        {
            milestones[SiteMilestone.Closed] = D(closed);
        }

        _sites.Add(new StudySite(code, "Site " + code, target, milestones));
        return this;
    }

    /// <summary>One participant enrolled at <paramref name="site"/> on each of <paramref name="days"/>.</summary>
    public StudyBuilder Enrolled(string site, params string[] days)
    {
        foreach (var day in days)
        {
            Participant(site, (ResearchSubjectState.Enrolled, day, null));
        }

        return this;
    }

    /// <summary><paramref name="count"/> participants enrolled at <paramref name="site"/> on <paramref name="day"/>.</summary>
    public StudyBuilder Enrolled(string site, int count, string day) => Enrolled(site, Enumerable.Repeat(day, count).ToArray());

    public StudyBuilder Participant(string site, params (ResearchSubjectState State, string On, string? Reason)[] steps) =>
        Participant(site, null, ParticipantSex.Unknown, steps);

    public StudyBuilder Participant(string site, AgeBand? band, ParticipantSex sex, params (ResearchSubjectState State, string On, string? Reason)[] steps)
    {
        var participant = new Participant(Key, site, StudySubjectId.Parse($"S{_next++:D4}"), band, sex);
        foreach (var (state, on, reason) in steps)
        {
            var result = participant.MoveTo(state, D(on), reason is null ? [] : [CriterionReasons.None.Resolve(reason)!]);
            result.IsRefused.Should().BeFalse(result.Error);
        }

        _participants.Add(participant);
        return this;
    }

    public MonitoredStudy Study => new(Key, "A fictional study", Target, Start, End, _sites, PlannedSites);

    public IReadOnlyList<Participant> Participants => _participants;
}
