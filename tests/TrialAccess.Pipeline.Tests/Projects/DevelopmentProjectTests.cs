using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Trials;

namespace TrialAccess.Pipeline.Tests.Projects;

public class DevelopmentProjectTests
{
    private static readonly DateOnly Start = new(2025, 1, 10);

    [Fact]
    public void Nominate_StartsConfidentialAtTheFirstStage()
    {
        var project = Builders.Nominated();

        project.CurrentStage.Should().Be("nomination");
        project.Status.Should().Be(ProjectStatus.Active);
        project.Confidentiality.Should().Be(Confidentiality.Confidential);
        project.StageHistory.Should().ContainSingle().Which.EnteredOn.Should().Be(Start);
    }

    [Fact]
    public void EnterAt_LaterStage_StartsThereWithoutNomination()
    {
        var project = Builders.EnteredAt("phase-1", Start);

        project.CurrentStage.Should().Be("phase-1");
        project.Nomination.Should().BeNull();
        project.HasBeenInTrials(Builders.Stages).Should().BeTrue();
    }

    [Fact]
    public void ApplyDecision_Go_ClosesTheStayAndOpensTheNext()
    {
        var project = Builders.Nominated();
        var decision = Builders.Decide(project, GateOutcome.Go);

        project.ApplyDecision(decision, Start.AddDays(14)).Should().BeNull();

        project.CurrentStage.Should().Be("internal-assessment");
        project.StageHistory.Should().HaveCount(2);
        project.StageHistory[0].Should().Be(new StageEntry("nomination", Start, Start.AddDays(14), StageExit.Advanced, decision.Id, null));
        project.StageHistory[1].EnteredOn.Should().Be(Start.AddDays(14));
    }

    [Fact]
    public void ApplyDecision_NoGo_StopsWithTheRationaleAsReason_AndOnlyASupersedingDecisionRestarts()
    {
        var project = Builders.Nominated();
        var noGo = Builders.Decide(project, GateOutcome.NoGo, "Target not novel");
        project.ApplyDecision(noGo, Start.AddDays(5)).Should().BeNull();

        project.Status.Should().Be(ProjectStatus.Stopped);
        project.StageHistory[0].ExitReason.Should().Be("Target not novel");
        project.ApplyDecision(Builders.Decide(project, GateOutcome.Go), Start.AddDays(9))!.Code.Should().Be("project.stopped");

        project.ApplyDecision(Builders.Decide(project, GateOutcome.Go, "Appeal upheld", supersedes: noGo.Id), Start.AddDays(10)).Should().BeNull();
        project.CurrentStage.Should().Be("internal-assessment");
        project.StageHistory[0].Exit.Should().Be(StageExit.Advanced);
    }

    [Fact]
    public void ApplyDecision_ForAnotherStageOrProject_IsRefused()
    {
        var project = Builders.Nominated();
        var other = Builders.Nominated();

        project.ApplyDecision(Builders.Decide(other, GateOutcome.Go), Start)!.Code.Should().Be("gate.project");
        var stale = Builders.Decide(project, GateOutcome.Go);
        project.ApplyDecision(stale, Start).Should().BeNull();
        project.ApplyDecision(stale, Start)!.Code.Should().Be("gate.stage");
    }

    [Fact]
    public void ApplyDecision_HoldThenGo_PausesThenMoves()
    {
        var project = Builders.Nominated();

        project.ApplyDecision(Builders.Decide(project, GateOutcome.Hold), Start).Should().BeNull();
        project.Status.Should().Be(ProjectStatus.OnHold);
        project.ApplyDecision(Builders.Decide(project, GateOutcome.Go), Start.AddDays(3)).Should().BeNull();
        project.Status.Should().Be(ProjectStatus.Active);
    }

    [Fact]
    public void AdvanceToHandOver_MarksTheProjectHandedOver()
    {
        var project = Builders.Nominated().AdvanceTo("hand-over", Start);

        project.Status.Should().Be(ProjectStatus.HandedOver);
        project.StageHistory.Should().HaveCount(9);
    }

    [Fact]
    public void LinkTrial_OnlyInAClinicalStageAndOnce()
    {
        var project = Builders.Nominated().AdvanceTo("regulatory-submission", Start);
        var nct = NctId.Parse("NCT99000123");

        project.LinkTrial(nct, Builders.Stages, Start)!.Code.Should().Be("trial.stage");
        project.AdvanceTo("phase-1", Start.AddDays(300));
        project.LinkTrial(nct, Builders.Stages, Start.AddDays(400)).Should().BeNull();
        project.LinkTrial(nct, Builders.Stages, Start.AddDays(401))!.Code.Should().Be("trial.duplicate");
        project.Trials.Should().ContainSingle().Which.Should().Be(new LinkedTrial(nct, "phase-1", Start.AddDays(400)));
    }

    [Fact]
    public void SetPartners_SharesOverOne_IsRefused()
    {
        var project = Builders.Nominated();

        project.SetPartners([new Partner(Builders.Partner, 0.6m), new Partner(Builders.Nominator, 0.5m)])!.Code.Should().Be("project.partner-shares");
        project.SetPartners([new Partner(Builders.Partner, 0.6m), new Partner(Builders.Nominator, 0.4m)]).Should().BeNull();
        project.Partners.Should().HaveCount(2);
    }

    [Fact]
    public void RecordMarketApproval_BeforeTrials_IsRefused()
    {
        var project = Builders.Nominated();

        project.RecordMarketApproval(Start, Builders.Stages)!.Code.Should().Be("market.no-trial");
        project.AdvanceTo("phase-2", Start);
        project.RecordMarketApproval(Start.AddYears(5), Builders.Stages).Should().BeNull();
        project.RecordMarketApproval(Start.AddYears(6), Builders.Stages)!.Code.Should().Be("market.recorded");
    }
}
