using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Terminal;
using TrialAccess.Patients.Evaluation;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Cli.Commands;

/// <summary><c>eval patient-facts</c>: scores the note reader against a gold annotation of the TREC 2021 topics.</summary>
internal static class EvalPatientFactsCommand
{
    /// <summary>Where the TREC 2021 topics are looked for when --topics is not given, relative to the repository root.</summary>
    public const string DefaultTopicsPath = "../shared/data/benchmarks/trec2021/topics2021.xml";

    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold annotation (JSON lines: {\"topic\": n, \"facts\": [{\"kind\", \"value\", \"certainty\"}]})", Required = true };
        var topics = new Option<string?>("--topics") { Description = $"TREC topics XML (default: {DefaultTopicsPath} beside the repository root)" };
        var format = CommonOptions.Format();
        var command = new Command("patient-facts", "Precision and recall of facts read from the TREC 2021 topics against a gold annotation") { gold, topics, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var goldPath = parseResult.GetValue(gold)!;
            var topicsPath = parseResult.GetValue(topics) ?? FindDefaultTopics();
            if (!File.Exists(goldPath))
            {
                await Console.Error.WriteLineAsync($"error: gold file '{goldPath}' does not exist");
                return ExitCodes.BadInput;
            }

            if (topicsPath is null || !File.Exists(topicsPath))
            {
                await Console.Error.WriteLineAsync($"error: topics file not found ({topicsPath ?? DefaultTopicsPath}); pass --topics");
                return ExitCodes.BadInput;
            }

            var (goldTopics, errors) = FactEvaluation.ParseGold(await File.ReadAllTextAsync(goldPath, cancellationToken));
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    await Console.Error.WriteLineAsync($"error: {goldPath}: {e}");
                }

                return ExitCodes.BadInput;
            }

            var topicTexts = FactEvaluation.ParseTopics(await File.ReadAllTextAsync(topicsPath, cancellationToken));
            if (topicTexts.Count == 0)
            {
                await Console.Error.WriteLineAsync($"error: {topicsPath} has no <topic number=\"...\"> elements");
                return ExitCodes.BadInput;
            }

            var report = FactEvaluation.Evaluate(goldTopics, topicTexts, NoteReader.Extract);
            var missing = goldTopics.Count - report.Topics;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(new
                {
                    report.Topics,
                    Facts = report.Overall.TruePositives + report.Overall.FalseNegatives,
                    Precision = Math.Round(report.Overall.Precision, 4),
                    Recall = Math.Round(report.Overall.Recall, 4),
                    F1 = Math.Round(report.Overall.F1, 4),
                    report.Overall.TruePositives,
                    report.Overall.FalsePositives,
                    report.Overall.FalseNegatives,
                    ByKind = report.ByKind.Select(k => new { k.Kind, k.TruePositives, k.FalsePositives, k.FalseNegatives, Precision = Math.Round(k.Precision, 4), Recall = Math.Round(k.Recall, 4) }),
                    Differences = report.Differences.Select(d => new { d.Topic, Extra = d.Extra.Select(f => f.ToString()), Missed = d.Missed.Select(f => f.ToString()) }),
                });
            }
            else
            {
                var table = new Table().AddColumns("Kind", "TP", "FP", "FN", "Precision", "Recall");
                foreach (var k in report.ByKind.Append(report.Overall))
                {
                    table.AddRow(k.Kind, Count(k.TruePositives), Count(k.FalsePositives), Count(k.FalseNegatives), k.Precision.ToString("P1", CultureInfo.InvariantCulture), k.Recall.ToString("P1", CultureInfo.InvariantCulture));
                }

                Console.Out.WriteLine($"Topics scored: {report.Topics}");
                AnsiConsole.Write(table);
            }

            if (missing > 0)
            {
                await Console.Error.WriteLineAsync($"warning: {missing} gold topic(s) are not in {topicsPath}");
                return ExitCodes.PartialFailure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string? FindDefaultTopics()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrialAccess.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, DefaultTopicsPath));
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrialAccess.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, DefaultTopicsPath));
            }
        }

        return null;
    }
}
