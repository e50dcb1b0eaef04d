using TrialAccess.Pipeline.Common;
using TrialAccess.Pipeline.Stages;

namespace TrialAccess.Pipeline.Gates;

/// <summary>What a gate decided.</summary>
public enum GateOutcome
{
    /// <summary>The project moves on to the next stage.</summary>
    Go,
    /// <summary>The project stops here (attrition, with the rationale as reason).</summary>
    NoGo,
    /// <summary>The project pauses in its stage.</summary>
    Hold,
    /// <summary>The project stays in its stage until more information arrives.</summary>
    MoreInformation,
    /// <summary>The project moves on, under conditions that are recorded.</summary>
    Conditional,
}

/// <summary>How one gate criterion was judged.</summary>
public enum CriterionResult
{
    Met,
    NotMet,
    NotApplicable,
}

/// <summary>One line of a gate's checklist: the criterion, how it was judged, and the evidence (a document, a review).</summary>
public sealed record CriterionCheck(string Criterion, CriterionResult Result, string? Evidence);

/// <summary>
/// A gate decision: a first-class, immutable record. Who decided, at which meeting, who was recused, the checklist
/// with evidence, the rationale. A decision is never edited: a correction is a new decision whose
/// <see cref="SupersedesId"/> names the old one.
/// </summary>
public sealed class GateDecision
{
    // Not readonly: the store sets these collections when it reads the record.
    private List<CriterionCheck> _criteria = [];
    private List<string> _decidedBy = [];
    private List<string> _recused = [];

    private GateDecision()
    {
        FromStage = "";
        Rationale = "";
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The stage whose gate was decided (the project's stage when the decision was taken).</summary>
    public string FromStage { get; private set; }

    /// <summary>The stage the project moved to (Go or Conditional), else null.</summary>
    public string? ToStage { get; private set; }

    public GateOutcome Outcome { get; private set; }

    public IReadOnlyList<CriterionCheck> Criteria => _criteria;

    /// <summary>The user ids of those who took the decision (the chair for a committee decision).</summary>
    public IReadOnlyList<string> DecidedBy => _decidedBy;

    /// <summary>The committee meeting at which it was taken, if any.</summary>
    public Guid? MeetingId { get; private set; }

    /// <summary>The user ids of members who left the discussion because of a conflict of interest.</summary>
    public IReadOnlyList<string> Recused => _recused;

    public string Rationale { get; private set; }

    /// <summary>The conditions of a <see cref="GateOutcome.Conditional"/> decision.</summary>
    public string? Conditions { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The decision this one corrects, if any.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>
    /// Takes a decision on the gate out of <paramref name="stage"/>: refused when the rationale is missing, the checklist
    /// leaves out a gate criterion, a Go has a criterion not met, a Conditional has no conditions, or a gate that needs
    /// a committee meeting is decided without one.
    /// </summary>
    public static Result<GateDecision> Take(
        Guid id,
        Guid projectId,
        StageDefinition stage,
        StageDefinition? nextStage,
        GateOutcome outcome,
        IReadOnlyList<CriterionCheck> criteria,
        IReadOnlyList<string> decidedBy,
        Guid? meetingId,
        IReadOnlyList<string> recused,
        string rationale,
        string? conditions,
        DateTimeOffset decidedAt,
        Guid? supersedesId = null)
    {
        if (string.IsNullOrWhiteSpace(rationale))
        {
            return Result<GateDecision>.Refuse("gate.rationale", "A gate decision needs a rationale.");
        }

        if (decidedBy.Count == 0)
        {
            return Result<GateDecision>.Refuse("gate.decided-by", "A gate decision needs the people who took it.");
        }

        var gate = stage.ExitGate;
        if (gate is not null)
        {
            var missing = gate.Criteria.Where(c => !criteria.Any(k => string.Equals(k.Criterion, c, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0)
            {
                return Result<GateDecision>.Refuse("gate.criteria-missing", $"The checklist of '{gate.Name}' leaves out: {string.Join("; ", missing)}.");
            }

            if (gate.RequiresMeeting && meetingId is null)
            {
                return Result<GateDecision>.Refuse("gate.meeting", $"'{gate.Name}' is decided at a committee meeting: name the meeting.");
            }
        }

        var advancing = outcome is GateOutcome.Go or GateOutcome.Conditional;
        if (outcome == GateOutcome.Go && criteria.FirstOrDefault(c => c.Result == CriterionResult.NotMet) is { } notMet)
        {
            return Result<GateDecision>.Refuse("gate.criterion-not-met", $"A Go needs every criterion met or not applicable; '{notMet.Criterion}' is not met (decide Conditional, with conditions, instead).");
        }

        if (outcome == GateOutcome.Conditional && string.IsNullOrWhiteSpace(conditions))
        {
            return Result<GateDecision>.Refuse("gate.conditions", "A Conditional decision needs its conditions.");
        }

        if (advancing && nextStage is null)
        {
            return Result<GateDecision>.Refuse("gate.last-stage", $"'{stage.Name}' is the last stage: there is nowhere to go.");
        }

        if (decidedBy.Any(recused.Contains))
        {
            return Result<GateDecision>.Refuse("gate.recused-decider", "Someone recused from this item cannot take the decision.");
        }

        var decision = new GateDecision
        {
            Id = id,
            ProjectId = projectId,
            FromStage = stage.Code,
            ToStage = advancing ? nextStage!.Code : null,
            Outcome = outcome,
            MeetingId = meetingId,
            Rationale = rationale.Trim(),
            Conditions = outcome == GateOutcome.Conditional ? conditions!.Trim() : null,
            DecidedAt = decidedAt,
            SupersedesId = supersedesId,
        };
        decision._criteria.AddRange(criteria);
        decision._decidedBy.AddRange(decidedBy.Distinct());
        decision._recused.AddRange(recused.Distinct());
        return Result<GateDecision>.Ok(decision);
    }
}
