using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Pipeline.Access;

namespace TrialAccess.Web.Pipeline;

/// <summary>
/// What every pipeline page shares: signed in (anonymous visitors are sent to the sign-in page), the viewer, and the
/// translation of a <see cref="WorkflowResult{T}"/> into a page response (403 and 404 as real status codes, refusals
/// shown on the page with 400 or 409).
/// </summary>
[Authorize]
public abstract class PipelinePage : PageModel
{
    public Viewer Viewer { get; protected set; } = new("", new HashSet<PipelineRole>(), null);

    /// <summary>A refusal to show at the top of the page.</summary>
    public string? Error { get; protected set; }

    /// <summary>A confirmation to show at the top of the page.</summary>
    [TempData]
    public string? Notice { get; set; }

    protected async Task LoadViewerAsync(PipelineAccess access) => Viewer = await access.ViewerAsync(User, HttpContext.RequestAborted);

    /// <summary>The response for a result that did not succeed (null when it did).</summary>
    protected IActionResult? Failure<T>(WorkflowResult<T> result)
    {
        switch (result.Status)
        {
            case WorkflowStatus.Done:
                return null;
            case WorkflowStatus.NotFound:
                return NotFound();
            case WorkflowStatus.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                Error = result.Refusal!.Message;
                Response.StatusCode = result.IsStateConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return null;
        }
    }
}
