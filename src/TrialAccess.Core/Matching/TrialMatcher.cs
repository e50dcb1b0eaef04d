using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Geography;
using TrialAccess.Matching.Filters;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Matching;

/// <summary>What to match: a patient, optionally the note it came from, and the filters.</summary>
public sealed record MatchRequest
{
    public required PatientProfile Patient { get; init; }

    /// <summary>The clinical note, when the patient came from one: searched as written.</summary>
    public string? Note { get; init; }

    public MatchFilters Filters { get; init; } = new();

    /// <summary>How many trials to return (default 20).</summary>
    public int Top { get; init; } = 20;

    /// <summary>Keep Ineligible trials in the list, below the others, with their failing criteria (default true).</summary>
    public bool IncludeIneligible { get; init; } = true;

    /// <summary>How many of the most relevant trials passing the filters are evaluated for eligibility (default 200).</summary>
    public int Candidates { get; init; } = 200;

    /// <summary>Rank only these trials (every one of them, even without a matching word); null ranks the whole catalog.</summary>
    public IReadOnlyCollection<NctId>? Restrict { get; init; }
}

/// <summary>One ranked trial with everything that explains its place.</summary>
/// <param name="Relevance">How well the trial's subject matches the patient (BM25F; compares within one match only).</param>
/// <param name="MatchedTerms">The patient's words found in the trial's title and conditions, stemmed.</param>
public sealed record TrialMatch(
    ClinicalTrial Trial,
    double Relevance,
    TrialEvaluation Eligibility,
    FilterResult Filters,
    IReadOnlyList<string> MatchedTerms)
{
    public TrialVerdict Verdict => Eligibility.Verdict;

    public SiteDistance? NearestSite => Filters.NearestSite;

    /// <summary>What to ask the patient or the record to settle the Unknown criteria and filters.</summary>
    public IEnumerable<string> Questions => Eligibility.Questions.Concat(Filters.Unknowns.Select(u => u.Explanation));
}

/// <param name="Evaluated">Candidates whose eligibility was evaluated.</param>
/// <param name="HiddenIneligible">Ineligible trials left out because the request asked to hide them.</param>
public sealed record MatchResult(IReadOnlyList<TrialMatch> Trials, int Evaluated, int HiddenIneligible);

/// <summary>
/// Finds and ranks the trials a patient could join: retrieval over the whole catalog (relevance of the trial's subject
/// to the patient), the hard filters, eligibility evaluated for the best candidates, then Eligible above Possibly
/// eligible above Ineligible, each tier by relevance.
/// </summary>
/// <remarks>
/// Full records are read through <c>load</c> only for candidates; each trial's criteria are parsed once into
/// <paramref name="parsed"/>, which several matchers (one per request, each with its own loader) can share.
/// Thread-safe: one matcher serves concurrent requests when its loader does.
/// </remarks>
public sealed class TrialMatcher(
    TrialCatalog catalog,
    Func<NctId, CancellationToken, ValueTask<ClinicalTrial?>> load,
    TimeProvider clock,
    ParsedEligibilityCache? parsed = null)
{
    private readonly ParsedEligibilityCache _parsed = parsed ?? new ParsedEligibilityCache(CriterionParser.Default);

    public TrialCatalog Catalog => catalog;

    public async Task<MatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var patient = request.Patient;
        var index = catalog.Index;
        var query = TrialSearchIndex.Query(PatientQuery.From(patient, request.Note));
        var scores = index.ScoreAll(query);

        IReadOnlyList<(int Document, float Score)> candidates;
        if (request.Restrict is { } restrict)
        {
            candidates = restrict
                .Select(id => index.TryGetDocument(id, out var d) ? d : -1)
                .Where(d => d >= 0)
                .Select(d => (d, scores[d]))
                .ToList();
        }
        else
        {
            candidates = index.Top(scores, request.Candidates, d => TrialFilter.Apply(catalog.Slim(d), patient, request.Filters, today).Passed)
                .Select(s => (s.Document, (float)s.Score))
                .ToList();
        }

        var context = EvaluationContext.On(today);
        var matches = new List<TrialMatch>(candidates.Count);
        foreach (var (document, score) in candidates)
        {
            var trial = await load(index.IdOf(document), cancellationToken);
            if (trial is null)
            {
                continue;
            }

            var filters = TrialFilter.Apply(trial, patient, request.Filters, today);
            var eligibility = EligibilityEvaluator.Evaluate(_parsed.Get(trial), patient, context);
            matches.Add(new TrialMatch(trial, score, eligibility, filters, MatchedTerms(query, trial)));
        }

        var ranked = matches
            .OrderBy(m => Tier(m.Verdict))
            .ThenByDescending(m => m.Relevance)
            .ThenBy(m => m.Trial.NctId)
            .ToList();
        var hidden = request.IncludeIneligible ? 0 : ranked.Count(m => m.Verdict == TrialVerdict.Ineligible);
        var shown = ranked.Where(m => request.IncludeIneligible || m.Verdict != TrialVerdict.Ineligible).Take(request.Top).ToList();
        return new MatchResult(shown, matches.Count, hidden);
    }

    private static int Tier(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.Eligible => 0,
        TrialVerdict.PossiblyEligible => 1,
        TrialVerdict.Ineligible => 2,
    };

    private static List<string> MatchedTerms(IReadOnlyDictionary<string, float> query, ClinicalTrial trial)
    {
        var subject = TextAnalyzer.Terms(string.Join('\n', trial.Conditions.Prepend(trial.BriefTitle))).ToHashSet(StringComparer.Ordinal);
        return query.Keys.Where(subject.Contains).Order(StringComparer.Ordinal).ToList();
    }
}
