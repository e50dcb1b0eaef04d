using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using TrialAccess.Recruitment.Disclosure;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Recruitment;

/// <summary>
/// Who may see what in recruitment monitoring, by relation (resource claims on the account):
/// <list type="bullet">
/// <item>a trial manager of a study (claim <c>trialaccess:trial</c> = the study id) sees its participants at every site and exact figures;</item>
/// <item>site staff (claim <c>trialaccess:site</c> = the site code) see their own site's participants, in every study the site takes part in, and its exact figures;</item>
/// <item>administrators see everything;</item>
/// <item>everyone else who is signed in sees aggregate figures only (<see cref="AggregateDisclosure"/>: 1-4 suppressed, the rest rounded to 5).</item>
/// </list>
/// Every list, count, chart and export goes through this rule; pages and endpoints that show participants check
/// <see cref="RecruitmentOperations.SeeParticipants"/> and answer 403.
/// </summary>
public static class RecruitmentAccess
{
    public const string TrialResource = "trial";
    public const string SiteResource = "site";

    /// <summary>Informational roles for accounts (the resource claims decide what they see).</summary>
    public const string SiteStaffRole = "site-staff";
    public const string TrialManagerRole = "trial-manager";

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static bool ManagesStudy(this ClaimsPrincipal user, StudyKey study) =>
        user.IsAdministrator() || user.ResourceIds(TrialResource).Any(id => string.Equals(id, study.ToString(), StringComparison.OrdinalIgnoreCase));

    public static bool IsStaffOf(this ClaimsPrincipal user, string siteCode) =>
        user.ResourceIds(SiteResource).Any(id => string.Equals(id, siteCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Participant-level data of one site of one study: its trial managers and its own staff.</summary>
    public static bool CanSeeParticipants(this ClaimsPrincipal user, StudyKey study, string siteCode) =>
        user.ManagesStudy(study) || user.IsStaffOf(siteCode);

    /// <summary>Changing a study's data (imports, site milestones): its trial managers.</summary>
    public static bool CanManage(this ClaimsPrincipal user, StudyKey study) => user.ManagesStudy(study);

    /// <summary>What of a study's figures the user sees exactly.</summary>
    public static ReportAudience AudienceFor(this ClaimsPrincipal user, StudyKey study) =>
        user.ManagesStudy(study) ? ReportAudience.Full : ReportAudience.SiteStaff(user.ResourceIds(SiteResource));
}

/// <summary>A site of a study: the resource the participant-level operations are authorized on.</summary>
public sealed record StudySiteScope(StudyKey Study, string SiteCode);

public sealed class RecruitmentRequirement(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;
}

public static class RecruitmentOperations
{
    /// <summary>Read the site's participants, referrals and screening log.</summary>
    public static readonly RecruitmentRequirement SeeParticipants = new(nameof(SeeParticipants));

    /// <summary>Record a screening outcome on a referral to the site.</summary>
    public static readonly RecruitmentRequirement RecordScreening = new(nameof(RecordScreening));

    /// <summary>Import logs and change the study's sites.</summary>
    public static readonly RecruitmentRequirement Manage = new(nameof(Manage));
}

/// <summary>Resource-based authorization for <see cref="StudySiteScope"/>, by the rule in <see cref="RecruitmentAccess"/>.</summary>
public sealed class RecruitmentAuthorizationHandler : AuthorizationHandler<RecruitmentRequirement, StudySiteScope>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecruitmentRequirement requirement, StudySiteScope resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var allowed = requirement.Name == RecruitmentOperations.Manage.Name
            ? context.User.CanManage(resource.Study)
            : context.User.CanSeeParticipants(resource.Study, resource.SiteCode);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
