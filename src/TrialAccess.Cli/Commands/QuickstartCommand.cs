using System.CommandLine;
using TrialAccess.Cli.Demo;
using TrialAccess.Ingestion;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>quickstart</c>: the first command a new user runs. Seeds an empty database with the demo set that ships with
/// TrialAccess, then shows what is stored and a first search.
/// </summary>
internal static class QuickstartCommand
{
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
                if (await DemoTrialSet.SeedIfEmptyAsync(store, cancellationToken) is { } report)
                {
                    Console.Out.WriteLine($"The database was empty: seeded {report.New} demo trials (fictional, ids NCT99xxxxxx).");
                }

                var stats = await store.GetStatisticsAsync(cancellationToken);

                Console.Out.WriteLine($"Trials stored: {stats.Trials} ({stats.WithCriteria} with eligibility criteria, {stats.Sites} sites).");
                var hits = await store.SearchAsync(new TrialSearchQuery("lung cancer", [Trials.RecruitmentStatus.Recruiting], [], 5), cancellationToken);
                Console.Out.WriteLine();
                Console.Out.WriteLine("Recruiting trials for \"lung cancer\":");
                foreach (var hit in hits)
                {
                    Console.Out.WriteLine($"  {hit.NctId}  {hit.BriefTitle}");
                }

                Console.Out.WriteLine();
                Console.Out.WriteLine("Next: ./trialaccess serve (then open the page it prints), ./trialaccess ingest <files or folders>, ./trialaccess trials search \"<words>\", ./trialaccess trials show <NCT id>");
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
