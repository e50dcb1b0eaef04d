using TrialAccess.Recruitment.Metrics;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Metrics;

public class MetricCatalogTests
{
    [Fact]
    public void For_Rtt_UsesTheVersionInForceOnTheReportingDate()
    {
        MetricCatalog.Default.For(MetricCodes.Rtt, D("2020-12-31")).Version.Should().Be(1);
        MetricCatalog.Default.For(MetricCodes.Rtt, D("2021-01-01")).Version.Should().Be(2);
    }

    [Fact]
    public void Compute_AReportForADateBeforeANewDefinition_KeepsTheOldDefinition()
    {
        // The same dated events reported for 31 December 2020 and 31 March 2021: the first keeps RTT v1 although v2 exists.
        var study = new StudyBuilder { Target = 100, Start = D("2020-07-01"), End = D("2021-06-30") }
            .Site("A", 100, opened: "2020-07-01")
            .Enrolled("A", 25, "2020-09-01");

        var december = StudyFacts.Compute(study.Study, [.. study.Participants], D("2020-12-31"));
        var march = StudyFacts.Compute(study.Study, [.. study.Participants], D("2021-03-31"));

        december.Rtt.Definition.Citation.Should().Be("rtt@1");
        var decemberTime = 183.0 / 364;
        december.Rtt.Value.Should().BeApproximately(0.25 - decemberTime, 1e-12);
        december.Definitions.Select(d => d.Citation).Should().Contain("rtt@1");
        march.Rtt.Definition.Citation.Should().Be("rtt@2");
        march.Rtt.Value.Should().BeApproximately((0.25 / (273.0 / 364)) - 1, 1e-12);
    }

    [Fact]
    public void Constructor_TwoVersionsFromTheSameDay_AreRefused()
    {
        var act = () => new MetricCatalog([new("x", 1, D("2021-01-01"), "a"), new("x", 2, D("2021-01-01"), "b")]);

        act.Should().Throw<ArgumentException>().WithMessage("Metric 'x' has two versions with the same number or start date.*");
    }

    [Fact]
    public void For_ADateBeforeEveryVersion_IsAnError()
    {
        var catalog = new MetricCatalog([new("x", 1, D("2021-01-01"), "a")]);

        var act = () => catalog.For("x", D("2020-01-01"));

        act.Should().Throw<ArgumentException>().WithMessage("Metric 'x' has no version in force on 2020-01-01.*");
    }
}
