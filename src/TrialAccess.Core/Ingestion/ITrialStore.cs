using TrialAccess.Trials;

namespace TrialAccess.Ingestion;

/// <summary>
/// Where trials are kept: the port the storage adapters (SQLite, PostgreSQL) implement. Every method behaves the
/// same on every adapter, except the relevance scores of a search, which each engine computes its own way.
/// </summary>
public interface ITrialStore : IAsyncDisposable
{
    /// <summary>Creates the schema if it is not there; safe to call on an existing database.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch in one transaction, applying <see cref="TrialVersionPolicy"/> to each record in order; either
    /// the whole batch is committed or none of it is.
    /// </summary>
    /// <returns>The outcome for each record, in the order given.</returns>
    Task<IReadOnlyList<IngestOutcome>> UpsertAsync(IReadOnlyList<ClinicalTrial> batch, bool replaceEqual = false, CancellationToken cancellationToken = default);

    Task<ClinicalTrial?> FindAsync(NctId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the stored records of several trials in as few round trips as the engine allows (the candidates of a
    /// match). Ids that are not stored are left out; the result is keyed by id, so its order means nothing.
    /// </summary>
    Task<IReadOnlyDictionary<NctId, ClinicalTrial>> FindManyAsync(IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TrialSearchHit>> SearchAsync(TrialSearchQuery query, CancellationToken cancellationToken = default);

    Task<TrialStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams every stored trial in NCT id order (for indexing and evaluation).</summary>
    IAsyncEnumerable<ClinicalTrial> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>A full-text query over the stored trials.</summary>
/// <param name="Text">Words to find. Every word must occur somewhere in the indexed fields.</param>
/// <param name="Statuses">Keep only trials whose overall status is one of these; empty keeps all.</param>
/// <param name="Phases">Keep only trials with at least one of these phases; empty keeps all.</param>
/// <param name="Limit">The most hits to return.</param>
public sealed record TrialSearchQuery(
    string Text,
    IReadOnlyList<RecruitmentStatus> Statuses,
    IReadOnlyList<TrialPhase> Phases,
    int Limit = 20);

/// <summary>One search result. A higher <see cref="Score"/> is more relevant; scores compare only within one search.</summary>
public sealed record TrialSearchHit(
    NctId NctId,
    string BriefTitle,
    RecruitmentStatus OverallStatus,
    IReadOnlyList<TrialPhase> Phases,
    IReadOnlyList<string> Conditions,
    double Score);

/// <summary>Counts over the whole store, as <c>db stats</c> prints them.</summary>
/// <param name="Trials">Number of distinct trials.</param>
/// <param name="ByStatus">Trials per overall status (API v2 spelling; NOT_STATED where the source gave none).</param>
/// <param name="ByPhase">Trials per phase label (<c>PHASE1/PHASE2</c> for a combined phase; NOT_STATED where none).</param>
/// <param name="WithCriteria">Trials whose record carries eligibility criteria text.</param>
/// <param name="Sites">Number of sites over all trials.</param>
public sealed record TrialStoreStatistics(
    long Trials,
    IReadOnlyDictionary<string, long> ByStatus,
    IReadOnlyDictionary<string, long> ByPhase,
    long WithCriteria,
    long Sites);
