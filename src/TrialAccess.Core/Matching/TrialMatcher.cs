using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Geography;
using TrialAccess.Matching.Filters;
using TrialAccess.Matching.Ranking;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Matching.Semantic;
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

    /// <summary>Give each match its <see cref="TrialMatch.RankingFeatures"/> even when no learned model ranks (for training).</summary>
    public bool WithRankingFeatures { get; init; }
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
    /// <summary>The learned ranker's features (<see cref="RankingFeatures.Names"/> order), when computed.</summary>
    public IReadOnlyList<float>? RankingFeatures { get; init; }

    /// <summary>The learned model's score, when a model ranked the match.</summary>
    public double? ModelScore { get; init; }

    public TrialVerdict Verdict => Eligibility.Verdict;

    public SiteDistance? NearestSite => Filters.NearestSite;

    /// <summary>What to ask the patient or the record to settle the Unknown criteria and filters.</summary>
    public IEnumerable<string> Questions => Eligibility.Questions.Concat(Filters.Unknowns.Select(u => u.Explanation));

    public double? SemanticSimilarity { get; init; }
}

/// <param name="Evaluated">Candidates whose eligibility was evaluated.</param>
/// <param name="HiddenIneligible">Ineligible trials left out because the request asked to hide them.</param>
public sealed record MatchResult(IReadOnlyList<TrialMatch> Trials, int Evaluated, int HiddenIneligible);

/// <summary>Reads the full records of a match's candidates, keyed by id; ids not stored are left out.</summary>
/// <remarks>The shape of <see cref="Ingestion.ITrialStore.FindManyAsync"/>, so a store's method can be passed as it is.</remarks>
public delegate Task<IReadOnlyDictionary<NctId, ClinicalTrial>> TrialRecordReader(IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken);

/// <summary>
/// Finds and ranks the trials a patient could join: retrieval over the whole catalog (relevance of the trial's subject
/// to the patient), the hard filters, eligibility evaluated for the best candidates, then Eligible above Possibly
/// eligible above Ineligible, each tier by relevance.
/// </summary>
/// <remarks>
/// Candidates are chosen and evaluated from the catalog (a snapshot of the store): each trial's criteria are parsed
/// once into the <see cref="ParsedEligibilityCache"/>, which several matchers (one per request, each with its own
/// reader) can share. Full records are read, a call for many at once, only for candidates whose criteria are not in
/// the cache (to parse them) and for the trials returned. New criteria are parsed on all cores; the result does not
/// depend on their order. Thread-safe: one matcher serves concurrent requests when its reader does.
/// </remarks>
public sealed class TrialMatcher
{
    private readonly TrialCatalog _catalog;
    private readonly TrialRecordReader _read;
    private readonly TimeProvider _clock;
    private readonly ParsedEligibilityCache _parsed;
    private readonly IRelevanceModel? _model;
    private readonly ITextEmbedder? _embedder;
    private readonly SemanticOptions _semantic;

    /// <param name="read">Reads the candidates' full records (for a store, its <c>FindManyAsync</c>).</param>
    /// <param name="parsed">Parsed criteria to share with other matchers; null keeps a cache of this matcher's own.</param>
    /// <param name="model">
    /// A learned relevance model to order the trials that are not Ineligible with; null ranks by the hand-written rule
    /// (relevance, a presumed failure weighing it down). Throws <see cref="RelevanceModelMismatchException"/> when its
    /// features are not those this build extracts.
    /// </param>
    /// <param name="embedder">
    /// Embeds the patient once per match, when the catalog holds vectors of the same model: each match then carries its
    /// <see cref="TrialMatch.SemanticSimilarity"/>, and <paramref name="semantic"/> says whether it also retrieves and ranks.
    /// </param>
    public TrialMatcher(TrialCatalog catalog, TrialRecordReader read, TimeProvider clock, ParsedEligibilityCache? parsed = null, IRelevanceModel? model = null, ITextEmbedder? embedder = null, SemanticOptions? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(clock);
        if (model is not null)
        {
            RelevanceModelMismatchException.ThrowIfIncompatible(model);
        }

        _catalog = catalog;
        _read = read;
        _clock = clock;
        _parsed = parsed ?? new ParsedEligibilityCache(CriterionParser.Default);
        _model = model;
        _embedder = catalog.Vectors is { } vectors && embedder is not null && embedder.Model == vectors.Model && embedder.Dimension == vectors.Dimension ? embedder : null;
        _semantic = semantic ?? SemanticOptions.Default;
    }

