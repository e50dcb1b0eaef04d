using System.Globalization;
using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Sites;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Storage.Recruitment.Demo;

/// <summary>
/// Fictional recruitment for three demo studies, two years back from the day it is seeded (the same each time for the
/// same day): two trials of the demo set (ids NCT99xxxxxx) and one early-phase pipeline project. The breast cancer trial
/// has a site that recruited nobody last month (stalled), a site open six weeks without a participant (and without a target yet), a
/// site not yet opened (the lung trial has another new site, with two patients screened), and a pandemic-style dip (about a third of the usual accrual for five months) a year and a half
/// ago. Screening logs carry failures with the criteria that failed.
/// </summary>
public static class RecruitmentDemo
{
    /// <summary>HER2-positive breast cancer (the demo set's TAD-450 trial).</summary>
    public static readonly StudyKey BreastStudy = StudyKey.Parse("NCT99000005");

    /// <summary>EGFR-mutant lung cancer (the demo set's TAD-101 trial).</summary>
    public static readonly StudyKey LungStudy = StudyKey.Parse("NCT99000001");

    public static readonly StudyKey PipelineProject = StudyKey.Parse("pipeline:P-0007");

    /// <summary>The lung study's site opened six weeks ago with no target yet, two patients screened (one failed) and nobody recruited.</summary>
    public const string NewSite = "PCRU";

    public static IReadOnlyList<StudyKey> Studies { get; } = [BreastStudy, LungStudy, PipelineProject];

    /// <summary>Adds the demo studies to <paramref name="workspace"/>; refused when one of them is already monitored.</summary>
    public static ChangeResult Fill(RecruitmentWorkspace workspace, DateOnly today, Func<StudyKey, CriterionReasons> reasons)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(reasons);
        foreach (var existing in Studies.Where(s => workspace.Study(s) is not null))
        {
            return ChangeResult.Refused($"{existing} is already monitored: the demo recruitment is seeded once.");
        }

        var random = new Random(15);
        var start = today.AddMonths(-24);
        var dip = (From: start.AddMonths(6), To: start.AddMonths(11));

        var breast = new Builder(workspace, BreastStudy, reasons(BreastStudy), random, today);
        breast.Define("[Demo] TAD-450 with trastuzumab deruxtecan, HER2-positive metastatic breast cancer", 180, start, today.AddMonths(6), plannedSites: 6);
        breast.Site("PCMC", "Pacific Crest Medical Center", 70, selected: start.AddMonths(-2), opened: start, perMonth: 3.2, dip);
        breast.Site("FRBO", "Front Range Breast Oncology", 60, selected: start.AddMonths(-1), opened: start.AddMonths(1), perMonth: 2.6, dip, stalledFrom: today.AddMonths(-1), delay: DelaySource.Site);
        breast.Site("PCI", "Peachtree Cancer Institute", 50, selected: start, opened: start.AddMonths(2), perMonth: 2.0, dip);
        breast.Site("TOH", "Thameside Oncology Hospital", 0, selected: today.AddMonths(-4), opened: today.AddDays(-45), perMonth: 0, dip);
        breast.Site("LWC", "Lakeshore Women's Cancer Program", 20, selected: today.AddMonths(-2), opened: null, perMonth: 0, dip, delay: DelaySource.Sponsor);

        var lung = new Builder(workspace, LungStudy, reasons(LungStudy), random, today);
        lung.Define("[Demo] Osimertinib with or without TAD-101, untreated EGFR-mutant NSCLC", 120, start.AddMonths(4), today.AddMonths(10));
        lung.Site("NCC", "Northbridge Cancer Centre", 50, selected: start.AddMonths(2), opened: start.AddMonths(4), perMonth: 2.7, dip);
        lung.Site("RTOI", "Riverside Thoracic Oncology Institute", 40, selected: start.AddMonths(3), opened: start.AddMonths(5), perMonth: 2.1, dip);
        lung.Site("GCCP", "Gulf Coast Cancer Pavilion", 30, selected: start.AddMonths(3), opened: start.AddMonths(6), perMonth: 1.6, dip);
        lung.Site(NewSite, "Pennine Cancer Research Unit", 0, selected: today.AddMonths(-4), opened: today.AddDays(-45), perMonth: 0, dip);
        lung.Screen(NewSite, today.AddDays(-20), failedOn: "E1");
        lung.Screen(NewSite, today.AddDays(-10), failedOn: null);

