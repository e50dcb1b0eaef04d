using System.Security.Claims;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>
/// <c>/api/pipeline/projects</c>: list and search (only what the caller may see), nominate, read one project, its
/// reviews, minutes and audit trail, attachments, gate decisions, review rounds, conflicts, linked trials, agreements.
/// </summary>
public static class ProjectsApi
{
    public sealed record NominationRequest(
        string AgentName, string AgentCode, Modality Modality, string Target, string? Mechanism, string? IpPosition,
        string Title, IReadOnlyList<string> Indications, string Summary, IReadOnlyList<string>? NamedPeople,
        NominationSource Source = NominationSource.Academic, Guid? NominatingOrganisationId = null, Guid? OriginatorId = null);

    /// <summary>A gate decision: the checklist as criterion, result (Met, NotMet, NotApplicable) and evidence.</summary>
    public sealed record DecisionRequest(GateOutcome Outcome, IReadOnlyList<CriterionCheck>? Criteria, string Rationale, string? Conditions, Guid? MeetingId, Guid? SupersedesId);

    public sealed record RoundRequest(RoundKind Kind, bool Blind);

    public sealed record TrialLinkRequest(string NctId);

    public sealed record ConflictRequest(string Description);

    public sealed record OverrideRequest(string UserId, string Reason);

