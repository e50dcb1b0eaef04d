using TrialAccess.Matching.Retrieval;
using TrialAccess.Trials;

namespace TrialAccess.Matching;

/// <summary>
/// What the matcher keeps in memory for the whole registry: a relevance index and, per trial, a slim copy of the record
/// holding only what the hard filters read (status, phases, study type, ages, sex, sites without contacts). Full
/// records (criteria, descriptions) are loaded from the store for the few candidates that reach eligibility.
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

    private TrialCatalog(TrialSearchIndex index, ClinicalTrial[] slim)
    {
        Index = index;
        _slim = slim;
    }

    public TrialSearchIndex Index { get; }

    public int Count => _slim.Length;

    /// <summary>The slim record of a document: enough for the hard filters and a result line, not for eligibility.</summary>
    public ClinicalTrial Slim(int document) => _slim[document];

    public static async Task<TrialCatalog> BuildAsync(IAsyncEnumerable<ClinicalTrial> trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var builder = new TrialSearchIndex.Builder(RelevanceWeights);
        var slim = new List<ClinicalTrial>();
        await foreach (var trial in trials.WithCancellation(cancellationToken))
        {
            builder.Add(trial);
            slim.Add(Slim(trial));
        }

        return new TrialCatalog(builder.Build(), [.. slim]);
    }

    public static TrialCatalog Build(IEnumerable<ClinicalTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var builder = new TrialSearchIndex.Builder(RelevanceWeights);
        var slim = new List<ClinicalTrial>();
        foreach (var trial in trials)
        {
            builder.Add(trial);
            slim.Add(Slim(trial));
        }

        return new TrialCatalog(builder.Build(), [.. slim]);
    }

    private static ClinicalTrial Slim(ClinicalTrial trial) => new()
    {
        NctId = trial.NctId,
        BriefTitle = trial.BriefTitle,
        Conditions = trial.Conditions,
        Phases = trial.Phases,
        StudyType = trial.StudyType,
        OverallStatus = trial.OverallStatus,
        Eligibility = trial.Eligibility with { Criteria = null },
        Sites = trial.Sites.Select(s => s.Contacts.Count == 0 ? s : s with { Contacts = [] }).ToList(),
    };
}
