using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Web.Clinician;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>
/// One study's recruitment dashboard: the target line against actual accrual, the sites with their status, the
/// screening funnel with reasons, alerts, projection, accrual by age band and sex; CSV and PDF export of the same.
/// </summary>
[Authorize]
public sealed class StudyModel(RecruitmentService recruitment, ChromiumPdf chromium) : PageModel
{
    public StudyReport Report { get; private set; } = null!;

    /// <summary>The engine's real-world signal, for the study's managers; null for others.</summary>
    public ScreeningSignal? Signal { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(RecruitmentExport.Csv(Report)), "text/csv; charset=utf-8", $"recruitment-{Report.Id.Replace(':', '-')}-{Report.AsOf:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnGetPdfAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var rendering = await chromium.RenderAsync(RecruitmentExport.Html(Report), cancellationToken);
        if (rendering.Pdf is null)
        {
            Error = rendering.Error;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        return File(rendering.Pdf, "application/pdf", $"recruitment-{Report.Id.Replace(':', '-')}-{Report.AsOf:yyyy-MM-dd}.pdf");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(id, out var key) || await recruitment.ReportAsync(User, key, cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        Signal = User.ManagesStudy(key) ? await recruitment.SignalAsync(key, cancellationToken) : null;
        return true;
    }
}