        var project = new Builder(workspace, PipelineProject, CriterionReasons.None, random, today);
        project.Define("[Demo] First-in-human TAD-1212 dose escalation (pipeline project P-0007)", 36, today.AddMonths(-10), today.AddMonths(2));
        project.Site("NCC", "Northbridge Cancer Centre", 18, selected: today.AddMonths(-12), opened: today.AddMonths(-10), perMonth: 0.9, dip);
        project.Site("GNOP", "Golden Gate Neuro-Oncology Program", 18, selected: today.AddMonths(-11), opened: today.AddMonths(-8), perMonth: 0.6, dip);
        return ChangeResult.Changed;
    }

    private sealed class Builder(RecruitmentWorkspace workspace, StudyKey study, CriterionReasons reasons, Random random, DateOnly today)
    {
        private static readonly string[] Failures = ["I5", "I7", "I3", "E1", "E3", "I8", "E2"];
        private static readonly string[] Withdrawals = ["Declined: travel to the site too far", "Declined: preferred standard treatment", "Withdrew consent"];
        private static readonly AgeBand[] Bands = [.. AgeBand.All.Skip(1)];
        private int _next;

        public void Define(string title, int target, DateOnly start, DateOnly end, int? plannedSites = null) =>
            Check(workspace.DefineStudy(study, title, target, start, end, plannedSites));

        public void Site(string code, string name, int target, DateOnly selected, DateOnly? opened, double perMonth, (DateOnly From, DateOnly To) dip, DateOnly? stalledFrom = null, DelaySource delay = DelaySource.None)
        {
            var (site, added) = workspace.Site(study, code, name, target);
            Check(added);
            Check(site!.RecordMilestone(SiteMilestone.Invited, selected.AddDays(-21)));
            Check(site.RecordMilestone(SiteMilestone.Selected, selected));
            if (opened is not { } from)
            {
                Check(site.RecordDelay(delay, "Contract not yet signed"));
                return;
            }

            Check(site.RecordMilestone(SiteMilestone.Approved, from.AddDays(-30)));
            Check(site.RecordMilestone(SiteMilestone.Confirmed, from.AddDays(-7)));
            Check(site.RecordMilestone(SiteMilestone.Opened, from));
            if (delay != DelaySource.None)
            {
                Check(site.RecordDelay(delay, delay == DelaySource.Site ? "Research nurse post vacant" : "Contract not yet signed"));
            }

            for (var month = new DateOnly(from.Year, from.Month, 1); month <= today; month = month.AddMonths(1))
            {
                var rate = perMonth;
                if (month >= dip.From && month < dip.To)
                {
                    rate *= 0.35;
                }

                if (stalledFrom is { } stalled && month >= new DateOnly(stalled.Year, stalled.Month, 1))
                {
                    rate = 0;
                }

                var recruits = Poisson(rate);
                for (var i = 0; i < recruits; i++)
                {
                    var day = month.AddDays(random.Next(0, 28));
                    if (day < from || day > today)
                    {
                        continue;
                    }

                    Enrol(code, day);
                }

                var failures = Poisson(rate * 0.45);
                for (var i = 0; i < failures; i++)
                {
                    var day = month.AddDays(random.Next(0, 28));
                    if (day >= from && day <= today)
                    {
                        Screen(code, day, Failures[random.Next(Failures.Length)]);
                    }
                }
            }
        }

        /// <summary>A participant screened on <paramref name="day"/> who failed on <paramref name="failedOn"/>, or (null) was found eligible and is awaiting consent.</summary>
        public void Screen(string site, DateOnly day, string? failedOn)
        {
            var participant = New(site);
            Check(participant.MoveTo(ResearchSubjectState.Screened, day));
            Check(failedOn is null
                ? participant.MoveTo(ResearchSubjectState.Eligible, day.AddDays(3))
                : participant.MoveTo(ResearchSubjectState.ScreenFailed, day.AddDays(5), [reasons.Resolve(failedOn)!]));
            Check(workspace.AddParticipant(participant));
        }

        private void Enrol(string site, DateOnly day)
        {
            var participant = New(site);
            Check(participant.MoveTo(ResearchSubjectState.Screened, day.AddDays(-14)));
            Check(participant.MoveTo(ResearchSubjectState.Eligible, day.AddDays(-7)));
            Check(participant.MoveTo(ResearchSubjectState.Consented, day.AddDays(-5)));
            Check(participant.MoveTo(ResearchSubjectState.Enrolled, day));
            if (random.NextDouble() < 0.06 && day.AddDays(60) <= today)
            {
                Check(participant.MoveTo(ResearchSubjectState.Withdrawn, day.AddDays(60), [ScreeningReason.Other(Withdrawals[random.Next(Withdrawals.Length)])]));
            }

            Check(workspace.AddParticipant(participant));
        }

        private Participant New(string site) =>
            new(study, site, StudySubjectId.Parse(string.Create(CultureInfo.InvariantCulture, $"{site}-{++_next:D4}")), Bands[random.Next(Bands.Length)], random.Next(2) == 0 ? ParticipantSex.Female : ParticipantSex.Male);

        private int Poisson(double rate)
        {
            // Knuth's method: fine for the small monthly rates of the demo.
            var limit = Math.Exp(-rate);
            var product = random.NextDouble();
            var count = 0;
            while (product > limit)
            {
                count++;
                product *= random.NextDouble();
            }

            return count;
        }

        private static void Check(ChangeResult result)
        {
            if (result.IsRefused)
            {
                throw new InvalidOperationException("The demo recruitment is inconsistent: " + result.Error);
            }
        }
    }
}
