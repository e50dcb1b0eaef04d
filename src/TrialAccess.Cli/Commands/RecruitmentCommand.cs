using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Demo;
using TrialAccess.Cli.Terminal;
using TrialAccess.Ingestion;
using TrialAccess.Recruitment.Disclosure;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Storage;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Storage.Recruitment.Demo;
using TrialAccess.Storage.Recruitment.Import;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>recruitment import|report|seed-demo</c>: recruitment monitoring from the command line, on the same database as
/// the trials. The command line is a trusted host (whoever runs it can read the database file): reports are exact, and
/// changes are audited as <c>cli:&lt;account&gt;</c>.
/// </summary>
internal static class RecruitmentCommand
{
    public static Command Create() => new("recruitment", "Recruitment monitoring: import accrual, screening and site logs; report recruitment against time and target")
    {
        Import(),
        Report(),
        SeedDemo(),
    };

    private static string Actor => "cli:" + Environment.UserName;

    private static Command Import()
    {
        var files = new Argument<string[]>("csv") { Description = "Accrual, screening or site logs (CSV with a header row; the kind is told by the header)", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format();
        var command = new Command("import", "Import recruitment logs; prints rows read, changed, unchanged and failed, and each failed row by line and column") { files, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetValue(files)!;
            var missing = paths.Where(p => !File.Exists(p)).ToList();
            foreach (var path in missing)
            {
                await Console.Error.WriteLineAsync($"error: no such file: {path}");
            }

            if (missing.Count > 0)
            {
                return ExitCodes.BadInput;
            }

            var (trials, recruitment, location) = await OpenAsync(parseResult, cancellationToken);
            if (trials is null || recruitment is null)
            {
                return ExitCodes.BadInput;
            }

            await using (trials)
            await using (recruitment)
            {
                await Console.Error.WriteLineAsync($"database: {location.Describe()}");
                recruitment.Actor = Actor;
                var importer = new RecruitmentLogImporter(recruitment, (study, ct) => TrialCriteriaReasons.ForAsync(trials, study, ct));
                var reports = new List<(string File, ImportReport Report)>();
                foreach (var path in paths)
                {
                    await using var stream = File.OpenRead(path);
                    var report = await ImportProgressDisplay.RunAsync($"Importing {Path.GetFileName(path)}", progress => importer.ImportAsync(stream, progress, cancellationToken));
                    foreach (var error in report.Errors)
                    {
                        await Console.Error.WriteLineAsync($"failed: {path}: {error}");
                    }

                    reports.Add((path, report));
                }

                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(reports.Select(r => new
                    {
                        file = r.File,
                        kind = r.Report.Kind?.ToString().ToLowerInvariant(),
                        rows = r.Report.Rows,
                        changed = r.Report.Changed,
                        unchanged = r.Report.Unchanged,
                        failed = r.Report.Failed,
                        errors = r.Report.Errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }),
                    }));
                }
                else
                {
                    foreach (var (file, report) in reports)
                    {
                        Console.Out.WriteLine($"{file}: {report.Kind?.ToString().ToLowerInvariant() ?? "unknown"} log, {report.Rows} rows read, {report.Changed} changed, {report.Unchanged} unchanged, {report.Failed} failed");
                    }
                }

                return reports.Any(r => r.Report.Kind is null) ? ExitCodes.BadInput
                    : reports.Any(r => r.Report.Failed > 0) ? ExitCodes.PartialFailure
                    : ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Report()
    {
        var trial = new Option<string[]>("--trial") { Description = "Only these studies (NCT ids or pipeline:<id>; repeatable)", AllowMultipleArgumentsPerToken = true };
        var asOf = new Option<string?>("--as-of") { Description = "The reporting date (yyyy-MM-dd; default today): events after it are not counted" };
        var format = CommonOptions.Format();
        var command = new Command("report", "Recruitment against time and target per study and site, with screening, projection and alerts") { trial, asOf, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var keys = new List<StudyKey>();
            foreach (var text in parseResult.GetValue(trial) ?? [])
            {
                if (!StudyKey.TryParse(text, out var key))
                {
                    await Console.Error.WriteLineAsync($"error: '{text}' is not a study id (an NCT id, or pipeline:<project id>)");
                    return ExitCodes.BadInput;
                }

                keys.Add(key);
            }

            var day = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            if (parseResult.GetValue(asOf) is { } text2 && !DateOnly.TryParseExact(text2, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                await Console.Error.WriteLineAsync($"error: --as-of '{text2}' is not a date (yyyy-MM-dd)");
                return ExitCodes.BadInput;
            }

            var (trials, recruitment, _) = await OpenAsync(parseResult, cancellationToken);
            if (trials is null || recruitment is null)
            {
                return ExitCodes.BadInput;
            }

            await using (trials)
            await using (recruitment)
            {
                var workspace = await recruitment.LoadAsync(keys.Count == 0 ? null : keys, cancellationToken: cancellationToken);
                var unknown = keys.Where(k => workspace.Study(k) is null).ToList();
                foreach (var key in unknown)
                {
                    await Console.Error.WriteLineAsync($"error: {key} is not a monitored study");
                }

                if (unknown.Count > 0)
                {
                    return ExitCodes.BadInput;
                }

                var reports = workspace.Studies
                    .OrderBy(s => s.Key.ToString(), StringComparer.Ordinal)
                    .Select(s => RecruitmentReporter.Report(s, [.. workspace.Participants(s.Key)], day, ReportAudience.Full))
                    .ToList();
                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(new { asOf = day, studies = reports.Select(RecruitmentSummary.Of) });
                }
                else
                {
                    RecruitmentView.Write(reports);
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command SeedDemo()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Seed the two years up to this date (yyyy-MM-dd; default today)" };
        var command = new Command("seed-demo", "Add fictional recruitment (three demo studies, sites, two years of accrual with a stalled site and a pandemic-style dip); seeds the demo trials first if the database has none") { asOf };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            if (parseResult.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
            {
                await Console.Error.WriteLineAsync($"error: --as-of '{text}' is not a date (yyyy-MM-dd)");
                return ExitCodes.BadInput;
            }

            var (trials, recruitment, location) = await OpenAsync(parseResult, cancellationToken);
            if (trials is null || recruitment is null)
            {
                return ExitCodes.BadInput;
            }

            await using (trials)
            await using (recruitment)
            {
                Console.Out.WriteLine($"Database: {location.Describe()}");
                if (await DemoTrialSet.SeedIfEmptyAsync(trials, cancellationToken) is { } seeded)
                {
                    Console.Out.WriteLine($"The database had no trials: seeded {seeded.New} demo trials (fictional, ids NCT99xxxxxx).");
                }

                recruitment.Actor = Actor;
                var workspace = await recruitment.LoadAsync(RecruitmentDemo.Studies, cancellationToken: cancellationToken);
                var reasons = new Dictionary<StudyKey, TrialAccess.Recruitment.Screening.CriterionReasons>();
                foreach (var study in RecruitmentDemo.Studies)
                {
                    reasons[study] = await TrialCriteriaReasons.ForAsync(trials, study, cancellationToken);
                }

                var filled = RecruitmentDemo.Fill(workspace, today, study => reasons[study]);
                if (filled.IsRefused)
                {
                    Console.Out.WriteLine(filled.Error);
                    return ExitCodes.Success;
                }

                await recruitment.SaveAsync(workspace, cancellationToken);
                foreach (var study in RecruitmentDemo.Studies)
                {
                    var participants = workspace.Participants(study).ToList();
                    Console.Out.WriteLine($"{study}: {workspace.Study(study)!.Sites.Count} sites, {participants.Count(p => p.RecruitedOn is not null)} recruited, {participants.Count} participants in the screening log");
                }

                Console.Out.WriteLine("See them with: recruitment report, or serve and open /recruitment");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>Opens the trials and the recruitment tables of the same database (upgrading the latter); nulls with a message when it cannot.</summary>
    private static async Task<(ITrialStore? Trials, RecruitmentStore? Recruitment, StoreLocation Location)> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (trials, location) = await StoreSession.OpenAsync(parseResult, cancellationToken);
        if (trials is null)
        {
            return (null, null, location);
        }

        try
        {
            return (trials, await RecruitmentStore.OpenAsync(location, TimeProvider.System, cancellationToken), location);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            await trials.DisposeAsync();
            await Console.Error.WriteLineAsync($"error: cannot open the recruitment tables in {location.Describe()}: {e.Message}");
            return (null, null, location);
        }
    }
}
