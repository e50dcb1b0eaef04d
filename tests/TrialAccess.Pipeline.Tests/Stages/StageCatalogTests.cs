using TrialAccess.Pipeline.Stages;

namespace TrialAccess.Pipeline.Tests.Stages;

public class StageCatalogTests
{
    [Fact]
    public void Default_HasTheNineStagesInOrderWithPhasesOnClinicalStages()
    {
        var stages = StageCatalog.Default.Stages;

        stages.Select(s => s.Code).Should().Equal("nomination", "internal-assessment", "external-review", "decision", "preclinical",
            "regulatory-submission", "phase-1", "phase-2", "hand-over");
        stages.Select(s => s.Order).Should().Equal(Enumerable.Range(0, 9));
        StageCatalog.Default.Get("phase-1").Should().Match<StageDefinition>(s => s.FhirPhase == "phase-1" && s.CtGovPhase == "PHASE1" && s.IsClinical);
        StageCatalog.Default.Get("phase-2").CtGovPhase.Should().Be("PHASE2");
        StageCatalog.Default.FirstClinical.Code.Should().Be("phase-1");
        StageCatalog.Default.Get("decision").ExitGate!.RequiresMeeting.Should().BeTrue();
        StageCatalog.Default.Next("hand-over").Should().BeNull();
    }

    [Fact]
    public void Parse_ClinicalStageWithoutPhase_IsRefusedNamingTheStage()
    {
        var result = StageCatalog.Parse("""{"stages": [{"code": "p1", "name": "Phase I", "category": "Clinical"}]}""");

        result.Refusal!.Message.Should().Be("stages[0] (p1): a clinical stage needs fhirPhase and ctGovPhase.");
    }

    [Fact]
    public void Parse_DuplicateCodeOrUnknownCategory_IsRefused()
    {
        StageCatalog.Parse("""{"stages": [{"code": "a", "name": "A", "category": "Governance"}, {"code": "a", "name": "B", "category": "Governance"}]}""")
            .Refusal!.Code.Should().Be("stages.duplicate");
        StageCatalog.Parse("""{"stages": [{"code": "a", "name": "A", "category": "Sideways"}]}""").Refusal!.Message.Should().Contain("'Sideways' is not a category");
        StageCatalog.Parse("not json").Refusal!.Code.Should().Be("stages.json");
    }

    [Fact]
    public void Parse_AnotherCentresStages_GivesThemInOrder()
    {
        var result = StageCatalog.Parse("""
            {"stages": [
              {"code": "screen", "name": "Screening", "category": "Governance", "exitGate": {"name": "Go", "criteria": ["IP resolved"]}},
              {"code": "p0", "name": "Phase 0", "category": "Clinical", "fhirPhase": "early-phase-1", "ctGovPhase": "EARLY_PHASE1"}
            ]}
            """);

        result.IsSuccess.Should().BeTrue();
        result.Value!.Stages.Select(s => s.Name).Should().Equal("Screening", "Phase 0");
        result.Value.First.ExitGate!.Criteria.Should().Equal("IP resolved");
    }
}
