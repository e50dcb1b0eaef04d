using Microsoft.Extensions.Options;
using TrialAccess.Ingestion;
using TrialAccess.Storage;
using TrialAccess.Trials;

namespace TrialAccess.Web.Search;

/// <summary>
/// How requests get a store. A SQLite store holds one connection and is not for concurrent use, so each request
/// opens its own (the file is write-ahead logged: readers run side by side). The PostgreSQL store pools connections
/// and is shared by all requests.
/// </summary>
public static class TrialStoreRegistration
{
    public static IServiceCollection AddTrialStore(this IServiceCollection services)
    {
        services.AddSingleton<TrialStoreAccess>();
        services.AddScoped<ITrialStore>(provider => provider.GetRequiredService<TrialStoreAccess>().OpenForRequest());
        return services;
    }
}

/// <summary>The database the host serves, and the stores opened on it.</summary>
public sealed class TrialStoreAccess : IAsyncDisposable
{
    private readonly ITrialStore? _shared;

    public TrialStoreAccess(IOptions<WebAppOptions> options)
    {
        Location = TrialStoreFactory.Resolve(options.Value.Database);
        if (Location.Kind == StoreKind.Postgres)
        {
            _shared = TrialStoreFactory.Create(Location);
        }
    }

    public StoreLocation Location { get; }

    /// <summary>A store for one request; disposing it releases only what the request owns.</summary>
    public ITrialStore OpenForRequest() => _shared is null ? TrialStoreFactory.Create(Location) : new SharedStore(_shared);

    public ValueTask DisposeAsync() => _shared?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class SharedStore(ITrialStore inner) : ITrialStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

        public Task<IReadOnlyList<IngestOutcome>> UpsertAsync(IReadOnlyList<ClinicalTrial> batch, bool replaceEqual = false, CancellationToken cancellationToken = default) =>
            inner.UpsertAsync(batch, replaceEqual, cancellationToken);

        public Task<ClinicalTrial?> FindAsync(NctId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<NctId, ClinicalTrial>> FindManyAsync(IReadOnlyCollection<NctId> ids, CancellationToken cancellationToken = default) =>
            inner.FindManyAsync(ids, cancellationToken);

        public Task<IReadOnlyList<TrialSearchHit>> SearchAsync(TrialSearchQuery query, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(query, cancellationToken);

        public Task<TrialStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

        public IAsyncEnumerable<ClinicalTrial> ReadAllAsync(CancellationToken cancellationToken = default) => inner.ReadAllAsync(cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
