using System.Text.Json;
using Microsoft.Data.Sqlite;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

/// <summary>
/// <c>pipeline seed-demo</c> and <c>pipeline report</c> through the built CLI. The report's counts are recomputed here
/// independently, with SQL and JSON parsing over the stored records (not with the domain's calculator).
/// </summary>
public class PipelineCommandTests
{
    [Fact]
    public async Task Report_OnTheDemoPortfolio_GivesCountsRecomputedFromTheRecords()
    {
        using var folder = new TempFolder();
        var db = folder.File("pipeline.db");

        var seed = await CliRunner.RunAsync("pipeline", "seed-demo", "--password", "a-long-demo-password", "--format", "json", "--db", db);
        var report = await CliRunner.RunAsync("pipeline", "report", "--format", "json", "--db", db);

        seed.ExitCode.Should().Be(0, seed.StdErr);
        var seeded = JsonDocument.Parse(seed.StdOut).RootElement;
        seeded.GetProperty("projects").GetInt32().Should().Be(30);
        seeded.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("role").GetString()).Distinct().Should().BeEquivalentTo(
            ["administrator", "secretariat", "chair", "committee-member", "assessor", "reviewer", "partner-organisation", "applicant"]);
        report.ExitCode.Should().Be(0, report.StdErr);
        var json = JsonDocument.Parse(report.StdOut).RootElement;

        var (byStage, intoTrials, reachedMarket, total) = Recompute(db);
        json.GetProperty("projects").GetInt32().Should().Be(total).And.Be(30);
        json.GetProperty("byStage").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()).Where(kv => kv.Value > 0)
            .Should().BeEquivalentTo(byStage);
        json.GetProperty("intoTrials").GetInt32().Should().Be(intoTrials);
        json.GetProperty("reachedMarket").GetInt32().Should().Be(reachedMarket).And.Be(2);
        json.GetProperty("attrition").GetArrayLength().Should().Be(9);
        json.GetProperty("timeInStage").EnumerateArray().Should().Contain(t => t.GetProperty("stage").GetString() == "nomination" && t.GetProperty("medianDays").GetDouble() > 0);
    }

    [Fact]
    public async Task SeedDemo_Twice_RefusesTheSecond()
    {
        using var folder = new TempFolder();
        var db = folder.File("pipeline.db");

        (await CliRunner.RunAsync("pipeline", "seed-demo", "--password", "a-long-demo-password", "--db", db)).ExitCode.Should().Be(0);
        var again = await CliRunner.RunAsync("pipeline", "seed-demo", "--password", "a-long-demo-password", "--db", db);

        again.ExitCode.Should().Be(1);
        again.StdErr.Should().Contain("already holds pipeline projects");
    }

    [Fact]
    public async Task SeedDemo_WithoutPassword_PrintsAGeneratedPasswordPerAccount()
    {
        using var folder = new TempFolder();

        var seed = await CliRunner.RunAsync("pipeline", "seed-demo", "--format", "json", "--db", folder.File("pipeline.db"));

        seed.ExitCode.Should().Be(0, seed.StdErr);
        var passwords = JsonDocument.Parse(seed.StdOut).RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("password").GetString()).ToList();
        passwords.Should().HaveCount(11).And.OnlyHaveUniqueItems().And.OnlyContain(p => p!.Length == 20);
    }

    /// <summary>Stage name by code, from the shipped stage definitions (the names the report uses).</summary>
    private static readonly Dictionary<string, string> StageNames = new()
    {
        ["nomination"] = "Nomination", ["internal-assessment"] = "Internal assessment", ["external-review"] = "External review",
        ["decision"] = "Committee decision", ["preclinical"] = "Preclinical (IND/CTA-enabling)", ["regulatory-submission"] = "Regulatory submission (CTA/IND)",
        ["phase-1"] = "Phase I", ["phase-2"] = "Early Phase II", ["hand-over"] = "Hand-over (out-licensed)",
    };

    private static (Dictionary<string, int> ByStage, int IntoTrials, int ReachedMarket, int Total) Recompute(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CurrentStage, Status, stage_history, MarketApprovalOn FROM pipeline_projects";
        using var reader = command.ExecuteReader();
        var byStage = new Dictionary<string, int>();
        int intoTrials = 0, market = 0, total = 0;
        string[] clinicalOrLater = ["phase-1", "phase-2", "hand-over"];
        while (reader.Read())
        {
            total++;
            if (reader.GetString(1) != "Stopped")
            {
                var name = StageNames[reader.GetString(0)];
                byStage[name] = byStage.GetValueOrDefault(name) + 1;
            }

            var history = JsonDocument.Parse(reader.GetString(2)).RootElement.EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
            if (history.Any(s => clinicalOrLater.Contains(s)))
            {
                intoTrials++;
            }

            if (!reader.IsDBNull(3))
            {
                market++;
            }
        }

        return (byStage, intoTrials, market, total);
    }
}
