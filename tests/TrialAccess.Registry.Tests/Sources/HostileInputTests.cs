using System.IO.Compression;
using System.Text;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Testing;

namespace TrialAccess.Registry.Tests.Sources;

/// <summary>
/// The rule every reader holds to: a file, entry or record that cannot be read is reported by name and skipped; nothing
/// valid beside it is lost; no input makes reading throw, hang, or hold more than one record in memory.
/// </summary>
public class HostileInputTests
{
    private static readonly TrialSourceLimits SmallLimits = new() { MaxRecordBytes = 64 * 1024, MaxEntryBytes = 4 * 1024 * 1024, MaxArchiveBytes = 6 * 1024 * 1024 };

    private static async Task<List<TrialReadResult>> ReadAsync(string path, TrialSourceLimits? limits = null)
    {
        var results = new List<TrialReadResult>();
        foreach (var file in TrialSources.Expand([path]).Files)
        {
            await foreach (var result in TrialSources.ReadFileAsync(file, limits ?? TrialSourceLimits.Default))
            {
                results.Add(result);
            }
        }

        return results;
    }

    private static IEnumerable<string> Read(IEnumerable<TrialReadResult> results) => results.Where(r => r.IsSuccess).Select(r => r.Trial!.NctId.Value);

    [Fact]
    public async Task ReadFileAsync_InvalidUtf8InTrialGptTitle_NamesTheFieldAndKeepsTheXmlTrialBeside()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("{\"_id\":\"NCT01234567\",\"title\":\"X\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        await File.WriteAllBytesAsync(folder.File("a.json"), bytes);
        await File.WriteAllTextAsync(folder.File("b.xml"), SampleRecords.XmlStudy().TrimStart());

        var results = await ReadAsync(folder.Path);

        Read(results).Should().Equal("NCT90000002");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().EndWith("a.json");
        failure.Field.Should().Be("title");
        failure.Message.Should().Be("not valid text (invalid UTF-8)");
    }

    [Fact]
    public async Task ReadFileAsync_UnpairedSurrogateEscapeInOneStudyOfAnArray_SkipsThatStudyOnly()
    {
        using var folder = new TempFolder();
        var broken = SampleRecords.V2Study("NCT90000004").Replace("\"briefTitle\": \"", "\"briefTitle\": \"\\ud800", StringComparison.Ordinal);
        broken.Should().Contain("\\ud800", "the sample must carry the escape for this test to mean anything");
        await File.WriteAllTextAsync(folder.File("studies.json"), $"[{SampleRecords.V2Study("NCT90000001")}, {broken}, {SampleRecords.V2Study("NCT90000005")}]");

        var results = await ReadAsync(folder.Path);

        Read(results).Should().Equal("NCT90000001", "NCT90000005");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().EndWith("studies.json[1]");
        failure.Field.Should().Be("protocolSection.identificationModule.briefTitle");
        failure.Message.Should().Contain("unpaired surrogate");
    }

