using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Api;

/// <summary>
/// <c>/api/recruitment/studies</c>: monitored studies with their figures, as the signed-in user may see them (exact for
/// the study's managers and, per site, its staff; aggregates otherwise), and the real-world screening signal on the
/// matching engine for the study's managers.
/// </summary>
public static class RecruitmentStudiesApi
{
    public static IEndpointRouteBuilder MapRecruitmentStudiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment/studies").WithTags("Recruitment").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/", ListAsync).WithName("ListRecruitmentStudies").WithSummary("Every monitored study: target, recruited, RTT, screen failures, sites, projection and alerts");
        api.MapGet("/{studyId}", GetAsync).WithName("GetRecruitmentStudy").WithSummary("One study's report").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{studyId}/screening-signal", SignalAsync).WithName("GetScreeningSignal")
            .WithSummary("How often patients the engine called eligible or possibly eligible pass screening, per criterion (the study's managers)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<StudyReport>>> ListAsync(ClaimsPrincipal user, RecruitmentService recruitment, CancellationToken cancellationToken) =>
        TypedResults.Ok(await recruitment.ReportsAsync(user, cancellationToken));

    internal static async Task<Results<Ok<StudyReport>, ProblemHttpResult>> GetAsync(string studyId, ClaimsPrincipal user, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(studyId, out var key))
        {
            return RecruitmentProblems.NotAStudy(studyId);
        }

        return await recruitment.ReportAsync(user, key, cancellationToken) is { } report ? TypedResults.Ok(report) : RecruitmentProblems.NotMonitored(key);
    }

    internal static async Task<Results<Ok<ScreeningSignal>, ProblemHttpResult>> SignalAsync(string studyId, ClaimsPrincipal user, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(studyId, out var key))
        {
            return RecruitmentProblems.NotAStudy(studyId);
        }

        if (!user.ManagesStudy(key))
        {
            return RecruitmentProblems.Forbidden($"The screening signal of {key} is for its trial managers.");
        }

        return await recruitment.ReportAsync(user, key, cancellationToken) is null ? RecruitmentProblems.NotMonitored(key) : TypedResults.Ok(await recruitment.SignalAsync(key, cancellationToken));
    }
}

/// <summary>The problem details the recruitment API answers with.</summary>
internal static class RecruitmentProblems
{
    public static ProblemHttpResult NotAStudy(string text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a study id", detail: $"'{text}' is not a study id (an NCT id, or pipeline:<project id>).");

    public static ProblemHttpResult NotMonitored(StudyKey key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not monitored", detail: $"{key} is not a monitored study.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: detail);
}
