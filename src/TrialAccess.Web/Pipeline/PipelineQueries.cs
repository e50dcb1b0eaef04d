using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Pipeline.Access;
using TrialAccess.Pipeline.Audit;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Portfolio;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Clinician;

namespace TrialAccess.Web.Pipeline;

/// <summary>One row of the project list and of the CSV export; confidential fields are "[confidential]" for portfolio-only viewers.</summary>
public sealed record ProjectRow(
    Guid Id,
    string Code,
    string Title,
    string AgentName,
    string AgentCode,
    string Modality,
    string Target,
    string Stage,
    string StageName,
    string Status,
    string Indications,
    string NominatedBy,
    string? Trials,
    bool Redacted);

/// <summary>A review as one viewer may read it: the reviewer is named only for those who see all reviews.</summary>
public sealed record ReviewView(Guid Id, Guid RoundId, RoundKind Round, string? Reviewer, string Status, IReadOnlyList<CriterionScore> Scores, string Comments, DateTimeOffset? SubmittedAt, Guid? SupersedesId, bool Current);

/// <summary>A project as one viewer may read it.</summary>
public sealed record ProjectDetail(
    DevelopmentProject Project,
    ProjectView View,
    string AgentName,
    string AgentCode,
    string Modality,
    string Target,
    string Mechanism,
    string? IpPosition,
    string? NominatedBy,
    string? Applicant,
    string Originator,
    StageDefinition Stage,
    IReadOnlyList<GateDecision> Decisions,
    IReadOnlyList<ReviewRound> Rounds,
    IReadOnlyList<ReviewAssignment> Assignments);

/// <summary>A meeting as one viewer may read it: agenda items they may not see are left out, with their minutes.</summary>
public sealed record MeetingView(CommitteeMeeting Meeting, IReadOnlyList<(AgendaItem Item, string Code, string Title)> Agenda, IReadOnlyList<MinuteEntry> Minutes, bool CanManage);

/// <summary>
/// What pages and the API read: lists, search, detail, reviews, minutes, meetings, the portfolio, the CSV export and
/// the audit log, each filtered through <see cref="PipelineAccess"/> (a project the viewer may not see is absent from
/// every list and count, and 403 on its own).
/// </summary>
public sealed class PipelineQueries(PipelineDbContext store, PipelineAccess access, IAuthorizationService authorization, TimeProvider clock)
{
    public const string Redacted = "[confidential]";
    private static readonly StageCatalog Stages = StageCatalog.Default;

    private async Task<Dictionary<Guid, string>> OrganisationNamesAsync(CancellationToken cancellationToken) =>
        await store.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

