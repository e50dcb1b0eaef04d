using System.CommandLine;
using System.Text.Json;
using TrialAccess.Cli.Commands;
using TrialAccess.Testing;
using TrialAccess.Testing.CtGovApi;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class IngestCtGovCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("trials.db");

    private static string Study(string id) => $$$"""
        {"protocolSection": {"identificationModule": {"nctId": "{{{id}}}", "briefTitle": "Lung cancer trial {{{id}}}"},
         "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": "2025-06-01"}},
         "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"]} } }
        """;

    [SharedDataFact]
    public async Task IngestCtGov_RecordedPages_StoresEveryStudyAndDbStatsCountsThem()
    {
        using var server = CtGovReplayServer.Start(CtGovReplayServer.StudiesFrom(SharedData.PathTo("trials/ctgov-v2/nsclc-100.json")), pageSize: 30);

        var ingest = await CliRunner.RunAsync(
            "ingest", "ctgov", "--condition", "non-small cell lung cancer", "--status", "RECRUITING,NOT_YET_RECRUITING",
            "--page-size", "30", "--base-url", server.BaseAddress.AbsoluteUri, "--db", Db);

        ingest.ExitCode.Should().Be(0, ingest.StdErr);
        ingest.StdOut.Should().Contain("read 100, new 100, updated 0, unchanged 0, failed 0");
        server.Requests.Select(r => r.Page).Should().Equal(1, 2, 3, 4);
        server.Requests.Should().OnlyContain(r =>
            r.Query["query.cond"] == "non-small cell lung cancer" && r.Query["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING" && r.Query["pageSize"] == "30");

        var stats = await CliRunner.RunAsync("db", "stats", "--format", "json", "--db", Db);
        stats.ExitCode.Should().Be(0, stats.StdErr);
        using var json = JsonDocument.Parse(stats.StdOut);
        json.RootElement.GetProperty("trials").GetInt64().Should().Be(100);
    }

    [Fact]
    public async Task IngestCtGov_ApiRejectsAPage_KeepsEarlierStudiesPrintsTheApiMessageAndExitsWithPartialFailure()
    {
        using var server = CtGovReplayServer.Start([Study("NCT90000001"), Study("NCT90000002"), Study("NCT90000003")], pageSize: 2);
        server.Script(2, new ReplayResponse(400, "pageToken: expired", "text/plain"));

        var result = await CliRunner.RunAsync(
            new Dictionary<string, string> { ["TRIALACCESS_CTGOV_URL"] = server.BaseAddress.AbsoluteUri },
            "ingest", "ctgov", "--condition", "lung cancer", "--page-size", "2", "--db", Db, "--format", "json");

        result.ExitCode.Should().Be(2, result.StdErr);
        result.StdErr.Should().Contain("failed: ctgov-api page 2: HTTP 400 (Bad Request): pageToken: expired");
        using var report = JsonDocument.Parse(result.StdOut);
        report.RootElement.GetProperty("new").GetInt32().Should().Be(2);
        report.RootElement.GetProperty("failed").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task IngestCtGov_UnknownStatus_IsBadInputAndSendsNoRequest()
    {
        using var server = CtGovReplayServer.Start([Study("NCT90000001")], pageSize: 2);

        var result = await CliRunner.RunAsync(
            "ingest", "ctgov", "--condition", "lung cancer", "--status", "RECRUITING", "RECRUTING", "--base-url", server.BaseAddress.AbsoluteUri, "--db", Db);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("--status 'RECRUTING' is not a recruitment status");
        server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ingest ctgov --condition x", "ctgov")]
    [InlineData("ingest somefolder", "ingest")]
    [InlineData("ingest ./ctgov", "ingest")]
    [InlineData("ingest a.json ctgov-archive.zip", "ingest")]
    public void Parse_IngestArguments_ChoosesTheLiveSourceOnlyForTheCtgovWord(string commandLine, string expectedCommand)
    {
        var root = new RootCommand { IngestCommand.Create() };

        var parsed = root.Parse(commandLine);

        parsed.Errors.Should().BeEmpty();
        parsed.CommandResult.Command.Name.Should().Be(expectedCommand);
    }
}
