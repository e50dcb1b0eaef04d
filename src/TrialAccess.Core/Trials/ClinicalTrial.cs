namespace TrialAccess.Trials;

/// <summary>
/// One registered clinical trial as TrialAccess holds it, whatever the format it was read from.
/// </summary>
/// <remarks>
/// Lists are never null (empty when the source has none). Free text is kept as published; only line endings are
/// normalised to <c>\n</c>.
/// </remarks>
public sealed record ClinicalTrial
{
    public required NctId NctId { get; init; }

    /// <summary>The sponsor's own study identifier and any other registry identifiers.</summary>
    public IReadOnlyList<SecondaryId> SecondaryIds { get; init; } = [];

    public required string BriefTitle { get; init; }

    public string? OfficialTitle { get; init; }

    public string? Acronym { get; init; }

    public string? BriefSummary { get; init; }

    public string? DetailedDescription { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>MeSH terms the registry derived for the conditions, where the record has them.</summary>
    public IReadOnlyList<string> ConditionMeshTerms { get; init; } = [];

    public IReadOnlyList<Intervention> Interventions { get; init; } = [];

    /// <summary>MeSH terms the registry derived for the interventions, where the record has them.</summary>
    public IReadOnlyList<string> InterventionMeshTerms { get; init; } = [];

    /// <summary>Empty when the source does not give phases; <see cref="TrialPhase.NotApplicable"/> when it says "N/A".</summary>
    public IReadOnlyList<TrialPhase> Phases { get; init; } = [];

    public StudyType StudyType { get; init; }

    public RecruitmentStatus OverallStatus { get; init; }

    public TrialDates Dates { get; init; } = new();

    public Enrollment? Enrollment { get; init; }

    public string? LeadSponsor { get; init; }

    public IReadOnlyList<string> Collaborators { get; init; } = [];

    public IReadOnlyList<ArmGroup> Arms { get; init; } = [];

    public TrialEligibility Eligibility { get; init; } = new();

    public IReadOnlyList<TrialSite> Sites { get; init; } = [];

    /// <summary>Central contacts for the whole trial; each site may have its own.</summary>
    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>Where this version of the record came from (format and file), for provenance.</summary>
    public string? Source { get; init; }
}

public sealed record SecondaryId(string Id, string? Type = null);

public sealed record Intervention
{
    /// <summary>The registry's type in API v2 spelling: DRUG, BIOLOGICAL, DEVICE, PROCEDURE, RADIATION, ...</summary>
    public string? Type { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> OtherNames { get; init; } = [];

    public string? Description { get; init; }
}

public sealed record ArmGroup
{
    public required string Label { get; init; }

    /// <summary>API v2 spelling: EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, ...</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> InterventionNames { get; init; } = [];
}

public sealed record Enrollment(int Count, bool IsActual);

/// <summary>Dates from the record. Month-precision dates ("2024-12") are held as the first of the month.</summary>
public sealed record TrialDates
{
    public DateOnly? Start { get; init; }

    public DateOnly? PrimaryCompletion { get; init; }

    public DateOnly? Completion { get; init; }

    /// <summary>The date the registry last posted a change; decides which of two versions of a trial wins.</summary>
    public DateOnly? LastUpdate { get; init; }
}

public sealed record TrialEligibility
{
    /// <summary>The criteria text exactly as published (line endings normalised), or null when the record has none.</summary>
    public string? Criteria { get; init; }

    /// <summary>Inclusive lower bound; null when the trial sets none.</summary>
    public AgeLimit? MinimumAge { get; init; }

    /// <summary>Inclusive upper bound; null when the trial sets none.</summary>
    public AgeLimit? MaximumAge { get; init; }

    public EligibleSex Sex { get; init; }

    /// <summary>Null when the record does not say.</summary>
    public bool? AcceptsHealthyVolunteers { get; init; }
}

public sealed record TrialSite
{
    public string? Facility { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>Coordinates when the record gives them (API v2 does; the legacy XML does not).</summary>
    public GeoPoint? Coordinates { get; init; }

    /// <summary>The site's own recruitment status, which may differ from the trial's overall status.</summary>
    public RecruitmentStatus Status { get; init; }

    public IReadOnlyList<Contact> Contacts { get; init; } = [];
}

public sealed record Contact
{
    public string? Name { get; init; }

    /// <summary>CONTACT, PRINCIPAL_INVESTIGATOR, ...: the registry's role, when given.</summary>
    public string? Role { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}
