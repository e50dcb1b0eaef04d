using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Pipeline.Review;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>
/// Review rounds, assignments and reviews: <c>/api/pipeline/assignments</c> (the caller's own), assigning people to a
/// round, closing and releasing rounds, saving and submitting a review, superseding a submitted one. Editing a
/// submitted review is refused (409) and logged.
/// </summary>
public static class ReviewsApi
{
    public sealed record AssignRequest(string UserId, AssignmentType Type);

    public sealed record CloseRequest(bool Release);

    /// <summary>Scores by criterion key, comments, and whether to submit (a draft otherwise).</summary>
    public sealed record ReviewRequest(IReadOnlyDictionary<string, int>? Scores, string? Comments, bool Submit);

    public sealed record SupersedeRequest(IReadOnlyDictionary<string, int>? Scores, string? Comments, string Reason);

    public sealed record MyAssignment(Guid AssignmentId, Guid ProjectId, string ProjectCode, string ProjectTitle, RoundKind Round, AssignmentType Type, bool Blind, string ReviewStatus, Guid? ReviewId);

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline").WithTags("Pipeline: review").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapGet("/assignments", MineAsync).WithSummary("The caller's assignments (on projects they may still see)").Produces<IReadOnlyList<MyAssignment>>();
        group.MapPost("/rounds/{roundId:guid}/assignments", AssignAsync).WithSummary("Assign a person to a round (secretariat)");
        group.MapPost("/rounds/{roundId:guid}/close", CloseAsync).WithSummary("Close a round, optionally releasing its comments to the applicant (secretariat)");
        group.MapPut("/assignments/{assignmentId:guid}/review", SaveAsync).WithSummary("Save (and submit) the caller's review for an assignment");
        group.MapPut("/reviews/{reviewId:guid}", EditAsync).WithSummary("Edit a draft review; refused once submitted (logged)");
        group.MapPost("/reviews/{reviewId:guid}/supersede", SupersedeAsync).WithSummary("Correct a submitted review with a new one that references it");
        return app;
    }

    private static IReadOnlyList<CriterionScore> Scores(IReadOnlyDictionary<string, int>? scores) =>
        (scores ?? new Dictionary<string, int>()).Select(s => new CriterionScore(s.Key, s.Value)).ToList();

    internal static async Task<IResult> MineAsync(ClaimsPrincipal user, PipelineQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok((await queries.MyAssignmentsAsync(user, cancellationToken))
            .Select(x => new MyAssignment(x.Assignment.Id, x.Project.Id, x.Project.Code, x.Project.Title, x.Round.Kind, x.Assignment.Type, x.Round.Blind, x.Review?.Status.ToString() ?? "NotStarted", x.Review?.Id))
            .ToList());

    internal static async Task<IResult> AssignAsync(Guid roundId, AssignRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.AssignAsync(user, roundId, request.UserId ?? "", request.Type, cancellationToken),
            a => TypedResults.Created($"/api/pipeline/assignments/{a.Id}", new AssignmentDto(a.Id, a.UserId, a.Type)));

    internal static async Task<IResult> CloseAsync(Guid roundId, CloseRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.CloseRoundAsync(user, roundId, request.Release, cancellationToken),
            r => TypedResults.Ok(new RoundDto(r.Id, r.Kind, r.Form, r.Blind, r.Status, r.ReleasedToApplicant, [])));

    internal static async Task<IResult> SaveAsync(Guid assignmentId, ReviewRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.SaveReviewAsync(user, assignmentId, Scores(request.Scores), request.Comments ?? "", request.Submit, cancellationToken),
            r => TypedResults.Ok(new { r.Id, r.AssignmentId, Status = r.Status.ToString(), r.Scores, r.Comments, r.SubmittedAt }));

    internal static async Task<IResult> EditAsync(Guid reviewId, ReviewRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, PipelineDbContext store, CancellationToken cancellationToken)
    {
        var assignmentId = await store.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => (Guid?)r.AssignmentId).SingleOrDefaultAsync(cancellationToken);
        return assignmentId is null
            ? PipelineResults.From(WorkflowResult<object>.NotFound(), _ => TypedResults.Ok())
            : await SaveAsync(assignmentId.Value, request, user, workflow, cancellationToken);
    }

    internal static async Task<IResult> SupersedeAsync(Guid reviewId, SupersedeRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.SupersedeReviewAsync(user, reviewId, Scores(request.Scores), request.Comments ?? "", request.Reason ?? "", cancellationToken),
            r => TypedResults.Created($"/api/pipeline/reviews/{r.Id}", new { r.Id, r.SupersedesId, Status = r.Status.ToString(), r.Scores, r.Comments, r.SubmittedAt }));
}
