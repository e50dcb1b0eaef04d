using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Ingestion;

namespace TrialAccess.Web.Api;

/// <summary><c>/health</c>: whether the host can read its database.</summary>
public static class HealthApi
{
    /// <param name="Status">"ok" when the database answered.</param>
    /// <param name="Trials">Number of trials stored.</param>
    public sealed record HealthReport(string Status, long Trials);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync).WithTags("Health").WithName("Health").WithSummary("Liveness and database check");
        return app;
    }

    internal static async Task<Ok<HealthReport>> GetAsync(ITrialStore store, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatisticsAsync(cancellationToken);
        return TypedResults.Ok(new HealthReport("ok", stats.Trials));
    }
}
