using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Pipeline.Access;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Conflicts;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Pipeline;

/// <summary>A project and what the viewer may see of it.</summary>
public sealed record VisibleProject(DevelopmentProject Project, ProjectView View);

/// <summary>
/// Works out, for the signed-in person, the relations the access rule needs (assignments, meetings, conflicts) and
/// applies <see cref="ProjectAccess.Decide"/>: to one project (pages, API, the authorization handler) and to all of
/// them at once (lists, search, counts, exports, the audit log), so every path asks the same rule.
/// </summary>
public sealed class PipelineAccess(PipelineDbContext store)
{
    private static readonly Dictionary<string, PipelineRole> RoleNames = new(StringComparer.Ordinal)
    {
        [Roles.Applicant] = PipelineRole.Applicant,
        [Roles.PartnerOrganisation] = PipelineRole.PartnerOrganisation,
        [Roles.Assessor] = PipelineRole.Assessor,
        [Roles.Reviewer] = PipelineRole.Reviewer,
        [Roles.CommitteeMember] = PipelineRole.CommitteeMember,
        [Roles.Chair] = PipelineRole.Chair,
        [Roles.Secretariat] = PipelineRole.Secretariat,
        [Roles.Administrator] = PipelineRole.Administrator,
    };

    private readonly Dictionary<string, ViewerFacts> _facts = new(StringComparer.Ordinal);

    /// <summary>The viewer for a signed-in principal: roles from the cookie, affiliation from the pipeline's people.</summary>
    public async Task<Viewer> ViewerAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.UserId() ?? "";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => RoleNames.GetValueOrDefault(c.Value, (PipelineRole)(-1)))
            .Where(r => (int)r >= 0).ToHashSet();
        var person = id.Length == 0 ? null : await store.People.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == id, cancellationToken);
        return new Viewer(id, roles, person?.AffiliationId);
    }

    /// <summary>What <paramref name="viewer"/> may see of <paramref name="project"/>.</summary>
    public async Task<ProjectView> ViewAsync(Viewer viewer, DevelopmentProject project, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(viewer, cancellationToken);
        return ProjectAccess.Decide(viewer, project, facts.Relation(project));
    }

    /// <summary>Whether a conflict of interest of <paramref name="userId"/> on <paramref name="project"/> stands.</summary>
    public async Task<(bool Stands, IReadOnlyList<Conflict> Conflicts)> ConflictOfAsync(string userId, DevelopmentProject project, CancellationToken cancellationToken = default)
    {
        var person = await store.People.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken) ?? new Person(userId, "", null);
        var agent = await store.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == project.AgentId, cancellationToken);
        var declared = await store.DeclaredConflicts.AsNoTracking().Where(d => d.UserId == userId && d.ProjectId == project.Id).ToListAsync(cancellationToken);
        var overrides = await store.ConflictOverrides.AsNoTracking().Where(o => o.UserId == userId && o.ProjectId == project.Id).ToListAsync(cancellationToken);
        var conflicts = ConflictDetector.Detect(person, project, agent, declared);
        return (ConflictDetector.Stands(conflicts, overrides, project.Id, userId), conflicts);
    }

    /// <summary>Every project the viewer may see at least the portfolio row of, in code order.</summary>
    public async Task<IReadOnlyList<VisibleProject>> VisibleProjectsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(viewer, cancellationToken);
        var projects = await store.Projects.AsNoTracking().ToListAsync(cancellationToken);
        return projects
            .Select(p => new VisibleProject(p, ProjectAccess.Decide(viewer, p, facts.Relation(p))))
            .Where(v => v.View.Visibility != Visibility.None)
            .OrderBy(v => v.Project.Code, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<ViewerFacts> FactsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (_facts.TryGetValue(viewer.UserId, out var cached))
        {
            return cached;
        }

        var person = await store.People.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == viewer.UserId, cancellationToken) ?? new Person(viewer.UserId.Length == 0 ? "anonymous" : viewer.UserId, "", viewer.AffiliationId);
        var assignments = await store.Assignments.AsNoTracking().Where(a => a.UserId == viewer.UserId).ToListAsync(cancellationToken);
        var roundIds = assignments.Select(a => a.RoundId).Distinct().ToList();
        var rounds = await store.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var meetings = (await store.Meetings.AsNoTracking().ToListAsync(cancellationToken)).Where(m => m.Attends(viewer.UserId)).ToList();
        var declared = await store.DeclaredConflicts.AsNoTracking().Where(d => d.UserId == viewer.UserId).ToListAsync(cancellationToken);
        var overrides = await store.ConflictOverrides.AsNoTracking().Where(o => o.UserId == viewer.UserId).ToListAsync(cancellationToken);
        var agents = await store.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        var facts = new ViewerFacts(person, assignments, rounds, meetings, declared, overrides, agents);
        _facts[viewer.UserId] = facts;
        return facts;
    }

    /// <summary>Forgets what was read for viewers (after a change that affects access: an assignment, a conflict).</summary>
    public void Forget() => _facts.Clear();

    private sealed record ViewerFacts(
        Person Person,
        List<ReviewAssignment> Assignments,
        Dictionary<Guid, ReviewRound> Rounds,
        List<CommitteeMeeting> Meetings,
        List<DeclaredConflict> Declared,
        List<ConflictOverride> Overrides,
        Dictionary<Guid, Agent> Agents)
    {
        public ProjectRelation Relation(DevelopmentProject project)
        {
            var conflicts = ConflictDetector.Detect(Person, project, Agents.GetValueOrDefault(project.AgentId), Declared);
            var mine = Assignments.Where(a => a.ProjectId == project.Id).ToList();
            return new ProjectRelation(
                ConflictDetector.Stands(conflicts, Overrides, project.Id, Person.UserId),
                mine.Count > 0,
                mine.Count > 0 && mine.All(a => Rounds.TryGetValue(a.RoundId, out var round) && round.Blind),
                Meetings.Any(m => m.Agenda.Any(i => i.ProjectId == project.Id) && !m.IsRecused(project.Id, Person.UserId)));
        }
    }
}
