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
        await File.WriteAllTextAsync(_folder.File("note.txt"), "62 yo M with metastatic lung adenocarcinoma, EGFR exon 19 deletion, ECOG 1. No known brain mets. s/p 4 cycles of carboplatin/pemetrexed.");
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Match_NoteNearBoston_RanksEgfrLungTrialsFirstWithExplanations()
    {
        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("note.txt"), "--near", "Boston, MA", "--top", "5", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var trials = json.RootElement.GetProperty("trials").EnumerateArray().ToList();
        trials.Should().NotBeEmpty();
        trials[0].GetProperty("title").GetString().Should().Contain("EGFR");
        trials.Should().OnlyContain(t => t.GetProperty("nearestRecruitingSite").GetProperty("distanceKm").GetDouble() >= 0);
        trials.Should().Contain(t => t.GetProperty("nearestRecruitingSite").GetProperty("distanceKm").GetDouble() < 50, "the demo set has recruiting sites in Boston");
        trials[0].GetProperty("criteria").EnumerateArray().Should().Contain(c => c.GetProperty("outcome").GetString() == "met");
        trials.Should().OnlyContain(t => t.GetProperty("verdict").GetString() != "ineligible", "ineligible trials are hidden unless asked for");
        trials.Should().OnlyContain(t => t.GetProperty("status").GetString() == "RECRUITING");
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
