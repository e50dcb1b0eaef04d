using System.Globalization;
using TrialAccess.Recruitment.Metrics;

namespace TrialAccess.Recruitment.Alerts;

/// <summary>
/// Raises the alerts of a study on its reporting date, from its exact figures. Months are compared only when complete:
/// "last month" is the calendar month before the reporting date's.
/// </summary>
public static class AlertRules
{
    public static IReadOnlyList<RecruitmentAlert> Evaluate(StudyFacts facts, AlertThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(thresholds);
        var alerts = new List<RecruitmentAlert>();
        var study = facts.Study;
        var lastMonth = AccrualMonth.Of(facts.AsOf).Previous;
        var inPeriod = lastMonth.FirstDay >= study.RecruitmentStart && lastMonth.LastDay <= study.TargetEndDate;

        AccrualAlerts(alerts, null, "The study", facts.Monthly, lastMonth, thresholds, inPeriod ? StudyPace(facts) : null);

        foreach (var site in facts.Sites)
        {
            var label = $"{site.Site.Name} ({site.Site.Code})";
            var siteOpenAllMonth = site.Site.Opened is { } opened && opened <= lastMonth.FirstDay
                && (site.Site.Closed is not { } closed || closed >= lastMonth.LastDay);
            if (siteOpenAllMonth)
            {
                var siteEnd = site.Site.TargetEndDate ?? study.TargetEndDate;
                double? pace = site.Site.Target > 0 && lastMonth.LastDay <= siteEnd
                    ? site.Site.Target / Math.Max(1.0, (siteEnd.DayNumber - site.Site.Opened!.Value.DayNumber + 1) / Accrual.DaysPerMonth)
                    : null;
                AccrualAlerts(alerts, site.Site.Code, label, site.Monthly, lastMonth, thresholds, pace);
            }

            if (site.Setup.DaysOpenWithoutParticipant is { } waiting && waiting >= thresholds.DaysWithoutFirstParticipant && site.Site.IsOpenOn(facts.AsOf))
            {
                alerts.Add(new RecruitmentAlert(AlertKind.NoFirstParticipant, waiting >= 2 * thresholds.DaysWithoutFirstParticipant ? AlertSeverity.Critical : AlertSeverity.Warning, site.Site.Code,
                    $"{label}: no participant {waiting} days after opening (on {site.Site.Opened:yyyy-MM-dd}).",
                    $"{label}: no participant {thresholds.DaysWithoutFirstParticipant}+ days after opening."));
            }

            if (site.ScreenFailureRag is Rag.Amber or Rag.Red)
            {
                alerts.Add(new RecruitmentAlert(AlertKind.HighScreenFailureRate, site.ScreenFailureRag == Rag.Red ? AlertSeverity.Critical : AlertSeverity.Warning, site.Site.Code,
                    $"{label}: screen-failure rate {Percent(site.Funnel.ScreenFailureRate!.Value)} ({site.Funnel.ScreenFailed} of {site.Funnel.Screened} screened).",
                    $"{label}: screen-failure rate in the {site.ScreenFailureRag.ToString().ToLowerInvariant()} band."));
            }
        }

        if (facts.Recruited < study.Target && facts.AsOf > study.TargetEndDate)
        {
            alerts.Add(new RecruitmentAlert(AlertKind.TargetEndPassed, AlertSeverity.Critical, null,
                $"The target end date ({study.TargetEndDate:yyyy-MM-dd}) has passed with {facts.Recruited} of {study.Target} recruited.",
                $"The target end date ({study.TargetEndDate:yyyy-MM-dd}) has passed with the target not reached."));
        }
        else if (facts.Projection is { Kind: ProjectionKind.Projected, Median: { } median } projection && median > study.TargetEndDate)
        {
            var probability = projection.ProbabilityByTargetEnd is { } p ? $"; {Percent(p)} chance of reaching it by then" : "";
            alerts.Add(new RecruitmentAlert(AlertKind.ProjectedPastTargetEnd, projection.Lower > study.TargetEndDate ? AlertSeverity.Critical : AlertSeverity.Warning, null,
                $"Projected to reach the target on {median:yyyy-MM-dd} (95% interval {projection.Lower:yyyy-MM-dd} to {projection.Upper:yyyy-MM-dd}), after the target end date {study.TargetEndDate:yyyy-MM-dd}{probability}.",
                $"Projected to reach the target after the target end date {study.TargetEndDate:yyyy-MM-dd}."));
        }

        return alerts;
    }

    /// <summary>The study's needed pace: its target over its planned months.</summary>
    private static double? StudyPace(StudyFacts facts) =>
        facts.Study.Target > 0
            ? facts.Study.Target / Math.Max(1.0, (facts.Study.TargetEndDate.DayNumber - facts.Study.RecruitmentStart.DayNumber + 1) / Accrual.DaysPerMonth)
            : null;

    private static void AccrualAlerts(List<RecruitmentAlert> alerts, string? siteCode, string label, IReadOnlyList<MonthlyAccrual> monthly, AccrualMonth lastMonth, AlertThresholds thresholds, double? pace)
    {
        var index = -1;
        for (var i = 0; i < monthly.Count; i++)
        {
            if (monthly[i].Month == lastMonth)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return;
        }

        var last = monthly[index].Recruited;
        if (index >= thresholds.TrailingMonths)
        {
            var trailing = monthly.Skip(index - thresholds.TrailingMonths).Take(thresholds.TrailingMonths).Average(m => m.Recruited);
            if (trailing >= thresholds.MinimumTrailingAverage && last < (1 - thresholds.DropBelowTrailingAverage) * trailing)
            {
                alerts.Add(new RecruitmentAlert(AlertKind.AccrualDrop, last == 0 ? AlertSeverity.Critical : AlertSeverity.Warning, siteCode,
                    $"{label}: {last} recruited in {lastMonth}, against a {thresholds.TrailingMonths}-month average of {trailing.ToString("0.0", CultureInfo.InvariantCulture)} ({Percent(1 - (last / trailing))} below).",
                    $"{label}: accrual in {lastMonth} fell more than {Percent(thresholds.DropBelowTrailingAverage)} below its {thresholds.TrailingMonths}-month average."));
                return;
            }
        }

        if (pace is { } needed && last < (1 - thresholds.DropBelowTargetPace) * needed)
        {
            alerts.Add(new RecruitmentAlert(AlertKind.BelowTargetPace, AlertSeverity.Warning, siteCode,
                $"{label}: {last} recruited in {lastMonth}, against the {needed.ToString("0.0", CultureInfo.InvariantCulture)} a month the target needs.",
                $"{label}: accrual in {lastMonth} fell more than {Percent(thresholds.DropBelowTargetPace)} below the pace the target needs."));
        }
    }

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);
}
