using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Common;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;

namespace TrialAccess.Pipeline.Conflicts;

/// <summary>Where a conflict of interest comes from.</summary>
public enum ConflictSource
{
    /// <summary>The person declared it.</summary>
    Declared,
    /// <summary>The person works for an organisation involved (nominator, originator, partner).</summary>
    SameOrganisation,
    /// <summary>The person declared a relationship with an organisation involved.</summary>
    DeclaredRelationship,
    /// <summary>The nomination names the person.</summary>
    NamedInNomination,
}

/// <summary>A conflict of interest of one person on one project, and why.</summary>
public sealed record Conflict(ConflictSource Source, string Description);

/// <summary>A conflict a person declared on a project (stored; detected conflicts are worked out each time).</summary>
public sealed class DeclaredConflict
{
    private DeclaredConflict()
    {
        UserId = "";
        Description = "";
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string UserId { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public static Result<DeclaredConflict> Declare(Guid id, Guid projectId, string userId, string description, DateTimeOffset at) =>
        string.IsNullOrWhiteSpace(description)
            ? Result<DeclaredConflict>.Refuse("conflict.description", "Say what the conflict is.")
            : Result<DeclaredConflict>.Ok(new DeclaredConflict { Id = id, ProjectId = projectId, UserId = userId, Description = description.Trim(), DeclaredAt = at });
}

/// <summary>
/// The committee chair's decision that a person may take part despite a conflict (a minor, remote interest): logged,
/// with the reason. Only a chair grants it, never for their own conflict.
/// </summary>
public sealed class ConflictOverride
{
    private ConflictOverride()
    {
        UserId = "";
        ChairUserId = "";
        Reason = "";
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string UserId { get; private set; }

    public string ChairUserId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public static Result<ConflictOverride> Grant(Guid id, Guid projectId, string userId, string chairUserId, bool grantorIsChair, bool grantorConflicted, IReadOnlyList<Conflict> conflicts, string reason, DateTimeOffset at)
    {
        if (!grantorIsChair)
        {
            return Result<ConflictOverride>.Refuse("override.not-chair", "Only the committee chair can override a conflict of interest.");
        }

        if (userId == chairUserId)
        {
            return Result<ConflictOverride>.Refuse("override.own", "The chair cannot override their own conflict.");
        }

        if (grantorConflicted)
        {
            return Result<ConflictOverride>.Refuse("override.chair-conflicted", "A chair conflicted on the project cannot override conflicts on it.");
        }

        if (conflicts.Count == 0)
        {
            return Result<ConflictOverride>.Refuse("override.none", "This person has no conflict on the project.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<ConflictOverride>.Refuse("override.reason", "An override needs a reason.");
        }

        return Result<ConflictOverride>.Ok(new ConflictOverride { Id = id, ProjectId = projectId, UserId = userId, ChairUserId = chairUserId, Reason = reason.Trim(), GrantedAt = at });
    }
}

/// <summary>
/// Finds a person's conflicts on a project: declared ones, working for an organisation involved (the nominating
/// organisation, the agent's originator, a partner), a declared relationship with one, or being named in the
/// nomination (by user id or name). HotCRP and OpenReview detect conflicts the same way, from affiliations and
/// declared relations.
/// </summary>
public static class ConflictDetector
{
    public static IReadOnlyList<Conflict> Detect(Person person, DevelopmentProject project, Agent? agent, IEnumerable<DeclaredConflict> declared)
    {
        var conflicts = new List<Conflict>();
        conflicts.AddRange(declared.Where(d => d.ProjectId == project.Id && d.UserId == person.UserId)
            .Select(d => new Conflict(ConflictSource.Declared, d.Description)));

        var involved = InvolvedOrganisations(project, agent);
        if (person.AffiliationId is { } affiliation && involved.TryGetValue(affiliation, out var role))
        {
            conflicts.Add(new Conflict(ConflictSource.SameOrganisation, $"Works for the {role}."));
        }

        foreach (var relationship in person.Relationships)
        {
            if (involved.TryGetValue(relationship.OrganisationId, out var related))
            {
                conflicts.Add(new Conflict(ConflictSource.DeclaredRelationship, $"{relationship.Kind} with the {related} since {relationship.Since:yyyy-MM-dd}."));
            }
        }

        if (project.Nomination is { } nomination && nomination.NamedPeople.Any(n =>
                string.Equals(n, person.UserId, StringComparison.Ordinal)
                || (person.DisplayName.Length > 0 && string.Equals(n.Trim(), person.DisplayName, StringComparison.OrdinalIgnoreCase))))
        {
            conflicts.Add(new Conflict(ConflictSource.NamedInNomination, "Named in the nomination."));
        }

        return conflicts;
    }

    /// <summary>Whether the conflicts stand: there are some and no chair's override for this person and project.</summary>
    public static bool Stands(IReadOnlyList<Conflict> conflicts, IEnumerable<ConflictOverride> overrides, Guid projectId, string userId) =>
        conflicts.Count > 0 && !overrides.Any(o => o.ProjectId == projectId && o.UserId == userId);

    private static Dictionary<Guid, string> InvolvedOrganisations(DevelopmentProject project, Agent? agent)
    {
        var involved = new Dictionary<Guid, string>();
        if (project.Nomination is { } nomination)
        {
            involved.TryAdd(nomination.NominatingOrganisationId, "nominating organisation");
        }

        if (agent is not null)
        {
            involved.TryAdd(agent.OriginatorId, "agent's originator");
        }

        foreach (var partner in project.Partners)
        {
            involved.TryAdd(partner.OrganisationId, "partner organisation");
        }

        return involved;
    }
}
