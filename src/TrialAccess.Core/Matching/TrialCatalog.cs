using System.Diagnostics.CodeAnalysis;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Matching.Semantic;
using TrialAccess.Trials;

namespace TrialAccess.Matching;

/// <summary>
/// What the matcher keeps in memory for the whole registry: a relevance index and, per trial, a slim copy of the record
/// holding only what the hard filters read (status, phases, study type, ages, sex, sites without contacts), the
/// analysed terms of its title and conditions and the version of its eligibility. Full records (criteria,
/// descriptions) are read from the store only for candidates whose criteria are not parsed yet and for the trials a
/// match returns.
/// </summary>
public sealed class TrialCatalog
{
    /// <summary>Field weights of the relevance index: the trial's title and conditions say what it is about.</summary>
    public static Bm25Options RelevanceWeights { get; } = Bm25Options.Default with
    {
        TitleWeight = 3f,
        ConditionsWeight = 3f,
        InterventionsWeight = 0.5f,
        SummaryWeight = 0.3f,
        CriteriaWeight = 0.1f,
    };

    private readonly ClinicalTrial[] _slim;
    private readonly string[][] _subjectTerms;
    private readonly long[] _eligibilityVersions;

    private TrialCatalog(TrialSearchIndex index, ClinicalTrial[] slim, string[][] subjectTerms, long[] eligibilityVersions, CatalogVectors? vectors = null)
    {
        Index = index;
        _slim = slim;
        _subjectTerms = subjectTerms;
        _eligibilityVersions = eligibilityVersions;
        Vectors = vectors;
    }

    public TrialSearchIndex Index { get; }

    /// <summary>The trials' semantic vectors, aligned with the index's documents; null when none were loaded.</summary>
    public CatalogVectors? Vectors { get; }

    /// <summary>The same catalog with these vectors (built over this catalog's <see cref="Index"/>).</summary>
    public TrialCatalog WithVectors(CatalogVectors? vectors) => new(Index, _slim, _subjectTerms, _eligibilityVersions, vectors);

    public int Count => _slim.Length;

    /// <summary>The slim record of a document: enough for the hard filters and a result line, not for eligibility.</summary>
    public ClinicalTrial Slim(int document) => _slim[document];

    /// <summary>
    /// The distinct index terms of a document's brief title and conditions (what a match reports as matched terms),
    /// in ordinal order; analysed once when the catalog is built.
    /// </summary>
    public IReadOnlyList<string> SubjectTerms(int document) => _subjectTerms[document];

    /// <summary>
    /// The version of the document's eligibility (<see cref="ParsedEligibilityCache.VersionOf"/>) in the record the
    /// catalog was built from: finds its parsed criteria without reading the record.
    /// </summary>
    public long EligibilityVersion(int document) => _eligibilityVersions[document];

    /// <summary>The distinct index terms of a trial's brief title and conditions, in ordinal order.</summary>
    public static string[] AnalyzeSubject(ClinicalTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var terms = TextAnalyzer.Terms(string.Join('\n', trial.Conditions.Prepend(trial.BriefTitle))).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        return terms;
    }

    public static async Task<TrialCatalog> BuildAsync(IAsyncEnumerable<ClinicalTrial> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var builder = new CatalogBuilder();
        await foreach (var trial in trials.WithCancellation(cancellationToken))
        {
            builder.Add(trial);
        }

        return builder.Build();
    }

    public static TrialCatalog Build(IEnumerable<ClinicalTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var builder = new CatalogBuilder();
        foreach (var trial in trials)
        {
            builder.Add(trial);
        }

        return builder.Build();
    }

    /// <summary>Accumulates the index, the slim records and the subject terms in one pass over the trials.</summary>
    private sealed class CatalogBuilder
    {
        private readonly TrialSearchIndex.Builder _index = new(RelevanceWeights);
        private readonly List<ClinicalTrial> _slim = [];
        private readonly List<string[]> _subjectTerms = [];
        private readonly List<long> _eligibilityVersions = [];

        // One instance per distinct term and per distinct site text (facility, city, state, country, postal code): a
        // registry names the same centres and cities in thousands of trials (76,000 sites but 13,000 facilities and
        // 4,500 cities in the shared corpus), and the catalog holds every site of every trial.
        private readonly Dictionary<string, string> _instances = new(StringComparer.Ordinal);

        public void Add(ClinicalTrial trial)
        {
            _index.Add(trial);
            _slim.Add(Slim(trial));
            var terms = AnalyzeSubject(trial);
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = Shared(terms[i]);
            }

            _subjectTerms.Add(terms);
            _eligibilityVersions.Add(ParsedEligibilityCache.VersionOf(trial.Eligibility));
        }

        public TrialCatalog Build() => new(_index.Build(), [.. _slim], [.. _subjectTerms], [.. _eligibilityVersions]);

        private ClinicalTrial Slim(ClinicalTrial trial) => new()
        {
            NctId = trial.NctId,
            BriefTitle = trial.BriefTitle,
            Conditions = trial.Conditions,
            Phases = trial.Phases,
            StudyType = trial.StudyType,
            OverallStatus = trial.OverallStatus,
            Eligibility = trial.Eligibility with { Criteria = null },
            Sites = trial.Sites.Select(s => s with
            {
                Facility = Shared(s.Facility),
                City = Shared(s.City),
                State = Shared(s.State),
                Country = Shared(s.Country),
                PostalCode = Shared(s.PostalCode),
                Contacts = [],
            }).ToList(),
        };

        [return: NotNullIfNotNull(nameof(text))]
        private string? Shared(string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (!_instances.TryGetValue(text, out var shared))
            {
                _instances[text] = shared = text;
            }

            return shared;
        }
    }
}
