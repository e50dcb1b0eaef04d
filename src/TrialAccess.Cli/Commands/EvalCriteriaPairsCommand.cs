using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Patients;
using TrialAccess.Cli.Terminal;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Quality;
using TrialAccess.Patients;
using TrialAccess.Patients.Evaluation;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>eval criteria-pairs</c>: the eligibility engine, one criterion at a time, against labelled (patient, criterion)
/// pairs: accuracy overall, per class and per outcome, and wrongful exclusions.
/// </summary>
internal static class EvalCriteriaPairsCommand
{
    public static Command Create()
    {
        var gold = new Option<string[]>("--gold")
        {
            Description = "Labelled pairs (JSON Lines of references and labels); repeat or list several files to score them together",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var topics = new Option<string?>("--topics") { Description = $"TREC topics XML, the patients (default: {EvalPatientFactsCommand.DefaultTopicsPath} beside the repository root)" };
        var trials = new Option<string[]>("--trials")
        {
            Description = "Trial files or folders to read the criteria text from (default: ../shared/data/trials)",
            AllowMultipleArgumentsPerToken = true,
        };
        var vocab = CriteriaCommand.VocabularyOption();
        var today = new Option<DateOnly?>("--today") { Description = "The evaluation date (default: today)" };
        var misses = new Option<bool>("--misses") { Description = "List every pair where engine and label disagree (development sets only)" };
        var all = new Option<bool>("--all") { Description = "With --format json: list every pair with the engine's answer beside the label (development sets only)" };
        var format = CommonOptions.Format();
        var command = new Command("criteria-pairs", "Accuracy of the eligibility engine on labelled (patient, criterion) pairs") { gold, topics, trials, vocab, today, misses, all, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parser = CriteriaCommand.ParserFor(parseResult.GetValue(vocab), out var vocabError);
            if (vocabError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {vocabError}");
                return ExitCodes.BadInput;
            }

            var pairs = new List<GoldPair>();
            foreach (var path in parseResult.GetValue(gold)!)
            {
                try
                {
                    using var reader = new StreamReader(path);
                    pairs.AddRange(CriterionPairGold.Read(reader));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
                {
                    await Console.Error.WriteLineAsync($"error: cannot read --gold '{path}': {e.Message}");
                    return ExitCodes.BadInput;
                }
            }

            var topicsPath = parseResult.GetValue(topics) ?? EvalPatientFactsCommand.FindDefaultTopics();
            if (topicsPath is null || !File.Exists(topicsPath))
            {
                await Console.Error.WriteLineAsync($"error: topics file not found ({topicsPath ?? EvalPatientFactsCommand.DefaultTopicsPath}); pass --topics");
                return ExitCodes.BadInput;
            }

            var patients = new Dictionary<int, PatientProfile>();
            foreach (var (number, text) in FactEvaluation.ParseTopics(await File.ReadAllTextAsync(topicsPath, cancellationToken)))
            {
                if (PatientInput.Intake.Read(text).Profile is { } profile)
                {
                    patients[number] = profile;
                }
            }

            var found = await EvalCriteriaCommand.ReadTrialsAsync(parseResult.GetValue(trials), pairs.Select(p => p.NctId), cancellationToken);
            if (found is null)
            {
                return ExitCodes.BadInput;
            }

            var context = parseResult.GetValue(today) is { } date ? new EvaluationContext(date, parser.Vocabulary) : EvaluationContext.From(TimeProvider.System) with { Vocabulary = parser.Vocabulary };
            var report = CriterionPairGold.Score(pairs, patients, found, parser, context);
            Print(report, parseResult.GetValue(misses), parseResult.GetValue(all), parseResult.GetValue(format));
            foreach (var problem in report.Unresolved)
            {
                await Console.Error.WriteLineAsync($"warning: unresolved {problem}");
            }

            return report.Unresolved.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    private static void Print(PairReport report, bool misses, bool all, OutputFormat format)
    {
        static object Score(PairScore s) => new { s.Pairs, s.Agreed, s.Accuracy };
        if (format == OutputFormat.Json)
        {
            CliJson.Write(new
            {
                report.Overall.Pairs,
                report.Overall.Accuracy,
                report.WrongfulExclusions,
                report.WrongfulExclusionRate,
                BasisAgreed = report.BasisAgreed,
                ByClass = report.ByClass.ToDictionary(c => c.Key, c => Score(c.Value)),
                ByOutcome = report.ByOutcome.ToDictionary(c => c.Key, c => Score(c.Value)),
                report.Confusion,
                Unresolved = report.Unresolved.Count,
                Misses = misses ? report.Misses : null,
                Results = all ? report.Results : null,
            });
            return;
        }

        AnsiConsole.MarkupLine(TerminalText.Markup($"pairs: {report.Overall.Pairs}; accuracy {F(report.Overall.Accuracy)}; wrongful exclusions {report.WrongfulExclusions} ({F(report.WrongfulExclusionRate)}); basis also agrees on {report.BasisAgreed} of {report.Overall.Agreed}"));
        var table = new Table().AddColumns("Group", "Pairs", "Agreed", "Accuracy");
        foreach (var (name, score) in report.ByClass.Select(c => ($"class {c.Key}", c.Value)).Concat(report.ByOutcome.Select(o => ($"label {o.Key}", o.Value))))
        {
            table.AddRow(TerminalText.Markup(name), score.Pairs.ToString(CultureInfo.InvariantCulture), score.Agreed.ToString(CultureInfo.InvariantCulture), F(score.Accuracy));
        }

        AnsiConsole.Write(table);
        if (misses)
        {
            foreach (var miss in report.Misses)
            {
                AnsiConsole.MarkupLine(TerminalText.Markup($"topic {miss.Topic} {miss.NctId} {miss.Role} [{miss.Class}] expected {miss.Expected}/{miss.ExpectedBasis}, engine {miss.Given}/{miss.GivenBasis}: {miss.Criterion.ReplaceLineEndings(" ")} | {miss.Evidence} | label: {miss.Why}"));
            }
        }
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
