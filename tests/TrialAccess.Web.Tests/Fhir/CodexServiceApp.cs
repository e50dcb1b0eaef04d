using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Fhir;

/// <summary>
/// The web app on a real port (Kestrel) as a CodeX matching service: the demo set plus the real ClinicalTrials.gov
/// records (the legacy XML of <c>../shared/data/trials/ctgov-xml</c>, read in place) of cancer trials with a site in
/// Massachusetts, Rhode Island, Connecticut or New Hampshire, so that trials near ZIP 02115 are there; pages of
/// <see cref="ClientOrigin"/> may call it (CORS).
/// </summary>
public sealed partial class CodexServiceApp : KestrelDemoApp
{
    /// <summary>The page that plays the CodeX app in the browser tests; <see cref="ClientOrigin"/> serves it at <c>/</c>.</summary>
    public const string ClientPage = """
        <!doctype html><html><body><script>
        window.search = async (service) => {
          try {
            const response = await fetch(service + '/fhir/getClinicalTrial', {
              method: 'POST',
              headers: { 'Content-Type': 'application/fhir+json' },
              body: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
                { resource: { resourceType: 'Parameters', id: '0', parameter: [
                  { name: 'zipCode', valueString: '02115' }, { name: 'travelRadius', valueString: '100' } ] } },
                { resource: { resourceType: 'Condition', code: { text: 'Glioblastoma' } } } ] })
            });
            const bundle = await response.json();
            return 'status ' + response.status + ', ' + bundle.entry.length + ' entries';
          } catch (e) {
            return 'refused: ' + e.name;
          }
        };
        </script></body></html>
        """;

    private WebApplication? _client;

    /// <summary>
    /// The origin of a second server on the loopback (another port, so another origin) that serves
    /// <see cref="ClientPage"/>. A real server, since Chromium lets only pages from the loopback call a loopback
    /// address (Local Network Access), whatever CORS says.
    /// </summary>
    public string ClientOrigin { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _client = builder.Build();
        _client.MapGet("/", () => Results.Content(ClientPage, "text/html"));
        await _client.StartAsync();
        ClientOrigin = _client.Urls.Single().TrimEnd('/');
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_client is not null)
        {
            await _client.StopAsync();
            await _client.DisposeAsync();
        }
    }

    /// <summary>The real records ingested (0 where the shared data is absent).</summary>
    public int RealTrials { get; private set; }

    protected override void Configure(WebAppOptions options) => options.CorsOrigins = [ClientOrigin];

    protected override async Task AddTrialsAsync(string database)
    {
        if (!SharedData.IsAvailable)
        {
            return;
        }

        var files = Directory.EnumerateFiles(SharedData.PathTo(Path.Combine("trials", "ctgov-xml")), "*.xml", SearchOption.AllDirectories)
            .Where(file =>
            {
                var text = File.ReadAllText(file);
                return NewEnglandSite().IsMatch(text) && CancerCondition().IsMatch(text);
            })
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var store = new SqliteTrialStore(database);
        await store.InitializeAsync();
        var report = await new TrialIngestor(store).IngestAsync(ReadAll(files));
        RealTrials = report.New;
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadAll(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            await foreach (var result in TrialSources.ReadFileAsync(file))
            {
                yield return result;
            }
        }
    }

    [GeneratedRegex("<state>(?:Massachusetts|Rhode Island|Connecticut|New Hampshire)</state>", RegexOptions.CultureInvariant)]
    private static partial Regex NewEnglandSite();

    [GeneratedRegex(@"<condition>[^<]*(?:[Cc]ancer|[Cc]arcinoma|[Nn]eoplasm|[Tt]umou?r|[Ll]ymphoma|[Ll]eukemia|[Mm]elanoma|[Ss]arcoma|[Mm]yeloma|[Gg]lioma)[^<]*</condition>", RegexOptions.CultureInvariant)]
    private static partial Regex CancerCondition();
}

[CollectionDefinition(Name)]
public sealed class CodexServiceCollection : ICollectionFixture<CodexServiceApp>
{
    public const string Name = "CodeX service";
}
