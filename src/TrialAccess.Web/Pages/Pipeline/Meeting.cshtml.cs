using Microsoft.AspNetCore.Mvc;
using TrialAccess.Pipeline.People;
using TrialAccess.Web.Pipeline;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>One committee meeting: the agenda items the viewer may see (recusals shown), attendance, minutes per item.</summary>
public sealed class MeetingModel(PipelineAccess access, PipelineQueries queries, PipelineWorkflow workflow) : PipelinePage
{
    [FromRoute]
    public Guid Id { get; set; }

    public MeetingView? View { get; private set; }

    public IReadOnlyList<Person> People { get; private set; } = [];

    public string NameOf(string userId) => People.FirstOrDefault(p => p.UserId == userId)?.DisplayName ?? userId;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    private async Task<IActionResult?> LoadAsync()
    {
        await LoadViewerAsync(access);
        var result = await queries.MeetingAsync(User, Id, HttpContext.RequestAborted);
        if (result.Status != WorkflowStatus.Done)
        {
            return result.Status == WorkflowStatus.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        View = result.Value;
        People = await queries.PeopleAsync(HttpContext.RequestAborted);
        return null;
    }

    public async Task<IActionResult> OnPostAttendanceAsync(List<string>? present) =>
        await AfterAsync(await workflow.RecordAttendanceAsync(User, Id, present ?? [], HttpContext.RequestAborted), "Attendance recorded.");

    public async Task<IActionResult> OnPostMinutesAsync(Guid projectId, string? text) =>
        await AfterAsync(await workflow.RecordMinutesAsync(User, Id, projectId, text ?? "", HttpContext.RequestAborted), "Minutes recorded.");

    private async Task<IActionResult> AfterAsync<T>(WorkflowResult<T> result, string notice)
    {
        if (result.Status == WorkflowStatus.Done)
        {
            Notice = notice;
            return Redirect($"/pipeline/meetings/{Id}");
        }

        if (Failure(result) is { } failure)
        {
            return failure;
        }

        var (error, status) = (Error, Response.StatusCode);
        if (await LoadAsync() is { } loadFailure)
        {
            return loadFailure;
        }

        (Error, Response.StatusCode) = (error, status);
        return Page();
    }
}
