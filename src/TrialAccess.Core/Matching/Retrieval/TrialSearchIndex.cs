using TrialAccess.Trials;

namespace TrialAccess.Matching.Retrieval;

/// <summary>Per-field weights and BM25 parameters of the <see cref="TrialSearchIndex"/>.</summary>
/// <remarks>
/// Defaults: title 3, conditions (with keywords and MeSH terms) 3, interventions 1.5, summary (brief and detailed) 1,
/// criteria 1; k1 = 1.2; b = 0.75 for every field. Term frequencies are length-normalised per field, weighted and summed
/// before saturation (BM25F).
/// </remarks>
public sealed record Bm25Options
{
    public float TitleWeight { get; init; } = 3f;

    public float ConditionsWeight { get; init; } = 3f;

    public float InterventionsWeight { get; init; } = 1.5f;

    public float SummaryWeight { get; init; } = 1f;

    public float CriteriaWeight { get; init; } = 1f;

    public float K1 { get; init; } = 1.2f;

    public float B { get; init; } = 0.75f;

    public static Bm25Options Default { get; } = new();
}

/// <summary>A trial and its relevance score for one query; higher is more relevant.</summary>
public readonly record struct ScoredTrial(int Document, NctId NctId, double Score);

/// <summary>
/// An in-memory BM25F index over trials: built once from the stored trials, then queried many times, concurrently.
/// </summary>
public sealed class TrialSearchIndex
{
    private const int FieldCount = 5;

    private readonly NctId[] _ids;
    private readonly Dictionary<NctId, int> _documents;
    private readonly Dictionary<string, int> _terms;
    private readonly int[][] _postingDocuments;
    private readonly float[][] _postingWeights;
    private readonly float[] _idf;
    private readonly float _k1;

    private TrialSearchIndex(NctId[] ids, Dictionary<string, int> terms, int[][] postingDocuments, float[][] postingWeights, float k1)
    {
        _ids = ids;
        _terms = terms;
        _postingDocuments = postingDocuments;
        _postingWeights = postingWeights;
        _k1 = k1;
        _documents = new Dictionary<NctId, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            _documents[ids[i]] = i;
        }

