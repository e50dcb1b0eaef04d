using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Api;

/// <summary>
/// Referrals from matching: a site's inbox (<c>/api/recruitment/sites/{siteCode}/referrals</c>) and the screening
/// outcome a site records (<c>/api/recruitment/referrals/{id}/screening</c>), for the site's staff and the study's
/// trial managers. Referrals are made from the clinician view, where the patient's facts are.
/// </summary>
public static class RecruitmentReferralsApi
{
    /// <summary>The outcome: <c>passed</c>, <c>failed</c> or <c>declined</c>; the checklist positions that failed ("inclusion 3"); a reason in words; the date (default today).</summary>
    public sealed record ScreeningRequest(string Outcome, IReadOnlyList<string>? FailedCriteria, string? Reason, DateOnly? On);

    public static IEndpointRouteBuilder MapRecruitmentReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment").WithTags("Recruitment").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        api.MapGet("/sites/{siteCode}/referrals", InboxAsync).WithName("ListSiteReferrals").WithSummary("A site's referral inbox (its staff)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/referrals/{id}", GetAsync).WithName("GetReferral").WithSummary("One referral with its checklist")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/referrals/{id}/screening", RecordAsync).WithName("RecordReferralScreening").WithSummary("Record what the site found at screening")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<Referral>>, ProblemHttpResult>> InboxAsync(string siteCode, ClaimsPrincipal user, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        var referrals = await recruitment.InboxAsync(siteCode, cancellationToken);
        if (!user.IsStaffOf(siteCode) && !user.IsAdministrator())
        {
            // A trial manager sees the site's referrals to the studies they manage; anyone else, nothing.
            var managed = referrals.Where(r => user.ManagesStudy(r.Study)).ToList();
            return managed.Count > 0 ? TypedResults.Ok<IReadOnlyList<Referral>>(managed) : RecruitmentProblems.Forbidden($"Only the staff of site {siteCode} see its referral inbox.");
        }

        return TypedResults.Ok(referrals);
    }

    internal static async Task<Results<Ok<Referral>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IAuthorizationService authorization, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        var (referral, problem) = await FindAsync(id, user, authorization, recruitment, cancellationToken);
        return referral is null ? problem! : TypedResults.Ok(referral);
    }

    internal static async Task<Results<Ok<Referral>, ProblemHttpResult, ValidationProblem>> RecordAsync(
        string id, ScreeningRequest request, ClaimsPrincipal user, IAuthorizationService authorization, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        var (referral, problem) = await FindAsync(id, user, authorization, recruitment, cancellationToken);
        if (referral is null)
        {
            return problem!;
        }

        ReferralStatus? outcome = request.Outcome?.ToLowerInvariant() switch
        {
            "passed" => ReferralStatus.PassedScreening,
            "failed" => ReferralStatus.FailedScreening,
            "declined" => ReferralStatus.Declined,
            _ => null,
        };
        if (outcome is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["outcome"] = ["outcome must be passed, failed or declined."] });
        }

        var result = await recruitment.RecordScreeningAsync(user, referral, outcome.Value, request.On ?? recruitment.Today, request.FailedCriteria ?? [], request.Reason, cancellationToken);
        if (result.IsRefused)
        {
            return RecruitmentProblems.Refused(result.Error!);
        }

        return TypedResults.Ok((await recruitment.FindReferralAsync(referral.Id, cancellationToken))!);
    }

    private static async Task<(Referral? Referral, ProblemHttpResult? Problem)> FindAsync(string id, ClaimsPrincipal user, IAuthorizationService authorization, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        if (!ReferralId.TryParse(id, out var referralId) || await recruitment.FindReferralAsync(referralId, cancellationToken) is not { } referral)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No referral {id}."));
        }

        if (!(await authorization.AuthorizeAsync(user, new StudySiteScope(referral.Study, referral.SiteCode), RecruitmentOperations.RecordScreening)).Succeeded)
        {
            return (null, RecruitmentProblems.Forbidden($"Only the staff of site {referral.SiteCode} and {referral.Study}'s trial managers see this referral."));
        }

        return (referral, null);
    }
}
