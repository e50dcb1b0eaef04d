using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Terminal;
using TrialAccess.Eligibility.Quality;
using TrialAccess.Registry.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary><c>eval criteria</c>: precision and recall of the criteria parser on a gold set.</summary>
internal static class EvalCriteriaCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "The gold set (JSON Lines of references and expected constraints)", Required = true };
        var trials = new Option<string[]>("--trials")
        {
            Description = "Trial files or folders to read the criteria text from (default: ../shared/data/trials)",
            AllowMultipleArgumentsPerToken = true,
        };
        var vocab = CriteriaCommand.VocabularyOption();
        var misses = new Option<bool>("--misses") { Description = "List every criterion where parser and label disagree" };
        var format = CommonOptions.Format();
        var command = new Command("criteria", "Precision and recall of the criteria parser on a gold set") { gold, trials, vocab, misses, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parser = CriteriaCommand.ParserFor(parseResult.GetValue(vocab), out var vocabError);
            if (vocabError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {vocabError}");
                return ExitCodes.BadInput;
            }

            IReadOnlyList<GoldCriterion> entries;
            try
            {
                using var reader = new StreamReader(parseResult.GetValue(gold)!);
                entries = CriteriaGoldSet.Read(reader);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                await Console.Error.WriteLineAsync($"error: cannot read --gold: {e.Message}");
                return ExitCodes.BadInput;
            }

            var found = await ReadTrialsAsync(parseResult.GetValue(trials), entries.Select(e => e.NctId), cancellationToken);
            if (found is null)
            {
                return ExitCodes.BadInput;
            }

            var report = CriteriaGoldSet.Score(entries, found, parser);
            var showMisses = parseResult.GetValue(misses);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(new
                {
                    report.Criteria,
                    report.Trials,
                    report.Overall.Precision,
                    report.Overall.Recall,
                    ByType = report.ByType.ToDictionary(kv => kv.Key, kv => new { kv.Value.Precision, kv.Value.Recall, kv.Value.Predicted, kv.Value.Expected }),
                    report.Unresolved,
                    Misses = showMisses ? report.Misses : null,
                });
            }
            else
            {
                AnsiConsole.MarkupLine($"criteria: {report.Criteria} from {report.Trials} trials; precision {report.Overall.Precision:P1}, recall {report.Overall.Recall:P1}");
                var table = new Table().AddColumns("Type", "Precision", "Recall", "Predicted", "Expected");
                foreach (var (type, score) in report.ByType)
                {
                    table.AddRow(type, score.Precision.ToString("P1", CultureInfo.InvariantCulture), score.Recall.ToString("P1", CultureInfo.InvariantCulture), score.Predicted.ToString(CultureInfo.InvariantCulture), score.Expected.ToString(CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
                foreach (var problem in report.Unresolved)
                {
                    AnsiConsole.MarkupLine($"[yellow]unresolved[/] {TerminalText.Markup(problem)}");
                }

                if (showMisses)
                {
                    foreach (var miss in report.Misses)
                    {
                        AnsiConsole.MarkupLine(TerminalText.Markup($"{miss.NctId} {miss.Position}: missing {string.Join(", ", miss.Missing)}; extra {string.Join(", ", miss.Extra)}"));
                    }
                }
            }

            return report.Unresolved.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    /// <summary>
    /// Every version of the wanted trials found in the given files or folders (default: ../shared/data/trials), keyed by
    /// id; null (with the reason on standard error) when a path does not exist.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<NctId, IReadOnlyList<ClinicalTrial>>?> ReadTrialsAsync(string[]? paths, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var (files, missing) = TrialSources.Expand(paths is { Length: > 0 } given ? given : [Path.Combine("..", "shared", "data", "trials")]);
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"error: not found: {string.Join(", ", missing)}");
            return null;
        }

        var found = new Dictionary<NctId, List<ClinicalTrial>>();
        foreach (var file in files.Where(f => !f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || wanted.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            await foreach (var read in TrialSources.ReadFileAsync(file, cancellationToken))
            {
                if (read.Trial is { } trial && wanted.Contains(trial.NctId.Value))
                {
                    if (!found.TryGetValue(trial.NctId, out var list))
                    {
                        found[trial.NctId] = list = [];
                    }

                    list.Add(trial);
                }
            }
        }

        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ClinicalTrial>)kv.Value);
    }
}