    public sealed record AgreementRequest(AgreementKind Kind, Guid CounterpartyId, DateOnly SignedOn, string Summary);

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline/projects").WithTags("Pipeline: projects").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("Projects the caller may see (q: words; stage: a stage code)").Produces<IReadOnlyList<ProjectRow>>();
        group.MapPost("/", NominateAsync).WithSummary("Nominate an agent (applicant, partner organisation, secretariat)").Produces<ProjectDto>(StatusCodes.Status201Created);
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One project").Produces<ProjectDto>();
        group.MapGet("/{id:guid}/reviews", ReviewsAsync).WithSummary("Its reviews the caller may read").Produces<IReadOnlyList<ReviewView>>();
        group.MapGet("/{id:guid}/minutes", MinutesAsync).WithSummary("The committee's minutes about it").Produces<IReadOnlyList<MinuteEntry>>();
        group.MapPost("/{id:guid}/attachments", AttachAsync).WithSummary("Attach a document to the nomination (multipart form, field 'file')").DisableAntiforgery().Produces<AttachmentDto>(StatusCodes.Status201Created);
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).WithSummary("Download an attachment");
        group.MapPost("/{id:guid}/decisions", DecideAsync).WithSummary("Record a gate decision on the current stage").Produces<DecisionDto>(StatusCodes.Status201Created);
        group.MapPost("/{id:guid}/rounds", OpenRoundAsync).WithSummary("Open a review round (secretariat)").Produces<RoundDto>(StatusCodes.Status201Created);
        group.MapPost("/{id:guid}/conflicts", DeclareConflictAsync).WithSummary("Declare a conflict of interest on the project");
        group.MapPost("/{id:guid}/conflicts/overrides", OverrideAsync).WithSummary("Override a conflict (the chair; logged)");
        group.MapPost("/{id:guid}/trials", LinkTrialAsync).WithSummary("Link the registered trial by NCT id");
        group.MapPost("/{id:guid}/agreements", AgreementAsync).WithSummary("Record an agreement (CDA, licence, out-licence...)");
        return app;
    }

    internal static async Task<IResult> ListAsync(ClaimsPrincipal user, PipelineQueries queries, string? q, string? stage, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(user, q, stage, cancellationToken));

    internal static async Task<IResult> NominateAsync(ClaimsPrincipal user, NominationRequest request, PipelineWorkflow workflow, PipelineQueries queries, CancellationToken cancellationToken)
    {
        var result = await workflow.NominateAsync(user, new NominationInput(
            request.AgentName ?? "", request.AgentCode ?? "", request.Modality, request.Target ?? "", request.Mechanism ?? "", request.IpPosition ?? "",
            request.Title ?? "", request.Indications ?? [], request.Summary ?? "", request.NamedPeople ?? [], request.Source, request.NominatingOrganisationId, request.OriginatorId), cancellationToken);
        if (result.Status != WorkflowStatus.Done)
        {
            return PipelineResults.From(result, _ => TypedResults.Ok());
        }

        var detail = await queries.DetailAsync(user, result.Value!.Id, cancellationToken);
        return PipelineResults.From(detail, d => TypedResults.Created($"/api/pipeline/projects/{d.Project.Id}", ProjectDto.From(d)));
    }

    internal static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, PipelineQueries queries, CancellationToken cancellationToken) =>
        PipelineResults.From(await queries.DetailAsync(user, id, cancellationToken), d => TypedResults.Ok(ProjectDto.From(d)));

    internal static async Task<IResult> ReviewsAsync(Guid id, ClaimsPrincipal user, PipelineQueries queries, CancellationToken cancellationToken) =>
        PipelineResults.From(await queries.ReviewsAsync(user, id, cancellationToken), r => TypedResults.Ok(r));

    internal static async Task<IResult> MinutesAsync(Guid id, ClaimsPrincipal user, PipelineQueries queries, CancellationToken cancellationToken) =>
        PipelineResults.From(await queries.MinutesAsync(user, id, cancellationToken), m => TypedResults.Ok(m));

    internal static async Task<IResult> AttachAsync(Guid id, IFormFile? file, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return PipelineResults.BadRequest("file", "Send the document as multipart form field 'file'.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await workflow.AttachAsync(user, id, file.FileName, file.ContentType ?? "application/octet-stream", buffer.ToArray(), cancellationToken);
        return PipelineResults.From(result, a => TypedResults.Created($"/api/pipeline/projects/{id}/attachments/{a.Id}", new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256, a.AddedAt)));
    }

    internal static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.ReadAttachmentAsync(user, id, attachmentId, cancellationToken),
            a => TypedResults.File(a.Content, "application/octet-stream", a.Attachment.FileName));

    internal static async Task<IResult> DecideAsync(Guid id, DecisionRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(
            await workflow.DecideAsync(user, id, new GateInput(request.Outcome, request.Criteria ?? [], request.Rationale ?? "", request.Conditions, request.MeetingId, request.SupersedesId), cancellationToken),
            d => TypedResults.Created($"/api/pipeline/decisions/{d.Id}", DecisionDto.From(d)));

    internal static async Task<IResult> OpenRoundAsync(Guid id, RoundRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.OpenRoundAsync(user, id, request.Kind, request.Blind, cancellationToken),
            r => TypedResults.Created($"/api/pipeline/rounds/{r.Id}", new RoundDto(r.Id, r.Kind, r.Form, r.Blind, r.Status, r.ReleasedToApplicant, [])));

    internal static async Task<IResult> DeclareConflictAsync(Guid id, ConflictRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.DeclareConflictAsync(user, id, request.Description ?? "", cancellationToken), c => TypedResults.Created($"/api/pipeline/projects/{id}", new { c.Id, c.ProjectId, c.Description, c.DeclaredAt }));

    internal static async Task<IResult> OverrideAsync(Guid id, OverrideRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.OverrideConflictAsync(user, id, request.UserId ?? "", request.Reason ?? "", cancellationToken), o => TypedResults.Created($"/api/pipeline/projects/{id}", o));

    internal static async Task<IResult> LinkTrialAsync(Guid id, TrialLinkRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.LinkTrialAsync(user, id, request.NctId ?? "", cancellationToken), t => TypedResults.Created($"/trials/{t.NctId}", t));

    internal static async Task<IResult> AgreementAsync(Guid id, AgreementRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.RecordAgreementAsync(user, id, request.Kind, request.CounterpartyId, request.SignedOn, request.Summary ?? "", cancellationToken), a => TypedResults.Created($"/api/pipeline/projects/{id}", a));
}
