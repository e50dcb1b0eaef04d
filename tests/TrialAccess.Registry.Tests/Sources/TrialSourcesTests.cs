using System.IO.Compression;
using System.Text;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Testing;

namespace TrialAccess.Registry.Tests.Sources;

public class TrialSourcesTests
{
    private static async Task<List<TrialReadResult>> ReadAllAsync(IEnumerable<string> paths)
    {
        var (files, missing) = TrialSources.Expand(paths);
        missing.Should().BeEmpty();
        var results = new List<TrialReadResult>();
        foreach (var file in files)
        {
            await foreach (var result in TrialSources.ReadFileAsync(file))
            {
                results.Add(result);
            }
        }

        return results;
    }

    [Fact]
    public async Task ReadFileAsync_FolderWithBrokenFiles_ReportsThemByNameAndKeepsTheRest()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a-good.json"), $"[{SampleRecords.V2Study("NCT90000001")}, {SampleRecords.V2Study("NCT90000004")}]");
        var truncated = $"[{SampleRecords.V2Study("NCT90000005")}, {SampleRecords.V2Study("NCT90000006")}";
        await File.WriteAllTextAsync(folder.File("b-truncated.json"), truncated[..(truncated.Length - 200)]);
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        random[0] = 0x9C;
        await File.WriteAllBytesAsync(folder.File("c-random.bin"), random);
        await File.WriteAllTextAsync(folder.File("d.xml"), SampleRecords.XmlStudy().TrimStart());
        await File.WriteAllTextAsync(folder.File(".hidden.json"), "not read");

        var results = await ReadAllAsync([folder.Path]);

