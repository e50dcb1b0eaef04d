using TrialAccess.Pipeline.Portfolio;
using TrialAccess.Web.Pipeline;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>The portfolio dashboard over the projects the viewer may see: figures, charts (inline SVG) and attrition with reasons.</summary>
public sealed class PortfolioModel(PipelineAccess access, PipelineQueries queries) : PipelinePage
{
    public PortfolioReport? Report { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadViewerAsync(access);
        Report = await queries.PortfolioAsync(User, HttpContext.RequestAborted);
    }
}
