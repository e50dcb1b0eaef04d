using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Gold => Path.Combine(SharedData.RepositoryRoot, "tests", "TrialAccess.Core.Tests", "Patients", "Gold", "trec2021-facts.jsonl");

    [SharedDataFact]
    public async Task PatientFacts_GoldAnnotation_ReportsPrecisionAndRecallAboveTheFloors()
    {
        var result = await CliRunner.RunAsync("eval", "patient-facts", "--gold", Gold, "--topics", SharedData.PathTo("benchmarks/trec2021/topics2021.xml"), "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("topics").GetInt32().Should().BeGreaterThanOrEqualTo(40);
        json.RootElement.GetProperty("precision").GetDouble().Should().BeGreaterThanOrEqualTo(0.65, "the gold lists what the note lexicon reads; symptoms and general-medicine concepts read since count as extra (see GoldFactsTests)");
        json.RootElement.GetProperty("recall").GetDouble().Should().BeGreaterThanOrEqualTo(0.85);
        json.RootElement.GetProperty("byKind").EnumerateArray().Select(k => k.GetProperty("kind").GetString()).Should().Contain(["age", "sex", "lab", "condition"]);
    }

    [Fact]
    public async Task PatientFacts_TopicsGivenExplicitly_ScoresAgainstThem()
    {
        var topics = _folder.File("topics.xml");
        await File.WriteAllTextAsync(topics, "<topics><topic number=\"1\">A 58 yo woman with HTN.</topic></topics>");
        var gold = _folder.File("gold.jsonl");
        await File.WriteAllTextAsync(gold, "{\"topic\": 1, \"facts\": [{\"kind\": \"age\", \"value\": \"58\"}, {\"kind\": \"sex\", \"value\": \"female\"}, {\"kind\": \"condition\", \"value\": \"diabetes mellitus\"}]}\n");

        var result = await CliRunner.RunAsync("eval", "patient-facts", "--gold", gold, "--topics", topics, "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("truePositives").GetInt32().Should().Be(2);
        json.RootElement.GetProperty("falsePositives").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("falseNegatives").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task PatientFacts_BadGoldLine_IsBadInputNamingTheLine()
    {
        var gold = _folder.File("gold.jsonl");
        await File.WriteAllTextAsync(gold, "{\"facts\": []}\n");
        var topics = _folder.File("topics.xml");
        await File.WriteAllTextAsync(topics, "<topics><topic number=\"1\">x</topic></topics>");

        var result = await CliRunner.RunAsync("eval", "patient-facts", "--gold", gold, "--topics", topics);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("line 1: topic");
    }
}
