using System.CommandLine;
using Spectre.Console;
using TrialAccess.Cli.Terminal;

namespace TrialAccess.Cli.Commands;

/// <summary><c>db stats</c>: what the database holds.</summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "Inspect the database") { Stats() };

    private static Command Stats()
    {
        var format = CommonOptions.Format();
        var command = new Command("stats", "Counts of trials, by overall status and by phase, and of trials with criteria") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (store, location) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                var stats = await store.GetStatisticsAsync(cancellationToken);
                if (parseResult.GetValue(format) == OutputFormat.Json)
                {
                    CliJson.Write(stats);
                    return ExitCodes.Success;
                }

                AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(location.Describe())}[/]");
                AnsiConsole.MarkupLine($"trials: {stats.Trials}, with criteria: {stats.WithCriteria}, sites: {stats.Sites}");
                var table = new Table().AddColumns("Overall status", "Trials");
                foreach (var (status, count) in stats.ByStatus.OrderByDescending(kv => kv.Value))
                {
                    table.AddRow(status, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                var phases = new Table().AddColumns("Phase", "Trials");
                foreach (var (phase, count) in stats.ByPhase.OrderByDescending(kv => kv.Value))
                {
                    phases.AddRow(phase, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(new Columns(table, phases));
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
