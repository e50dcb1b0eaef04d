using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Stages;

namespace TrialAccess.Pipeline.Tests;

/// <summary>Projects, agents and decisions for tests, with the default stages.</summary>
internal static class Builders
{
    public static readonly StageCatalog Stages = StageCatalog.Default;
    public static readonly Guid Nominator = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Originator = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid Partner = Guid.Parse("00000000-0000-0000-0000-0000000000a3");
    public static readonly DateTimeOffset Submitted = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public static Agent Agent(Guid? originator = null) =>
        Agents.Agent.Create(Guid.NewGuid(), "Examplinib", "EX-001", Modality.SmallMolecule, "KRAS G12C", "Covalent inhibitor", originator ?? Originator, "Composition of matter filed").Value!;

    public static DevelopmentProject Nominated(string applicant = "applicant-1", DateTimeOffset? at = null, params string[] namedPeople) =>
        DevelopmentProject.Nominate(Guid.NewGuid(), "CDD-0001", Guid.NewGuid(), "Examplinib in KRAS G12C lung cancer", ["Non-small cell lung cancer"],
            new Nomination(Nominator, applicant, NominationSource.Academic, at ?? Submitted, "Data package: in vivo efficacy in PDX models.", namedPeople), Stages).Value!;

    public static DevelopmentProject EnteredAt(string stage, DateOnly on) =>
        DevelopmentProject.EnterAt(Guid.NewGuid(), "CDD-0100", Guid.NewGuid(), "In-licensed agent", ["Melanoma"], Stages.Get(stage), on, null, Confidentiality.Portfolio).Value!;

    /// <summary>A decision on the project's current gate with every criterion met.</summary>
    public static GateDecision Decide(DevelopmentProject project, GateOutcome outcome, string rationale = "Strong data", Guid? meeting = null, Guid? supersedes = null, DateTimeOffset? at = null)
    {
        var stage = Stages.Get(project.CurrentStage);
        var criteria = (stage.ExitGate?.Criteria ?? []).Select(c => new CriterionCheck(c, CriterionResult.Met, "minutes")).ToList();
        var result = GateDecision.Take(Guid.NewGuid(), project.Id, stage, Stages.Next(stage.Code), outcome, criteria, ["chair-1"],
            meeting ?? (stage.ExitGate?.RequiresMeeting == true ? Guid.NewGuid() : null), [], rationale, outcome == GateOutcome.Conditional ? "Conditions" : null, at ?? Submitted, supersedes);
        result.Refusal.Should().BeNull();
        return result.Value!;
    }

    /// <summary>Moves the project forward with Go decisions until it reaches <paramref name="stage"/>, one step per <paramref name="daysPerStage"/>.</summary>
    public static DevelopmentProject AdvanceTo(this DevelopmentProject project, string stage, DateOnly from, int daysPerStage = 30)
    {
        var on = from;
        while (project.CurrentStage != stage)
        {
            on = on.AddDays(daysPerStage);
            project.ApplyDecision(Decide(project, GateOutcome.Go), on).Should().BeNull();
        }

        return project;
    }
}
