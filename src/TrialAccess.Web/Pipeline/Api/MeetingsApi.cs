using System.Security.Claims;
using TrialAccess.Pipeline.Review;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Pipeline.Api;

/// <summary>
/// <c>/api/pipeline/meetings</c>: committee meetings the caller runs or sits on, each with only the agenda items and
/// minutes they may see; scheduling, the agenda (conflicted members recorded as recused), attendance and minutes.
/// </summary>
public static class MeetingsApi
{
    public sealed record ScheduleRequest(string Title, DateOnly HeldOn, IReadOnlyList<Attendee> Attendees);

    public sealed record AgendaRequest(Guid ProjectId, string? Presenter);

    public sealed record AttendanceRequest(IReadOnlyList<string> Present);

    public sealed record MinutesRequest(Guid ProjectId, string Text);

    public sealed record MeetingDto(Guid Id, string Title, DateOnly HeldOn, MeetingStatus Status, IReadOnlyList<AgendaDto> Agenda, IReadOnlyList<Attendee> Attendees, IReadOnlyList<MinuteEntry> Minutes)
    {
        public static MeetingDto From(MeetingView view) => new(view.Meeting.Id, view.Meeting.Title, view.Meeting.HeldOn, view.Meeting.Status,
            view.Agenda.Select(a => new AgendaDto(a.Item.ProjectId, a.Code, a.Title, a.Item.Order, a.Item.Presenter, view.Meeting.Recusals.Where(r => r.ProjectId == a.Item.ProjectId).Select(r => r.UserId).ToList())).ToList(),
            view.Meeting.Attendees, view.Minutes);
    }

    public sealed record AgendaDto(Guid ProjectId, string Code, string Title, int Order, string Presenter, IReadOnlyList<string> Recused);

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline/meetings").WithTags("Pipeline: committee").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("Meetings the caller runs or sits on").Produces<IReadOnlyList<MeetingDto>>();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One meeting, with the agenda items and minutes the caller may see").Produces<MeetingDto>();
        group.MapPost("/", ScheduleAsync).WithSummary("Schedule a meeting (secretariat)");
        group.MapPost("/{id:guid}/agenda", AgendaAsync).WithSummary("Put a project on the agenda (secretariat)");
        group.MapPost("/{id:guid}/attendance", AttendanceAsync).WithSummary("Record who attended (secretariat or chair)");
        group.MapPost("/{id:guid}/minutes", MinutesAsync).WithSummary("Record the minutes of an agenda item (secretariat or chair)");
        return app;
    }

    internal static async Task<IResult> ListAsync(ClaimsPrincipal user, PipelineQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok((await queries.MeetingsAsync(user, cancellationToken)).Select(MeetingDto.From).ToList());

    internal static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, PipelineQueries queries, CancellationToken cancellationToken) =>
        PipelineResults.From(await queries.MeetingAsync(user, id, cancellationToken), m => TypedResults.Ok(MeetingDto.From(m)));

    internal static async Task<IResult> ScheduleAsync(ScheduleRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.ScheduleMeetingAsync(user, request.Title ?? "", request.HeldOn, request.Attendees ?? [], cancellationToken),
            m => TypedResults.Created($"/api/pipeline/meetings/{m.Id}", new { m.Id, m.Title, m.HeldOn }));

    internal static async Task<IResult> AgendaAsync(Guid id, AgendaRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.AddToAgendaAsync(user, id, request.ProjectId, request.Presenter ?? "Applicant", cancellationToken), m => TypedResults.Ok(new { m.Id, AgendaItems = m.Agenda.Count }));

    internal static async Task<IResult> AttendanceAsync(Guid id, AttendanceRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.RecordAttendanceAsync(user, id, request.Present ?? [], cancellationToken), m => TypedResults.Ok(new { m.Id, m.Status }));

    internal static async Task<IResult> MinutesAsync(Guid id, MinutesRequest request, ClaimsPrincipal user, PipelineWorkflow workflow, CancellationToken cancellationToken) =>
        PipelineResults.From(await workflow.RecordMinutesAsync(user, id, request.ProjectId, request.Text ?? "", cancellationToken), m => TypedResults.Ok(new { m.Id }));
}
