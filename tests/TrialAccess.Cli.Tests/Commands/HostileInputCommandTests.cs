using System.Text;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

/// <summary>Issue 16 through the command line: one bad string never aborts an ingest, and no record text reaches the terminal raw.</summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("trials.db");

    private const string XmlTrial = """
        <?xml version="1.0" encoding="UTF-8"?>
        <clinical_study>
          <id_info><nct_id>NCT90000002</nct_id></id_info>
          <brief_title>Pembrolizumab in metastatic breast cancer</brief_title>
          <overall_status>Recruiting</overall_status>
        </clinical_study>
        """;

    [Fact]
    public async Task Ingest_InvalidUtf8JsonBesideAValidXmlTrial_StoresTheXmlTrialNamesTheJsonFieldAndExitsWithPartialFailure()
    {
        var data = Directory.CreateDirectory(_folder.File("data")).FullName;
        var bytes = Encoding.UTF8.GetBytes("{\"_id\":\"NCT01234567\",\"title\":\"X\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        await File.WriteAllBytesAsync(Path.Combine(data, "a.json"), bytes);
        await File.WriteAllTextAsync(Path.Combine(data, "b.xml"), XmlTrial);

        var result = await CliRunner.RunAsync("ingest", data, "--db", Db);

        result.ExitCode.Should().Be(2, result.StdErr);
        result.StdOut.Should().Contain("read 1, new 1, updated 0, unchanged 0, failed 1");
        result.StdErr.Should().Contain("a.json: title: not valid text (invalid UTF-8)");
        (await CliRunner.RunAsync("trials", "show", "NCT90000002", "--db", Db)).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Ingest_RecordWithTerminalEscapeSequences_ShowsThemEscapedOnStandardError()
    {
        await File.WriteAllTextAsync(_folder.File("evil.json"), "{\"_id\":\"\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\",\"title\":\"t\"}");

        var result = await CliRunner.RunAsync("ingest", _folder.File("evil.json"), "--db", Db);

        result.ExitCode.Should().Be(2, result.StdErr);
        result.StdErr.Should().NotContainAny("\u001b", "\u0007", "\u009b");
        result.StdErr.Should().Contain("\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m");
    }

    [Fact]
    public async Task TrialsShow_TitleWithTerminalEscapeSequences_PrintsThemEscaped()
    {
        await File.WriteAllTextAsync(_folder.File("trial.json"), "{\"_id\":\"NCT90000002\",\"title\":\"\\u001b[31mPembrolizumab\\u0007\"}");
        var ingest = await CliRunner.RunAsync("ingest", _folder.File("trial.json"), "--db", Db);
        ingest.ExitCode.Should().Be(0, ingest.StdErr);

        var result = await CliRunner.RunAsync("trials", "show", "NCT90000002", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().NotContainAny("\u001b", "\u0007").And.Contain("\\u001b[31mPembrolizumab\\u0007");
    }

    [Fact]
    public async Task PatientExtract_NoteWithArabicIndicAge_ReadsTheAge()
    {
        await File.WriteAllTextAsync(_folder.File("note.txt"), "٣ yo F with breast cancer");

        var result = await CliRunner.RunAsync("patient", "extract", _folder.File("note.txt"), "--format", "json");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("\"age\"");
    }

    [Fact]
    public async Task PatientExtract_FileThatIsNotUtf8_IsRefusedNamingTheByte()
    {
        await File.WriteAllBytesAsync(_folder.File("note.txt"), [.. Encoding.UTF8.GetBytes("62 yo M "), 0xFF, .. Encoding.UTF8.GetBytes(" lung cancer")]);

        var result = await CliRunner.RunAsync("patient", "extract", _folder.File("note.txt"));

        result.ExitCode.Should().Be(1, result.StdErr);
        result.StdErr.Should().Contain("is not valid UTF-8 text (at byte 9)");
    }

    [Fact]
    public async Task Match_LabValueFarAboveATinyUpperLimit_DoesNotOverflow()
    {
        await File.WriteAllTextAsync(_folder.File("patient.json"), """
            {"age": 60, "sex": "female", "diagnoses": [{"text": "breast cancer"}],
             "labResults": [{"analyte": "AST", "value": 1000000, "upperLimitOfNormal": 1e-25}]}
            """);
        await File.WriteAllTextAsync(_folder.File("trial.json"), """
            {"_id": "NCT90000007", "title": "Breast cancer trial",
             "metadata": {"diseases_list": "['breast cancer']", "inclusion_criteria": "AST <= 2.5 x ULN"}}
            """);
        (await CliRunner.RunAsync("ingest", _folder.File("trial.json"), "--db", Db)).ExitCode.Should().Be(0);

        var result = await CliRunner.RunAsync("match", "--patient", _folder.File("patient.json"), "--any-status", "--include-ineligible", "--format", "json", "--db", Db);

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("NCT90000007");
    }
}
