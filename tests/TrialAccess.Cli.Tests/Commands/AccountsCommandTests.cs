using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public class AccountsCommandTests
{
    [Fact]
    public async Task Add_WithRole_PrintsGeneratedPasswordOnceAndListShowsTheAccount()
    {
        using var folder = new TempFolder();
        var db = folder.File("accounts.db");

        var add = await CliRunner.RunAsync("accounts", "add", "first-admin", "--role", "administrator", "--display-name", "First Admin", "--db", db);
        var list = await CliRunner.RunAsync("accounts", "list", "--format", "json", "--db", db);

        add.ExitCode.Should().Be(0, add.StdErr);
        add.StdOut.Should().MatchRegex(@"Password \(shown once, store it now\): [A-Za-z0-9]{20}");
        list.ExitCode.Should().Be(0, list.StdErr);
        var account = JsonDocument.Parse(list.StdOut).RootElement.EnumerateArray().Single();
        account.GetProperty("userName").GetString().Should().Be("first-admin");
        account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("administrator");
        list.StdOut.Should().NotContain("passwordHash");
    }

    [Fact]
    public async Task Add_UnknownRole_IsBadInputNamingTheRole()
    {
        using var folder = new TempFolder();

        var add = await CliRunner.RunAsync("accounts", "add", "someone", "--role", "emperor", "--db", folder.File("accounts.db"));

        add.ExitCode.Should().Be(1);
        add.StdErr.Should().Contain("'emperor' is not a role");
    }
}