    /// <param name="load">Reads one full record; called once per candidate.</param>
    public TrialMatcher(TrialCatalog catalog, Func<NctId, CancellationToken, ValueTask<ClinicalTrial?>> load, TimeProvider clock, ParsedEligibilityCache? parsed = null, IRelevanceModel? model = null, ITextEmbedder? embedder = null, SemanticOptions? semantic = null)
        : this(catalog, OneByOne(load), clock, parsed, model, embedder, semantic)
    {
    }

    /// <summary>Whether matches are scored by semantic similarity (vectors loaded and an embedder of their model given).</summary>
    public bool IsSemantic => _embedder is not null;

    public TrialCatalog Catalog => _catalog;

    /// <summary>The learned model ranking this matcher's results, or null for the hand-written rule.</summary>
    public IRelevanceModel? Model => _model;

    public async Task<MatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = _catalog;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var patient = request.Patient;
        var index = catalog.Index;
        var query = TrialSearchIndex.Query(PatientQuery.From(patient, request.Note));
        var scores = index.ScoreAll(query);
        var vectors = catalog.Vectors;
        var patientVector = _embedder is null || vectors is null
            ? null
            : _embedder.Embed([EmbeddingText.OfPatient(patient, request.Note)], cancellationToken)[0];

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
            bool Passes(int d) => TrialFilter.Passes(catalog.Slim(d), patient, request.Filters, today);
            var lexical = index.Top(scores, request.Candidates, Passes).Select(s => s.Document).ToList();
            var chosen = lexical;
            if (_semantic.Channel && patientVector is not null && vectors is not null)
            {
                chosen = SemanticChannel.Fuse(lexical, SemanticChannel.Top(vectors, patientVector, request.Candidates, Passes), request.Candidates);
            }

