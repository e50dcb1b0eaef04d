using TrialAccess.Eligibility.Parsing;
using TrialAccess.Ingestion;
using TrialAccess.Matching;
using TrialAccess.Patients;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Matching;

/// <summary>
/// The matcher for the web host: the catalog (relevance index and slim records) is built once, on the first match,
/// from the database the host serves, and parsed criteria are shared by all requests (at most
/// <see cref="ParsedEligibilityCache.DefaultCapacity"/> trials, the least recently used dropped first). Each request
/// reads, through its own store and in one call, the full records of the candidates not parsed yet and of the trials
/// it returns. Trials ingested while the host runs are seen after a restart.
/// </summary>
/// <param name="model">A learned relevance model to rank with (registered by the host), or null for the hand-written rule.</param>
public sealed class MatchService(TrialStoreAccess stores, TimeProvider clock, TrialAccess.Matching.Ranking.IRelevanceModel? model = null) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly ParsedEligibilityCache _parsed = new(CriterionParser.Default);
    private TrialCatalog? _catalog;

    public async Task<TrialCatalog> CatalogAsync(CancellationToken cancellationToken)
    {
        if (_catalog is { } ready)
        {
            return ready;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_catalog is null)
            {
                await using var store = stores.OpenForRequest();
                await store.InitializeAsync(cancellationToken);
                _catalog = await TrialCatalog.BuildAsync(store.ReadAllAsync(cancellationToken), cancellationToken);
            }

            return _catalog;
        }
        finally
        {
            _building.Release();
        }
    }

    public async Task<MatchResult> MatchAsync(MatchRequest request, ITrialStore store, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken);
        var matcher = new TrialMatcher(catalog, store.FindManyAsync, clock, _parsed, model);
        return await matcher.MatchAsync(request, cancellationToken);
    }

    /// <summary>Matches one patient and reports the result as clinicians and other systems read it.</summary>
    /// <param name="note">The text the patient was read from, when it was a note: trials are searched with its words.</param>
    /// <param name="warnings">What reading the patient warned about, passed on to the report.</param>
    public async Task<MatchReport> ReportAsync(
        PatientProfile patient, string? note, MatchSettings settings, IEnumerable<string> warnings, ITrialStore store, CancellationToken cancellationToken)
    {
        var result = await MatchAsync(settings.ToRequest(patient, note), store, cancellationToken);
        return MatchReport.From(result, warnings);
    }

    public void Dispose() => _building.Dispose();
}
