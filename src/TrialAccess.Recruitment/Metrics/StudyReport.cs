using TrialAccess.Recruitment.Alerts;
using TrialAccess.Recruitment.Disclosure;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Sites;

namespace TrialAccess.Recruitment.Metrics;

/// <summary>A month of the accrual chart: recruited in the month, recruited so far, and what the target line expects by its end.</summary>
public sealed record MonthPoint(string Month, DisclosedCount Recruited, DisclosedCount Cumulative, double Expected);

public sealed record FunnelStageView(string Stage, DisclosedCount Reached);

public sealed record FunnelReasonView(string End, string? Criterion, string Text, DisclosedCount Count);

/// <summary>The screening funnel as the viewer may see it.</summary>
public sealed record FunnelView(IReadOnlyList<FunnelStageView> Stages, DisclosedCount Ineligible, DisclosedCount ScreenFailed, DisclosedCount Withdrawn, IReadOnlyList<FunnelReasonView> Reasons);

public sealed record DemographicCell(string AgeBand, string Sex, DisclosedCount Recruited);

public sealed record AlertView(string Kind, string Severity, string? Site, string Message);

/// <summary>Sites opened against sites planned.</summary>
public sealed record SitesActivatedView(int Opened, int Planned, double? Share);

/// <summary>One site's figures as the viewer may see them (<see cref="Exact"/>: false when counts are rounded or suppressed).</summary>
public sealed record SiteReport(
    string Code,
    string Name,
    bool Exact,
    int Target,
    DateOnly? TargetEndDate,
    IReadOnlyDictionary<string, DateOnly> Milestones,
    string DelaySource,
    string? DelayNote,
    DisclosedCount Recruited,
    RttFigure Rtt,
    double? AccrualPerSiteMonth,
    FunnelView Funnel,
    double? ScreenFailureRate,
    Rag ScreenFailureRag,
    Rag Status,
    SiteSetupFigures Setup,
    IReadOnlyList<MonthPoint> Monthly);

