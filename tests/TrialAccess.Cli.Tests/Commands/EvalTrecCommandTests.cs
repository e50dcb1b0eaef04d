using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

/// <summary>eval trec end to end on the shared corpus and TREC 2021 (read in place).</summary>
public sealed class EvalTrecCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SharedDataFact]
    public async Task EvalTrec_JudgedProtocol_MeetsTheRankingAndSafetyTargets()
    {
        var db = _folder.File("trec.db");
        var ingest = await CliRunner.RunAsync("ingest", SharedData.PathTo("trials/ctgov-xml"), SharedData.PathTo("trials/ctgov-v2"), SharedData.PathTo("trials/trialgpt-format"), "--db", db);
        ingest.ExitCode.Should().Be(0, ingest.StdErr);
        string[] common = ["eval", "trec", "--topics", SharedData.PathTo("benchmarks/trec2021/topics2021.xml"), "--qrels", SharedData.PathTo("benchmarks/trec2021/qrels2021.txt"), "--protocol", "judged", "--format", "json", "--db", db];

        var bm25 = await CliRunner.RunAsync([.. common, "--ranker", "bm25"]);
        var full = await CliRunner.RunAsync([.. common, "--ranker", "full"]);

        bm25.ExitCode.Should().Be(0, bm25.StdErr);
        full.ExitCode.Should().Be(0, full.StdErr);
        using var baseline = JsonDocument.Parse(bm25.StdOut);
        using var matcher = JsonDocument.Parse(full.StdOut);
        baseline.RootElement.GetProperty("judgedPairsWithText").GetInt32().Should().Be(959);
        foreach (var measure in new[] { "ndcg@10", "p@10", "rr", "rprec", "recall@100" })
        {
            baseline.RootElement.GetProperty("mean").GetProperty(measure).GetDouble().Should().BeInRange(0, 1);
            matcher.RootElement.GetProperty("mean").GetProperty(measure).GetDouble().Should().BeInRange(0, 1);
        }

        var safety = matcher.RootElement.GetProperty("safety");
        safety.GetProperty("eligiblePairs").GetInt32().Should().BeGreaterThan(0);
        baseline.RootElement.TryGetProperty("safety", out _).Should().BeFalse("the baseline gives no verdicts");

        // Issue 5's acceptance on TREC 2021 (the development set).
        var ndcg = matcher.RootElement.GetProperty("mean").GetProperty("ndcg@10").GetDouble();
        ndcg.Should().BeGreaterThanOrEqualTo(0.75);
        ndcg.Should().BeGreaterThanOrEqualTo(baseline.RootElement.GetProperty("mean").GetProperty("ndcg@10").GetDouble() + 0.10);
        safety.GetProperty("falseExclusionRate").GetDouble().Should().BeLessThanOrEqualTo(0.05);
        safety.GetProperty("excludedCaughtRate").GetDouble().Should().BeGreaterThanOrEqualTo(0.40);
    }
}
