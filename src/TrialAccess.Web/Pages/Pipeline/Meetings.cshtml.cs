using Microsoft.AspNetCore.Mvc;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Review;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Pipeline;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>The meetings the viewer runs or sits on; the secretariat schedules new ones.</summary>
public sealed class MeetingsModel(PipelineAccess access, PipelineQueries queries, PipelineWorkflow workflow) : PipelinePage
{
    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadViewerAsync(access);
        Meetings = await queries.MeetingsAsync(User, HttpContext.RequestAborted);
        if (Viewer.Manages)
        {
            People = await queries.PeopleAsync(HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostAsync(string? title, DateOnly heldOn, string? chair, List<string>? members)
    {
        var attendees = new List<Attendee> { new(chair ?? "", MeetingRole.Chair, null) };
        attendees.AddRange((members ?? []).Where(m => m != chair).Select(m => new Attendee(m, MeetingRole.Member, null)));
        attendees.Add(new Attendee(User.UserId() ?? "", MeetingRole.Secretariat, null));
        var result = await workflow.ScheduleMeetingAsync(User, title ?? "", heldOn, attendees, HttpContext.RequestAborted);
        if (result.Status == WorkflowStatus.Done)
        {
            return Redirect($"/pipeline/meetings/{result.Value!.Id}");
        }

        var failure = Failure(result);
        await OnGetAsync();
        return failure ?? Page();
    }
}
