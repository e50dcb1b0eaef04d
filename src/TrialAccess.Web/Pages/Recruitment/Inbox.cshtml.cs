using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>
/// A site's referral inbox: the patients referred from the clinician view, each with its checklist; the site records
/// what it found at screening (passed, failed with the criteria that failed, declined). The site's staff see all of
/// them, a trial manager those of the studies they manage; anyone else gets 403.
/// </summary>
[Authorize]
public sealed class InboxModel(RecruitmentService recruitment, IAuthorizationService authorization) : PageModel
{
    public string SiteCode { get; private set; } = "";

    public IReadOnlyList<Referral> Referrals { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? ReferralId { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public DateOnly? ScreenedOn { get; set; }

    [BindProperty]
    public List<string> Failed { get; set; } = [];

    [BindProperty]
    public string? OtherReason { get; set; }

    public DateOnly Today => recruitment.Today;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!TrialAccess.Recruitment.Referrals.ReferralId.TryParse(ReferralId, out var id) || Referrals.FirstOrDefault(r => r.Id == id) is not { } referral)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new StudySiteScope(referral.Study, referral.SiteCode), RecruitmentOperations.RecordScreening)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ReferralStatus? outcome = Outcome switch
        {
            "passed" => ReferralStatus.PassedScreening,
            "failed" => ReferralStatus.FailedScreening,
            "declined" => ReferralStatus.Declined,
            _ => null,
        };
        var result = outcome is null
            ? TrialAccess.Recruitment.ChangeResult.Refused("Choose an outcome: passed screening, failed screening or declined.")
            : await recruitment.RecordScreeningAsync(User, referral, outcome.Value, ScreenedOn ?? Today, Failed, OtherReason, cancellationToken);
        if (result.IsRefused)
        {
            Error = result.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Message = $"Recorded: {referral.Id} {Outcome} screening.";
        }

        await LoadAsync(code, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        SiteCode = code;
        var all = await recruitment.InboxAsync(code, cancellationToken);
        if (User.IsStaffOf(code) || User.IsAdministrator())
        {
            Referrals = all;
            return true;
        }

        Referrals = [.. all.Where(r => User.ManagesStudy(r.Study))];
        return Referrals.Count > 0;
    }
}