        var n = ids.Length;
        _idf = postingDocuments.Select(p => (float)Math.Log(1 + (n - p.Length + 0.5) / (p.Length + 0.5))).ToArray();
    }

    public int Count => _ids.Length;

    public NctId IdOf(int document) => _ids[document];

    public bool TryGetDocument(NctId id, out int document) => _documents.TryGetValue(id, out document);

    /// <summary>The number of trials containing the term (after analysis), 0 if none.</summary>
    public int DocumentFrequency(string analyzedTerm) => _terms.TryGetValue(analyzedTerm, out var t) ? _postingDocuments[t].Length : 0;

    /// <summary>The term's inverse document frequency as scoring uses it, 0 for a term no trial contains.</summary>
    public float InverseDocumentFrequency(string analyzedTerm) => _terms.TryGetValue(analyzedTerm, out var t) ? _idf[t] : 0f;

    public static TrialSearchIndex Build(IEnumerable<ClinicalTrial> trials, Bm25Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var builder = new Builder(options);
        foreach (var trial in trials)
        {
            builder.Add(trial);
        }

        return builder.Build();
    }

    /// <summary>
    /// Builds an index in one pass over the trials (so they can stream from a store): raw per-field term counts are
    /// kept until <see cref="Build"/>, which normalises them by the average field lengths.
    /// </summary>
    public sealed class Builder(Bm25Options? options = null)
    {
        private readonly Bm25Options _options = options ?? Bm25Options.Default;
        private readonly List<NctId> _ids = [];
        private readonly List<int[]> _lengths = [];
        private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
        private readonly List<List<int>> _postingDocuments = [];
        private readonly List<List<ulong>> _postingCounts = [];
        private readonly Dictionary<int, ulong> _documentTerms = [];
        private bool _built;

        public int Count => _ids.Count;

        public void Add(ClinicalTrial trial)
        {
            ArgumentNullException.ThrowIfNull(trial);
            ObjectDisposedException.ThrowIf(_built, this);
            var document = _ids.Count;
            _ids.Add(trial.NctId);
            var lengths = new int[FieldCount];
            _documentTerms.Clear();
            var fields = Fields(trial);
            for (var f = 0; f < FieldCount; f++)
            {
                var shift = f * 12;
                TextAnalyzer.Analyze(fields[f], term =>
                {
                    lengths[f]++;
                    if (!_terms.TryGetValue(term, out var id))
                    {
                        id = _terms.Count;
                        _terms[term] = id;
                        _postingDocuments.Add([]);
                        _postingCounts.Add([]);
                    }

                    var packed = _documentTerms.GetValueOrDefault(id);
                    if (((packed >> shift) & 0xFFF) < 0xFFF)
                    {
                        _documentTerms[id] = packed + (1UL << shift);
                    }
                });
            }

            _lengths.Add(lengths);
            foreach (var (term, counts) in _documentTerms)
            {
                _postingDocuments[term].Add(document);
                _postingCounts[term].Add(counts);
            }
        }

        public TrialSearchIndex Build()
        {
            ObjectDisposedException.ThrowIf(_built, this);
            _built = true;
            float[] weights = [_options.TitleWeight, _options.ConditionsWeight, _options.InterventionsWeight, _options.SummaryWeight, _options.CriteriaWeight];
            var averages = new double[FieldCount];
            for (var f = 0; f < FieldCount; f++)
            {
                averages[f] = _lengths.Count == 0 ? 1 : Math.Max(1, _lengths.Average(l => l[f]));
            }

            // Per document and field: weight / (1 - b + b * length / average length), the BM25F normaliser.
            var norms = new float[_lengths.Count * FieldCount];
            for (var d = 0; d < _lengths.Count; d++)
            {
                for (var f = 0; f < FieldCount; f++)
                {
                    norms[d * FieldCount + f] = (float)(weights[f] / (1 - _options.B + _options.B * _lengths[d][f] / averages[f]));
                }
            }

            var postingWeights = new float[_postingDocuments.Count][];
            for (var t = 0; t < _postingDocuments.Count; t++)
            {
                var documents = _postingDocuments[t];
                var counts = _postingCounts[t];
                var result = new float[documents.Count];
                for (var i = 0; i < documents.Count; i++)
                {
                    var weight = 0f;
                    for (var f = 0; f < FieldCount; f++)
                    {
                        var tf = (counts[i] >> (f * 12)) & 0xFFF;
                        if (tf > 0)
                        {
                            weight += tf * norms[documents[i] * FieldCount + f];
                        }
                    }

                    result[i] = weight;
                }

                postingWeights[t] = result;
                _postingCounts[t] = [];
            }

            return new TrialSearchIndex(
                [.. _ids],
                _terms,
                _postingDocuments.Select(p => p.ToArray()).ToArray(),
                postingWeights,
                _options.K1);
        }
    }

    /// <summary>Analyses free text into a weighted query: each distinct term weighted by its count.</summary>
    public static Dictionary<string, float> Query(string text)
    {
        var query = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in TextAnalyzer.Terms(text))
        {
            query[term] = query.GetValueOrDefault(term) + 1;
        }

        return query;
    }

    /// <summary>Scores every trial for the query; the array is indexed by document.</summary>
    public float[] ScoreAll(IReadOnlyDictionary<string, float> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new float[_ids.Length];
        foreach (var (term, queryWeight) in query)
        {
            if (!_terms.TryGetValue(term, out var t))
            {
                continue;
            }

            var idf = _idf[t] * queryWeight;
            var documents = _postingDocuments[t];
            var weights = _postingWeights[t];
            for (var i = 0; i < documents.Length; i++)
            {
                var tf = weights[i];
                scores[documents[i]] += idf * tf / (_k1 + tf);
            }
        }

        return scores;
    }

    /// <summary>The <paramref name="top"/> best trials with a positive score, best first (ties by NCT id).</summary>
    /// <param name="query">Analysed terms with weights (see <see cref="Query"/>).</param>
    /// <param name="top">How many to return.</param>
    /// <param name="keep">Optional filter by document; trials it rejects are not returned.</param>
    public IReadOnlyList<ScoredTrial> Search(IReadOnlyDictionary<string, float> query, int top, Func<int, bool>? keep = null)
    {
        var scores = ScoreAll(query);
        return Top(scores, top, keep);
    }

    /// <summary>The best documents of a score array, best first.</summary>
    public IReadOnlyList<ScoredTrial> Top(float[] scores, int top, Func<int, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var heap = new PriorityQueue<int, (float Score, int Document)>(top + 1, Comparer<(float Score, int Document)>.Create((a, b) =>
        {
            var byScore = a.Score.CompareTo(b.Score);
            return byScore != 0 ? byScore : _ids[b.Document].CompareTo(_ids[a.Document]);
        }));
        for (var d = 0; d < scores.Length; d++)
        {
            var score = scores[d];
            if (score <= 0)
            {
                continue;
            }

            // The filter runs only for documents good enough to enter the heap: a few per query, not every match.
            if (heap.Count < top)
            {
                if (keep is null || keep(d))
                {
                    heap.Enqueue(d, (score, d));
                }
            }
            else if (heap.TryPeek(out _, out var worst)
                && (score > worst.Score || (score == worst.Score && _ids[d].CompareTo(_ids[worst.Document]) < 0))
                && (keep is null || keep(d)))
            {
                heap.EnqueueDequeue(d, (score, d));
            }
        }

        var result = new ScoredTrial[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var document, out var priority);
            result[i] = new ScoredTrial(document, _ids[document], priority.Score);
        }

        return result;
    }

    /// <summary>The text of each indexed field: title, conditions, interventions, summary, criteria.</summary>
    private static string[] Fields(ClinicalTrial trial) =>
    [
        string.Join('\n', new[] { trial.BriefTitle, trial.OfficialTitle, trial.Acronym }.OfType<string>()),
        string.Join('\n', trial.Conditions.Concat(trial.Keywords).Concat(trial.ConditionMeshTerms)),
        string.Join('\n', trial.Interventions.SelectMany(i => i.OtherNames.Prepend(i.Name)).Concat(trial.InterventionMeshTerms)),
        string.Join('\n', new[] { trial.BriefSummary, trial.DetailedDescription }.OfType<string>()),
        trial.Eligibility.Criteria ?? string.Empty,
    ];
}
