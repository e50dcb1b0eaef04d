using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;

namespace TrialAccess.Cli.Demo;

/// <summary>
/// The demo set that ships inside the command line: 16 fictional trials (ids NCT99xxxxxx) with geo-coded sites, so
/// that a new user sees something on the first run. <c>quickstart</c> and <c>serve</c> seed an empty database with it.
/// </summary>
internal static class DemoTrialSet
{
    private const string Resource = "TrialAccess.Demo.demo-trials.json";

    /// <summary>Seeds the store with the demo set when it holds no trial; returns null when it already held some.</summary>
    public static async Task<IngestReport?> SeedIfEmptyAsync(ITrialStore store, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatisticsAsync(cancellationToken);
        return stats.Trials == 0 ? await SeedAsync(store, cancellationToken) : null;
    }

    public static async Task<IngestReport> SeedAsync(ITrialStore store, CancellationToken cancellationToken)
    {
        await using var demo = typeof(DemoTrialSet).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The demo set {Resource} is not embedded in this build.");
        return await new TrialIngestor(store).IngestAsync(TrialSources.ReadStreamAsync(demo, "demo-trials.json", cancellationToken), cancellationToken: cancellationToken);
    }
}
