using TrialAccess.Geography;
using TrialAccess.Trials;

namespace TrialAccess.Web.Search;

/// <summary>
/// The place resolver the host uses: the curated gazetteer plus the cities of the stored trial sites, read once on
/// first use (a restart picks up newly ingested sites).
/// </summary>
public sealed class PlaceDirectory(TrialStoreAccess stores, ILogger<PlaceDirectory> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PlaceResolver? _resolver;

    public async Task<PlaceResolver> GetAsync(CancellationToken cancellationToken)
    {
        if (_resolver is not null)
        {
            return _resolver;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_resolver is null)
            {
                var sites = new List<TrialSite>();
                await using (var store = stores.OpenForRequest())
                {
                    await foreach (var trial in store.ReadAllAsync(cancellationToken))
                    {
                        sites.AddRange(trial.Sites.Where(s => s.Coordinates is not null));
                    }
                }

                _resolver = PlaceResolver.Default.WithSites(sites);
                logger.LogInformation("Place directory ready: {Names} names ({Sites} geo-coded sites read)", _resolver.NameCount, sites.Count);
            }

            return _resolver;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Resolves the place a person typed; null when nothing was typed (no place is not an error).</summary>
    public async Task<PlaceResolution?> ResolveAsync(string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text) ? null : (await GetAsync(cancellationToken)).Resolve(text);

    public void Dispose() => _gate.Dispose();
}

/// <summary>Reads the stored sites into the <see cref="PlaceDirectory"/> when the host starts, so the first search is not slowed.</summary>
internal sealed class PlaceDirectoryWarmUp(PlaceDirectory places, ILogger<PlaceDirectoryWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await places.GetAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The directory is read again on first use; a database that cannot be read now is reported there.
            logger.LogWarning("Could not read the stored sites at start-up ({ExceptionType}); will retry on first use.", e.GetType().Name);
        }
    }
}
