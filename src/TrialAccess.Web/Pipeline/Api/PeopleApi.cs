using System.Security.Claims;
using TrialAccess.Pipeline.Organisations;
using TrialAccess.Pipeline.People;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>
/// <c>/api/pipeline/organisations</c> and <c>/api/pipeline/people</c>: the organisations involved and who works where
/// (conflicts of interest are detected from these); people declare their own relationships.
/// </summary>
public static class PeopleApi
{
    public sealed record OrganisationRequest(string Name, OrganisationKind Kind);

    public sealed record PersonRequest(string DisplayName, Guid? AffiliationId);

    public sealed record RelationshipRequest(Guid OrganisationId, RelationshipKind Kind, DateOnly Since);

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline").WithTags("Pipeline: people").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapGet("/organisations", async (PipelineQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OrganisationsAsync(ct))).WithSummary("Known organisations");
        group.MapPost("/organisations", async (OrganisationRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken ct) =>
            PipelineResults.From(await workflow.AddOrganisationAsync(user, request.Name ?? "", request.Kind, ct), o => TypedResults.Created($"/api/pipeline/organisations/{o.Id}", o)))
            .WithSummary("Add an organisation (secretariat)");
        group.MapPut("/people/{userId}", async (string userId, PersonRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken ct) =>
            PipelineResults.From(await workflow.RegisterPersonAsync(user, userId, request.DisplayName ?? userId, request.AffiliationId, ct), p => TypedResults.Ok(new { p.UserId, p.DisplayName, p.AffiliationId })))
            .WithSummary("Register a person with the pipeline or change their affiliation (secretariat)");
        group.MapPost("/people/me/relationships", async (RelationshipRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken ct) =>
            PipelineResults.From(await workflow.DeclareRelationshipAsync(user, request.OrganisationId, request.Kind, request.Since, ct), p => TypedResults.Ok(new { p.UserId, p.Relationships })))
            .WithSummary("Declare a relationship with an organisation");
        return app;
    }
}
