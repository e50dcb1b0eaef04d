using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Api;

/// <summary>
/// <c>/api/recruitment/studies/{studyId}/sites/{siteCode}/participants</c>: a site's pseudonymised participants and
/// their state histories, for the study's trial managers and the site's own staff (403 for anyone else).
/// </summary>
public static class RecruitmentParticipantsApi
{
    /// <summary>One participant: the study subject id (never a name), age band, sex and dated states (FHIR ResearchSubject codes beside ours).</summary>
    public sealed record ParticipantView(string SubjectId, string? AgeBand, string Sex, string? State, IReadOnlyList<StateView> History);

    public sealed record StateView(string State, string FhirCode, DateOnly On, IReadOnlyList<ReasonView> Reasons);

    public sealed record ReasonView(string? Criterion, string Text);

    public static IEndpointRouteBuilder MapRecruitmentParticipantsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/recruitment/studies/{studyId}/sites/{siteCode}/participants").WithTags("Recruitment").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy)
            .MapGet("/", ListAsync).WithName("ListSiteParticipants").WithSummary("A site's participants (the study's managers and the site's staff)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ParticipantView>>, ProblemHttpResult>> ListAsync(
        string studyId, string siteCode, ClaimsPrincipal user, IAuthorizationService authorization, RecruitmentService recruitment, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(studyId, out var key))
        {
            return RecruitmentProblems.NotAStudy(studyId);
        }

        if (!(await authorization.AuthorizeAsync(user, new StudySiteScope(key, siteCode), RecruitmentOperations.SeeParticipants)).Succeeded)
        {
            return RecruitmentProblems.Forbidden($"Only {key}'s trial managers and the staff of site {siteCode} see its participants.");
        }

        if (await recruitment.ParticipantsAsync(key, siteCode, cancellationToken) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not monitored", detail: $"{siteCode} is not a site of {key}.");
        }

        return TypedResults.Ok<IReadOnlyList<ParticipantView>>([.. found.Participants.Select(p => new ParticipantView(
            p.SubjectId.Value,
            p.AgeBand?.Label,
            p.Sex.ToString().ToLowerInvariant(),
            p.State is { } state ? TrialAccess.Recruitment.Participants.ResearchSubjectStates.LogName(state) : null,
            [.. p.History.Select(h => new StateView(
                TrialAccess.Recruitment.Participants.ResearchSubjectStates.LogName(h.State),
                TrialAccess.Recruitment.Participants.ResearchSubjectStates.FhirCode(h.State),
                h.On,
                [.. h.Reasons.Select(r => new ReasonView(r.CriterionPosition, r.Text))]))]))]);
    }
}
