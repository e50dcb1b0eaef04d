using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Pipeline.Access;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Common;
using TrialAccess.Pipeline.Conflicts;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Organisations;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Trials;
using TrialAccess.Web.Accounts;
using ReviewRecord = TrialAccess.Pipeline.Review.Review;

namespace TrialAccess.Web.Pipeline;

/// <summary>An agent and nomination as submitted.</summary>
public sealed record NominationInput(
    string AgentName,
    string AgentCode,
    Modality Modality,
    string Target,
    string Mechanism,
    string IpPosition,
    string Title,
    IReadOnlyList<string> Indications,
    string Summary,
    IReadOnlyList<string> NamedPeople,
    NominationSource Source,
    Guid? NominatingOrganisationId,
    Guid? OriginatorId);

/// <summary>A gate decision as submitted: the checklist is criterion to (result, evidence).</summary>
public sealed record GateInput(
    GateOutcome Outcome,
    IReadOnlyList<CriterionCheck> Criteria,
    string Rationale,
    string? Conditions,
    Guid? MeetingId,
    Guid? SupersedesId);

/// <summary>
/// The pipeline's use cases: each checks who may act (resource-based authorization through
/// <see cref="ProjectAuthorizationHandler"/>, role checks for the rest), applies the domain's named method, and saves
/// with the audit actor and action set, so the change and its audit entry commit together. Attempts to edit a
/// submitted review or a recorded decision are refused and logged.
/// </summary>
public sealed class PipelineWorkflow(PipelineDbContext store, PipelineAccess access, IAuthorizationService authorization, TimeProvider clock)
{
    private static readonly StageCatalog Stages = StageCatalog.Default;

    /// <summary>Largest attachment accepted, in bytes (10 MiB).</summary>
    public const int MaxAttachmentBytes = 10 * 1024 * 1024;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void Audit(ClaimsPrincipal user, string action, Guid? projectScope = null)
    {
        store.Actor = user.UserId() ?? "anonymous";
        store.Action = action;
        store.ProjectScope = projectScope;
    }

