using System.Diagnostics;
using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class CriteriaCommandTests : IAsyncLifetime
{
    private const string Patient = """
        {
          "birthDate": "1960-05-01",
          "sex": "male",
          "diagnoses": [ { "text": "lung adenocarcinoma", "oncoTreeCode": "LUAD", "stage": { "group": "IV", "metastatic": true } } ],
          "biomarkers": [ { "marker": "EGFR", "alteration": "L858R", "status": "positive" } ],
          "performanceStatuses": [ { "scale": "ecog", "value": 1 } ],
          "labResults": [ { "analyte": "ANC", "value": 1.8, "unit": "10^9/L" } ]
        }
        """;

    private readonly TempFolder _folder = new();

    private string Db => _folder.File("trials.db");

    private string PatientFile => _folder.File("patient.json");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(PatientFile, Patient);
        var seeded = await CliRunner.RunAsync("quickstart", "--db", Db);
        seeded.ExitCode.Should().Be(0, seeded.StdErr);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("ECOG performance status 0-1", "inclusion", "met")]
    [InlineData("ECOG 0", "inclusion", "not_met")]
    [InlineData("Platelets >= 100,000/mm3", "inclusion", "unknown")]
    [InlineData("Pregnant or breastfeeding", "exclusion", "not_met")]
    [InlineData("Activating EGFR mutation (exon 19 deletion or L858R)", "exclusion", "met")]
    public async Task Evaluate_OneCriterion_PrintsTheOutcomeWithEvidence(string criterion, string type, string outcome)
    {
        var result = await CliRunner.RunAsync("criteria", "evaluate", "--criterion", criterion, "--type", type, "--patient", PatientFile, "--today", "2026-11-22", "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("outcome").GetString().Should().Be(outcome);
        json.RootElement.GetProperty("constraints").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Evaluate_PatientOnStandardInput_IsRead()
    {
        var info = CliRunner.StartInfo("criteria", "evaluate", "--criterion", "Histologically confirmed NSCLC", "--patient", "-", "--format", "json");
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(Patient);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("outcome").GetString().Should().Be("met");
        json.RootElement.GetProperty("evidence").GetString().Should().Contain("LUAD");
    }

    [Fact]
    public async Task Evaluate_Batch_WritesOneLinePerInputInOneProcess()
    {
        var patient = JsonSerializer.Serialize(JsonDocument.Parse(Patient).RootElement);
        var batch = _folder.File("batch.jsonl");
        await File.WriteAllLinesAsync(batch,
        [
            $$"""{"id": "a", "criterion": "ECOG 0-1", "type": "inclusion", "patient": {{patient}}}""",
            $$"""{"id": 2, "criterion": "Known brain metastases", "type": "exclusion", "patient": {{patient}}}""",
            """{"id": "bad", "criterion": "ECOG 0-1"}""",
        ]);

        var result = await CliRunner.RunAsync("criteria", "evaluate", "--batch", batch);

        result.ExitCode.Should().Be(2, "one line is malformed");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(3);
        lines[0].GetProperty("id").GetString().Should().Be("a");
        lines[0].GetProperty("outcome").GetString().Should().Be("met");
        lines[1].GetProperty("id").GetInt32().Should().Be(2);
        lines[1].GetProperty("outcome").GetString().Should().Be("unknown");
        lines[2].GetProperty("outcome").GetString().Should().Be("error");
    }

    [Fact]
    public async Task Evaluate_NoteAsPatient_IsReadThroughIntake()
    {
        var note = _folder.File("note.txt");
        await File.WriteAllTextAsync(note, "58 yo man with NSCLC, ECOG 1");

        var result = await CliRunner.RunAsync("criteria", "evaluate", "--criterion", "ECOG 0-1", "--patient", note, "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("\"met\"");
    }

    [Fact]
    public async Task Evaluate_EmptyPatient_IsBadInput()
    {
        var empty = _folder.File("empty.txt");
        await File.WriteAllTextAsync(empty, "   ");

        var result = await CliRunner.RunAsync("criteria", "evaluate", "--criterion", "ECOG 0-1", "--patient", empty);

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("--patient");
    }

    [Fact]
    public async Task Stats_DemoDatabase_ReportsTypedShareAndCountsPerType()
    {
        var result = await CliRunner.RunAsync("criteria", "stats", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        root.GetProperty("trials").GetInt32().Should().Be(16);
        root.GetProperty("typedShare").GetDouble().Should().BeInRange(0, 1);
        root.GetProperty("criteriaByType").EnumerateObject().Should().NotBeEmpty();
        root.TryGetProperty("topUnparsed", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Show_StoredTrial_ListsEveryCriterionWithItsConstraints()
    {
        var result = await CliRunner.RunAsync("criteria", "show", "NCT99000001", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var criteria = json.RootElement.GetProperty("criteria").EnumerateArray().ToList();
        criteria.Should().NotBeEmpty();
        criteria.Should().OnlyContain(c => c.GetProperty("text").GetString()!.Length > 0 && (c.GetProperty("role").GetString() == "inclusion" || c.GetProperty("role").GetString() == "exclusion"));
    }
}