    /// <summary>The projects the viewer may see, matching every word of <paramref name="query"/> (in fields they may read) and the stage.</summary>
    public async Task<IReadOnlyList<ProjectRow>> ListAsync(ClaimsPrincipal user, string? query = null, string? stage = null, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(user, cancellationToken);
        var visible = await access.VisibleProjectsAsync(viewer, cancellationToken);
        var agents = await store.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        var organisations = await OrganisationNamesAsync(cancellationToken);
        var rows = visible.Select(v => Row(v, agents.GetValueOrDefault(v.Project.AgentId), organisations)).ToList();
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return rows
            .Where(r => stage is null || r.Stage == stage)
            .Where(r => words.All(w => Searchable(r).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private static string Searchable(ProjectRow row) =>
        string.Join(' ', row.Code, row.Title, row.AgentName, row.AgentCode, row.Modality, row.Target, row.StageName, row.Indications, row.NominatedBy, row.Trials);

    private static ProjectRow Row(VisibleProject visible, TrialAccess.Pipeline.Agents.Agent? agent, Dictionary<Guid, string> organisations)
    {
        var (project, view) = visible;
        var full = view.Visibility == Visibility.Full;
        var stage = Stages.Get(project.CurrentStage);
        string Hide(string value) => full ? value : Redacted;
        var nominatedBy = project.Nomination is { } n && full && !view.ApplicantHidden ? organisations.GetValueOrDefault(n.NominatingOrganisationId, "") : project.Nomination is null ? "" : Redacted;
        return new ProjectRow(
            project.Id,
            project.Code,
            Hide(project.Title),
            Hide(agent?.Name ?? ""),
            agent?.Code ?? "",
            agent?.Modality.ToString() ?? "",
            Hide(agent?.Target ?? ""),
            stage.Code,
            stage.Name,
            project.Status.ToString(),
            Hide(string.Join("; ", project.Indications)),
            nominatedBy,
            project.Trials.Count == 0 ? null : string.Join(" ", project.Trials.Select(t => t.NctId.Value)),
            !full);
    }

    /// <summary>The CSV of the list (RFC 4180, formula-like fields defused), confidential fields redacted as in the list.</summary>
    public async Task<string> ExportCsvAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var rows = await ListAsync(user, cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        string[] header = ["code", "title", "agent", "agent_code", "modality", "target", "stage", "status", "indications", "nominated_by", "trials"];
        csv.AppendJoin(',', header).Append("\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', new[] { r.Code, r.Title, r.AgentName, r.AgentCode, r.Modality, r.Target, r.StageName, r.Status, r.Indications, r.NominatedBy, r.Trials ?? "" }.Select(ShortlistCsv.Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    public async Task<WorkflowResult<ProjectDetail>> DetailAsync(ClaimsPrincipal user, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<ProjectDetail>.NotFound();
        }

        if (!(await authorization.AuthorizeAsync(user, project, ProjectOperations.Read)).Succeeded)
        {
            return WorkflowResult<ProjectDetail>.Forbidden();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        var view = await access.ViewAsync(viewer, project, cancellationToken);
        var agent = await store.Agents.AsNoTracking().SingleAsync(a => a.Id == project.AgentId, cancellationToken);
        var organisations = await OrganisationNamesAsync(cancellationToken);
        var decisions = (await store.GateDecisions.AsNoTracking().Where(d => d.ProjectId == projectId).ToListAsync(cancellationToken)).OrderBy(d => d.DecidedAt).ToList();
        var rounds = (await store.Rounds.AsNoTracking().Where(r => r.ProjectId == projectId).ToListAsync(cancellationToken)).OrderBy(r => r.OpenedAt).ToList();
        var assignments = await store.Assignments.AsNoTracking().Where(a => a.ProjectId == projectId).ToListAsync(cancellationToken);
        if (view.Reviews != ReviewAccess.All)
        {
            assignments = assignments.Where(a => a.UserId == viewer.UserId).ToList();
        }

        string? applicant = null;
        if (project.Nomination is { } nomination && !view.ApplicantHidden)
        {
            applicant = (await store.People.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == nomination.ApplicantUserId, cancellationToken))?.DisplayName ?? nomination.ApplicantUserId;
        }

        var ownNomination = project.Nomination?.ApplicantUserId == viewer.UserId;
        return WorkflowResult<ProjectDetail>.Done(new ProjectDetail(
            project,
            view,
            agent.Name,
            agent.Code,
            agent.Modality.ToString(),
            agent.Target,
            agent.Mechanism,
            view.ApplicantHidden ? null : agent.IpPosition,
            project.Nomination is { } n && !view.ApplicantHidden ? organisations.GetValueOrDefault(n.NominatingOrganisationId) : null,
            applicant,
            view.ApplicantHidden && !ownNomination ? Redacted : organisations.GetValueOrDefault(agent.OriginatorId, ""),
            Stages.Get(project.CurrentStage),
            decisions,
            rounds,
            assignments));
    }

    /// <summary>The reviews of a project the viewer may read: all, their own, or the released comments without names.</summary>
    public async Task<WorkflowResult<IReadOnlyList<ReviewView>>> ReviewsAsync(ClaimsPrincipal user, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<IReadOnlyList<ReviewView>>.NotFound();
        }

        if (!(await authorization.AuthorizeAsync(user, project, ProjectOperations.ReadReviews)).Succeeded)
        {
            return WorkflowResult<IReadOnlyList<ReviewView>>.Forbidden();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        var view = await access.ViewAsync(viewer, project, cancellationToken);
        var rounds = await store.Rounds.AsNoTracking().Where(r => r.ProjectId == projectId).ToDictionaryAsync(r => r.Id, cancellationToken);
        var reviews = await store.Reviews.AsNoTracking().Where(r => r.ProjectId == projectId).ToListAsync(cancellationToken);
        var current = Review.Current(reviews).Select(r => r.Id).ToHashSet();
        var names = await store.People.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.DisplayName, cancellationToken);
        IEnumerable<Review> readable = view.Reviews switch
        {
            ReviewAccess.All => reviews,
            ReviewAccess.Own => reviews.Where(r => r.ReviewerUserId == viewer.UserId),
            ReviewAccess.Released => reviews.Where(r => current.Contains(r.Id) && rounds.TryGetValue(r.RoundId, out var round) && round.ReleasedToApplicant),
            _ => [],
        };
        var named = view.Reviews is ReviewAccess.All or ReviewAccess.Own;
        IReadOnlyList<ReviewView> result = readable
            .OrderBy(r => r.SubmittedAt ?? DateTimeOffset.MaxValue)
            .Select(r => new ReviewView(r.Id, r.RoundId, rounds[r.RoundId].Kind, named ? names.GetValueOrDefault(r.ReviewerUserId, r.ReviewerUserId) : null,
                r.Status.ToString(), view.Reviews == ReviewAccess.Released ? [] : r.Scores, r.Comments, r.SubmittedAt, r.SupersedesId, current.Contains(r.Id)))
            .ToList();
        return WorkflowResult<IReadOnlyList<ReviewView>>.Done(result);
    }

    /// <summary>The committee's minutes about one project, across meetings; refused to anyone conflicted or not entitled.</summary>
    public async Task<WorkflowResult<IReadOnlyList<MinuteEntry>>> MinutesAsync(ClaimsPrincipal user, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<IReadOnlyList<MinuteEntry>>.NotFound();
        }

        if (!(await authorization.AuthorizeAsync(user, project, ProjectOperations.ReadMinutes)).Succeeded)
        {
            return WorkflowResult<IReadOnlyList<MinuteEntry>>.Forbidden();
        }

        var meetings = await store.Meetings.AsNoTracking().ToListAsync(cancellationToken);
        IReadOnlyList<MinuteEntry> minutes = meetings.SelectMany(m => m.Minutes).Where(e => e.ProjectId == projectId).OrderBy(e => e.RecordedAt).ToList();
        return WorkflowResult<IReadOnlyList<MinuteEntry>>.Done(minutes);
    }

    /// <summary>The viewer's own assignments on projects they may still see (a conflict hides them).</summary>
    public async Task<IReadOnlyList<(ReviewAssignment Assignment, ProjectRow Project, ReviewRound Round, Review? Review)>> MyAssignmentsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.UserId() ?? "";
        var rows = (await ListAsync(user, cancellationToken: cancellationToken)).Where(r => !r.Redacted).ToDictionary(r => r.Id);
        var assignments = await store.Assignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync(cancellationToken);
        var roundIds = assignments.Select(a => a.RoundId).ToList();
        var rounds = await store.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var reviews = await store.Reviews.AsNoTracking().Where(r => r.ReviewerUserId == id).ToListAsync(cancellationToken);
        var current = Review.Current(reviews).Concat(reviews.Where(r => r.Status == ReviewStatus.Draft)).ToList();
        return assignments.Where(a => rows.ContainsKey(a.ProjectId))
            .Select(a => (a, rows[a.ProjectId], rounds[a.RoundId], current.FirstOrDefault(r => r.AssignmentId == a.Id)))
            .OrderBy(x => x.Item2.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Meetings the viewer runs or sits on, each with only the agenda items they may see.</summary>
    public async Task<IReadOnlyList<MeetingView>> MeetingsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(user, cancellationToken);
        var meetings = (await store.Meetings.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => viewer.Manages || m.Attends(viewer.UserId))
            .OrderBy(m => m.HeldOn)
            .ToList();
        var visible = (await access.VisibleProjectsAsync(viewer, cancellationToken)).Where(v => v.View.Visibility == Visibility.Full && v.View.Minutes).ToDictionary(v => v.Project.Id);
        return meetings.Select(m => new MeetingView(
            m,
            m.Agenda.Where(i => visible.ContainsKey(i.ProjectId) && !m.IsRecused(i.ProjectId, viewer.UserId))
                .Select(i => (i, visible[i.ProjectId].Project.Code, visible[i.ProjectId].Project.Title)).ToList(),
            m.Minutes.Where(e => e.ProjectId is null || (visible.ContainsKey(e.ProjectId.Value) && !m.IsRecused(e.ProjectId.Value, viewer.UserId))).ToList(),
            viewer.Manages || m.ChairUserId == viewer.UserId)).ToList();
    }

    public async Task<WorkflowResult<MeetingView>> MeetingAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = (await MeetingsAsync(user, cancellationToken)).SingleOrDefault(m => m.Meeting.Id == meetingId);
        if (meeting is not null)
        {
            return WorkflowResult<MeetingView>.Done(meeting);
        }

        return await store.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken) ? WorkflowResult<MeetingView>.Forbidden() : WorkflowResult<MeetingView>.NotFound();
    }

    /// <summary>The portfolio over the projects the viewer may see (all of them for the centre's managers).</summary>
    public async Task<PortfolioReport> PortfolioAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(user, cancellationToken);
        var visible = await access.VisibleProjectsAsync(viewer, cancellationToken);
        return PortfolioCalculator.Compute(visible.Select(v => v.Project).ToList(), Stages, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// The audit log, oldest first, for the secretariat, the chair and administrators: entries about a project only
    /// when they may see it in full; entries about no project (accounts of meetings, organisations) for managers only.
    /// </summary>
    public async Task<WorkflowResult<IReadOnlyList<AuditEntry>>> AuditAsync(ClaimsPrincipal user, Guid? projectId, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(user, cancellationToken);
        if (!(viewer.Manages || viewer.Is(PipelineRole.Chair)))
        {
            return WorkflowResult<IReadOnlyList<AuditEntry>>.Forbidden();
        }

        var full = (await access.VisibleProjectsAsync(viewer, cancellationToken)).Where(v => v.View.Visibility == Visibility.Full).Select(v => v.Project.Id).ToHashSet();
        if (projectId is { } id)
        {
            if (!await store.Projects.AnyAsync(p => p.Id == id, cancellationToken))
            {
                return WorkflowResult<IReadOnlyList<AuditEntry>>.NotFound();
            }

            if (!full.Contains(id))
            {
                return WorkflowResult<IReadOnlyList<AuditEntry>>.Forbidden();
            }
        }

        var query = store.Audit.AsNoTracking();
        if (projectId is { } only)
        {
            query = query.Where(a => a.ProjectId == only);
        }

        IReadOnlyList<AuditEntry> entries = (await query.OrderBy(a => a.Sequence).ToListAsync(cancellationToken))
            .Where(a => a.ProjectId is { } p ? full.Contains(p) : viewer.Manages)
            .ToList();
        return WorkflowResult<IReadOnlyList<AuditEntry>>.Done(entries);
    }

    /// <summary>People registered with the pipeline (for assignment and meeting forms): managers only.</summary>
    public async Task<IReadOnlyList<TrialAccess.Pipeline.People.Person>> PeopleAsync(CancellationToken cancellationToken = default) =>
        (await store.People.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<TrialAccess.Pipeline.Organisations.Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        (await store.Organisations.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();

    internal static string Days(double? days) => days is null ? "–" : days.Value.ToString("0", CultureInfo.InvariantCulture);
}
