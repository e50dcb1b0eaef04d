using TrialAccess.Recruitment.Alerts;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Participants;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Alerts;

public class AlertRulesTests
{
    /// <summary>Site A recruits 5 in each of January, February and March 2024 and <paramref name="april"/> in April.</summary>
    private static StudyBuilder SteadyThen(int april)
    {
        var builder = new StudyBuilder { Target = 40, Start = D("2024-01-01"), End = D("2024-12-31") }
            .Site("A", 40, opened: "2024-01-01")
            .Enrolled("A", 5, "2024-01-15").Enrolled("A", 5, "2024-02-15").Enrolled("A", 5, "2024-03-15");
        return april > 0 ? builder.Enrolled("A", april, "2024-04-15") : builder;
    }

    private static IReadOnlyList<RecruitmentAlert> Alerts(StudyBuilder builder, string asOf, AlertThresholds? thresholds = null) =>
        AlertRules.Evaluate(StudyFacts.Compute(builder.Study, [.. builder.Participants], D(asOf)), thresholds ?? new AlertThresholds());

    [Fact]
    public void Evaluate_MonthMoreThan60PercentBelowTrailingAverage_RaisesAnAccrualDrop()
    {
        // April: 1 against a three-month average of 5, i.e. 80% below (the threshold is 60%: below 2).
        var alerts = Alerts(SteadyThen(1), "2024-05-10");

        var site = alerts.Single(a => a.SiteCode == "A");
        site.Kind.Should().Be(AlertKind.AccrualDrop);
        site.Message.Should().Be("Site A (A): 1 recruited in 2024-04, against a 3-month average of 5.0 (80% below).");
        site.Summary.Should().NotContainAny("1 recruited", "5.0");
        alerts.Should().Contain(a => a.SiteCode == null && a.Kind == AlertKind.AccrualDrop, "the whole study dropped too");
    }

    [Fact]
    public void Evaluate_MonthWithinTheThreshold_RaisesNothing()
    {
        // April: 3 against an average of 5 is 40% below.
        Alerts(SteadyThen(3), "2024-05-10").Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_Thresholds_AreConfigurable()
    {
        var lenient = new AlertThresholds { DropBelowTrailingAverage = 0.9, DropBelowTargetPace = 0.9 };

        Alerts(SteadyThen(1), "2024-05-10", lenient).Should().BeEmpty("1 is 80% below 5, not 90%");
    }

    [Fact]
    public void Evaluate_MonthWellBelowTheTargetPace_RaisesBelowTargetPace()
    {
        // Target 60 over 2024 needs 5.0 a month (60 / (366 / 30.4375) = 4.99); 1 in January is more than 60% below it,
        // and in February there is no trailing average yet to compare with.
        var builder = new StudyBuilder { Target = 60 }.Site("A", 60, opened: "2024-01-01").Enrolled("A", 1, "2024-01-20");

        var alerts = Alerts(builder, "2024-02-10");

        var pace = alerts.Where(a => a.Kind == AlertKind.BelowTargetPace).ToList();
        pace.Select(a => a.SiteCode).Should().Equal(null, "A");
        pace[0].Message.Should().Be("The study: 1 recruited in 2024-01, against the 5.0 a month the target needs.");
    }

    [Fact]
    public void Evaluate_SiteOpenThirtyDaysWithoutAParticipant_RaisesAnAlert()
    {
        var builder = new StudyBuilder { Target = 0 }.Site("A", 0, opened: "2024-03-01");

        Alerts(builder, "2024-03-20").Should().BeEmpty();
        var alert = Alerts(builder, "2024-04-05").Single();
        alert.Kind.Should().Be(AlertKind.NoFirstParticipant);
        alert.Message.Should().Be("Site A (A): no participant 35 days after opening (on 2024-03-01).");
        Alerts(builder, "2024-05-05").Single().Severity.Should().Be(AlertSeverity.Critical, "twice the threshold");
    }

    [Fact]
    public void Evaluate_ProjectionAfterTheTargetEndDate_RaisesAnAlert()
    {
        // 10 in 182 days towards 100 by the end of 2024: the rest would take about four more years.
        var builder = new StudyBuilder { Target = 100 }.Site("A", 0, opened: "2024-01-01").Enrolled("A", 10, "2024-02-01");

        var alert = Alerts(builder, "2024-07-01").Single(a => a.Kind == AlertKind.ProjectedPastTargetEnd);

        alert.Severity.Should().Be(AlertSeverity.Critical, "even the early end of the interval is after the end date");
        alert.Message.Should().StartWith("Projected to reach the target on ").And.Contain("after the target end date 2024-12-31");
    }

    [Fact]
    public void Evaluate_StudyPastItsEndDateShortOfTarget_RaisesTargetEndPassed()
    {
        var builder = new StudyBuilder { Target = 20, Start = D("2023-01-01"), End = D("2023-12-31") }
            .Site("A", 0, opened: "2023-01-01").Enrolled("A", 12, "2023-03-01");

        var alert = Alerts(builder, "2024-02-10").Single(a => a.Kind == AlertKind.TargetEndPassed);

        alert.Message.Should().Be("The target end date (2023-12-31) has passed with 12 of 20 recruited.");
    }

    [Fact]
    public void Evaluate_ScreenFailureRateInTheAmberBand_RaisesAnAlert()
    {
        var builder = new StudyBuilder { Target = 0 }.Site("A", 0, opened: "2024-01-01")
            .Enrolled("A", "2024-01-10")
            .Participant("A", (ResearchSubjectState.Screened, "2024-01-12", null), (ResearchSubjectState.ScreenFailed, "2024-01-13", "I2"))
            .Participant("A", (ResearchSubjectState.Screened, "2024-01-12", null), (ResearchSubjectState.ScreenFailed, "2024-01-13", "I2"));

        var alert = Alerts(builder, "2024-01-20").Single();

        alert.Kind.Should().Be(AlertKind.HighScreenFailureRate);
        alert.Message.Should().Be("Site A (A): screen-failure rate 67% (2 of 3 screened).");
    }

    [Fact]
    public void Validate_ThresholdsOutOfRange_SaysWhich()
    {
        new AlertThresholds { DropBelowTrailingAverage = 1.5 }.Validate().Should().Be("DropBelowTrailingAverage must be between 0 and 1 (0.6 is 60% below).");
        new AlertThresholds().Validate().Should().BeNull();
    }
}
