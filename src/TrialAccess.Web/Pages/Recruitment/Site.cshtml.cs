using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>One site of a study: milestones, monthly accrual, funnel and reasons, as the viewer may see them.</summary>
[Authorize]
public sealed class SiteModel(RecruitmentService recruitment) : PageModel
{
    public StudyReport Study { get; private set; } = null!;

    public SiteReport Site { get; private set; } = null!;

    public bool CanSeeParticipants { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string code, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(id, out var key) || await recruitment.ReportAsync(User, key, cancellationToken) is not { } report
            || report.Sites.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)) is not { } site)
        {
            return NotFound();
        }

        (Study, Site, CanSeeParticipants) = (report, site, User.CanSeeParticipants(key, site.Code));
        return Page();
    }
}
