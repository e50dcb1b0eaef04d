using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Segmentation;

/// <summary>Whether a criterion must hold (inclusion) or must not hold (exclusion) for a patient to be eligible.</summary>
public enum CriterionRole
{
    Inclusion,
    Exclusion,
}

/// <summary>
/// One criterion as published: its role, its position, and where it sits in the eligibility text.
/// </summary>
/// <param name="Role">Inclusion or exclusion; criteria before any heading are inclusion, as the registry intends.</param>
/// <param name="Index">1-based position among the criteria of the same role, in text order.</param>
/// <param name="Text">The criterion exactly as published (its bullet or number removed), equal to <see cref="Span"/> sliced from the source.</param>
/// <param name="Span">Where <see cref="Text"/> lies in the whole eligibility text.</param>
/// <param name="Depth">0 for a top-level item; 1 and more for items nested under another.</param>
/// <param name="Section">The nearest heading above the criterion other than the inclusion/exclusion heading ("DISEASE CHARACTERISTICS", "Age", "Part B only"), or null.</param>
/// <param name="Lead">The text of an item ending with a colon that introduces this one ("Adequate organ function defined as:"), or null.</param>
/// <param name="Cohort">The cohort, part or arm the criterion is limited to, when a heading says so ("Part B", "Cohort 2"), or null.</param>
/// <param name="RoleStated">False when the text had no inclusion/exclusion heading above the criterion and the role is the default.</param>
public sealed record CriterionSegment(
    CriterionRole Role,
    int Index,
    string Text,
    SourceSpan Span,
    int Depth = 0,
    string? Section = null,
    string? Lead = null,
    string? Cohort = null,
    bool RoleStated = true)
{
    /// <summary>A stable reference to the criterion within its trial: "inclusion 3", "exclusion 12".</summary>
    public string Position => $"{(Role == CriterionRole.Inclusion ? "inclusion" : "exclusion")} {Index}";
}

/// <summary>The criteria of one trial, in text order.</summary>
public sealed record SegmentedCriteria(IReadOnlyList<CriterionSegment> Criteria)
{
    public static SegmentedCriteria Empty { get; } = new([]);

    public IEnumerable<CriterionSegment> Inclusion => Criteria.Where(c => c.Role == CriterionRole.Inclusion);

    public IEnumerable<CriterionSegment> Exclusion => Criteria.Where(c => c.Role == CriterionRole.Exclusion);
}
