using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Patients;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Trials;
using TrialAccess.Web.Clinician;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>
/// Where the clinician view's "Refer" button posts: the whole clinician form arrives (the note and the facts), the
/// trial is evaluated again with the facts, and only the verdict and the criteria checklist are kept with a new
/// pseudonymous referral id. The note and the facts are used for this one answer and not stored.
/// </summary>
[Authorize]
public sealed class ReferModel(RecruitmentService recruitment) : PageModel
{
    [BindProperty]
    public string? ReferTrial { get; set; }

    public Referral? Referral { get; private set; }

    public string? SiteName { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => Redirect("/clinician");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!NctId.TryParse(ReferTrial, out var trial))
        {
            return Fail("Choose a trial to refer to.");
        }

        var site = Request.Form["ReferSite-" + trial].ToString();
        if (string.IsNullOrWhiteSpace(site))
        {
            return Fail("Choose the site to refer to.");
        }

        var facts = FactSheet.FromForm(Request.Form);
        var intake = facts.Read();
        if (facts.Errors.Count > 0 || intake.Profile is null)
        {
            return Fail("The patient's facts need correcting in the clinician view before referring.");
        }

        var note = Request.Form["Note"].ToString();
        var (referral, error) = await recruitment.ReferAsync(User, trial, site, intake.Profile, !string.IsNullOrWhiteSpace(note) && PatientIntake.Detect(note) == PatientInputKind.Note ? note : null, cancellationToken);
        if (referral is null)
        {
            return Fail(error!);
        }

        Referral = referral;
        SiteName = (await recruitment.ReferralSitesAsync(trial, cancellationToken)).FirstOrDefault(s => s.Code == referral.SiteCode)?.Name;
        return Page();
    }

    private PageResult Fail(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
