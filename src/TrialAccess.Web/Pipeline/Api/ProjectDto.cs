using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>A project as the API gives it to one viewer (the nominator and IP position left out in blind review).</summary>
public sealed record ProjectDto(
    Guid Id,
    string Code,
    string Title,
    string Stage,
    string StageName,
    string? FhirPhase,
    string? CtGovPhase,
    string Status,
    string Confidentiality,
    IReadOnlyList<string> Indications,
    AgentDto Agent,
    NominationDto? Nomination,
    IReadOnlyList<StageEntry> StageHistory,
    IReadOnlyList<Partner> Partners,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<LinkedTrial> Trials,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<DecisionDto> Decisions,
    IReadOnlyList<RoundDto> Rounds,
    DateOnly? MarketApprovalOn)
{
    public static ProjectDto From(ProjectDetail d)
    {
        var p = d.Project;
        return new ProjectDto(
            p.Id, p.Code, p.Title, d.Stage.Code, d.Stage.Name, d.Stage.FhirPhase, d.Stage.CtGovPhase, p.Status.ToString(), p.Confidentiality.ToString(), p.Indications,
            new AgentDto(d.AgentName, d.AgentCode, d.Modality, d.Target, d.Mechanism, d.Originator, d.IpPosition),
            p.Nomination is { } n ? new NominationDto(d.NominatedBy, d.Applicant, n.Source.ToString(), n.SubmittedAt, n.Summary, d.View.ApplicantHidden ? [] : n.NamedPeople) : null,
            p.StageHistory,
            p.Partners,
            p.Agreements,
            p.Trials,
            p.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256, a.AddedAt)).ToList(),
            d.Decisions.Select(DecisionDto.From).ToList(),
            d.Rounds.Select(r => new RoundDto(r.Id, r.Kind, r.Form, r.Blind, r.Status, r.ReleasedToApplicant, d.Assignments.Where(a => a.RoundId == r.Id).Select(a => new AssignmentDto(a.Id, a.UserId, a.Type)).ToList())).ToList(),
            p.MarketApprovalOn);
    }
}

public sealed record AgentDto(string Name, string Code, string Modality, string Target, string Mechanism, string Originator, string? IpPosition);

/// <param name="NominatedBy">The nominating organisation; null in a blind round.</param>
public sealed record NominationDto(string? NominatedBy, string? Applicant, string Source, DateTimeOffset SubmittedAt, string Summary, IReadOnlyList<string> NamedPeople);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset AddedAt);

public sealed record DecisionDto(Guid Id, string FromStage, string? ToStage, GateOutcome Outcome, IReadOnlyList<CriterionCheck> Criteria, IReadOnlyList<string> DecidedBy, Guid? MeetingId, IReadOnlyList<string> Recused, string Rationale, string? Conditions, DateTimeOffset DecidedAt, Guid? SupersedesId)
{
    public static DecisionDto From(GateDecision d) =>
        new(d.Id, d.FromStage, d.ToStage, d.Outcome, d.Criteria, d.DecidedBy, d.MeetingId, d.Recused, d.Rationale, d.Conditions, d.DecidedAt, d.SupersedesId);
}

public sealed record RoundDto(Guid Id, RoundKind Kind, ReviewForm Form, bool Blind, RoundStatus Status, bool ReleasedToApplicant, IReadOnlyList<AssignmentDto> Assignments);

public sealed record AssignmentDto(Guid Id, string UserId, AssignmentType Type);
