using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Sites;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Recruitment.Metrics;

/// <summary>One site's exact figures on a reporting date, before anything is withheld for a viewer.</summary>
public sealed record SiteFacts(
    StudySite Site,
    int Recruited,
    int DaysOpen,
    double? AccrualPerSiteMonth,
    RttFigure Rtt,
    ScreeningFunnel Funnel,
    Rag ScreenFailureRag,
    SiteSetupFigures Setup,
    IReadOnlyList<MonthlyAccrual> Monthly)
{
    /// <summary>The site's status: the worse of its recruitment-to-time-and-target band and its screen-failure band (a site risk indicator, as gsm reads it).</summary>
    public Rag Status => Worst(Rtt.Rag, ScreenFailureRag);

    internal static Rag Worst(Rag a, Rag b) => (Rag)Math.Max((int)a, (int)b);
}

/// <summary>A study's exact figures on a reporting date, computed from its sites' milestones and its participants' dated histories.</summary>
public sealed record StudyFacts(
    MonitoredStudy Study,
    DateOnly AsOf,
    int Recruited,
    RttFigure Rtt,
    ScreeningFunnel Funnel,
    Rag ScreenFailureRag,
    int SitesOpened,
    Projection Projection,
    IReadOnlyList<MonthlyAccrual> Monthly,
    IReadOnlyList<(AgeBand? AgeBand, ParticipantSex Sex, int Recruited)> ByAgeAndSex,
    IReadOnlyList<SiteFacts> Sites,
    IReadOnlyList<MetricDefinition> Definitions)
{
    /// <summary>Sites opened ÷ sites planned; null with no site planned.</summary>
    public double? SitesActivatedShare => Study.PlannedSiteCount == 0 ? null : (double)SitesOpened / Study.PlannedSiteCount;

    /// <summary>The participants a steady pace from the recruitment start would have recruited by the end of each month: the target line.</summary>
    public double ExpectedBy(DateOnly day) => Study.Target * RecruitmentToTimeAndTarget.ShareOfTime(Study.RecruitmentStart, Study.TargetEndDate, day);

    /// <summary>Computes every figure for <paramref name="study"/> on <paramref name="asOf"/>; events dated after it are not counted.</summary>
    public static StudyFacts Compute(MonitoredStudy study, IReadOnlyCollection<Participant> participants, DateOnly asOf, MetricCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(participants);
        catalog ??= MetricCatalog.Default;
        var rttDefinition = catalog.For(MetricCodes.Rtt, asOf);
        var screenFailure = catalog.For(MetricCodes.ScreenFailureRate, asOf);
        var bySite = participants.GroupBy(p => p.SiteCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var sites = new List<SiteFacts>(study.Sites.Count);
        foreach (var site in study.Sites)
        {
            var own = bySite.GetValueOrDefault(site.Code) ?? [];
            var recruitedOn = own.Select(p => p.RecruitedOn).OfType<DateOnly>().Where(d => d <= asOf).ToList();
            var opened = site.Opened is { } o && o <= asOf ? o : (DateOnly?)null;
            var daysOpen = Accrual.DaysOpen(site.Opened, site.Closed, asOf);
            var funnel = ScreeningFunnel.Of(own, asOf);
            sites.Add(new SiteFacts(
                site,
                recruitedOn.Count,
                daysOpen,
                Accrual.PerSitePerMonth(recruitedOn.Count, daysOpen / Accrual.DaysPerMonth),
                RecruitmentToTimeAndTarget.Compute(recruitedOn.Count, site.Target, opened, site.TargetEndDate ?? study.TargetEndDate, asOf, rttDefinition),
                funnel,
                ReadScreenFailure(funnel, screenFailure),
                SiteSetup.Compute(site, recruitedOn, asOf),
                opened is { } from ? Accrual.PerMonth(recruitedOn, AccrualMonth.Of(from), asOf) : Accrual.PerMonth(recruitedOn, AccrualMonth.Of(asOf).Next, asOf)));
        }

        var allRecruited = participants.Select(p => p.RecruitedOn).OfType<DateOnly>().Where(d => d <= asOf).Order().ToList();
        var studyFunnel = ScreeningFunnel.Of(participants, asOf);
        DateOnly? reachedOn = study.Target > 0 && allRecruited.Count >= study.Target ? allRecruited[study.Target - 1] : null;
        var exposures = sites.Select(s => new SiteExposure(s.Site.Code, s.Recruited, s.DaysOpen, s.Site.IsOpenOn(asOf))).ToList();
        return new StudyFacts(
            study,
            asOf,
            allRecruited.Count,
            RecruitmentToTimeAndTarget.Compute(allRecruited.Count, study.Target, study.RecruitmentStart, study.TargetEndDate, asOf, rttDefinition),
            studyFunnel,
            ReadScreenFailure(studyFunnel, screenFailure),
            study.Sites.Count(s => s.Opened is { } opened && opened <= asOf),
            RecruitmentProjection.Project(study.Target, allRecruited.Count, reachedOn, exposures, asOf, study.TargetEndDate),
            Accrual.PerMonth(allRecruited, AccrualMonth.Of(study.RecruitmentStart), asOf),
            [.. participants
                .Where(p => p.RecruitedOn is { } d && d <= asOf)
                .GroupBy(p => (p.AgeBand, p.Sex))
                .Select(g => (g.Key.AgeBand, g.Key.Sex, g.Count()))
                .OrderBy(c => c.AgeBand?.From ?? int.MaxValue)
                .ThenBy(c => c.Sex)],
            sites,
            [.. MetricCodes.All.Select(code => catalog.For(code, asOf))]);
    }

    private static Rag ReadScreenFailure(ScreeningFunnel funnel, MetricDefinition definition) =>
        funnel.ScreenFailureRate is { } rate && funnel.Screened >= definition.MinimumDenominator && definition.Bands is { } bands ? bands.Read(rate) : Rag.NotAssessed;
}
