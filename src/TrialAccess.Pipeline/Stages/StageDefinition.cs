namespace TrialAccess.Pipeline.Stages;

/// <summary>What a stage is for: governance gates before approval, then development work.</summary>
public enum StageCategory
{
    Governance,
    Preclinical,
    Regulatory,
    Clinical,
    Commercial,
}

/// <summary>
/// A gate: a named decision point with the criteria a Go decision must find met (or not applicable).
/// </summary>
/// <param name="RequiresMeeting">Whether the decision must be taken at a committee meeting (the New Agents Committee).</param>
public sealed record GateDefinition(string Name, IReadOnlyList<string> Criteria, bool RequiresMeeting = false);

/// <summary>
/// One stage of the pipeline, as data (see <c>stages.json</c>): its code, name, order, category, the gates on the
/// way in and out, and for clinical stages the FHIR <c>research-study-phase</c> code and the ClinicalTrials.gov phase.
/// </summary>
/// <param name="Order">Position in the pipeline, from 0; projects move forward only.</param>
public sealed record StageDefinition(
    string Code,
    string Name,
    int Order,
    StageCategory Category,
    GateDefinition? EntryGate,
    GateDefinition? ExitGate,
    string? FhirPhase,
    string? CtGovPhase)
{
    /// <summary>Whether people take the agent in this stage (a trial runs).</summary>
    public bool IsClinical => Category == StageCategory.Clinical;
}
