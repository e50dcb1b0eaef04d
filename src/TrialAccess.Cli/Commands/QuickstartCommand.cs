using System.CommandLine;
using TrialAccess.Cli.Terminal;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>quickstart</c>: the first command a new user runs. Seeds an empty database with the demo set that ships with
/// TrialAccess, then shows what is stored and a first search.
/// </summary>
internal static class QuickstartCommand
{
    private const string DemoResource = "TrialAccess.Demo.demo-trials.json";

    public static Command Create()
    {
        var command = new Command("quickstart", "Set up the database (seeding the demo trials if it is empty) and run a first search");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (store, location) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                Console.Out.WriteLine($"Database: {location.Describe()}");
                var stats = await store.GetStatisticsAsync(cancellationToken);
                if (stats.Trials == 0)
                {
                    var report = await SeedDemoAsync(store, cancellationToken);
                    Console.Out.WriteLine($"The database was empty: seeded {report.New} demo trials (fictional, ids NCT99xxxxxx).");
                    stats = await store.GetStatisticsAsync(cancellationToken);
                }

                Console.Out.WriteLine($"Trials stored: {stats.Trials} ({stats.WithCriteria} with eligibility criteria, {stats.Sites} sites).");
                var hits = await store.SearchAsync(new TrialSearchQuery("lung cancer", [Trials.RecruitmentStatus.Recruiting], [], 5), cancellationToken);
                Console.Out.WriteLine();
                Console.Out.WriteLine("Recruiting trials for \"lung cancer\":");
                foreach (var hit in hits)
                {
                    Console.Out.WriteLine($"  {hit.NctId}  {hit.BriefTitle}");
                }

                Console.Out.WriteLine();
                Console.Out.WriteLine("Next: ./trialaccess ingest <files or folders>, ./trialaccess trials search \"<words>\", ./trialaccess trials show <NCT id>");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static async Task<IngestReport> SeedDemoAsync(ITrialStore store, CancellationToken cancellationToken)
    {
        await using var demo = typeof(QuickstartCommand).Assembly.GetManifestResourceStream(DemoResource)
            ?? throw new InvalidOperationException($"The demo set {DemoResource} is not embedded in this build.");
        return await new TrialIngestor(store).IngestAsync(TrialSources.ReadStreamAsync(demo, "demo-trials.json", cancellationToken), cancellationToken: cancellationToken);
    }
}
