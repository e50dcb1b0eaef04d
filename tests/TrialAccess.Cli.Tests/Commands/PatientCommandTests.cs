using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public sealed class PatientCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string content)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Extract_NoteAsJson_PrintsFactsWithSpans()
    {
        var note = Write("note.txt", "58 yo F with NSCLC, EGFR exon 19 del. ECOG 1. No known brain mets. Mother with breast ca.");

        var result = await CliRunner.RunAsync("patient", "extract", note, "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("kind").GetString().Should().Be("Note");
        var profile = json.RootElement.GetProperty("profile");
        profile.GetProperty("age").GetProperty("value").GetDecimal().Should().Be(58);
        profile.GetProperty("age").GetProperty("span").GetProperty("start").GetInt32().Should().Be(0);
        profile.GetProperty("sex").GetProperty("value").GetString().Should().Be("Female");
        var brain = profile.GetProperty("metastases").EnumerateArray().Single();
        brain.GetProperty("certainty").GetString().Should().Be("Negated");
        brain.GetProperty("span").GetProperty("length").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Extract_Table_ListsEveryFactWithItsSource()
    {
        var note = Write("note.txt", "45-year-old man with HTN s/p 4 cycles of carboplatin");

        var result = await CliRunner.RunAsync("patient", "extract", note);

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("Read as: Note").And.Contain("hypertension").And.Contain("carboplatin").And.Contain("\"HTN\"");
    }

    [Fact]
    public async Task Extract_StandardInput_ReadsTheNote()
    {
        var info = CliRunner.StartInfo("patient", "extract", "-", "--format", "json");
        using var process = System.Diagnostics.Process.Start(info)!;
        await process.StandardInput.WriteAsync("74M hx of CAD s/p CABG");
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0);
        stdout.Should().Contain("\"coronary artery disease\"");
    }

    [Fact]
    public async Task Extract_EmptyNote_IsBadInputWithAClearMessage()
    {
        var result = await CliRunner.RunAsync("patient", "extract", Write("empty.txt", "   \n"));

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("The note is empty");
    }

    [Fact]
    public async Task Extract_InvalidStructuredJson_NamesTheField()
    {
        var result = await CliRunner.RunAsync("patient", "extract", Write("p.json", "{\"diagnoses\": [{\"text\": \"NSCLC\", \"oncoTreeCode\": \"nsclc!\"}]}"));

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("diagnoses[0].oncoTreeCode");
    }

    [Fact]
    public async Task Extract_FhirWithUnknownResource_SucceedsAndWarns()
    {
        var bundle = Write("b.json", "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"gender\": \"female\", \"birthDate\": \"1970-01-01\"}}, {\"resource\": {\"resourceType\": \"Claim\"}}]}");

        var result = await CliRunner.RunAsync("patient", "extract", bundle, "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("kind").GetString().Should().Be("FhirBundle");
        json.RootElement.GetProperty("warnings")[0].GetProperty("message").GetString().Should().Contain("'Claim' is not read");
    }

    [Fact]
    public async Task Extract_MissingFile_IsBadInput()
    {
        var result = await CliRunner.RunAsync("patient", "extract", _folder.File("nope.txt"));

        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("does not exist");
    }
}