    [Theory]
    [InlineData("\"\\udc00\"")]
    [InlineData("\"\\ud800\\u0041\"")]
    [InlineData("\"\\ud800\"")]
    public async Task ReadFileAsync_UnpairedSurrogatesOfEveryShape_AreNamedFailures(string title)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("trial.json"), $"{{\"_id\":\"NCT01234567\",\"title\":{title}}}");

        var results = await ReadAsync(folder.Path);

        results.Should().ContainSingle().Which.Error!.Field.Should().Be("title");
    }

    [Fact]
    public async Task ReadFileAsync_PairedSurrogateEscapeAndEscapedBackslash_AreRead()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("trial.json"), "{\"_id\":\"NCT01234567\",\"title\":\"\\ud83d\\ude00 a \\\\ud800 b\"}");

        var results = await ReadAsync(folder.Path);

        results.Should().ContainSingle().Which.Trial!.BriefTitle.Should().Be("\U0001F600 a \\ud800 b");
    }

    [Fact]
    public async Task ReadFileAsync_DuplicateKey_IsReportedWithItsPath()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("trial.json"), "{\"_id\":\"NCT01234567\",\"title\":\"one\",\"title\":\"two\"}");

        var results = await ReadAsync(folder.Path);

        var failure = results.Should().ContainSingle().Which.Error!;
        failure.Field.Should().Be("title");
        failure.Message.Should().Contain("given twice");
    }

    [Fact]
    public async Task ReadFileAsync_JsonLinesLineLongerThanTheLimit_IsNamedByLineAndTheNextLineRead()
    {
        using var folder = new TempFolder();
        var huge = "{\"_id\":\"NCT01234567\",\"title\":\"" + new string('a', 200_000) + "\"}";
        await File.WriteAllTextAsync(folder.File("corpus.jsonl"), $"{huge}\n{SampleRecords.TrialGptRecord().ReplaceLineEndings(" ")}\n");

        var results = await ReadAsync(folder.Path, SmallLimits);

        Read(results).Should().Equal("NCT90000003");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().EndWith("corpus.jsonl:1");
        failure.Message.Should().Be("the line is longer than 65536 bytes; skipped");
    }

    [Fact]
    public async Task ReadFileAsync_ArrayElementLargerThanTheLimit_IsNamedByPositionAndTheRestRead()
    {
        using var folder = new TempFolder();
        var huge = "{\"_id\":\"NCT01234567\",\"title\":\"" + new string('a', 200_000) + "\"}";
        await File.WriteAllTextAsync(folder.File("array.json"), $"[{SampleRecords.V2Study("NCT90000001")}, {huge}, {SampleRecords.V2Study("NCT90000005")}]");

        var results = await ReadAsync(folder.Path, SmallLimits);

        Read(results).Should().Equal("NCT90000001", "NCT90000005");
        results.Single(r => !r.IsSuccess).Error!.Source.Should().EndWith("array.json[1]");
    }

    [Fact]
    public async Task ReadFileAsync_StudyFollowedByMegabytesOfWhiteSpace_IsReadWithoutHoldingTheWhiteSpace()
    {
        using var folder = new TempFolder();
        await using (var writer = File.CreateText(folder.File("study.json")))
        {
            await writer.WriteAsync(SampleRecords.V2Study("NCT90000001"));
            var spaces = new string(' ', 1024 * 1024);
            for (var i = 0; i < 8; i++)
            {
                await writer.WriteAsync(spaces);
            }
        }

        var results = await ReadAsync(folder.Path, SmallLimits);

        results.Should().ContainSingle().Which.Trial!.NctId.Value.Should().Be("NCT90000001");
    }

    [Fact]
    public async Task ReadFileAsync_OneObjectLargerThanTheLimit_IsNamed()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("big.json"), "{\"_id\":\"NCT01234567\",\"title\":\"" + new string('a', 200_000) + "\"}");

        var results = await ReadAsync(folder.Path, SmallLimits);

        results.Should().ContainSingle().Which.Error!.Message.Should().Be("the JSON object is larger than 65536 bytes; not read");
    }

    [Fact]
    public async Task ReadFileAsync_DeeplyNestedXml_IsRefusedAtTheDepthLimit()
    {
        using var folder = new TempFolder();
        var xml = new StringBuilder("<clinical_study><brief_summary>");
        for (var i = 0; i < 100_000; i++)
        {
            xml.Append("<a>");
        }

        await File.WriteAllTextAsync(folder.File("deep.xml"), xml.ToString());
        await File.WriteAllTextAsync(folder.File("good.xml"), SampleRecords.XmlStudy().TrimStart());

        var results = await ReadAsync(folder.Path);

        Read(results).Should().Equal("NCT90000002");
        results.Single(r => !r.IsSuccess).Error!.Message.Should().Contain("nested deeper than 64 levels");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task ReadFileAsync_Utf16XmlWithByteOrderMark_IsRead(string encoding)
    {
        using var folder = new TempFolder();
        var text = SampleRecords.XmlStudy().TrimStart().Replace("encoding=\"UTF-8\"", $"encoding=\"{encoding}\"", StringComparison.OrdinalIgnoreCase);
        await File.WriteAllTextAsync(folder.File("study.xml"), text, encoding == "utf-16" ? Encoding.Unicode : Encoding.BigEndianUnicode);

        var results = await ReadAsync(folder.Path);

        results.Should().ContainSingle().Which.Trial!.NctId.Value.Should().Be("NCT90000002");
    }

    [Fact]
    public async Task ReadFileAsync_ZipEntryWithBadChecksum_IsRefusedByNameWithNoRecordFromIt()
    {
        using var folder = new TempFolder();
        var zip = folder.File("bundle.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "a.json", SampleRecords.V2Study("NCT90000001"), CompressionLevel.NoCompression);
            await WriteEntryAsync(archive, "b.json", SampleRecords.V2Study("NCT90000004"), CompressionLevel.NoCompression);
        }

        var bytes = await File.ReadAllBytesAsync(zip);
        var at = Encoding.ASCII.GetString(bytes).IndexOf("NCT90000001", StringComparison.Ordinal);
        bytes[at + 10] = (byte)'9';
        await File.WriteAllBytesAsync(zip, bytes);

        var results = await ReadAsync(zip);

        Read(results).Should().Equal("NCT90000004");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().Be($"{zip}!a.json");
        failure.Message.Should().Contain("CRC-32");
    }

    [Fact]
    public async Task ReadFileAsync_ZipEntryFlaggedEncrypted_IsRefusedByName()
    {
        using var folder = new TempFolder();
        var zip = folder.File("bundle.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "a.json", SampleRecords.V2Study("NCT90000001"), CompressionLevel.NoCompression);
            await WriteEntryAsync(archive, "b.json", SampleRecords.V2Study("NCT90000004"), CompressionLevel.NoCompression);
        }

        // Set bit 0 (encrypted) of the general-purpose flags of a.json, in its local header and its central directory record.
        var bytes = await File.ReadAllBytesAsync(zip);
        var local = IndexOf(bytes, [0x50, 0x4B, 0x03, 0x04], 0);
        bytes[local + 6] |= 1;
        var central = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02], 0);
        bytes[central + 8] |= 1;
        await File.WriteAllBytesAsync(zip, bytes);

        var results = await ReadAsync(zip);

        Read(results).Should().Equal("NCT90000004");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().Be($"{zip}!a.json");
        failure.Message.Should().Contain("encrypted");
    }

    [Theory]
    [InlineData("../escape.json")]
    [InlineData(".../trial.json")]
    [InlineData("/etc/trial.json")]
    [InlineData("C:/trial.json")]
    [InlineData("a/../../trial.json")]
    public async Task ReadFileAsync_ZipEntryWithTraversalLikeName_IsReportedNotSkippedSilently(string name)
    {
        using var folder = new TempFolder();
        var zip = folder.File("bundle.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, name, SampleRecords.V2Study("NCT90000001"));
            await WriteEntryAsync(archive, "good.json", SampleRecords.V2Study("NCT90000004"));
        }

        var results = await ReadAsync(zip);

        Read(results).Should().Equal("NCT90000004");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().Be($"{zip}!{name}");
        failure.Message.Should().Contain("not a plain relative path");
    }

    [Fact]
    public async Task ReadFileAsync_ZipEntryLargerThanTheEntryLimit_IsNamedAndTheNextEntryRead()
    {
        using var folder = new TempFolder();
        var zip = folder.File("bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "a-bomb.jsonl", new string(' ', 5 * 1024 * 1024));
            await WriteEntryAsync(archive, "b.json", SampleRecords.V2Study("NCT90000004"));
        }

        var results = await ReadAsync(zip, SmallLimits);

        Read(results).Should().Equal("NCT90000004");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().Be($"{zip}!a-bomb.jsonl");
        failure.Message.Should().Contain("4 MiB");
    }

    [Fact]
    public async Task ReadFileAsync_ZipEntriesAddingUpPastTheArchiveLimit_StopWithANamedFailure()
    {
        using var folder = new TempFolder();
        var zip = folder.File("many.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "a.json", SampleRecords.V2Study("NCT90000001") + new string(' ', 3 * 1024 * 1024));
            await WriteEntryAsync(archive, "b.json", SampleRecords.V2Study("NCT90000004") + new string(' ', 3 * 1024 * 1024));
        }

        var results = await ReadAsync(zip, SmallLimits);

        Read(results).Should().Equal("NCT90000001");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().Be($"{zip}!b.json");
        failure.Message.Should().Contain("add up to more than 6 MiB");
    }

    [Fact]
    public async Task ReadFileAsync_ZipWithADamagedCentralDirectory_IsANamedFailure()
    {
        using var folder = new TempFolder();
        var zip = folder.File("bundle.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "a.json", SampleRecords.V2Study("NCT90000001"));
        }

        var bytes = await File.ReadAllBytesAsync(zip);
        var central = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02], 0);
        bytes[central + 2] = 0x09;
        await File.WriteAllBytesAsync(zip, bytes);

        var results = await ReadAsync(zip);

        var failure = results.Should().ContainSingle().Which.Error!;
        failure.Source.Should().Be(zip);
        failure.Message.Should().StartWith("not a readable zip archive");
    }

    private static int IndexOf(byte[] bytes, byte[] pattern, int from) => bytes.AsSpan(from).IndexOf(pattern) + from;

    private static async Task WriteEntryAsync(ZipArchive archive, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        await using var stream = archive.CreateEntry(name, level).Open();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(content));
    }
}
