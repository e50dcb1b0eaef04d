using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>The monitored studies, each with its recruitment against target and time, as the signed-in user may see them.</summary>
[Authorize]
public sealed class IndexModel(RecruitmentService recruitment) : PageModel
{
    public IReadOnlyList<StudyReport> Studies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Studies = await recruitment.ReportsAsync(User, cancellationToken);
}
