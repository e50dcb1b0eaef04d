namespace TrialAccess.Pipeline.People;

/// <summary>
/// The pipeline's view of an account (by its user id): the name shown, the organisation the person works for, and the
/// relationships they declared with other organisations. Conflicts of interest are detected from these.
/// </summary>
public sealed class Person
{
    // Not readonly: the store sets these collections when it reads the record.
    private List<DeclaredRelationship> _relationships = [];

    private Person()
    {
        UserId = "";
        DisplayName = "";
    }

    public Person(string userId, string displayName, Guid? affiliationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        DisplayName = displayName;
        AffiliationId = affiliationId;
    }

    /// <summary>The account's id (Identity's user id).</summary>
    public string UserId { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>The organisation the person works for, if any.</summary>
    public Guid? AffiliationId { get; private set; }

    public IReadOnlyList<DeclaredRelationship> Relationships => _relationships;

    public void ChangeAffiliation(Guid? organisationId) => AffiliationId = organisationId;

    /// <summary>Declares a relationship with an organisation (consultancy, equity, collaboration...).</summary>
    public void Declare(DeclaredRelationship relationship)
    {
        if (!_relationships.Contains(relationship))
        {
            _relationships.Add(relationship);
        }
    }
}

/// <summary>The kinds of relationship with an organisation that make a person conflicted on its agents.</summary>
public enum RelationshipKind
{
    Employment,
    Consultancy,
    Equity,
    Collaboration,
    Family,
}

/// <summary>A relationship a person declared with an organisation, since a date.</summary>
public sealed record DeclaredRelationship(Guid OrganisationId, RelationshipKind Kind, DateOnly Since, string? Note = null);
