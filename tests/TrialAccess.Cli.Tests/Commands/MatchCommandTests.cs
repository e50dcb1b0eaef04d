using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class MatchCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    private string Db => _folder.File("trials.db");

    public async Task InitializeAsync()
    {
        (await CliRunner.RunAsync("quickstart", "--db", Db)).ExitCode.Should().Be(0);
        await File.WriteAllTextAsync(_folder.File("note.txt"), "62 yo M with metastatic lung adenocarcinoma, EGFR exon 19 deletion, ECOG 1. No known brain mets. No prior treatment.");
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Match_NoteNearBoston_ListsRecruitingTrialsWithVerdictsDistancesAndCriteria()
    {
        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("note.txt"), "--near", "Boston, MA", "--top", "8", "--include-ineligible", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var trials = json.RootElement.GetProperty("trials").EnumerateArray().ToList();
        trials.Should().NotBeEmpty();
        trials.Should().OnlyContain(t => t.GetProperty("status").GetString() == "RECRUITING");
        var ineligibleLast = trials.Select(t => t.GetProperty("verdict").GetString() == "ineligible" ? 1 : 0).ToList();
        ineligibleLast.Should().BeInAscendingOrder("a recorded failure comes after every trial still open");
        var egfr = trials.Single(t => t.GetProperty("nctId").GetString() == "NCT99000001");
        egfr.GetProperty("nearestRecruitingSite").GetProperty("distanceKm").GetDouble().Should().BeLessThan(50, "the trial recruits in Boston");
        egfr.GetProperty("criteria").EnumerateArray().Should().Contain(c => c.GetProperty("outcome").GetString() == "met");
        egfr.GetProperty("matchedTerms").EnumerateArray().Select(t => t.GetString()).Should().Contain("egfr");
    }

    [Fact]
    public async Task Match_NearAUsZipCode_MeasuresFromItsCentre()
    {
        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("note.txt"), "--near", "02115", "--radius-km", "160", "--include-ineligible", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var trials = json.RootElement.GetProperty("trials").EnumerateArray().ToList();
        trials.Select(t => t.GetProperty("nctId").GetString()).Should().Contain("NCT99000001").And.NotContain("NCT99000002", "it recruits in Chicago and Seattle");
        trials.Single(t => t.GetProperty("nctId").GetString() == "NCT99000001").GetProperty("nearestRecruitingSite").GetProperty("distanceKm").GetDouble().Should().BeLessThan(10);
    }

    [Fact]
    public async Task Match_Default_HidesIneligibleTrialsAndSaysHowMany()
    {
        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("note.txt"), "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("trials").EnumerateArray().Should().OnlyContain(t => t.GetProperty("verdict").GetString() != "ineligible");
        json.RootElement.GetProperty("hiddenIneligible").GetInt32().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Match_EmptyNote_IsBadInput()
    {
        await File.WriteAllTextAsync(_folder.File("empty.txt"), "   ");

        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("empty.txt"), "--db", Db);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("--patient");
    }

    [Fact]
    public async Task Match_UnknownPlace_IsBadInput()
    {
        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("note.txt"), "--near", "Atlantis", "--db", Db);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("--near");
    }
}
