using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Review;
using TrialAccess.Web.Pipeline;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>
/// One project for one viewer (403 when the access rule says no, a conflict of interest included): the agent, the
/// nomination (without the nominator in blind review), stages, gate decisions, rounds, the reviews and minutes the
/// viewer may read, and the forms of the actions their role allows.
/// </summary>
public sealed class ProjectModel(PipelineAccess access, PipelineQueries queries, PipelineWorkflow workflow, IAuthorizationService authorization) : PipelinePage
{
    [FromRoute]
    public Guid Id { get; set; }

    public ProjectDetail? Detail { get; private set; }

    public IReadOnlyList<ReviewView> Reviews { get; private set; } = [];

    public IReadOnlyList<MinuteEntry> Minutes { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<CommitteeMeeting> OpenMeetings { get; private set; } = [];

    public IReadOnlyList<CommitteeMeeting> MeetingsWithProject { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanDecide { get; private set; }

    public string NameOf(string userId) => People.FirstOrDefault(p => p.UserId == userId)?.DisplayName ?? userId;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    private async Task<IActionResult?> LoadAsync()
    {
        await LoadViewerAsync(access);
        var ct = HttpContext.RequestAborted;
        var detail = await queries.DetailAsync(User, Id, ct);
        if (detail.Status != WorkflowStatus.Done)
        {
            return detail.Status == WorkflowStatus.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Detail = detail.Value;
        var project = Detail!.Project;
        Reviews = (await queries.ReviewsAsync(User, Id, ct)).Value ?? [];
        Minutes = (await queries.MinutesAsync(User, Id, ct)).Value ?? [];
        CanManage = (await authorization.AuthorizeAsync(User, project, ProjectOperations.Manage)).Succeeded;
        var committeeGate = Detail.Stage.ExitGate?.RequiresMeeting == true;
        var chair = (await authorization.AuthorizeAsync(User, project, ProjectOperations.DecideAtCommittee)).Succeeded;
        CanDecide = committeeGate ? chair : CanManage || chair;
        if (CanManage || CanDecide)
        {
            People = await queries.PeopleAsync(ct);
            var meetings = (await queries.MeetingsAsync(User, ct)).Select(m => m.Meeting).ToList();
            OpenMeetings = meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.Agenda.All(a => a.ProjectId != Id)).ToList();
            MeetingsWithProject = meetings.Where(m => m.Agenda.Any(a => a.ProjectId == Id)).ToList();
        }

        return null;
    }

    private async Task<IActionResult> AfterAsync<T>(WorkflowResult<T> result, string notice)
    {
        if (result.Status == WorkflowStatus.Done)
        {
            Notice = notice;
            return Redirect($"/pipeline/projects/{Id}");
        }

        var failure = Failure(result);
        var error = Error;
        if (failure is not null)
        {
            return failure;
        }

        var status = Response.StatusCode;
        if (await LoadAsync() is { } loadFailure)
        {
            return loadFailure;
        }

        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(GateOutcome outcome, List<string> criteria, List<CriterionResult> results, List<string?> evidence, string? rationale, string? conditions, Guid? meetingId)
    {
        var checks = criteria.Select((c, i) => new CriterionCheck(c, i < results.Count ? results[i] : CriterionResult.Met, i < evidence.Count && !string.IsNullOrWhiteSpace(evidence[i]) ? evidence[i] : null)).ToList();
        var result = await workflow.DecideAsync(User, Id, new GateInput(outcome, checks, rationale ?? "", string.IsNullOrWhiteSpace(conditions) ? null : conditions, meetingId, null), HttpContext.RequestAborted);
        return await AfterAsync(result, $"Decision recorded: {outcome}.");
    }

    public async Task<IActionResult> OnPostOpenRoundAsync(RoundKind kind, bool blind) =>
        await AfterAsync(await workflow.OpenRoundAsync(User, Id, kind, blind, HttpContext.RequestAborted), $"{kind} round opened.");

    public async Task<IActionResult> OnPostAssignAsync(Guid roundId, string userId, AssignmentType type) =>
        await AfterAsync(await workflow.AssignAsync(User, roundId, userId, type, HttpContext.RequestAborted), "Assigned.");

    public async Task<IActionResult> OnPostAgendaAsync(Guid meetingId) =>
        await AfterAsync(await workflow.AddToAgendaAsync(User, meetingId, Id, "Applicant", HttpContext.RequestAborted), "Added to the agenda.");

    public async Task<IActionResult> OnPostLinkTrialAsync(string? nctId) =>
        await AfterAsync(await workflow.LinkTrialAsync(User, Id, nctId ?? "", HttpContext.RequestAborted), $"Trial {nctId} linked.");

    public async Task<IActionResult> OnPostConflictAsync(string? description)
    {
        var result = await workflow.DeclareConflictAsync(User, Id, description ?? "", HttpContext.RequestAborted);
        if (result.Status == WorkflowStatus.Done)
        {
            Notice = "Conflict declared: the project is now hidden from you.";
            return Redirect("/pipeline");
        }

        return await AfterAsync(result, "");
    }
}
