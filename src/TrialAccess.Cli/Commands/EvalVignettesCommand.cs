using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrialAccess.Cli.Patients;
using TrialAccess.Cli.Terminal;
using TrialAccess.Evaluation.Vignettes;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>eval vignettes</c>: matches each written patient case over the database, as <c>match</c> does, and checks the
/// properties its top 10 must have (on the right cancer; none for the wrong setting or population).
/// </summary>
internal static class EvalVignettesCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "The vignettes (JSON; format in tests/TrialAccess.Core.Tests/Evaluation/Vignettes/README.md)", Required = true };
        var anyStatus = new Option<bool>("--any-status")
        {
            Description = "Do not filter on recruitment status, as match --any-status (default true: the shared trials are mostly closed; --any-status false keeps recruiting trials only)",
            DefaultValueFactory = _ => true,
        };
        var requireAll = new Option<bool>("--require-all") { Description = "Exit with code 2 unless every vignette passes" };
        var ranker = RankerModels.RankerOption("full: the hand-written order; learned: the learned model's order (see --model), as match --ranker");
        var model = EvalCommand.ModelOption();
        var format = CommonOptions.Format();
        var command = new Command("vignettes", "Check the top 10 trials of written patient cases: on the right cancer, none for the wrong setting or population")
        {
            file, anyStatus, requireAll, ranker, model, format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var suiteFile = parseResult.GetValue(file)!;
            if (!suiteFile.Exists)
            {
                await Console.Error.WriteLineAsync($"error: no such file: {suiteFile.FullName}");
                return ExitCodes.BadInput;
            }

            var (vignettes, suiteError) = VignetteSuite.Parse(await File.ReadAllTextAsync(suiteFile.FullName, cancellationToken));
            if (vignettes is null)
            {
                await Console.Error.WriteLineAsync($"error: {suiteFile.Name}: {suiteError}");
                return ExitCodes.BadInput;
            }

            var patients = new List<(Vignette Vignette, TrialAccess.Patients.PatientProfile Patient)>();
            foreach (var vignette in vignettes)
            {
                var (patient, error) = PatientInput.Read(vignette.Note);
                if (patient is null)
                {
                    await Console.Error.WriteLineAsync($"error: {suiteFile.Name}: {vignette.Id}: {error}");
                    return ExitCodes.BadInput;
                }

                patients.Add((vignette, patient));
            }

            var (modelLoaded, relevanceModel) = await RankerModels.SelectAsync(parseResult.GetValue(ranker), parseResult.GetValue(model));
            if (!modelLoaded)
            {
                return ExitCodes.BadInput;
            }

            if (await StoreSession.ReadAllTrialsAsync(parseResult, cancellationToken) is not { } trials)
            {
                return ExitCodes.BadInput;
            }

            var stored = trials.ToDictionary(t => t.NctId);
            var matcher = new TrialMatcher(TrialCatalog.Build(trials), (id, _) => ValueTask.FromResult(stored.GetValueOrDefault(id)), TimeProvider.System, model: relevanceModel);
            var filters = new MatchFilters { RecruitingOnly = !parseResult.GetValue(anyStatus) };
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var checker = new VignetteChecker(OncologyVocabulary.BuiltIn.CancerTypes);
            var outcomes = new List<VignetteOutcome>();
            foreach (var (vignette, patient) in patients)
            {
                var result = await matcher.MatchAsync(
                    new MatchRequest { Patient = patient, Note = vignette.Note, Top = VignetteSuite.Top, IncludeIneligible = false, Filters = filters },
                    cancellationToken);
                var corpus = trials.Where(t => TrialFilter.Passes(t, patient, filters, today));
                outcomes.Add(checker.Check(vignette, [.. result.Trials.Select(m => m.Trial)], corpus));
            }

            Print(outcomes, trials.Count, parseResult.GetValue(format));
            return parseResult.GetValue(requireAll) && outcomes.Any(o => !o.Passed) ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(IReadOnlyList<VignetteOutcome> outcomes, int trialsInDatabase, OutputFormat format)
    {
        var passed = outcomes.Count(o => o.Passed);
        if (format == OutputFormat.Json)
        {
            CliJson.Write(new
            {
                TrialsInDatabase = trialsInDatabase,
                Vignettes = outcomes.Count,
                Passed = passed,
                PassRate = Math.Round((double)passed / outcomes.Count, 4),
                Results = outcomes.Select(o => new
                {
                    o.Id,
                    o.Passed,
                    o.Shown,
                    o.OnTarget,
                    o.OnTargetRequired,
                    o.OnTargetInCorpus,
                    Violations = o.Violations.Select(v => new { NctId = v.Trial.ToString(), v.Rank, v.Title, v.Property }),
                    o.UnenforcedMarkers,
                }),
            });
            return;
        }

        foreach (var outcome in outcomes)
        {
            var verdict = outcome.Passed ? "[green]pass[/]" : "[red]FAIL[/]";
            AnsiConsole.MarkupLine($"{verdict} {TerminalText.Markup(outcome.Id)}: {outcome.OnTarget} of {outcome.Shown} on target (at least {outcome.OnTargetRequired}; {outcome.OnTargetInCorpus} on target in the corpus)");
            foreach (var violation in outcome.Violations.Where(v => !outcome.Passed || v.Property != VignetteChecker.OnTargetProperty))
            {
                AnsiConsole.MarkupLine(TerminalText.Markup($"    #{violation.Rank} {violation.Trial} {violation.Property}: {violation.Title}"));
            }

            if (outcome.UnenforcedMarkers.Count > 0)
            {
                AnsiConsole.MarkupLine(TerminalText.Markup($"    not enforced (every on-target trial carries it): {string.Join("; ", outcome.UnenforcedMarkers)}"));
            }
        }

        AnsiConsole.MarkupLine(TerminalText.Markup($"{passed} of {outcomes.Count} vignettes pass ({((double)passed / outcomes.Count).ToString("0.0%", CultureInfo.InvariantCulture)}) over {trialsInDatabase} trials"));
    }
}
