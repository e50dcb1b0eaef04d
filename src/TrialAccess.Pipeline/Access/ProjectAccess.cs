using TrialAccess.Pipeline.Projects;

namespace TrialAccess.Pipeline.Access;

/// <summary>The roles of the pipeline module (the web host maps account roles to these).</summary>
public enum PipelineRole
{
    Applicant,
    PartnerOrganisation,
    Assessor,
    Reviewer,
    CommitteeMember,
    Chair,
    Secretariat,
    Administrator,
}

/// <summary>Who is looking: their user id, pipeline roles and affiliation.</summary>
public sealed record Viewer(string UserId, IReadOnlySet<PipelineRole> Roles, Guid? AffiliationId)
{
    public bool Is(PipelineRole role) => Roles.Contains(role);

    /// <summary>Runs the process (registers, assigns, schedules, records gate decisions outside the committee).</summary>
    public bool Manages => Is(PipelineRole.Secretariat) || Is(PipelineRole.Administrator);

    /// <summary>Any role of the centre's staff or committee (not an applicant or partner alone).</summary>
    public bool IsStaff => Roles.Any(r => r is not (PipelineRole.Applicant or PipelineRole.PartnerOrganisation));
}

/// <summary>What relates a viewer to one project, worked out from the records.</summary>
/// <param name="Conflicted">A conflict of interest stands (detected or declared, not overridden by the chair).</param>
/// <param name="Assigned">Assigned to review or assess it in some round.</param>
/// <param name="OnlyBlindRounds">Every round they are assigned in is blind.</param>
/// <param name="SitsOnItsMeeting">Attends a committee meeting with the project on the agenda.</param>
public sealed record ProjectRelation(bool Conflicted, bool Assigned, bool OnlyBlindRounds, bool SitsOnItsMeeting)
{
    public static ProjectRelation None { get; } = new(false, false, false, false);
}

/// <summary>How much of a project a viewer may see.</summary>
public enum Visibility
{
    /// <summary>Nothing: not in any list, search, count or export.</summary>
    None,
    /// <summary>The portfolio row only (code, agent code, modality, stage), confidential fields redacted.</summary>
    Summary,
    /// <summary>The project and nomination (reviews and minutes as <see cref="ProjectView"/> says).</summary>
    Full,
}

/// <summary>What a viewer may see of one project, and why.</summary>
/// <param name="ApplicantHidden">The nomination is shown without who nominated it (a blind round).</param>
/// <param name="Reviews">Which reviews they read.</param>
/// <param name="Minutes">Whether they read the committee's minutes and discussion of it.</param>
public sealed record ProjectView(Visibility Visibility, bool ApplicantHidden, ReviewAccess Reviews, bool Minutes, string Reason)
{
    public static ProjectView Hidden(string reason) => new(Visibility.None, true, ReviewAccess.None, false, reason);
}

/// <summary>Which reviews of a project a viewer reads.</summary>
public enum ReviewAccess
{
    None,
    /// <summary>Only their own reviews.</summary>
    Own,
    /// <summary>The comments of rounds released to the applicant, reviewers not named.</summary>
    Released,
    All,
}

/// <summary>
/// The one rule of who sees what of a project; every page, API call, list, search, count and export asks it.
/// The applicant (and their partner organisation) see their own nomination, with released reviews only. Otherwise a
/// standing conflict of interest hides the project from anyone, whatever their role. Then: administrators,
/// secretariat and chair see everything; committee members what is on the agenda of a meeting they sit on; assessors
/// and reviewers the projects they are assigned (their own reviews only; the applicant hidden in blind rounds);
/// the applicant and their partner organisation their own nominations and the reviews of released rounds; other
/// staff the portfolio row of projects not marked confidential.
/// </summary>
public static class ProjectAccess
{
    public static ProjectView Decide(Viewer viewer, DevelopmentProject project, ProjectRelation relation)
    {
        // The applicant and their organisation are "conflicted" on their own nomination by definition (same
        // organisation, named in it): they see it, the released reviews only, never the committee's discussion.
        if (project.Nomination is { } nomination
            && ((viewer.Is(PipelineRole.Applicant) && nomination.ApplicantUserId == viewer.UserId)
                || (viewer.Is(PipelineRole.PartnerOrganisation) && (nomination.ApplicantUserId == viewer.UserId || nomination.NominatingOrganisationId == viewer.AffiliationId))))
        {
            return new ProjectView(Visibility.Full, false, ReviewAccess.Released, false, "Their own nomination");
        }

        if (relation.Conflicted)
        {
            return ProjectView.Hidden("Conflict of interest");
        }

        if (viewer.Is(PipelineRole.Administrator) || viewer.Is(PipelineRole.Secretariat) || viewer.Is(PipelineRole.Chair))
        {
            return new ProjectView(Visibility.Full, false, ReviewAccess.All, true, "Runs the process");
        }

        if (viewer.Is(PipelineRole.CommitteeMember) && relation.SitsOnItsMeeting)
        {
            return new ProjectView(Visibility.Full, false, ReviewAccess.All, true, "On the agenda of a meeting they attend");
        }

        if ((viewer.Is(PipelineRole.Assessor) || viewer.Is(PipelineRole.Reviewer)) && relation.Assigned)
        {
            return new ProjectView(Visibility.Full, relation.OnlyBlindRounds, ReviewAccess.Own, false, "Assigned to review it");
        }

        if (viewer.IsStaff && project.Confidentiality == Confidentiality.Portfolio)
        {
            return new ProjectView(Visibility.Summary, true, ReviewAccess.None, false, "Portfolio row");
        }

        return ProjectView.Hidden("Not related to the project");
    }
}