            candidates = chosen.Select(d => (d, scores[d])).ToList();
        }

        var similarities = new double?[candidates.Count];
        if (patientVector is not null && vectors is not null)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                similarities[i] = vectors.Similarity(patientVector, candidates[i].Document);
            }
        }

        // The ranking feature: relevance scaled to the best candidate's, plus the weighted similarity.
        var weight = patientVector is null ? 0 : _semantic.FeatureWeight;
        var maxRelevance = candidates.Count == 0 ? 0f : candidates.Max(c => c.Score);
        double Relevance(int i) => weight == 0
            ? candidates[i].Score
            : ((1 - weight) * (maxRelevance > 0 ? candidates[i].Score / maxRelevance : 0)) + (weight * (similarities[i] ?? 0));

        // Eligibility from the parse cache where it holds the catalog's version of the trial; the records of the
        // other candidates are read, in one call, to parse them.
        var parsed = new ParsedEligibility?[candidates.Count];
        var unparsed = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var document = candidates[i].Document;
            if (!_parsed.TryGet(index.IdOf(document), catalog.EligibilityVersion(document), out parsed[i]))
            {
                unparsed.Add(i);
            }
        }

        IReadOnlyDictionary<NctId, ClinicalTrial> records = new Dictionary<NctId, ClinicalTrial>();
        if (unparsed.Count > 0)
        {
            records = await _read(unparsed.Select(i => index.IdOf(candidates[i].Document)).ToList(), cancellationToken);

            // Parsing is the cold path's cost (a millisecond or more per trial): spread over the cores. Evaluating parsed
            // criteria is cheaper; it stays on this thread, so that concurrent requests do not compete for the cores.
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(unparsed, parallel, i =>
            {
                if (records.TryGetValue(index.IdOf(candidates[i].Document), out var trial))
                {
                    parsed[i] = _parsed.Get(trial);
                }
            });
        }

        var context = EvaluationContext.On(today);
        var eligibilities = new TrialEvaluation?[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            if (parsed[i] is { } eligibility)
            {
                eligibilities[i] = EligibilityEvaluator.Evaluate(eligibility, patient, context);
            }
        }

        // The learned model's features and scores, when a model ranks or the request asks for them.
        var features = new float[]?[candidates.Count];
        var modelScores = new double[candidates.Count];
        if (_model is not null || request.WithRankingFeatures)
        {
            var evaluatedIndices = Enumerable.Range(0, candidates.Count).Where(i => eligibilities[i] is not null).ToList();
            var best = evaluatedIndices.Count == 0 ? 0 : evaluatedIndices.Max(i => (double)candidates[i].Score);
            var rankingQuery = RankingQuery.Create(catalog, query, patient, context, best);
            foreach (var i in evaluatedIndices)
            {
                // Sentence-embedding similarity when the catalog has vectors and an embedder of their model (null: a missing feature).
                features[i] = RankingFeatures.Extract(rankingQuery, candidates[i].Document, candidates[i].Score, eligibilities[i]!, semanticSimilarity: similarities[i]);
            }

            if (_model is not null && evaluatedIndices.Count > 0)
            {
                var scored = _model.Score(evaluatedIndices.Select(i => features[i]!).ToList());
                for (var k = 0; k < evaluatedIndices.Count; k++)
                {
                    modelScores[evaluatedIndices[k]] = scored[k];
                }
            }
        }

        // The hand-written order's concept match: a trial whose title or conditions name the patient's own cancer type (or
        // a narrower one, or its small family) counts its relevance half as much again as one that names only a broader type.
        var ownType = new bool[candidates.Count];
        if (_model is null && MainProblem.Of(patient) is { OncoTreeCode: { Length: > 0 } patientCode })
        {
            var cancers = context.Vocabulary.CancerTypes;
            var naming = Naming(cancers, patientCode);

            for (var i = 0; i < candidates.Count; i++)
            {
                var slim = catalog.Slim(candidates[i].Document);
                ownType[i] = eligibilities[i] is not null && StudiesOwnType(cancers, slim.Conditions.Prepend(slim.BriefTitle), patientCode, naming);
            }
        }

        var ranked = Enumerable.Range(0, candidates.Count)
            .Where(i => eligibilities[i] is not null)
            .OrderBy(i => eligibilities[i]!.Verdict == TrialVerdict.Ineligible)
            .ThenByDescending(i => _model is null ? RankScore(Relevance(i), eligibilities[i]!) * (ownType[i] ? 1 + OwnTypeBoost : 1) : modelScores[i])
            .ThenByDescending(i => _model is null ? 0 : candidates[i].Score)
            .ThenBy(i => index.IdOf(candidates[i].Document))
            .ToList();
        var evaluated = ranked.Count;
        var hidden = request.IncludeIneligible ? 0 : ranked.Count(i => eligibilities[i]!.Verdict == TrialVerdict.Ineligible);
        var shown = ranked.Where(i => request.IncludeIneligible || eligibilities[i]!.Verdict != TrialVerdict.Ineligible).ToList();

        // The full records of the trials returned: those read above, the others in one more call. A trial the store no
        // longer holds (removed since the catalog was built) drops out, and the next one takes its place.
        var matches = new List<TrialMatch>(Math.Min(request.Top, shown.Count));
        for (var next = 0; matches.Count < request.Top && next < shown.Count;)
        {
            var page = shown.Skip(next).Take(request.Top - matches.Count).ToList();
            next += page.Count;
            var missing = page.Select(i => index.IdOf(candidates[i].Document)).Where(id => !records.ContainsKey(id)).ToList();
            var read = missing.Count == 0 ? records : await _read(missing, cancellationToken);
            foreach (var i in page)
            {
                var (document, score) = candidates[i];
                var id = index.IdOf(document);
                if (!records.TryGetValue(id, out var trial) && !read.TryGetValue(id, out trial))
                {
                    evaluated--;
                    continue;
                }

                var filters = TrialFilter.Apply(trial, patient, request.Filters, today);
                matches.Add(new TrialMatch(trial, score, eligibilities[i]!, filters, MatchedTerms(query, catalog, document, trial))
                {
                    RankingFeatures = features[i],
                    ModelScore = _model is null ? null : modelScores[i],
                    SemanticSimilarity = similarities[i],
                });
            }
        }

        return new MatchResult(matches, evaluated, hidden);
    }

    private static TrialRecordReader OneByOne(Func<NctId, CancellationToken, ValueTask<ClinicalTrial?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return async (ids, cancellationToken) =>
        {
            var found = new Dictionary<NctId, ClinicalTrial>(ids.Count);
            foreach (var id in ids)
            {
                if (await load(id, cancellationToken) is { } trial)
                {
                    found[id] = trial;
                }
            }

            return found;
        };
    }

    /// <summary>
    /// The order within the trials shown: relevance, a presumed failure counting against it rather than sending the trial
    /// below every open question. A presumption is a guess from what the record does not say, and on TREC 2021 (judged
    /// protocol, 18,158 trials, measured by eval trec in one session) ordering by verdict tier first gave NDCG@10 0.606;
    /// with this and the main problem weighted in the query, 0.685. A recorded failure (Ineligible) still comes last.
    /// </summary>
    internal const double PresumedFailureWeight = 0.6;

    /// <summary>
    /// The weight of a presumed failure of the trial's own population (its conditions or its setting, read from its record:
    /// a trial of another disease, of early disease for a recurrent cancer) rather than of one criterion. Such a failure
    /// says more than a criterion's unrecorded treatment: on TREC 2021 (judged protocol, 18,158 trials, one session) NDCG@10
    /// of the full ranker was 0.7201 with 0.6 (the criterion weight), 0.7284 with 0.4, 0.7295 with 0.25, 0.7300 with 0.15
    /// and 0.7295 with 0.05; 0.25 keeps such trials in relevance order among themselves.
    /// </summary>
    internal const double PopulationFailureWeight = 0.25;

    /// <summary>
    /// How much more a trial of the patient's own cancer type (or a narrower one) counts than its relevance alone, in the
    /// hand-written order. Measured in one session on TREC 2021 (judged protocol, 18,158 trials) and the vignette suites:
    /// see bench/results/ranking.md, stop 38.
    /// </summary>
    internal const double OwnTypeBoost = 0.5;

    /// <summary>
    /// True when a title or condition names the patient's cancer type or one within it ("Splenic Marginal Zone Lymphoma" for
    /// marginal zone lymphoma), its small family ("Marginal Zone Lymphoma" for a MALT lymphoma,
    /// <see cref="Vocabulary.CancerTypeCatalog.FamilyOf"/>), or names that cancer without its subtype ("Acute Lymphoblastic Leukemia" for a T-ALL,
    /// <see cref="Vocabulary.CancerTypeCatalog.GroupsNaming"/>); not only a broader one.
    /// </summary>
    public static bool StudiesOwnType(Vocabulary.CancerTypeCatalog cancers, IEnumerable<string> subject, string patientCode) =>
        StudiesOwnType(cancers, subject, patientCode, Naming(cancers, patientCode));

    /// <summary>The codes that name the patient's cancer besides its own and narrower ones: its groupings and its small family.</summary>
    private static List<string> Naming(Vocabulary.CancerTypeCatalog cancers, string patientCode)
    {
        var naming = cancers.GroupsNaming(patientCode).ToList();
        if (cancers.FamilyOf(patientCode) is { } family)
        {
            naming.Add(family);
        }

        return naming;
    }

    private static bool StudiesOwnType(Vocabulary.CancerTypeCatalog cancers, IEnumerable<string> subject, string patientCode, List<string> naming) =>
        subject.Any(c => cancers.Resolve(c) is { } code && (cancers.IsWithin(code, patientCode) || naming.Contains(code, StringComparer.OrdinalIgnoreCase)));

    private static double RankScore(double relevance, TrialEvaluation evaluation) =>
        evaluation.Verdict != TrialVerdict.LikelyIneligible ? relevance
        : evaluation.Failing.Any(f => f.Criterion.Segment.Section == "registry") ? relevance * PopulationFailureWeight
        : relevance * PresumedFailureWeight;

    /// <summary>
    /// The query's terms found in the trial's title and conditions, in ordinal order: from the catalog's analysis of
    /// them, unless the loaded record's title or conditions differ from the catalog's (a newer version), which is read.
    /// </summary>
    private static List<string> MatchedTerms(IReadOnlyDictionary<string, float> query, TrialCatalog catalog, int document, ClinicalTrial trial)
    {
        var slim = catalog.Slim(document);
        var subject = slim.NctId == trial.NctId && slim.BriefTitle == trial.BriefTitle && slim.Conditions.SequenceEqual(trial.Conditions)
            ? catalog.SubjectTerms(document)
            : TrialCatalog.AnalyzeSubject(trial);
        return subject.Where(query.ContainsKey).ToList();
    }
}
