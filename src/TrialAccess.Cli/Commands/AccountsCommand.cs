using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrialAccess.Cli.Terminal;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Modules;

namespace TrialAccess.Cli.Commands;

/// <summary>
/// <c>accounts add</c> and <c>accounts list</c>: the accounts people sign in with (the first administrator of a real
/// deployment is made here). A generated password is printed once; <c>--password-stdin</c> reads one instead.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create() => new("accounts", "Accounts for signing in to the web app (staff, partners, reviewers)") { Add(), List() };

    private static Command Add()
    {
        var userName = new Argument<string>("user-name") { Description = "The name typed to sign in" };
        var roles = new Option<string[]>("--role") { Description = $"A role (repeatable): {string.Join(", ", Roles.Pipeline)}", AllowMultipleArgumentsPerToken = true };
        var displayName = new Option<string?>("--display-name") { Description = "The name shown to others (default: the user name)" };
        var email = new Option<string?>("--email") { Description = "E-mail address (optional)" };
        var resources = new Option<string[]>("--resource") { Description = "A resource claim kind:id (repeatable), e.g. site:12" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one" };
        var command = new Command("add", "Create an account; prints the generated password once") { userName, roles, displayName, email, resources, passwordStdin };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var claims = new List<(string, string)>();
            foreach (var resource in parseResult.GetValue(resources) ?? [])
            {
                var parts = resource.Split(':', 2);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    await Console.Error.WriteLineAsync($"error: --resource '{resource}' is not kind:id (for example site:12)");
                    return ExitCodes.BadInput;
                }

                claims.Add((parts[0], parts[1]));
            }

            string? password = null;
            if (parseResult.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
            }

            await using var modules = await OpenAsync(parseResult, cancellationToken);
            if (modules is null)
            {
                return ExitCodes.BadInput;
            }

            await using var scope = modules.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var name = parseResult.GetValue(userName)!;
            var creation = await accounts.CreateAsync(
                new NewAccount(name, parseResult.GetValue(displayName) ?? name, parseResult.GetValue(email), password, parseResult.GetValue(roles) ?? [], claims), cancellationToken);
            if (!creation.Succeeded)
            {
                foreach (var (field, messages) in creation.Errors)
                {
                    await Console.Error.WriteLineAsync($"error: {field}: {string.Join(" ", messages)}");
                }

                return ExitCodes.BadInput;
            }

            Console.Out.WriteLine($"Created {name} with roles: {string.Join(", ", parseResult.GetValue(roles) ?? [])}");
            if (password is null)
            {
                Console.Out.WriteLine($"Password (shown once, store it now): {creation.Password}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var format = CommonOptions.Format();
        var command = new Command("list", "List the accounts with their roles") { format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var modules = await OpenAsync(parseResult, cancellationToken);
            if (modules is null)
            {
                return ExitCodes.BadInput;
            }

            await using var scope = modules.Services.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ListAsync(cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(all);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("User name", "Display name", "Roles", "Resources");
            foreach (var account in all)
            {
                table.AddRow(TerminalText.Markup(account.UserName), TerminalText.Markup(account.DisplayName), TerminalText.Markup(string.Join(", ", account.Roles)), TerminalText.Markup(string.Join(", ", account.Resources)));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The module services on the command's database; "cannot open" becomes a message (null).</summary>
    internal static async Task<ModuleServices?> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = parseResult.GetValue(CommonOptions.Database);
        try
        {
            return await ModuleServices.OpenAsync(database, cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: cannot open {TrialAccess.Storage.TrialStoreFactory.Resolve(database).Describe()}: {e.Message}");
            return null;
        }
    }
}
