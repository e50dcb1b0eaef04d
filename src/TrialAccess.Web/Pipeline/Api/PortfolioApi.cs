using System.Security.Claims;
using System.Text;
using TrialAccess.Pipeline.Audit;
using TrialAccess.Pipeline.Portfolio;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>
/// <c>/api/pipeline/portfolio</c> (the report over what the caller may see), its CSV export (confidential fields
/// redacted for portfolio-only rows) and <c>/api/pipeline/audit</c> (the append-only log, filtered the same way).
/// </summary>
public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline").WithTags("Pipeline: portfolio").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapGet("/portfolio", async (ClaimsPrincipal user, PipelineQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PortfolioAsync(user, ct)))
            .WithSummary("Counts by stage, into trials, reached market, time in stage, attrition, nomination to decision").Produces<PortfolioReport>();
        group.MapGet("/portfolio/export.csv", async (ClaimsPrincipal user, PipelineQueries queries, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await queries.ExportCsvAsync(user, ct)), "text/csv; charset=utf-8", "pipeline-portfolio.csv"))
            .WithSummary("The project list as CSV (confidential fields redacted where the caller sees only the portfolio row)");
        group.MapGet("/audit", async (ClaimsPrincipal user, PipelineQueries queries, Guid? projectId, CancellationToken ct) =>
                PipelineResults.From(await queries.AuditAsync(user, projectId, ct), entries => TypedResults.Ok(entries)))
            .WithSummary("The audit log, oldest first (secretariat, chair, administrators)").Produces<IReadOnlyList<AuditEntry>>();
        return app;
    }
}
