using System.CommandLine;
using Spectre.Console;
using TrialAccess.Cli.Terminal;
using TrialAccess.Ingestion;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary><c>trials search</c> and <c>trials show</c>.</summary>
internal static class TrialsCommand
{
    public static Command Create() => new("trials", "Search and show stored trials") { Search(), Show() };

    private static Command Search()
    {
        var text = new Argument<string>("text") { Description = "Words to find in title, conditions, keywords, interventions, summary and criteria (all must occur)" };
        var status = new Option<string[]>("--status")
        {
            Description = "Keep trials with this overall status (RECRUITING, NOT_YET_RECRUITING, ...); repeatable",
            AllowMultipleArgumentsPerToken = true,
        };
        var phase = new Option<string[]>("--phase")
        {
            Description = "Keep trials in this phase (EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA); repeatable",
            AllowMultipleArgumentsPerToken = true,
        };
        var limit = new Option<int>("--limit") { Description = "Most results to print", DefaultValueFactory = _ => 20 };
        var format = CommonOptions.Format();
        var command = new Command("search", "Full-text search over the stored trials, ranked by relevance") { text, status, phase, limit, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var statuses = new List<RecruitmentStatus>();
            foreach (var value in parseResult.GetValue(status) ?? [])
            {
                if (!RegistryVocabulary.TryParseStatus(value, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"error: --status '{value}' is not a recruitment status (for example RECRUITING, NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING, COMPLETED)");
                    return ExitCodes.BadInput;
                }

                statuses.Add(parsed);
            }

            var phases = new List<TrialPhase>();
            foreach (var value in parseResult.GetValue(phase) ?? [])
            {
                if (!RegistryVocabulary.TryParsePhases(value, out var parsed) || parsed.Count == 0)
                {
                    await Console.Error.WriteLineAsync($"error: --phase '{value}' is not a phase (EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4 or NA)");
                    return ExitCodes.BadInput;
                }

                phases.AddRange(parsed);
            }

            var limitValue = parseResult.GetValue(limit);
            if (limitValue is < 1 or > 10_000)
            {
                await Console.Error.WriteLineAsync("error: --limit must be between 1 and 10000");
                return ExitCodes.BadInput;
            }

            var query = parseResult.GetValue(text)!;
            if (!query.Any(char.IsLetterOrDigit))
            {
                await Console.Error.WriteLineAsync("error: the search text has no words");
                return ExitCodes.BadInput;
            }

            var (store, _) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                var hits = await store.SearchAsync(new TrialSearchQuery(query, statuses, phases, limitValue), cancellationToken);
                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(new
                    {
                        Query = query,
                        Statuses = statuses.Select(s => s.ToApiName()),
                        Phases = phases.Select(p => p.ToApiName()),
                        Count = hits.Count,
                        Results = hits.Select((h, i) => new
                        {
                            Rank = i + 1,
                            h.NctId,
                            Title = h.BriefTitle,
                            Status = h.OverallStatus.ToApiName(),
                            Phases = h.Phases.Select(p => p.ToApiName()),
                            h.Conditions,
                            Score = Math.Round(h.Score, 4),
                        }),
                    });
                }
                else if (hits.Count == 0)
                {
                    Console.Out.WriteLine("No trial matches all of these words.");
                }
                else
                {
                    var table = new Table().AddColumns("#", "NCT id", "Status", "Phase", "Title");
                    for (var i = 0; i < hits.Count; i++)
                    {
                        var hit = hits[i];
                        table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), hit.NctId.Value, hit.OverallStatus.ToApiName(), hit.Phases.ToApiLabel(), TerminalText.Markup(hit.BriefTitle));
                    }

                    AnsiConsole.Write(table);
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("nct-id") { Description = "The trial's NCT id, for example NCT04280705" };
        var format = CommonOptions.Format();
        var command = new Command("show", "Show one stored trial") { id, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var trial = await StoreSession.FindTrialAsync(parseResult, parseResult.GetValue(id), cancellationToken);
            if (trial is null)
            {
                return ExitCodes.BadInput;
            }

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                Console.Out.WriteLine(TrialJson.Serialize(trial, indented: true));
            }
            else
            {
                TrialView.Write(trial);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