        results.Where(r => r.IsSuccess).Select(r => r.Trial!.NctId.Value)
            .Should().Equal("NCT90000001", "NCT90000004", "NCT90000005", "NCT90000002");
        var failures = results.Where(r => !r.IsSuccess).Select(r => r.Error!).ToList();
        failures.Should().HaveCount(2);
        failures[0].Source.Should().EndWith("b-truncated.json");
        failures[0].Message.Should().Contain("truncated").And.Contain("after 1 record");
        failures[1].Source.Should().EndWith("c-random.bin");
        failures[1].Message.Should().Contain("not a trial file");
    }

    [Fact]
    public async Task ReadFileAsync_RandomBytesNamedJson_IsReportedNotThrown()
    {
        using var folder = new TempFolder();
        var random = new byte[2048];
        new Random(7).NextBytes(random);
        random[0] = (byte)'{';
        await File.WriteAllBytesAsync(folder.File("random.json"), random);

        var results = await ReadAllAsync([folder.File("random.json")]);

        results.Should().ContainSingle().Which.Error!.Message.Should().MatchRegex("^(malformed|truncated|not valid) JSON");
    }

    [Fact]
    public async Task ReadFileAsync_ApiPage_ReadsEveryStudy()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("page.json"), $$"""{"studies": [{{SampleRecords.V2Study("NCT90000001")}}, {{SampleRecords.V2Study("NCT90000004")}}], "nextPageToken": "abc"}""");

        var results = await ReadAllAsync([folder.File("page.json")]);

        results.Select(r => r.Trial!.NctId.Value).Should().Equal("NCT90000001", "NCT90000004");
        results[1].Trial!.Source.Should().EndWith("page.json[1]");
    }

    [Fact]
    public async Task ReadFileAsync_NciCtsSearchResponse_ReadsEveryRecordAndNamesTheOneWithoutNctId()
    {
        using var folder = new TempFolder();
        var records = string.Join(", ", SampleRecords.NciCtsRecord("NCT99000001"), SampleRecords.NciCtsRecord(nctId: null, nciId: "NCI-2099-00002"), SampleRecords.NciCtsRecord("NCT99000003"));
        await File.WriteAllTextAsync(folder.File("search.json"), $$"""{"total": 3, "data": [{{records}}]}""");

        var results = await ReadAllAsync([folder.File("search.json")]);

        results.Where(r => r.IsSuccess).Select(r => r.Trial!.NctId.Value).Should().Equal("NCT99000001", "NCT99000003");
        results[2].Trial!.Source.Should().EndWith("search.json[2]");
        var failure = results.Single(r => !r.IsSuccess).Error!;
        failure.Source.Should().EndWith("search.json[1]");
        failure.Field.Should().Be("nct_id");
        failure.Message.Should().Contain("NCI-2099-00002");
    }

    [Fact]
    public async Task ReadFileAsync_NciCtsRecordAndArray_AreRecognisedByTheirKeys()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("NCI-2099-00001.json"), SampleRecords.NciCtsRecord("NCT99000001"));
        await File.WriteAllTextAsync(folder.File("two.json"), $"[{SampleRecords.NciCtsRecord("NCT99000004")}, {SampleRecords.NciCtsRecord("NCT99000005")}]");

        var results = await ReadAllAsync([folder.Path]);

        results.Select(r => r.Error?.ToString()).Should().OnlyContain(e => e == null);
        results.Select(r => r.Trial!.NctId.Value).Should().Equal("NCT99000001", "NCT99000004", "NCT99000005");
        results[0].Trial!.Eligibility.Criteria.Should().StartWith("Inclusion Criteria:\n\n* ");
    }

    [Fact]
    public async Task ReadFileAsync_RecordWithADataObject_IsOneRecordNotAPage()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("one.json"), SampleRecords.NciCtsRecord("NCT99000006").TrimEnd().TrimEnd('}') + """, "data": {"note": "not a page"}}""");

        var results = await ReadAllAsync([folder.File("one.json")]);

        results.Should().ContainSingle().Which.Trial!.NctId.Value.Should().Be("NCT99000006");
    }

    [Fact]
    public async Task ReadFileAsync_UnknownObject_ListsTheFormatsItLooksFor()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("other.json"), """{"id": "x", "eligibility": {}}""");

        var results = await ReadAllAsync([folder.File("other.json")]);

        results.Should().ContainSingle().Which.Error!.Message.Should().Be(
            "not a recognised trial record: expected 'protocolSection' (ClinicalTrials.gov API v2), '_id' (TrialGPT corpus) or 'nci_id' / 'nct_id' with 'eligibility' (NCI Clinical Trials Search)");
    }

    [Fact]
    public async Task ReadFileAsync_JsonLinesWithBadLine_ReportsTheLineNumber()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("corpus.jsonl"), SampleRecords.TrialGptRecord("NCT90000003").Trim() + "\n{broken\n\n" + SampleRecords.TrialGptRecord("NCT90000007").Trim() + "\n");

        var results = await ReadAllAsync([folder.File("corpus.jsonl")]);

        results.Where(r => r.IsSuccess).Select(r => r.Trial!.NctId.Value).Should().Equal("NCT90000003", "NCT90000007");
        results.Single(r => !r.IsSuccess).Error!.Source.Should().EndWith("corpus.jsonl:2");
    }

    [Fact]
    public async Task ReadFileAsync_ZipOfMixedFormats_ReadsEveryEntry()
    {
        using var folder = new TempFolder();
        var zip = folder.File("bundle.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "studies/NCT90000001.json", SampleRecords.V2Study("NCT90000001"));
            await WriteEntryAsync(archive, "legacy/NCT90000002.xml", SampleRecords.XmlStudy().TrimStart());
            await WriteEntryAsync(archive, "corpus.jsonl", SampleRecords.TrialGptRecord().Trim());
            await WriteEntryAsync(archive, "broken.json", "{\"protocolSection\":");
        }

        var results = await ReadAllAsync([zip]);

        results.Where(r => r.IsSuccess).Select(r => r.Trial!.NctId.Value).Should().BeEquivalentTo(["NCT90000001", "NCT90000002", "NCT90000003"]);
        results.Single(r => !r.IsSuccess).Error!.Source.Should().Be($"{zip}!broken.json");
    }

    [Fact]
    public async Task ReadFileAsync_NotAZip_IsReported()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("fake.zip"), "hello");

        var results = await ReadAllAsync([folder.File("fake.zip")]);

        results.Should().ContainSingle().Which.Error!.Message.Should().Contain("not a readable zip archive");
    }

    [Fact]
    public async Task ReadFileAsync_EmptyFile_IsReported()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("empty.json"), "  \n");

        var results = await ReadAllAsync([folder.File("empty.json")]);

        results.Should().ContainSingle().Which.Error!.Message.Should().Be("the file is empty");
    }

    [Fact]
    public void Expand_MissingPath_IsReturnedSeparately()
    {
        var (files, missing) = TrialSources.Expand(["/definitely/not/here"]);

        files.Should().BeEmpty();
        missing.Should().Equal("/definitely/not/here");
    }

    private static async Task WriteEntryAsync(ZipArchive archive, string name, string content)
    {
        var entry = archive.CreateEntry(name);
        await using var stream = await entry.OpenAsync();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(content));
    }
}
