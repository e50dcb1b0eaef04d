using Microsoft.AspNetCore.Mvc;
using TrialAccess.Trials;

namespace TrialAccess.Web.Recruitment;

/// <summary>
/// The "refer to a site" control on a matched trial in the clinician view: the monitored study's open sites and a
/// button that posts the clinician form to <c>/recruitment/refer</c>. Nothing when the trial is not monitored; a
/// sign-in link for anonymous users.
/// </summary>
public sealed class ReferralFormViewComponent(RecruitmentService recruitment) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(NctId trial, string verdict)
    {
        if (verdict == "ineligible")
        {
            return Content("");
        }

        var sites = await recruitment.ReferralSitesAsync(trial, HttpContext.RequestAborted);
        return sites.Count == 0 ? Content("") : View("~/Pages/Recruitment/_ReferralForm.cshtml", (trial, sites, User.Identity?.IsAuthenticated == true));
    }
}
