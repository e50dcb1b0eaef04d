using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrialAccess.Cli.Demo;
using TrialAccess.Cli.Terminal;
using TrialAccess.Pipeline.Portfolio;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Pipeline.Demo;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>pipeline seed-demo</c>: a fictional portfolio with demo accounts for each role (passwords printed once, or
/// taken from <c>--password</c>); <c>pipeline report</c>: the portfolio figures over every project.
/// </summary>
internal static class PipelineCommand
{
    public static Command Create() => new("pipeline", "The early-phase drug-development pipeline") { SeedDemo(), Report() };

    private static Command SeedDemo()
    {
        var password = new Option<string?>("--password")
        {
            Description = "One password for every demo account (at least 12 characters); by default each gets a generated one, printed once",
        };
        var format = CommonOptions.Format();
        var command = new Command("seed-demo", "Seed a fictional portfolio of 30 agents, reviews, meetings and demo accounts (only into a database without projects)") { password, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (store, _) = await StoreSession.OpenAsync(parseResult, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            await using (store)
            {
                await DemoTrialSet.SeedIfEmptyAsync(store, cancellationToken);
            }

            await using var modules = await AccountsCommand.OpenAsync(parseResult, cancellationToken);
            if (modules is null)
            {
                return ExitCodes.BadInput;
            }

            var given = parseResult.GetValue(password);
            if (given is { Length: < 12 })
            {
                await Console.Error.WriteLineAsync("error: --password must have at least 12 characters");
                return ExitCodes.BadInput;
            }

            var seed = await PipelineDemo.SeedAsync(modules.Services, given, modules.Services.GetRequiredService<TimeProvider>(), cancellationToken);
            if (seed is null)
            {
                await Console.Error.WriteLineAsync($"error: {modules.Describe()} already holds pipeline projects; seed-demo only fills an empty pipeline");
                return ExitCodes.BadInput;
            }

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(seed);
                return ExitCodes.Success;
            }

            AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(modules.Describe())}[/]: {seed.Projects} projects, {seed.Reviews} reviews, {seed.Meetings} committee meetings.");
            AnsiConsole.MarkupLine("Demo accounts (fictional; never use them in a real deployment). " + (given is null ? "Passwords are shown once: store them now." : "Password: the one given."));
            var table = new Table().AddColumns("User name", "Name", "Role", "Organisation", "Password");
            foreach (var account in seed.Accounts)
            {
                table.AddRow(TerminalText.Markup(account.UserName), TerminalText.Markup(account.DisplayName), TerminalText.Markup(account.Role), TerminalText.Markup(account.Organisation ?? ""), TerminalText.Markup(given is null ? account.Password : "(given)"));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Report()
    {
        var format = CommonOptions.Format();
        var command = new Command("report", "The portfolio: projects by stage now, agents into trials, reached market, time in stage, attrition") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var modules = await AccountsCommand.OpenAsync(parseResult, cancellationToken);
            if (modules is null)
            {
                return ExitCodes.BadInput;
            }

            await using var scope = modules.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            var projects = await store.Projects.AsNoTracking().ToListAsync(cancellationToken);
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var report = PortfolioCalculator.Compute(projects, StageCatalog.Default, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(report);
                return ExitCodes.Success;
            }

            Write(report, modules.Describe());
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(PortfolioReport report, string database)
    {
        static string N(double? value) => value is null ? "-" : value.Value.ToString("0", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(database)}[/] as of {report.AsOf:yyyy-MM-dd}");
        AnsiConsole.MarkupLine($"projects: {report.Projects} (active {report.Active}, on hold {report.OnHold}, stopped {report.Stopped}, handed over {report.HandedOver}); into trials: {report.IntoTrials}; reached market: {report.ReachedMarket}; median days from nomination to decision: {N(report.MedianDaysNominationToDecision)} ({report.NominationsDecided} decided)");
        var stages = new Table().AddColumns("Stage", "Now", "Entered", "Advanced", "Stopped", "Attrition", "Median days in stage", "Reasons for stopping");
        foreach (var attrition in report.Attrition)
        {
            var time = report.TimeInStage.Single(t => t.Stage == attrition.Stage);
            stages.AddRow(
                TerminalText.Markup(attrition.Name),
                report.ByStage[attrition.Name].ToString(CultureInfo.InvariantCulture),
                attrition.Entered.ToString(CultureInfo.InvariantCulture),
                attrition.Advanced.ToString(CultureInfo.InvariantCulture),
                attrition.Stopped.ToString(CultureInfo.InvariantCulture),
                attrition.AttritionRate is { } rate ? rate.ToString("P0", CultureInfo.InvariantCulture) : "-",
                N(time.MedianDays),
                TerminalText.Markup(string.Join("; ", attrition.Reasons.Select(r => $"{r.Reason} ({r.Projects})"))));
        }

        AnsiConsole.Write(stages);
    }
}
