using TrialAccess.Recruitment.Disclosure;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Participants;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Disclosure;

public class AggregateDisclosureTests
{
    [Theory]
    [InlineData(0, 0, "0")]
    [InlineData(1, null, "<5")]
    [InlineData(4, null, "<5")]
    [InlineData(5, 5, "~5")]
    [InlineData(7, 5, "~5")]
    [InlineData(8, 10, "~10")]
    [InlineData(12, 10, "~10")]
    [InlineData(13, 15, "~15")]
    public void Disclose_ForAggregateViewers_SuppressesOneToFourAndRoundsTheRestToFive(int count, int? shown, string text)
    {
        var disclosed = AggregateDisclosure.Disclose(count, exact: false);

        disclosed.Value.Should().Be(shown);
        disclosed.ToString().Should().Be(text);
    }

    [Fact]
    public void Disclose_ForExactViewers_GivesTheCount()
    {
        AggregateDisclosure.Disclose(3, exact: true).Should().Be(DisclosedCount.Exact(3));
        DisclosedCount.Exact(3).ToString().Should().Be("3");
    }

    private static StudyBuilder TwoSites() => new StudyBuilder { Target = 40 }
        .Site("A", 20, opened: "2024-01-01")
        .Site("B", 20, opened: "2024-01-01")
        .Enrolled("A", 3, "2024-02-01")
        .Enrolled("B", 12, "2024-02-01")
        .Participant("B", (ResearchSubjectState.Screened, "2024-02-02", null), (ResearchSubjectState.ScreenFailed, "2024-02-03", "I4"));

    [Fact]
    public void Report_ForAggregateViewers_NeverShowsACountThatCouldRevealAParticipant()
    {
        var builder = TwoSites();

        var report = RecruitmentReporter.Report(builder.Study, [.. builder.Participants], D("2024-03-01"), ReportAudience.Aggregate);

        report.Exact.Should().BeFalse();
        report.Recruited.Should().Be(new DisclosedCount(15, false));
        var a = report.Sites.Single(s => s.Code == "A");
        a.Recruited.IsSuppressed.Should().BeTrue();
        a.Rtt.Value.Should().BeNull();
        a.Rtt.NotAssessed.Should().Be("withheld: fewer than 5 recruited");
        a.AccrualPerSiteMonth.Should().BeNull();
        a.Monthly.Should().BeEmpty("monthly counts at one site are small");
        var b = report.Sites.Single(s => s.Code == "B");
        b.Recruited.Should().Be(new DisclosedCount(10, false));
        b.Funnel.ScreenFailed.IsSuppressed.Should().BeTrue();
        b.Funnel.Reasons.Should().BeEmpty("a reason given for one participant is not shown");
        b.ScreenFailureRate.Should().BeNull();
        report.Monthly.Select(m => m.Recruited.ToString()).Should().OnlyContain(text => text == "0" || text == "<5" || text.StartsWith('~'));
        report.Monthly.SelectMany(m => new[] { m.Recruited, m.Cumulative }).Should().OnlyContain(c => c.IsSuppressed || c.Value % 5 == 0);
    }

    [Fact]
    public void Report_ForSiteStaff_IsExactForTheirOwnSiteOnly()
    {
        var builder = TwoSites();

        var report = RecruitmentReporter.Report(builder.Study, [.. builder.Participants], D("2024-03-01"), ReportAudience.SiteStaff(["a"]));

        report.Sites.Single(s => s.Code == "A").Recruited.Should().Be(DisclosedCount.Exact(3));
        report.Sites.Single(s => s.Code == "A").Exact.Should().BeTrue();
        report.Sites.Single(s => s.Code == "B").Recruited.Should().Be(new DisclosedCount(10, false));
        report.Recruited.IsExact.Should().BeFalse("the study total would give away the other site's count");
    }

    [Fact]
    public void Report_ForManagers_IsExact()
    {
        var builder = TwoSites();

        var report = RecruitmentReporter.Report(builder.Study, [.. builder.Participants], D("2024-03-01"), ReportAudience.Full);

        report.Recruited.Should().Be(DisclosedCount.Exact(15));
        report.Sites.Single(s => s.Code == "B").Funnel.Reasons.Single().Count.Should().Be(DisclosedCount.Exact(1));
    }
}
