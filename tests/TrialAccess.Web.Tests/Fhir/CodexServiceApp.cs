using System.Text.RegularExpressions;
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
    /// <summary>
    /// The origin of the browser page that plays the CodeX app in the browser tests: another origin than the service
    /// (127.0.0.1), on the loopback too, since Chromium refuses calls from public origins to a loopback address
    /// (Private Network Access) whatever CORS says.
    /// </summary>
    public const string ClientOrigin = "http://localhost:5999";

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
