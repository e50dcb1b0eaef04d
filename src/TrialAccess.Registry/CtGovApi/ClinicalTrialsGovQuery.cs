using TrialAccess.Trials;

namespace TrialAccess.Registry.CtGovApi;

/// <summary>
/// Which studies to ask ClinicalTrials.gov for. Criteria left null or empty are not sent; the registry requires a
/// study to match all the others.
/// </summary>
public sealed record ClinicalTrialsGovQuery
{
    /// <summary>Condition or disease (<c>query.cond</c>), for example "non-small cell lung cancer"; the registry also matches synonyms.</summary>
    public string? Condition { get; init; }

    /// <summary>Other words, searched in every field (<c>query.term</c>); the registry's search syntax (AND, OR, quotes) applies.</summary>
    public string? Term { get; init; }

    /// <summary>Keep studies whose overall status is one of these (<c>filter.overallStatus</c>); empty keeps all. <see cref="RecruitmentStatus.NotStated"/> is not a registry status and is refused.</summary>
    public IReadOnlyList<RecruitmentStatus> Statuses { get; init; } = [];

    /// <summary>Where a site is (<c>query.locn</c>): a city, state, country or facility name.</summary>
    public string? Location { get; init; }

    /// <summary>Stop after this many studies (read or failed); null reads every match.</summary>
    public int? MaxRecords { get; init; }
}
