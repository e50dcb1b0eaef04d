using TrialAccess.Trials;

namespace TrialAccess.Matching.Filters;

/// <summary>
/// The hard filters of a match, each optional. A filter drops a trial only when the record shows it fails; when the
/// record or the patient lacks the data, the filter's outcome is Unknown and the trial is kept, saying what is missing.
/// </summary>
public sealed record MatchFilters
{
    /// <summary>Keep only trials whose overall status is RECRUITING (default true).</summary>
    public bool RecruitingOnly { get; init; } = true;

    /// <summary>With <see cref="RecruitingOnly"/>, also keep NOT_YET_RECRUITING trials (default false).</summary>
    public bool IncludeNotYetRecruiting { get; init; }

    /// <summary>Where the patient is; distances are measured from here to the nearest recruiting site.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>With <see cref="Near"/>, drop trials whose nearest recruiting site is farther than this (kilometres).</summary>
    public double? RadiusKm { get; init; }

    /// <summary>Keep trials with at least one of these phases; empty keeps all.</summary>
    public IReadOnlyList<TrialPhase> Phases { get; init; } = [];

    /// <summary>Keep trials of these study types; empty keeps all.</summary>
    public IReadOnlyList<StudyType> StudyTypes { get; init; } = [];

    /// <summary>Check the structured age limits and sex of the record against the patient (default true).</summary>
    public bool CheckAgeAndSex { get; init; } = true;

    /// <summary>No filter at all: what evaluation against benchmark judgements uses.</summary>
    public static MatchFilters None { get; } = new() { RecruitingOnly = false, CheckAgeAndSex = false };
}
