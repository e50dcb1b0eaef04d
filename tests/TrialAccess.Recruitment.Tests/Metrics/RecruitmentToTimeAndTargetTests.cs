using TrialAccess.Recruitment.Metrics;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Metrics;

public class RecruitmentToTimeAndTargetTests
{
    private static readonly MetricDefinition V1 = MetricCatalog.Default.For(MetricCodes.Rtt, D("2020-06-30"));
    private static readonly MetricDefinition V2 = MetricCatalog.Default.For(MetricCodes.Rtt, D("2021-06-30"));

    // A 200-day clock from 2023-01-01 to 2023-07-20; on 2023-04-11 (day 100) half the time has gone.
    private static readonly DateOnly Start = D("2023-01-01");
    private static readonly DateOnly End = D("2023-07-20");
    private static readonly DateOnly Halfway = D("2023-04-11");

    [Fact]
    public void Compute_NihrExample25PercentRecruitedAtHalfTime_IsMinus50PercentAndRed()
    {
        var figure = RecruitmentToTimeAndTarget.Compute(25, 100, Start, End, Halfway, V2);

        figure.ShareOfTime.Should().Be(0.5);
        figure.ShareOfTarget.Should().Be(0.25);
        figure.Value.Should().BeApproximately(-0.5, 1e-12, "(25% / 50%) - 1");
        figure.Rag.Should().Be(Rag.Red);
        figure.Definition.Citation.Should().Be("rtt@2");
    }

    [Theory]
    [InlineData(40, -0.2, Rag.Amber)]
    [InlineData(35, -0.3, Rag.Amber)]
    [InlineData(34, -0.32, Rag.Red)]
    [InlineData(50, 0.0, Rag.Green)]
    [InlineData(60, 0.2, Rag.Green)]
    public void Compute_AtHalfTime_ReadsTheBandsFromTheDefinition(int recruited, double expected, Rag rag)
    {
        var figure = RecruitmentToTimeAndTarget.Compute(recruited, 100, Start, End, Halfway, V2);

        figure.Value.Should().BeApproximately(expected, 1e-12);
        figure.Rag.Should().Be(rag);
    }

    [Fact]
    public void Compute_Version1_IsTheDifferenceOfShares()
    {
        var figure = RecruitmentToTimeAndTarget.Compute(25, 100, Start, End, Halfway, V1);

        figure.Value.Should().BeApproximately(-0.25, 1e-12, "25% - 50%");
        figure.Rag.Should().Be(Rag.Red);
        figure.Definition.Citation.Should().Be("rtt@1");
    }

    [Fact]
    public void Compute_ZeroTarget_IsNotAssessedAndNeverDividesByZero()
    {
        var figure = RecruitmentToTimeAndTarget.Compute(7, 0, Start, End, Halfway, V2);

        figure.Value.Should().BeNull();
        figure.ShareOfTarget.Should().BeNull();
        figure.Rag.Should().Be(Rag.NotAssessed);
        figure.NotAssessed.Should().Be("no target set");
    }

    [Fact]
    public void Compute_SiteNotYetOpened_IsNotAssessed()
    {
        var figure = RecruitmentToTimeAndTarget.Compute(0, 20, start: null, End, Halfway, V2);

        figure.Value.Should().BeNull();
        figure.ShareOfTime.Should().BeNull();
        figure.Rag.Should().Be(Rag.NotAssessed);
        figure.NotAssessed.Should().Be("not open to recruitment yet");
    }

    [Fact]
    public void Compute_BeforeTheClockStarts_IsNotAssessed()
    {
        var figure = RecruitmentToTimeAndTarget.Compute(0, 20, Start, End, D("2022-12-01"), V2);

        figure.ShareOfTime.Should().Be(0);
        figure.NotAssessed.Should().Be("recruitment period not started");
    }

    [Fact]
    public void Compute_StudyPastItsEndDate_CountsAllTheTimeAsElapsed()
    {
        // 80 of 100 recruited, six months after the end date: time elapsed is capped at 100%, so (80% / 100%) - 1.
        var figure = RecruitmentToTimeAndTarget.Compute(80, 100, Start, End, D("2024-01-20"), V2);

        figure.ShareOfTime.Should().Be(1);
        figure.Value.Should().BeApproximately(-0.2, 1e-12);
        figure.Rag.Should().Be(Rag.Amber);
    }

    [Fact]
    public void ShareOfTime_CountsDaysFromStartToEnd()
    {
        RecruitmentToTimeAndTarget.ShareOfTime(D("2024-01-01"), D("2024-12-31"), D("2024-07-01")).Should().BeApproximately(182.0 / 365, 1e-12);
        RecruitmentToTimeAndTarget.ShareOfTime(D("2024-01-01"), D("2024-12-31"), D("2024-12-31")).Should().Be(1);
    }
}
