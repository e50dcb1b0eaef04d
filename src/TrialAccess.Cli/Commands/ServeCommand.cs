using System.CommandLine;
using Microsoft.Extensions.Hosting;
using TrialAccess.Cli.Demo;
using TrialAccess.Web;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>serve</c>: runs the web app (patient pages and the REST API) on the chosen database, seeding an empty one
/// with the demo set, and prints the address to open.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Address(es) to listen on, separated by ';' (default {DefaultUrls}; port 0 picks a free port)",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var ranker = RankerModels.RankerOption("How matches are ordered: full (the hand-written rule) or learned (the learned model, see --model); Ineligible trials come last either way");
        var model = EvalCommand.ModelOption();
        var command = new Command("serve", "Run the web app and API on the database (seeding the demo trials if it is empty)") { urls, ranker, model };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (modelLoaded, relevanceModel) = await RankerModels.SelectAsync(parseResult.GetValue(ranker), parseResult.GetValue(model));
            if (!modelLoaded)
            {
                return ExitCodes.BadInput;
            }

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
            }

            var app = WebApp.Build(["--urls", parseResult.GetValue(urls)!], options =>
            {
                options.Database = location.Value;
                options.RankingModel = relevanceModel;
            });
            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException e)
                {
                    await Console.Error.WriteLineAsync($"error: cannot listen on {parseResult.GetValue(urls)}: {e.Message}");
                    return ExitCodes.BadInput;
                }

                foreach (var url in app.Urls)
                {
                    Console.Out.WriteLine($"TrialAccess is running: open {url}/ (API: {url}/api/trials, OpenAPI: {url}/openapi/v1.json)");
                }

                Console.Out.WriteLine("Press Ctrl+C to stop.");
                await Console.Out.FlushAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
