using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

/// <summary><c>recruitment import|report|seed-demo</c> through the real command line, on SQLite and PostgreSQL.</summary>
public class RecruitmentCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    public static TheoryData<string> Engines()
    {
        var engines = new TheoryData<string> { "sqlite" };
        if (TestPostgres.AdminConnectionString is not null || TestPostgres.IsCi)
        {
            engines.Add("postgres");
        }

        return engines;
    }

    private async Task<(string Db, IAsyncDisposable? Owner)> DatabaseAsync(string engine)
    {
        if (engine == "sqlite")
        {
            return (_folder.File("recruitment.db"), null);
        }

        var database = await TestPostgres.CreateDatabaseAsync();
        return (database.ConnectionString, database);
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private const string Sites = """
        study_id,study_title,study_target,recruitment_start,target_end_date,site_id,site_name,site_target,opened
        NCT99000001,A fictional lung cancer study,20,2024-01-01,2024-12-31,A1,Site A,10,2024-01-01
        NCT99000001,,,,,B2,Site B,10,2024-03-01
        """;

    private const string Accrual = """
        study_id,site_id,subject_id,recruited_on,age_band,sex
        NCT99000001,A1,A-01,2024-02-01,50-59,female
        NCT99000001,A1,A-02,2024-03-01,60-69,male
        NCT99000001,B2,B-01,2024-03-10,not a band,male
        NCT99000001,B2,B-02,2024-04-10,40-49,female
        """;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Import_LogsWithABadRow_KeepsTheRestReportsTheRowAndExitsWith2(string engine)
    {
        var (db, owner) = await DatabaseAsync(engine);
        await using var _ = owner;
        var sites = Write("sites.csv", Sites);
        var accrual = Write("accrual.csv", Accrual);

        var first = await CliRunner.RunAsync("recruitment", "import", sites, accrual, "--db", db);
        var again = await CliRunner.RunAsync("recruitment", "import", accrual, "--db", db, "--format", "json");

        first.ExitCode.Should().Be(2, first.StdErr);
        first.StdOut.Should().Contain("sites.csv: sites log, 2 rows read, 2 changed, 0 unchanged, 0 failed")
            .And.Contain("accrual.csv: accrual log, 4 rows read, 3 changed, 0 unchanged, 1 failed");
        first.StdErr.Should().Contain($"failed: {accrual}: line 4, column age_band: 'not a band' is not an age band").And.Contain("progress:");
        using var json = JsonDocument.Parse(again.StdOut);
        var report = json.RootElement[0];
        report.GetProperty("changed").GetInt32().Should().Be(0, "importing the same file twice changes nothing");
        report.GetProperty("unchanged").GetInt32().Should().Be(3);
        report.GetProperty("errors")[0].GetProperty("line").GetInt32().Should().Be(4);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Report_Json_GivesEachStudysFiguresSitesAndAlerts(string engine)
    {
        var (db, owner) = await DatabaseAsync(engine);
        await using var _ = owner;
        await CliRunner.RunAsync("recruitment", "import", Write("sites.csv", Sites), Write("accrual.csv", Accrual), "--db", db);

        var output = await CliRunner.RunAsync("recruitment", "report", "--trial", "NCT99000001", "--as-of", "2024-07-01", "--format", "json", "--db", db);

        output.ExitCode.Should().Be(0, output.StdErr);
        using var json = JsonDocument.Parse(output.StdOut);
        var study = json.RootElement.GetProperty("studies").EnumerateArray().Single();
        study.GetProperty("id").GetString().Should().Be("NCT99000001");
        study.GetProperty("target").GetInt32().Should().Be(20);
        study.GetProperty("recruited").GetInt32().Should().Be(3);
        // 3 of 20 at 182 of 365 days: (0.15 / 0.49863) - 1 = -0.6992.
        study.GetProperty("rtt").GetDouble().Should().BeApproximately((0.15 / (182.0 / 365)) - 1, 1e-9);
        study.GetProperty("screenFailureRate").GetDouble().Should().Be(0);
        study.GetProperty("sites").GetArrayLength().Should().Be(2);
        study.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Should().Contain("BelowTargetPace");
    }

    [Fact]
    public async Task Report_UnknownStudyOrBadDate_ExitsWith1()
    {
        var db = _folder.File("empty.db");

        (await CliRunner.RunAsync("recruitment", "report", "--trial", "NCT99000099", "--db", db)).StdErr.Should().Contain("NCT99000099 is not a monitored study");
        (await CliRunner.RunAsync("recruitment", "report", "--as-of", "1/2/2024", "--db", db)).ExitCode.Should().Be(1);
        (await CliRunner.RunAsync("recruitment", "import", _folder.File("missing.csv"), "--db", db)).StdErr.Should().Contain("no such file");
    }

    [Fact]
    public async Task Import_HeaderThatRepeatsAColumn_ReportsItAndExitsWith1()
    {
        var db = _folder.File("repeated.db");
        var log = Write("repeated.csv", "a,a\n1,2\n");

        var output = await CliRunner.RunAsync("recruitment", "import", log, "--db", db);

        output.ExitCode.Should().Be(1, output.StdErr);
        output.StdErr.Should().Contain($"failed: {log}: line 1, column a: The header names the column 'a' more than once");
    }

    [Fact]
    public async Task SeedDemo_AddsThreeStudiesOnceWithAStalledSite()
    {
        var db = _folder.File("demo.db");

        var seeded = await CliRunner.RunAsync("recruitment", "seed-demo", "--as-of", "2026-06-15", "--db", db);
        var twice = await CliRunner.RunAsync("recruitment", "seed-demo", "--db", db);
        var report = await CliRunner.RunAsync("recruitment", "report", "--as-of", "2026-06-15", "--format", "json", "--db", db);

        seeded.ExitCode.Should().Be(0, seeded.StdErr);
        seeded.StdOut.Should().Contain("seeded 16 demo trials").And.Contain("NCT99000005: 5 sites");
        twice.StdOut.Should().Contain("is already monitored: the demo recruitment is seeded once.");
        using var json = JsonDocument.Parse(report.StdOut);
        var studies = json.RootElement.GetProperty("studies").EnumerateArray().ToList();
        studies.Select(s => s.GetProperty("id").GetString()).Should().Equal("NCT99000001", "NCT99000005", "pipeline:P-0007");
        var breast = studies[1];
        breast.GetProperty("alerts").EnumerateArray().Should().Contain(a => a.GetProperty("kind").GetString() == "AccrualDrop" && a.GetProperty("site").GetString() == "FRBO", "the stalled site");
        breast.GetProperty("alerts").EnumerateArray().Should().Contain(a => a.GetProperty("kind").GetString() == "NoFirstParticipant" && a.GetProperty("site").GetString() == "TOH");
        studies[2].GetProperty("alerts").EnumerateArray().Should().Contain(a => a.GetProperty("kind").GetString() == "ProjectedPastTargetEnd");
    }
}
