using System.CommandLine;
using TrialAccess.Cli.Terminal;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>ingest &lt;paths...&gt;</c>: read registry files, folders and zip archives into the database; <c>ingest ctgov</c>
/// (<see cref="IngestCtGovCommand"/>) reads from the live registry instead.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively) or zip archives of ClinicalTrials.gov XML or API v2 JSON, or TrialGPT corpus JSON/JSONL",
            Arity = ArgumentArity.OneOrMore,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Also replace stored trials whose incoming version has the same last-update date (after a reader upgrade)",
        };
        var format = CommonOptions.Format();
        var command = new Command("ingest", "Read trial records into the database; prints counts of read, new, updated, unchanged and failed records")
        {
            paths,
            force,
            format,
            IngestCtGovCommand.Create(),
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (files, missing) = TrialSources.Expand(parseResult.GetValue(paths)!);
            foreach (var path in missing)
            {
                await Console.Error.WriteLineAsync($"error: no such file or folder: {path}");
            }

            if (missing.Count > 0)
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
                await Console.Error.WriteLineAsync($"database: {location.Describe()}");
                var ingestor = new TrialIngestor(store);
                var report = await IngestProgressDisplay.RunAsync(
                    $"Ingesting {files.Count} file(s)",
                    progress => ingestor.IngestFilesAsync(files, parseResult.GetValue(force), progress, cancellationToken));
                return PrintReport(report, parseResult.GetValue(format));
            }
        });
        return command;
    }

    /// <summary>Prints the counts (stdout) and every failure (stderr); returns 2 when anything failed.</summary>
    public static int PrintReport(IngestReport report, OutputFormat format)
    {
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine($"failed: {failure}");
        }

        if (report.Failed > report.Failures.Count)
        {
            Console.Error.WriteLine($"failed: {report.Failed - report.Failures.Count:N0} more failure(s) not listed (the first {report.Failures.Count:N0} are)");
        }

        if (format == OutputFormat.Json)
        {
            CliJson.Write(new
            {
                report.Read,
                report.New,
                report.Updated,
                report.Unchanged,
                report.Failed,
                Failures = report.Failures.Select(f => new { f.Source, f.Field, f.Message }),
            });
        }
        else
        {
            Console.Out.WriteLine($"read {report.Read}, new {report.New}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failed}");
        }

        return report.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}
