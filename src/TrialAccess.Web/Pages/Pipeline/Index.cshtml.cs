using Microsoft.AspNetCore.Mvc;
using TrialAccess.Pipeline.Access;
using TrialAccess.Pipeline.Review;
using TrialAccess.Web.Pipeline;
using ReviewRecord = TrialAccess.Pipeline.Review.Review;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>The pipeline's home: the viewer's reviews to do, and the projects they may see (search by words and stage).</summary>
public sealed class IndexModel(PipelineAccess access, PipelineQueries queries) : PipelinePage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public IReadOnlyList<(ReviewAssignment Assignment, ProjectRow Project, ReviewRound Round, ReviewRecord? Review)> Assignments { get; private set; } = [];

    public bool CanNominate => Viewer.Is(PipelineRole.Applicant) || Viewer.Is(PipelineRole.PartnerOrganisation) || Viewer.Manages;

    public async Task OnGetAsync()
    {
        await LoadViewerAsync(access);
        Projects = await queries.ListAsync(User, Query, string.IsNullOrEmpty(Stage) ? null : Stage, HttpContext.RequestAborted);
        Assignments = await queries.MyAssignmentsAsync(User, HttpContext.RequestAborted);
    }
}
