using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("trials.db");

    private static string Study(string id, string date) => $$$"""
        {"protocolSection": {"identificationModule": {"nctId": "{{{id}}}", "briefTitle": "EGFR non-small cell lung cancer trial {{{id}}}"},
         "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "{{{date}}}"}},
         "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]},
         "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n* EGFR exon 19 deletion"} } }
        """;

    [Fact]
    public async Task Ingest_FolderWithBrokenFiles_ReportsThemByNameSkipsThemAndExitsWithPartialFailure()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "good.json"), $"[{Study("NCT90000001", "2024-01-01")}, {Study("NCT90000002", "2024-01-01")}]");
        await File.WriteAllTextAsync(Path.Combine(data, "truncated.json"), Study("NCT90000003", "2024-01-01")[..60]);
        var random = new byte[1000];
        new Random(1).NextBytes(random);
        random[0] = 0x01;
        await File.WriteAllBytesAsync(Path.Combine(data, "random.dat"), random);

        var first = await CliRunner.RunAsync("ingest", data, "--db", Db);

        first.ExitCode.Should().Be(2, first.StdErr);
        first.StdOut.Should().Contain("read 2, new 2, updated 0, unchanged 0, failed 2");
        first.StdErr.Should().Contain("truncated.json").And.Contain("random.dat");

        var second = await CliRunner.RunAsync("ingest", Path.Combine(data, "good.json"), "--db", Db, "--format", "json");
        second.ExitCode.Should().Be(0, second.StdErr);
        using var report = JsonDocument.Parse(second.StdOut);
        report.RootElement.GetProperty("unchanged").GetInt32().Should().Be(2);
        report.RootElement.GetProperty("new").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Ingest_MissingPath_IsBadInput()
    {
        var result = await CliRunner.RunAsync("ingest", _folder.File("nope"), "--db", Db);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("no such file or folder");
    }

    [Fact]
    public async Task Ingest_LaterVersion_IsCountedAsUpdated()
    {
        await File.WriteAllTextAsync(_folder.File("v1.json"), Study("NCT90000001", "2024-01-01"));
        await File.WriteAllTextAsync(_folder.File("v2.json"), Study("NCT90000001", "2024-03-01"));

        (await CliRunner.RunAsync("ingest", _folder.File("v1.json"), "--db", Db)).ExitCode.Should().Be(0);
        var result = await CliRunner.RunAsync("ingest", _folder.File("v2.json"), "--db", Db);

        result.StdOut.Should().Contain("read 1, new 0, updated 1, unchanged 0, failed 0");
    }
}
