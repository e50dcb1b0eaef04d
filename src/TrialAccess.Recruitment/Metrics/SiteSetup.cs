using TrialAccess.Recruitment.Sites;

namespace TrialAccess.Recruitment.Metrics;

/// <summary>
/// A site's set-up clocks: days from opening, and from selection, to the first participant (NIHR PID measures from
/// selection; UKCRD KPI 4 asks for the first participant within 30 days of opening).
/// </summary>
/// <param name="FirstParticipantOn">The first participant's recruitment: the recorded milestone, else the earliest recruitment in the log.</param>
/// <param name="DaysOpenWithoutParticipant">For an open site with nobody recruited yet, the days since it opened; else null.</param>
/// <param name="WithinKpi">Whether the first participant came within <see cref="SiteSetup.KpiDays"/> days of opening; null until that is known.</param>
public sealed record SiteSetupFigures(DateOnly? FirstParticipantOn, int? DaysOpenedToFirst, int? DaysSelectedToFirst, int? DaysOpenWithoutParticipant, bool? WithinKpi);

public static class SiteSetup
{
    /// <summary>UKCRD KPI 4: first participant within 30 days of opening.</summary>
    public const int KpiDays = 30;

    public static SiteSetupFigures Compute(StudySite site, IEnumerable<DateOnly> recruitedOn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(site);
        var first = site.Milestone(SiteMilestone.FirstParticipant) is { } recorded && recorded <= asOf
            ? recorded
            : recruitedOn.Where(d => d <= asOf).Order().Cast<DateOnly?>().FirstOrDefault();
        var opened = site.Opened is { } o && o <= asOf ? o : (DateOnly?)null;
        var selected = site.Selected is { } s && s <= asOf ? s : (DateOnly?)null;
        int? openedToFirst = opened is { } a && first is { } f1 ? f1.DayNumber - a.DayNumber : null;
        int? selectedToFirst = selected is { } b && first is { } f2 ? f2.DayNumber - b.DayNumber : null;
        int? waiting = opened is { } c && first is null ? asOf.DayNumber - c.DayNumber : null;
        bool? withinKpi = openedToFirst is { } days ? days <= KpiDays : waiting is > KpiDays ? false : null;
        return new SiteSetupFigures(first, openedToFirst, selectedToFirst, waiting, withinKpi);
    }
}
