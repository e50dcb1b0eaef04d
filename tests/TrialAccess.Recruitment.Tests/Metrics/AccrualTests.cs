using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Participants;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Metrics;

public class AccrualTests
{
    [Fact]
    public void DaysOpen_CountsBothTheOpeningDayAndTheReportingDay()
    {
        Accrual.DaysOpen(D("2024-01-01"), null, D("2024-01-31")).Should().Be(31);
        Accrual.DaysOpen(D("2024-01-01"), D("2024-01-10"), D("2024-01-31")).Should().Be(10, "a closed site stops counting");
        Accrual.DaysOpen(null, null, D("2024-01-31")).Should().Be(0, "a site not yet opened has no days");
        Accrual.DaysOpen(D("2024-02-01"), null, D("2024-01-31")).Should().Be(0, "opening after the reporting date");
    }

    [Fact]
    public void PerSitePerMonth_IsRecruitedOverSiteMonthsOpen()
    {
        // Open 1 January to 30 June 2024: 182 days = 182 / 30.4375 = 5.9795 site-months; 13 recruited: 2.1741 a month.
        var days = Accrual.DaysOpen(D("2024-01-01"), null, D("2024-06-30"));

        days.Should().Be(182);
        Accrual.PerSitePerMonth(13, days / Accrual.DaysPerMonth)!.Value.Should().BeApproximately(2.17410, 1e-5);
        Accrual.PerSitePerMonth(0, 0).Should().BeNull("no site-month has passed");
    }

    [Fact]
    public void PerMonth_CountsEachCalendarMonthWithZerosAndIgnoresLaterDates()
    {
        var months = Accrual.PerMonth([D("2024-01-05"), D("2024-01-31"), D("2024-03-02"), D("2024-05-01")], AccrualMonth.Of(D("2024-01-01")), D("2024-04-15"));

        months.Select(m => (m.Month.ToString(), m.Recruited)).Should().Equal(("2024-01", 2), ("2024-02", 0), ("2024-03", 1), ("2024-04", 0));
    }

    [Fact]
    public void Compute_SiteFigures_MatchTheHandComputedExample()
    {
        // Site A: opened 1 Jan 2024, target 24 by 31 Dec 2024, 13 recruited by 30 June (181 of 365 days gone; 182 days open).
        // RTT = (13/24) / (181/365) - 1 = 0.5417 / 0.4959 - 1 = 0.0923 (Green). Site B: target 0. Site C: not opened.
        var builder = new StudyBuilder { Target = 60 }
            .Site("A", 24, opened: "2024-01-01")
            .Site("B", 0, opened: "2024-02-01")
            .Site("C", 12)
            .Enrolled("A", 13, "2024-03-10")
            .Enrolled("B", 2, "2024-04-10");

        var facts = StudyFacts.Compute(builder.Study, [.. builder.Participants], D("2024-06-30"));

        var a = facts.Sites.Single(s => s.Site.Code == "A");
        a.Recruited.Should().Be(13);
        a.Rtt.ShareOfTime.Should().BeApproximately(181.0 / 365, 1e-12);
        a.Rtt.Value.Should().BeApproximately((13.0 / 24 / (181.0 / 365)) - 1, 1e-12);
        a.Rtt.Rag.Should().Be(Rag.Green);
        a.AccrualPerSiteMonth.Should().BeApproximately(13 / (182 / Accrual.DaysPerMonth), 1e-12);

        var b = facts.Sites.Single(s => s.Site.Code == "B");
        b.Rtt.Rag.Should().Be(Rag.NotAssessed, "a site with zero target has no RTT");
        b.Rtt.NotAssessed.Should().Be("no target set");
        b.AccrualPerSiteMonth.Should().BeApproximately(2 / (151 / Accrual.DaysPerMonth), 1e-12, "accrual per month still counts");

        var c = facts.Sites.Single(s => s.Site.Code == "C");
        c.Rtt.NotAssessed.Should().Be("not open to recruitment yet");
        c.AccrualPerSiteMonth.Should().BeNull();
        c.Monthly.Should().BeEmpty();
        c.Status.Should().Be(Rag.NotAssessed);

        facts.Recruited.Should().Be(15);
        facts.SitesOpened.Should().Be(2);
        facts.SitesActivatedShare.Should().BeApproximately(2.0 / 3, 1e-12);
        facts.Rtt.Value.Should().BeApproximately((15.0 / 60 / (181.0 / 365)) - 1, 1e-12, "the study's clock runs from its own start");
    }

    [Fact]
    public void Compute_PlannedSites_AreTheDenominatorOfSitesActivated()
    {
        var builder = new StudyBuilder { PlannedSites = 8 }.Site("A", 10, opened: "2024-01-01").Site("B", 10);

        StudyFacts.Compute(builder.Study, [], D("2024-03-01")).SitesActivatedShare.Should().Be(1.0 / 8);
    }

    [Fact]
    public void Compute_AccrualByAgeBandAndSex_CountsRecruitedParticipantsOnly()
    {
        var builder = new StudyBuilder().Site("A", 10, opened: "2024-01-01")
            .Participant("A", AgeBand.ForAge(45), ParticipantSex.Female, (ResearchSubjectState.Enrolled, "2024-02-01", null))
            .Participant("A", AgeBand.ForAge(47), ParticipantSex.Female, (ResearchSubjectState.Enrolled, "2024-02-03", null))
            .Participant("A", AgeBand.ForAge(71), ParticipantSex.Male, (ResearchSubjectState.Enrolled, "2024-02-05", null))
            .Participant("A", AgeBand.ForAge(52), ParticipantSex.Male, (ResearchSubjectState.Screened, "2024-02-05", null));

        var cells = StudyFacts.Compute(builder.Study, [.. builder.Participants], D("2024-03-01")).ByAgeAndSex;

        cells.Select(c => (c.AgeBand!.Label, c.Sex, c.Recruited)).Should().Equal(("40-49", ParticipantSex.Female, 2), ("70-79", ParticipantSex.Male, 1));
    }
}
