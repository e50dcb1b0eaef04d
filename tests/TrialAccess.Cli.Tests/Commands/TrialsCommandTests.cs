using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class TrialsCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    private string Db => _folder.File("trials.db");

    public async Task InitializeAsync()
    {
        var seeded = await CliRunner.RunAsync("quickstart", "--db", Db);
        seeded.ExitCode.Should().Be(0, seeded.StdErr);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Quickstart_EmptyDatabase_SeedsTheDemoSetOnce()
    {
        var again = await CliRunner.RunAsync("quickstart", "--db", Db);

        again.ExitCode.Should().Be(0);
        again.StdOut.Should().NotContain("seeded").And.Contain("Trials stored: 16");
    }

    [Fact]
    public async Task Search_RecruitingJson_ReturnsRankedTrialsMentioningEveryWord()
    {
        var result = await CliRunner.RunAsync("trials", "search", "EGFR non-small cell lung", "--status", "RECRUITING", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCountGreaterThanOrEqualTo(3);
        results.Should().OnlyContain(r => r.GetProperty("status").GetString() == "RECRUITING");
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToList();
        scores.Should().BeInDescendingOrder();
        results.Select(r => r.GetProperty("rank").GetInt32()).Should().Equal(Enumerable.Range(1, results.Count));
    }

    [Fact]
    public async Task Search_UnknownStatus_IsBadInput()
    {
        var result = await CliRunner.RunAsync("trials", "search", "lung", "--status", "OPEN", "--db", Db);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("--status 'OPEN' is not a recruitment status");
    }

    [Fact]
    public async Task Show_StoredTrialAsJson_PrintsTheRecord()
    {
        var result = await CliRunner.RunAsync("trials", "show", "nct99000001", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("nctId").GetString().Should().Be("NCT99000001");
        json.RootElement.GetProperty("eligibility").GetProperty("criteria").GetString().Should().Contain("Inclusion Criteria");
    }

    [Fact]
    public async Task Show_UnknownTrial_IsBadInput()
    {
        var result = await CliRunner.RunAsync("trials", "show", "NCT00000000", "--db", Db);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("NCT00000000 is not in the database");
    }

    [Fact]
    public async Task DbStats_Json_HasTrialsAtTopLevel()
    {
        var result = await CliRunner.RunAsync("db", "stats", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("trials").GetInt64().Should().Be(16);
        json.RootElement.GetProperty("byStatus").GetProperty("RECRUITING").GetInt64().Should().BeGreaterThan(0);
        json.RootElement.GetProperty("withCriteria").GetInt64().Should().Be(16);
    }
}