/// <summary>
/// A study's recruitment on a reporting date, as one viewer may see it: exact figures for the study's managers (and the
/// command line), exact figures of their own site for site staff, and aggregates under <see cref="AggregateDisclosure"/>
/// for everyone else. Alerts are raised on the exact figures; viewers of aggregates read them without counts.
/// </summary>
public sealed record StudyReport(
    string Id,
    string Title,
    DateOnly AsOf,
    bool Exact,
    int Target,
    DateOnly RecruitmentStart,
    DateOnly TargetEndDate,
    DisclosedCount Recruited,
    RttFigure Rtt,
    double? ScreenFailureRate,
    Rag ScreenFailureRag,
    FunnelView Funnel,
    SitesActivatedView SitesActivated,
    Projection Projection,
    IReadOnlyList<MonthPoint> Monthly,
    IReadOnlyList<DemographicCell> ByAgeAndSex,
    IReadOnlyList<SiteReport> Sites,
    IReadOnlyList<AlertView> Alerts,
    IReadOnlyList<string> Definitions)
{
    public static StudyReport From(StudyFacts facts, IReadOnlyList<RecruitmentAlert> alerts, ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(audience);
        var exact = audience.StudyExact;
        var study = facts.Study;
        var recruited = AggregateDisclosure.Disclose(facts.Recruited, exact);
        var definitions = facts.Definitions;
        var rttDefinition = definitions.Single(d => d.Code == MetricCodes.Rtt);
        var screenFailure = definitions.Single(d => d.Code == MetricCodes.ScreenFailureRate);
        var sites = facts.Sites.Select(s => SiteView(facts, s, audience.IsSiteExact(s.Site.Code), rttDefinition, screenFailure)).ToList();
        var funnel = View(facts.Funnel, exact);
        var (rate, rag) = ScreenFailure(facts.Funnel, facts.ScreenFailureRag, funnel, exact, screenFailure);
        return new StudyReport(
            study.Key.ToString(),
            study.Title,
            facts.AsOf,
            exact,
            study.Target,
            study.RecruitmentStart,
            study.TargetEndDate,
            recruited,
            exact ? facts.Rtt : Withheld(recruited, study.Target, study.RecruitmentStart, study.TargetEndDate, facts.AsOf, rttDefinition),
            rate,
            rag,
            funnel,
            new SitesActivatedView(facts.SitesOpened, study.PlannedSiteCount, facts.SitesActivatedShare),
            facts.Projection,
            Chart(facts.Monthly, exact, facts.ExpectedBy),
            [.. facts.ByAgeAndSex.Select(c => new DemographicCell(c.AgeBand?.Label ?? "unknown", c.Sex.ToString().ToLowerInvariant(), AggregateDisclosure.Disclose(c.Recruited, exact)))],
            sites,
            [.. alerts.Select(a => new AlertView(a.Kind.ToString(), a.Severity.ToString(), a.SiteCode, exact || (a.SiteCode is { } code && audience.IsSiteExact(code)) ? a.Message : a.Summary))],
            [.. definitions.Select(d => d.Citation)]);
    }

    private static SiteReport SiteView(StudyFacts facts, SiteFacts site, bool exact, MetricDefinition rttDefinition, MetricDefinition screenFailure)
    {
        var recruited = AggregateDisclosure.Disclose(site.Recruited, exact);
        var funnel = View(site.Funnel, exact);
        var (rate, sfRag) = ScreenFailure(site.Funnel, site.ScreenFailureRag, funnel, exact, screenFailure);
        var end = site.Site.TargetEndDate ?? facts.Study.TargetEndDate;
        var opened = site.Site.Opened is { } o && o <= facts.AsOf ? o : (DateOnly?)null;
        var rtt = exact ? site.Rtt : Withheld(recruited, site.Site.Target, opened, end, facts.AsOf, rttDefinition);
        double? psm = exact ? site.AccrualPerSiteMonth
            : recruited.Value is { } shown ? Accrual.PerSitePerMonth(shown, site.DaysOpen / Accrual.DaysPerMonth) : null;
        return new SiteReport(
            site.Site.Code,
            site.Site.Name,
            exact,
            site.Site.Target,
            site.Site.TargetEndDate,
            site.Site.Milestones.Where(m => m.Value <= facts.AsOf).ToDictionary(m => m.Key.ToString(), m => m.Value),
            site.Site.DelaySource.ToString(),
            site.Site.DelayNote,
            recruited,
            rtt,
            psm,
            funnel,
            rate,
            sfRag,
            SiteFacts.Worst(rtt.Rag, sfRag),
            exact ? site.Setup : site.Setup with { FirstParticipantOn = null },
            exact ? Chart(site.Monthly, true, _ => 0) : []);
    }

    /// <summary>RTT from the disclosed count: withheld when the count is suppressed.</summary>
    private static RttFigure Withheld(DisclosedCount recruited, int target, DateOnly? start, DateOnly end, DateOnly asOf, MetricDefinition definition) =>
        recruited.Value is { } shown
            ? RecruitmentToTimeAndTarget.Compute(shown, target, start, end, asOf, definition)
            : new RttFigure(null, null, start is { } s ? RecruitmentToTimeAndTarget.ShareOfTime(s, end, asOf) : null, Rag.NotAssessed, $"withheld: fewer than {AggregateDisclosure.Threshold} recruited", definition);

    private static (double? Rate, Rag Rag) ScreenFailure(ScreeningFunnel exactFunnel, Rag exactRag, FunnelView view, bool exact, MetricDefinition definition)
    {
        if (exact)
        {
            return (exactFunnel.ScreenFailureRate, exactRag);
        }

        var screened = view.Stages.Single(s => s.Stage == ResearchSubjectState.Screened.LogName()).Reached.Value;
        var failed = view.ScreenFailed.Value;
        if (screened is not { } n || failed is not { } f || n == 0)
        {
            return (null, Rag.NotAssessed);
        }

        var rate = Math.Min(1.0, (double)f / n);
        return (rate, n >= definition.MinimumDenominator && definition.Bands is { } bands ? bands.Read(rate) : Rag.NotAssessed);
    }

    private static FunnelView View(ScreeningFunnel funnel, bool exact) => new(
        [.. funnel.Stages.Select(s => new FunnelStageView(s.Stage.LogName(), AggregateDisclosure.Disclose(s.Reached, exact)))],
        AggregateDisclosure.Disclose(funnel.Ineligible, exact),
        AggregateDisclosure.Disclose(funnel.ScreenFailed, exact),
        AggregateDisclosure.Disclose(funnel.Withdrawn, exact),
        [.. funnel.Reasons
            .Select(r => new FunnelReasonView(r.End.LogName(), r.CriterionPosition, r.Text, AggregateDisclosure.Disclose(r.Count, exact)))
            .Where(r => exact || !r.Count.IsSuppressed)]);

    private static List<MonthPoint> Chart(IReadOnlyList<MonthlyAccrual> monthly, bool exact, Func<DateOnly, double> expected)
    {
        var points = new List<MonthPoint>(monthly.Count);
        var cumulative = 0;
        foreach (var month in monthly)
        {
            cumulative += month.Recruited;
            points.Add(new MonthPoint(month.Month.ToString(), AggregateDisclosure.Disclose(month.Recruited, exact), AggregateDisclosure.Disclose(cumulative, exact), expected(month.Month.LastDay)));
        }

        return points;
    }
}

/// <summary>Computes a study's report for a viewer: the exact figures, the alerts on them, then what the viewer may see.</summary>
public static class RecruitmentReporter
{
    public static StudyReport Report(Studies.MonitoredStudy study, IReadOnlyCollection<Participant> participants, DateOnly asOf, ReportAudience audience, AlertThresholds? thresholds = null, MetricCatalog? catalog = null)
    {
        var facts = StudyFacts.Compute(study, participants, asOf, catalog);
        return StudyReport.From(facts, AlertRules.Evaluate(facts, thresholds ?? new AlertThresholds()), audience);
    }
}
