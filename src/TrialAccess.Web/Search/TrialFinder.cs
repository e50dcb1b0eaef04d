using TrialAccess.Geography;
using TrialAccess.Ingestion;
using TrialAccess.Trials;

namespace TrialAccess.Web.Search;

/// <summary>What to look for. Every part is optional; an empty filter lists trials in NCT id order.</summary>
public sealed record TrialFilter
{
    /// <summary>
    /// Alternative full-text queries: a trial qualifies when it contains every word of at least one of them.
    /// Empty: no text condition.
    /// </summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    /// <summary>
    /// When true, a trial qualifies only if every word of one of the <see cref="Texts"/> occurs in what the trial is
    /// about (its title, conditions, condition MeSH terms or keywords), not merely somewhere in its criteria: a breast
    /// cancer trial that excludes people with lung cancer is not a lung cancer trial.
    /// </summary>
    public bool TextsNameTheCondition { get; init; }

    /// <summary>Words that must all occur in the trial's title, conditions, condition MeSH terms or keywords.</summary>
    public string? Condition { get; init; }

    public IReadOnlyList<RecruitmentStatus> Statuses { get; init; } = [];

    public IReadOnlyList<TrialPhase> Phases { get; init; } = [];

    /// <summary>The person's place; distances are measured from here to each trial's nearest recruiting site.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>
    /// Keep only trials with a recruiting site within this many kilometres of <see cref="Near"/>; trials whose
    /// distance is unknown are then left out. Null: no distance limit (unknown distances are kept, listed last).
    /// </summary>
    public double? RadiusKm { get; init; }

    /// <summary>Keep only trials whose age limits (inclusive) admit this age in years; trials without limits are kept.</summary>
    public double? AgeYears { get; init; }

    public int Limit { get; init; } = 20;
}

/// <summary>One trial found, with its relevance (null when no text was searched) and the nearest recruiting site.</summary>
public sealed record FoundTrial(ClinicalTrial Trial, double? Score, SiteDistance? NearestRecruitingSite);

/// <summary>
/// Searches the store with a <see cref="TrialFilter"/>: full-text and status/phase in the database, then condition,
/// age and distance on the full records. With a place, results are ordered nearest first (unknown distances last,
/// then by relevance); otherwise by relevance.
/// </summary>
public sealed class TrialFinder(ITrialStore store)
{
    /// <summary>How many full-text hits are examined when filters apply after the database search.</summary>
    public const int CandidatePool = 1000;

    public async Task<IReadOnlyList<FoundTrial>> FindAsync(TrialFilter filter, CancellationToken cancellationToken)
    {
        var postFiltered = filter.Near is not null || filter.AgeYears is not null || filter.TextsNameTheCondition || !string.IsNullOrWhiteSpace(filter.Condition);
        var found = new List<FoundTrial>();
        var texts = filter.Texts.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (texts.Count == 0 && !string.IsNullOrWhiteSpace(filter.Condition))
        {
            texts.Add(filter.Condition);
        }

        if (texts.Count > 0)
        {
            var scores = new Dictionary<NctId, double>();
            foreach (var text in texts)
            {
                var query = new TrialSearchQuery(text, filter.Statuses, filter.Phases, postFiltered || texts.Count > 1 ? CandidatePool : filter.Limit);
                foreach (var hit in await store.SearchAsync(query, cancellationToken))
                {
                    scores[hit.NctId] = scores.TryGetValue(hit.NctId, out var score) ? Math.Max(score, hit.Score) : hit.Score;
                }
            }

            foreach (var (id, score) in scores.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key))
            {
                if (await store.FindAsync(id, cancellationToken) is { } trial && Keep(trial, filter, out var nearest))
                {
                    found.Add(new FoundTrial(trial, score, nearest));
                }
            }
        }
        else
        {
            await foreach (var trial in store.ReadAllAsync(cancellationToken))
            {
                if ((filter.Statuses.Count == 0 || filter.Statuses.Contains(trial.OverallStatus))
                    && (filter.Phases.Count == 0 || trial.Phases.Any(filter.Phases.Contains))
                    && Keep(trial, filter, out var nearest))
                {
                    found.Add(new FoundTrial(trial, null, nearest));
                    if (filter.Near is null && found.Count >= filter.Limit)
                    {
                        break;
                    }
                }
            }
        }

        IEnumerable<FoundTrial> ordered = found;
        if (filter.Near is not null)
        {
            ordered = found
                .OrderBy(f => f.NearestRecruitingSite is null ? 1 : 0)
                .ThenBy(f => f.NearestRecruitingSite?.DistanceKm ?? 0)
                .ThenByDescending(f => f.Score ?? 0);
        }

        return ordered.Take(filter.Limit).ToList();
    }

    private static bool Keep(ClinicalTrial trial, TrialFilter filter, out SiteDistance? nearest)
    {
        nearest = null;
        if (!string.IsNullOrWhiteSpace(filter.Condition) && !MentionsCondition(trial, filter.Condition))
        {
            return false;
        }

        if (filter.TextsNameTheCondition && filter.Texts.Count > 0 && !filter.Texts.Any(text => MentionsCondition(trial, text)))
        {
            return false;
        }

        if (filter.AgeYears is { } age && !AdmitsAge(trial.Eligibility, age))
        {
            return false;
        }

        if (filter.Near is { } near)
        {
            nearest = TrialSiteDistances.NearestRecruiting(trial, near);
            if (filter.RadiusKm is { } radius && (nearest is null || nearest.DistanceKm > radius))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MentionsCondition(ClinicalTrial trial, string condition)
    {
        var haystack = string.Join('\n', trial.Conditions.Concat(trial.ConditionMeshTerms).Concat(trial.Keywords).Append(trial.BriefTitle));
        return condition
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .All(word => haystack.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private static bool AdmitsAge(TrialEligibility eligibility, double ageYears)
    {
        var days = (decimal)ageYears * 365.25m;
        return (eligibility.MinimumAge is null || eligibility.MinimumAge.TotalDays <= days)
            && (eligibility.MaximumAge is null || days <= eligibility.MaximumAge.TotalDays);
    }
}
