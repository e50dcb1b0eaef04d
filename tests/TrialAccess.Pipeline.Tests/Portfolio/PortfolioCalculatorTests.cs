using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Portfolio;

namespace TrialAccess.Pipeline.Tests.Portfolio;

/// <summary>A hand-computed portfolio of four projects.</summary>
public class PortfolioCalculatorTests
{
    private static readonly DateOnly Start = new(2025, 1, 10);

    [Fact]
    public void Compute_FourProjects_GivesTheHandComputedFigures()
    {
        // A: nominated 2025-01-10, 30 days per stage, in phase-1 from 2025-07-09 (6 steps), approved for market later.
        var a = Builders.Nominated().AdvanceTo("phase-1", Start);
        a.RecordMarketApproval(new DateOnly(2026, 1, 1), Builders.Stages);
        // B: nominated, stopped at internal assessment after 10 days there (entered on day 20).
        var b = Builders.Nominated();
        b.AdvanceTo("internal-assessment", Start, daysPerStage: 20);
        b.ApplyDecision(Builders.Decide(b, GateOutcome.NoGo, "Weak in vivo data"), Start.AddDays(30));
        // C: entered at phase-2 on 2024-03-01 (in trials since 2024), still there.
        var c = Builders.EnteredAt("phase-2", new DateOnly(2024, 3, 1));
        // D: nominated, waiting in nomination.
        var d = Builders.Nominated();

        var report = PortfolioCalculator.Compute([a, b, c, d], Builders.Stages, new DateOnly(2026, 6, 1));

        report.Projects.Should().Be(4);
        report.ByStage.Should().Equal(new Dictionary<string, int>
        {
            ["Nomination"] = 1, ["Internal assessment"] = 0, ["External review"] = 0, ["Committee decision"] = 0,
            ["Preclinical (IND/CTA-enabling)"] = 0, ["Regulatory submission (CTA/IND)"] = 0, ["Phase I"] = 1, ["Early Phase II"] = 1,
            ["Hand-over (out-licensed)"] = 0,
        });
        report.ByStage.Keys.First().Should().Be("Nomination", "stages are listed in pipeline order");
        report.IntoTrials.Should().Be(2);
        report.ReachedMarket.Should().Be(1);
        (report.Active, report.Stopped, report.OnHold, report.HandedOver).Should().Be((3, 1, 0, 0));

        var nomination = report.TimeInStage.Single(s => s.Stage == "nomination");
        (nomination.Completed, nomination.MedianDays).Should().Be((2, 25.0), "A left after 30 days, B after 20");
        var assessment = report.Attrition.Single(s => s.Stage == "internal-assessment");
        (assessment.Entered, assessment.Advanced, assessment.Stopped, assessment.StillIn).Should().Be((2, 1, 1, 0));
        assessment.AttritionRate.Should().Be(0.5);
        assessment.Reasons.Should().Equal(new StopReason("Weak in vivo data", 1));
        report.NominationsDecided.Should().Be(1);
        report.MedianDaysNominationToDecision.Should().Be(120, "A left the decision stage after four stays of 30 days");
        report.IntoTrialsByYear.Should().Equal(new YearCount(2024, 1, 1), new YearCount(2025, 1, 2));
    }

    [Fact]
    public void Compute_NoProjects_GivesZerosAndNoMedians()
    {
        var report = PortfolioCalculator.Compute([], Builders.Stages, Start);

        report.Projects.Should().Be(0);
        report.ByStage.Values.Should().OnlyContain(v => v == 0);
        report.MedianDaysNominationToDecision.Should().BeNull();
        report.Attrition.Should().OnlyContain(a => a.AttritionRate == null);
    }
}
