using System.Security.Claims;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>
/// <c>/api/pipeline/decisions/{id}</c>: a recorded gate decision cannot be changed or removed. PUT, PATCH and DELETE
/// are answered 409 and the attempt is written to the audit log; a correction is a new decision with
/// <c>supersedesId</c> (POST to the project's decisions).
/// </summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline/decisions").WithTags("Pipeline: decisions").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapPut("/{id:guid}", (Guid id, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken ct) => RefuseAsync(id, "PUT", user, workflow, ct))
            .WithSummary("Refused: decisions are superseded, never edited (logged)");
        group.MapPatch("/{id:guid}", (Guid id, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken ct) => RefuseAsync(id, "PATCH", user, workflow, ct))
            .WithSummary("Refused: decisions are superseded, never edited (logged)");
        group.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken ct) => RefuseAsync(id, "DELETE", user, workflow, ct))
            .WithSummary("Refused: decisions are never removed (logged)");
        return app;
    }

    private static async Task<IResult> RefuseAsync(Guid id, string method, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.RefuseDecisionEditAsync(user, id, method, cancellationToken), _ => TypedResults.Ok());
}
