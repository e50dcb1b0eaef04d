using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Stages;

namespace TrialAccess.Pipeline.Tests.Gates;

public class GateDecisionTests
{
    private static readonly StageCatalog Stages = StageCatalog.Default;

    private static List<CriterionCheck> AllMet(string stage) =>
        Stages.Get(stage).ExitGate!.Criteria.Select(c => new CriterionCheck(c, CriterionResult.Met, "evidence")).ToList();

    private static Common.Result<GateDecision> Take(string stage, GateOutcome outcome, List<CriterionCheck> criteria, Guid? meeting = null, string rationale = "Because", string? conditions = null, string[]? recused = null) =>
        GateDecision.Take(Guid.NewGuid(), Guid.NewGuid(), Stages.Get(stage), Stages.Next(stage), outcome, criteria, ["chair-1"], meeting, recused ?? [], rationale, conditions, Builders.Submitted);

    [Fact]
    public void Take_GoWithEveryCriterionMet_MovesToTheNextStage()
    {
        var decision = Take("preclinical", GateOutcome.Go, AllMet("preclinical")).Value!;

        decision.ToStage.Should().Be("regulatory-submission");
        decision.Criteria.Should().HaveCount(3);
    }

    [Fact]
    public void Take_GoWithACriterionNotMet_IsRefused()
    {
        var criteria = AllMet("preclinical");
        criteria[0] = criteria[0] with { Result = CriterionResult.NotMet };

        Take("preclinical", GateOutcome.Go, criteria).Refusal!.Code.Should().Be("gate.criterion-not-met");
        Take("preclinical", GateOutcome.Conditional, criteria).Refusal!.Code.Should().Be("gate.conditions");
        Take("preclinical", GateOutcome.Conditional, criteria, conditions: "GLP tox report before first dose").IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Take_ChecklistLeavingOutACriterion_IsRefusedNamingIt()
    {
        var criteria = AllMet("preclinical").Skip(1).ToList();

        Take("preclinical", GateOutcome.NoGo, criteria).Refusal!.Message.Should().Be("The checklist of 'Ready for regulatory submission' leaves out: GLP toxicology complete.");
    }

    [Fact]
    public void Take_CommitteeGateWithoutMeeting_IsRefused()
    {
        Take("decision", GateOutcome.Go, AllMet("decision")).Refusal!.Code.Should().Be("gate.meeting");
        Take("decision", GateOutcome.Go, AllMet("decision"), meeting: Guid.NewGuid()).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Take_WithoutRationaleOrByARecusedMember_IsRefused()
    {
        Take("preclinical", GateOutcome.Hold, AllMet("preclinical"), rationale: " ").Refusal!.Code.Should().Be("gate.rationale");
        Take("preclinical", GateOutcome.Hold, AllMet("preclinical"), recused: ["chair-1"]).Refusal!.Code.Should().Be("gate.recused-decider");
    }
}