    private async Task<bool> CanAsync(ClaimsPrincipal user, DevelopmentProject project, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, project, operation)).Succeeded;

    public async Task<WorkflowResult<DevelopmentProject>> NominateAsync(ClaimsPrincipal user, NominationInput input, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(user, cancellationToken);
        if (!(viewer.Is(PipelineRole.Applicant) || viewer.Is(PipelineRole.PartnerOrganisation) || viewer.Manages))
        {
            return WorkflowResult<DevelopmentProject>.Forbidden();
        }

        var nominator = viewer.Manages ? input.NominatingOrganisationId ?? viewer.AffiliationId : viewer.AffiliationId;
        if (nominator is null || !await store.Organisations.AnyAsync(o => o.Id == nominator, cancellationToken))
        {
            return WorkflowResult<DevelopmentProject>.Refused("nomination.organisation", "The nominating organisation is not known: ask the secretariat to record your organisation.");
        }

        var originator = input.OriginatorId ?? nominator.Value;
        if (!await store.Organisations.AnyAsync(o => o.Id == originator, cancellationToken))
        {
            return WorkflowResult<DevelopmentProject>.Refused("agent.originator", "The originator organisation is not known.");
        }

        var agent = Agent.Create(Guid.NewGuid(), input.AgentName, input.AgentCode, input.Modality, input.Target, input.Mechanism, originator, input.IpPosition);
        if (agent.Refusal is { } agentRefusal)
        {
            return WorkflowResult<DevelopmentProject>.Refused(agentRefusal);
        }

        var code = await NextCodeAsync(cancellationToken);
        var nomination = new Nomination(nominator.Value, viewer.UserId, input.Source, clock.GetUtcNow(), input.Summary, input.NamedPeople.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList());
        var project = DevelopmentProject.Nominate(Guid.NewGuid(), code, agent.Value!.Id, input.Title, input.Indications.Where(i => !string.IsNullOrWhiteSpace(i)).ToList(), nomination, Stages);
        if (project.Refusal is { } refusal)
        {
            return WorkflowResult<DevelopmentProject>.Refused(refusal);
        }

        Audit(user, "nomination.submit");
        store.AddRange(agent.Value!, project.Value!);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<DevelopmentProject>.Done(project.Value!);
    }

    private async Task<string> NextCodeAsync(CancellationToken cancellationToken)
    {
        var codes = await store.Projects.Select(p => p.Code).ToListAsync(cancellationToken);
        var next = codes.Select(c => int.TryParse(c.AsSpan(c.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return $"CDD-{next:0000}";
    }

    public async Task<WorkflowResult<Attachment>> AttachAsync(ClaimsPrincipal user, Guid projectId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<Attachment>.NotFound();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        var own = project.Nomination?.ApplicantUserId == viewer.UserId;
        if (!await CanAsync(user, project, ProjectOperations.Read) || !(own || viewer.Manages))
        {
            return WorkflowResult<Attachment>.Forbidden();
        }

        if (content.Length > MaxAttachmentBytes)
        {
            return WorkflowResult<Attachment>.Refused("attachment.size", $"An attachment is at most {MaxAttachmentBytes / 1024 / 1024} MiB.");
        }

        var attachment = new Attachment(Guid.NewGuid(), Path.GetFileName(fileName), contentType, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), clock.GetUtcNow(), viewer.UserId);
        if (project.AddAttachment(attachment) is { } refusal)
        {
            return WorkflowResult<Attachment>.Refused(refusal);
        }

        Audit(user, "nomination.attach");
        store.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, ProjectId = project.Id, Content = content });
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<Attachment>.Done(attachment);
    }

    public async Task<WorkflowResult<(Attachment Attachment, byte[] Content)>> ReadAttachmentAsync(ClaimsPrincipal user, Guid projectId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null || project.Attachments.All(a => a.Id != attachmentId))
        {
            return WorkflowResult<(Attachment, byte[])>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Read))
        {
            return WorkflowResult<(Attachment, byte[])>.Forbidden();
        }

        var content = await store.AttachmentContents.AsNoTracking().SingleAsync(a => a.Id == attachmentId, cancellationToken);
        return WorkflowResult<(Attachment, byte[])>.Done((project.Attachments.Single(a => a.Id == attachmentId), content.Content));
    }

    /// <summary>
    /// Records a gate decision on the project's current stage and applies it. A gate that needs the committee is the
    /// chair's, at a held meeting with the project on its agenda; its recused members are those the meeting recorded.
    /// </summary>
    public async Task<WorkflowResult<GateDecision>> DecideAsync(ClaimsPrincipal user, Guid projectId, GateInput input, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<GateDecision>.NotFound();
        }

        var stage = Stages.Get(project.CurrentStage);
        var committee = stage.ExitGate?.RequiresMeeting == true;
        if (!await CanAsync(user, project, committee ? ProjectOperations.DecideAtCommittee : ProjectOperations.Manage)
            && !(await CanAsync(user, project, ProjectOperations.DecideAtCommittee)))
        {
            return WorkflowResult<GateDecision>.Forbidden();
        }

        var recused = new List<string>();
        if (input.MeetingId is { } meetingId)
        {
            var meeting = await store.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
            if (meeting is null || meeting.Agenda.All(i => i.ProjectId != projectId))
            {
                return WorkflowResult<GateDecision>.Refused("gate.meeting-agenda", "The project is not on that meeting's agenda.");
            }

            if (meeting.Status != MeetingStatus.Held)
            {
                return WorkflowResult<GateDecision>.Refused("gate.meeting-not-held", "The meeting has not been held yet (record the attendance first).");
            }

            recused.AddRange(meeting.Recusals.Where(r => r.ProjectId == projectId).Select(r => r.UserId));
        }

        var decision = GateDecision.Take(Guid.NewGuid(), project.Id, stage, Stages.Next(stage.Code), input.Outcome, input.Criteria, [user.UserId() ?? ""],
            input.MeetingId, recused, input.Rationale, input.Conditions, clock.GetUtcNow(), input.SupersedesId);
        if (decision.Refusal is { } refusal)
        {
            return WorkflowResult<GateDecision>.Refused(refusal);
        }

        if (project.ApplyDecision(decision.Value!, Today) is { } applyRefusal)
        {
            return WorkflowResult<GateDecision>.Refused(applyRefusal);
        }

        Audit(user, $"gate.{decision.Value!.Outcome.ToString().ToLowerInvariant()}", project.Id);
        store.GateDecisions.Add(decision.Value!);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<GateDecision>.Done(decision.Value!);
    }

    /// <summary>Any attempt to change a recorded decision: refused (decisions are superseded, never edited) and logged.</summary>
    public async Task<WorkflowResult<GateDecision>> RefuseDecisionEditAsync(ClaimsPrincipal user, Guid decisionId, string attempted, CancellationToken cancellationToken = default)
    {
        var decision = await store.GateDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return WorkflowResult<GateDecision>.NotFound();
        }

        var project = await store.Projects.AsNoTracking().SingleAsync(p => p.Id == decision.ProjectId, cancellationToken);
        if (!await CanAsync(user, project, ProjectOperations.Read))
        {
            return WorkflowResult<GateDecision>.Forbidden();
        }

        const string message = "A recorded decision cannot be edited or removed; record a new decision that supersedes it.";
        store.Actor = user.UserId() ?? "anonymous";
        store.AuditOnly("gate.edit-refused", nameof(GateDecision), decision.Id.ToString(), decision.ProjectId, $"{attempted}: {message}");
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<GateDecision>.Refused("gate.immutable", message);
    }

    public async Task<WorkflowResult<ReviewRound>> OpenRoundAsync(ClaimsPrincipal user, Guid projectId, RoundKind kind, bool blind, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<ReviewRound>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Manage))
        {
            return WorkflowResult<ReviewRound>.Forbidden();
        }

        var round = ReviewRound.Open(Guid.NewGuid(), project.Id, kind, ReviewForm.For(kind), blind, clock.GetUtcNow());
        Audit(user, "round.open");
        store.Rounds.Add(round);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<ReviewRound>.Done(round);
    }

    public async Task<WorkflowResult<ReviewRound>> CloseRoundAsync(ClaimsPrincipal user, Guid roundId, bool release, CancellationToken cancellationToken = default)
    {
        var round = await store.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var project = round is null ? null : await store.Projects.AsNoTracking().SingleAsync(p => p.Id == round.ProjectId, cancellationToken);
        if (round is null || project is null)
        {
            return WorkflowResult<ReviewRound>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Manage))
        {
            return WorkflowResult<ReviewRound>.Forbidden();
        }

        if (round.Status == RoundStatus.Open && round.Close() is { } closeRefusal)
        {
            return WorkflowResult<ReviewRound>.Refused(closeRefusal);
        }

        if (release && round.Release() is { } releaseRefusal)
        {
            return WorkflowResult<ReviewRound>.Refused(releaseRefusal);
        }

        Audit(user, release ? "round.release" : "round.close");
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<ReviewRound>.Done(round);
    }

    public async Task<WorkflowResult<ReviewAssignment>> AssignAsync(ClaimsPrincipal user, Guid roundId, string reviewerUserId, AssignmentType type, CancellationToken cancellationToken = default)
    {
        var round = await store.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var project = round is null ? null : await store.Projects.AsNoTracking().SingleAsync(p => p.Id == round.ProjectId, cancellationToken);
        if (round is null || project is null)
        {
            return WorkflowResult<ReviewAssignment>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Manage))
        {
            return WorkflowResult<ReviewAssignment>.Forbidden();
        }

        if (!await store.People.AnyAsync(p => p.UserId == reviewerUserId, cancellationToken))
        {
            return WorkflowResult<ReviewAssignment>.Refused("assignment.person", "That person is not registered with the pipeline (record their affiliation first).");
        }

        if (await store.Assignments.AnyAsync(a => a.RoundId == roundId && a.UserId == reviewerUserId, cancellationToken))
        {
            return WorkflowResult<ReviewAssignment>.Refused("assignment.duplicate", "That person is already assigned in this round.");
        }

        var (conflicted, _) = await access.ConflictOfAsync(reviewerUserId, project, cancellationToken);
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, reviewerUserId, type, conflicted, user.UserId() ?? "", clock.GetUtcNow());
        if (assignment.Refusal is { } refusal)
        {
            return WorkflowResult<ReviewAssignment>.Refused(refusal);
        }

        Audit(user, "assignment.make");
        store.Assignments.Add(assignment.Value!);
        await store.SaveChangesAsync(cancellationToken);
        access.Forget();
        return WorkflowResult<ReviewAssignment>.Done(assignment.Value!);
    }

    /// <summary>
    /// Saves the assigned reviewer's scores and comments, and submits them when <paramref name="submit"/>. A submitted
    /// review is refused (409) and the attempt logged: it can only be superseded.
    /// </summary>
    public async Task<WorkflowResult<ReviewRecord>> SaveReviewAsync(ClaimsPrincipal user, Guid assignmentId, IReadOnlyList<CriterionScore> scores, string comments, bool submit, CancellationToken cancellationToken = default)
    {
        var assignment = await store.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
        {
            return WorkflowResult<ReviewRecord>.NotFound();
        }

        var project = await store.Projects.AsNoTracking().SingleAsync(p => p.Id == assignment.ProjectId, cancellationToken);
        if (assignment.UserId != user.UserId() || !await CanAsync(user, project, ProjectOperations.Read))
        {
            return WorkflowResult<ReviewRecord>.Forbidden();
        }

        var round = await store.Rounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, cancellationToken);
        var review = await store.Reviews.Where(r => r.AssignmentId == assignmentId && r.SupersedesId == null).SingleOrDefaultAsync(cancellationToken);
        var isNew = review is null;
        review ??= ReviewRecord.Start(Guid.NewGuid(), assignment);
        if (review.Edit(round.Form, scores, comments) is { } refusal)
        {
            if (refusal.Code == "review.submitted")
            {
                await LogRefusedReviewEditAsync(user, review, refusal, cancellationToken);
            }

            return WorkflowResult<ReviewRecord>.Refused(refusal);
        }

        if (submit && review.Submit(round, clock.GetUtcNow()) is { } submitRefusal)
        {
            return WorkflowResult<ReviewRecord>.Refused(submitRefusal);
        }

        if (isNew)
        {
            store.Reviews.Add(review);
        }

        Audit(user, submit ? "review.submit" : "review.save-draft");
        try
        {
            await store.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || isNew)
        {
            return WorkflowResult<ReviewRecord>.Refused("review.concurrent", "The review was changed at the same time by another request; reload it and try again.");
        }

        return WorkflowResult<ReviewRecord>.Done(review);
    }

    private async Task LogRefusedReviewEditAsync(ClaimsPrincipal user, ReviewRecord review, Refusal refusal, CancellationToken cancellationToken)
    {
        store.ChangeTracker.Clear();
        store.Actor = user.UserId() ?? "anonymous";
        store.AuditOnly("review.edit-refused", nameof(ReviewRecord), review.Id.ToString(), review.ProjectId, refusal.Message);
        await store.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A submitted review corrected by its reviewer: a new review referencing it; the old one stays.</summary>
    public async Task<WorkflowResult<ReviewRecord>> SupersedeReviewAsync(ClaimsPrincipal user, Guid reviewId, IReadOnlyList<CriterionScore> scores, string comments, string reason, CancellationToken cancellationToken = default)
    {
        var review = await store.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return WorkflowResult<ReviewRecord>.NotFound();
        }

        var project = await store.Projects.AsNoTracking().SingleAsync(p => p.Id == review.ProjectId, cancellationToken);
        if (review.ReviewerUserId != user.UserId() || !await CanAsync(user, project, ProjectOperations.Read))
        {
            return WorkflowResult<ReviewRecord>.Forbidden();
        }

        if (await store.Reviews.AnyAsync(r => r.SupersedesId == reviewId, cancellationToken))
        {
            return WorkflowResult<ReviewRecord>.Refused("review.superseded", "This review has already been superseded: correct the latest one.");
        }

        var round = await store.Rounds.AsNoTracking().SingleAsync(r => r.Id == review.RoundId, cancellationToken);
        var next = review.Supersede(Guid.NewGuid(), round, scores, comments, reason, clock.GetUtcNow());
        if (next.Refusal is { } refusal)
        {
            return WorkflowResult<ReviewRecord>.Refused(refusal);
        }

        Audit(user, "review.supersede");
        store.Reviews.Add(next.Value!);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<ReviewRecord>.Done(next.Value!);
    }

    public async Task<WorkflowResult<DeclaredConflict>> DeclareConflictAsync(ClaimsPrincipal user, Guid projectId, string description, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<DeclaredConflict>.NotFound();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        var assigned = await store.Assignments.AnyAsync(a => a.ProjectId == projectId && a.UserId == viewer.UserId, cancellationToken);
        if (!assigned && !await CanAsync(user, project, ProjectOperations.Read))
        {
            return WorkflowResult<DeclaredConflict>.Forbidden();
        }

        var conflict = DeclaredConflict.Declare(Guid.NewGuid(), projectId, viewer.UserId, description, clock.GetUtcNow());
        if (conflict.Refusal is { } refusal)
        {
            return WorkflowResult<DeclaredConflict>.Refused(refusal);
        }

        Audit(user, "conflict.declare");
        store.DeclaredConflicts.Add(conflict.Value!);
        await store.SaveChangesAsync(cancellationToken);
        access.Forget();
        return WorkflowResult<DeclaredConflict>.Done(conflict.Value!);
    }

    /// <summary>The chair lets a conflicted person take part; logged with the reason.</summary>
    public async Task<WorkflowResult<ConflictOverride>> OverrideConflictAsync(ClaimsPrincipal user, Guid projectId, string userId, string reason, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<ConflictOverride>.NotFound();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        if (!viewer.Is(PipelineRole.Chair))
        {
            return WorkflowResult<ConflictOverride>.Forbidden();
        }

        var (chairConflicted, _) = await access.ConflictOfAsync(viewer.UserId, project, cancellationToken);
        var (_, conflicts) = await access.ConflictOfAsync(userId, project, cancellationToken);
        var granted = ConflictOverride.Grant(Guid.NewGuid(), projectId, userId, viewer.UserId, true, chairConflicted, conflicts, reason, clock.GetUtcNow());
        if (granted.Refusal is { } refusal)
        {
            return WorkflowResult<ConflictOverride>.Refused(refusal);
        }

        Audit(user, "conflict.override");
        store.ConflictOverrides.Add(granted.Value!);
        await store.SaveChangesAsync(cancellationToken);
        access.Forget();
        return WorkflowResult<ConflictOverride>.Done(granted.Value!);
    }

    public async Task<WorkflowResult<CommitteeMeeting>> ScheduleMeetingAsync(ClaimsPrincipal user, string title, DateOnly on, IReadOnlyList<Attendee> attendees, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(user, cancellationToken);
        if (!viewer.Manages)
        {
            return WorkflowResult<CommitteeMeeting>.Forbidden();
        }

        var meeting = CommitteeMeeting.Schedule(Guid.NewGuid(), title, on, attendees);
        if (meeting.Refusal is { } refusal)
        {
            return WorkflowResult<CommitteeMeeting>.Refused(refusal);
        }

        Audit(user, "meeting.schedule");
        store.Meetings.Add(meeting.Value!);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<CommitteeMeeting>.Done(meeting.Value!);
    }

    public async Task<WorkflowResult<CommitteeMeeting>> AddToAgendaAsync(ClaimsPrincipal user, Guid meetingId, Guid projectId, string presenter, CancellationToken cancellationToken = default)
    {
        var meeting = await store.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (meeting is null || project is null)
        {
            return WorkflowResult<CommitteeMeeting>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Manage))
        {
            return WorkflowResult<CommitteeMeeting>.Forbidden();
        }

        var conflicted = new List<string>();
        foreach (var attendee in meeting.Attendees)
        {
            if ((await access.ConflictOfAsync(attendee.UserId, project, cancellationToken)).Stands)
            {
                conflicted.Add(attendee.UserId);
            }
        }

        if (meeting.AddToAgenda(projectId, presenter, conflicted) is { } refusal)
        {
            return WorkflowResult<CommitteeMeeting>.Refused(refusal);
        }

        Audit(user, "meeting.agenda-add", projectId);
        await store.SaveChangesAsync(cancellationToken);
        access.Forget();
        return WorkflowResult<CommitteeMeeting>.Done(meeting);
    }

    public async Task<WorkflowResult<CommitteeMeeting>> RecordAttendanceAsync(ClaimsPrincipal user, Guid meetingId, IReadOnlyCollection<string> present, CancellationToken cancellationToken = default)
    {
        var meeting = await store.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return WorkflowResult<CommitteeMeeting>.NotFound();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        if (!(viewer.Manages || meeting.ChairUserId == viewer.UserId))
        {
            return WorkflowResult<CommitteeMeeting>.Forbidden();
        }

        if (meeting.RecordAttendance(present) is { } refusal)
        {
            return WorkflowResult<CommitteeMeeting>.Refused(refusal);
        }

        Audit(user, "meeting.attendance");
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<CommitteeMeeting>.Done(meeting);
    }

    /// <summary>Minutes of one agenda item, by the secretariat or the chair, who must be allowed the project's minutes.</summary>
    public async Task<WorkflowResult<CommitteeMeeting>> RecordMinutesAsync(ClaimsPrincipal user, Guid meetingId, Guid projectId, string text, CancellationToken cancellationToken = default)
    {
        var meeting = await store.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var project = await store.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (meeting is null || project is null)
        {
            return WorkflowResult<CommitteeMeeting>.NotFound();
        }

        var viewer = await access.ViewerAsync(user, cancellationToken);
        if (!(viewer.Manages || meeting.ChairUserId == viewer.UserId) || !await CanAsync(user, project, ProjectOperations.ReadMinutes))
        {
            return WorkflowResult<CommitteeMeeting>.Forbidden();
        }

        if (meeting.RecordMinutes(projectId, text, viewer.UserId, clock.GetUtcNow()) is { } refusal)
        {
            return WorkflowResult<CommitteeMeeting>.Refused(refusal);
        }

        Audit(user, "meeting.minutes", projectId);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<CommitteeMeeting>.Done(meeting);
    }

    /// <summary>Links the project's registered trial by NCT id, so it appears in matching and in recruitment monitoring.</summary>
    public async Task<WorkflowResult<LinkedTrial>> LinkTrialAsync(ClaimsPrincipal user, Guid projectId, string nctId, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<LinkedTrial>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Manage))
        {
            return WorkflowResult<LinkedTrial>.Forbidden();
        }

        if (!NctId.TryParse(nctId, out var id))
        {
            return WorkflowResult<LinkedTrial>.Refused("trial.nct", $"'{nctId}' is not an NCT id (for example NCT04280705).");
        }

        if (project.LinkTrial(id, Stages, Today) is { } refusal)
        {
            return WorkflowResult<LinkedTrial>.Refused(refusal);
        }

        Audit(user, "trial.link");
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<LinkedTrial>.Done(project.Trials[^1]);
    }

    public async Task<WorkflowResult<Agreement>> RecordAgreementAsync(ClaimsPrincipal user, Guid projectId, AgreementKind kind, Guid counterpartyId, DateOnly signedOn, string summary, CancellationToken cancellationToken = default)
    {
        var project = await store.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return WorkflowResult<Agreement>.NotFound();
        }

        if (!await CanAsync(user, project, ProjectOperations.Manage))
        {
            return WorkflowResult<Agreement>.Forbidden();
        }

        var agreement = new Agreement(Guid.NewGuid(), kind, counterpartyId, signedOn, summary);
        if (project.RecordAgreement(agreement) is { } refusal)
        {
            return WorkflowResult<Agreement>.Refused(refusal);
        }

        Audit(user, "agreement.record");
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<Agreement>.Done(agreement);
    }

    public async Task<WorkflowResult<Organisation>> AddOrganisationAsync(ClaimsPrincipal user, string name, OrganisationKind kind, CancellationToken cancellationToken = default)
    {
        if (!(await access.ViewerAsync(user, cancellationToken)).Manages)
        {
            return WorkflowResult<Organisation>.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return WorkflowResult<Organisation>.Refused("organisation.name", "An organisation needs a name.");
        }

        var organisation = new Organisation(Guid.NewGuid(), name.Trim(), kind);
        Audit(user, "organisation.add");
        store.Organisations.Add(organisation);
        await store.SaveChangesAsync(cancellationToken);
        return WorkflowResult<Organisation>.Done(organisation);
    }

    /// <summary>Registers a person with the pipeline (or changes their affiliation): the secretariat or an administrator.</summary>
    public async Task<WorkflowResult<Person>> RegisterPersonAsync(ClaimsPrincipal user, string userId, string displayName, Guid? affiliationId, CancellationToken cancellationToken = default)
    {
        if (!(await access.ViewerAsync(user, cancellationToken)).Manages)
        {
            return WorkflowResult<Person>.Forbidden();
        }

        if (affiliationId is { } org && !await store.Organisations.AnyAsync(o => o.Id == org, cancellationToken))
        {
            return WorkflowResult<Person>.Refused("person.affiliation", "The affiliation is not a known organisation.");
        }

        var person = await store.People.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (person is null)
        {
            person = new Person(userId, displayName, affiliationId);
            store.People.Add(person);
        }
        else
        {
            person.ChangeAffiliation(affiliationId);
        }

        Audit(user, "person.register");
        await store.SaveChangesAsync(cancellationToken);
        access.Forget();
        return WorkflowResult<Person>.Done(person);
    }

    /// <summary>A person declares a relationship with an organisation (they become conflicted on its agents).</summary>
    public async Task<WorkflowResult<Person>> DeclareRelationshipAsync(ClaimsPrincipal user, Guid organisationId, RelationshipKind kind, DateOnly since, CancellationToken cancellationToken = default)
    {
        var id = user.UserId() ?? "";
        var person = await store.People.SingleOrDefaultAsync(p => p.UserId == id, cancellationToken);
        if (person is null)
        {
            return WorkflowResult<Person>.Refused("person.unknown", "You are not registered with the pipeline yet.");
        }

        if (!await store.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return WorkflowResult<Person>.NotFound();
        }

        person.Declare(new DeclaredRelationship(organisationId, kind, since));
        Audit(user, "person.declare-relationship");
        await store.SaveChangesAsync(cancellationToken);
        access.Forget();
        return WorkflowResult<Person>.Done(person);
    }
}
