using System.CommandLine;
using System.Diagnostics;
using TrialAccess.Cli.Terminal;
using TrialAccess.Embeddings;
using TrialAccess.Matching.Semantic;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>index</c>: computes the sentence-embedding vectors of the stored trials that have none or a stale one, batch by
/// batch (each batch committed, so an interrupted run continues where it stopped when run again).
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format();
        var command = new Command("index", "Compute the semantic vectors of the stored trials that have none or a stale one (resumable)")
        {
            format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (store, location) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                await Console.Error.WriteLineAsync($"database: {location.Describe()}");
                if (store is not ITrialVectorStore vectors)
                {
                    await Console.Error.WriteLineAsync("error: this database cannot hold trial vectors");
                    return ExitCodes.BadInput;
                }

                using var embedder = new MiniLmEmbedder();
                await Console.Error.WriteLineAsync($"model: {embedder.Model}");
                var clock = Stopwatch.StartNew();
                var indexer = new TrialVectorIndexer(store, vectors, embedder);
                var report = await IngestProgressDisplay.RunAsync<IndexProgress, IndexReport>(
                    "Computing trial vectors",
                    progress => indexer.RunAsync(progress, cancellationToken),
                    new PlainLines(),
                    (task, p) =>
                    {
                        task.MaxValue = Math.Max(1, p.ToEmbed);
                        task.Value = p.Embedded;
                        return $"{p.Embedded:N0} of {p.ToEmbed:N0} ({p.UpToDate:N0} up to date)";
                    });
                var seconds = clock.Elapsed.TotalSeconds;
                var rate = report.Embedded / Math.Max(seconds, 1e-9);
                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(new { report.Trials, report.UpToDate, report.Embedded, Seconds = Math.Round(seconds, 1), TrialsPerSecond = Math.Round(rate, 1), embedder.Model });
                }
                else
                {
                    Console.WriteLine($"{report.Trials:N0} trials: {report.Embedded:N0} vectors computed, {report.UpToDate:N0} already up to date; {seconds:N1} s ({rate:N1} trials/s)");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>One line about every five per cent of the vectors to compute.</summary>
    private sealed class PlainLines : IProgress<IndexProgress>
    {
        private int _lastStep = -1;

        public void Report(IndexProgress value)
        {
            var step = value.ToEmbed == 0 ? 20 : value.Embedded * 20 / value.ToEmbed;
            if (step == _lastStep)
            {
                return;
            }

            _lastStep = step;
            Console.Error.WriteLine($"progress: {value.Embedded}/{value.ToEmbed} vectors computed, {value.UpToDate} up to date");
        }
    }
}
