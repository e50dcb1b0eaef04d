using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Storage.Recruitment.Import;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Api;

/// <summary>
/// <c>POST /api/recruitment/imports</c>: an accrual, screening or site log as the request body (<c>text/csv</c>), the
/// same as <c>recruitment import</c>: rows of studies the user does not manage are refused, each bad row reported by
/// line and column, the rest kept; the same file twice changes nothing.
/// </summary>
public static class RecruitmentImportsApi
{
    public sealed record ImportResult(string? Kind, int Rows, int Changed, int Unchanged, int Failed, IReadOnlyList<LogError> Errors);

    public static IEndpointRouteBuilder MapRecruitmentImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/recruitment/imports").WithTags("Recruitment").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy)
            .MapPost("/", ImportAsync).WithName("ImportRecruitmentLog").WithSummary("Import an accrual, screening or site log (text/csv; the study's trial managers)")
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    internal static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(HttpRequest request, ClaimsPrincipal user, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the log as text/csv.");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var report = await recruitment.ImportAsync(user, body, cancellationToken);
        if (report.Kind is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a recruitment log", detail: report.Errors[0].Message);
        }

        return TypedResults.Ok(new ImportResult(report.Kind.ToString()!.ToLowerInvariant(), report.Rows, report.Changed, report.Unchanged, report.Failed, report.Errors));
    }
}
