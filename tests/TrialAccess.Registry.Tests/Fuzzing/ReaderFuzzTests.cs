using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;
using TrialAccess.Testing.Fuzzing;

namespace TrialAccess.Registry.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of every trial reader, seeded from the real files in <c>../shared/data</c> (read in place): no
/// mutated input makes reading throw, every failure names its source and says what was wrong, and valid records
/// beside a mutated one are kept. Bounded for CI (a few hundred inputs per reader); see <see cref="Fuzz"/> to replay.
/// </summary>
public class ReaderFuzzTests
{
    private static readonly Lazy<List<byte[]>> XmlSeeds = new(() =>
        Directory.EnumerateFiles(SharedData.PathTo("trials/ctgov-xml"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where((_, i) => i % 100 == 0).Select(File.ReadAllBytes).ToList());

    private static readonly Lazy<List<byte[]>> V2Seeds = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathTo("trials/ctgov-v2/nsclc-100.json")));
        return document.RootElement.EnumerateArray().Select(s => Encoding.UTF8.GetBytes(s.GetRawText())).ToList();
    });

    private static readonly Lazy<List<byte[]>> TrialGptSeeds = new(() =>
        File.ReadLines(SharedData.PathTo("trials/trialgpt-format/breast-100/100_trials_corpus.jsonl")).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes).ToList());

    /// <summary>The smaller NCI CTS records (under 150 KB), so that a few hundred mutations stay quick.</summary>
    private static readonly Lazy<List<byte[]>> NciCtsSeeds = new(() =>
        Directory.EnumerateFiles(SharedData.PathTo("trials/nci-cts"), "*.json").Order(StringComparer.Ordinal)
            .Where(f => new FileInfo(f).Length < 150_000).Select(File.ReadAllBytes).ToList());

    private static async Task<List<TrialReadResult>> ReadAsync(byte[] bytes, string name)
    {
        var results = new List<TrialReadResult>();
        await foreach (var result in TrialSources.ReadStreamAsync(new MemoryStream(bytes), name))
        {
            results.Add(result);
        }

        return results;
    }

    private static void ShouldBeNamedOutcomes(IEnumerable<TrialReadResult> results)
    {
        foreach (var result in results)
        {
            if (!result.IsSuccess)
            {
                result.Error!.Source.Should().NotBeNullOrWhiteSpace();
                result.Error.Message.Should().NotBeNullOrWhiteSpace();
            }
        }
    }

    private static T Pick<T>(Mutator mutator, IReadOnlyList<T> list) => list[new Random(mutator.Seed).Next(list.Count)];

    [SharedDataFact]
    public Task CtGovXml_MutatedRecords_AreReadOrNamedFailures() =>
        Fuzz.CheckAsync("CT.gov XML", 400, async mutator =>
            ShouldBeNamedOutcomes(await ReadAsync(mutator.Mutate(Pick(mutator, XmlSeeds.Value)), "study.xml")));

    [SharedDataFact]
    public Task CtGovJson_MutatedStudies_AreReadOrNamedFailures() =>
        Fuzz.CheckAsync("CT.gov API v2 JSON", 400, async mutator =>
            ShouldBeNamedOutcomes(await ReadAsync(mutator.Mutate(Pick(mutator, V2Seeds.Value)), "study.json")));

    [SharedDataFact]
    public Task CtGovJson_MutatedArraysAndPages_AreReadOrNamedFailures() =>
        Fuzz.CheckAsync("CT.gov API v2 JSON arrays and pages", 60, async mutator =>
        {
            var studies = string.Join(",", V2Seeds.Value.Take(20).Select(Encoding.UTF8.GetString));
            var whole = Encoding.UTF8.GetBytes(mutator.Seed % 2 == 0 ? $"[{studies}]" : $"{{\"studies\": [{studies}], \"nextPageToken\": \"x\"}}");
            ShouldBeNamedOutcomes(await ReadAsync(mutator.Mutate(whole, maxMutations: 8), "page.json"));
        });

    [SharedDataFact]
    public Task NciCts_MutatedRecordsAndSearchResponses_AreReadOrNamedFailures() =>
        Fuzz.CheckAsync("NCI CTS JSON", 200, async mutator =>
        {
            var record = Pick(mutator, NciCtsSeeds.Value);
            var whole = mutator.Seed % 2 == 0
                ? record
                : Encoding.UTF8.GetBytes($"{{\"total\": 2, \"data\": [{Encoding.UTF8.GetString(record)}, {Encoding.UTF8.GetString(NciCtsSeeds.Value[0])}]}}");
            ShouldBeNamedOutcomes(await ReadAsync(mutator.Mutate(whole), "cts.json"));
        });

    [SharedDataFact]
    public Task TrialGpt_MutatedLineBetweenCanaries_KeepsBothCanaries() =>
        Fuzz.CheckAsync("TrialGPT JSON Lines", 400, async mutator =>
        {
            var canary = Encoding.UTF8.GetString(TrialGptSeeds.Value[0]);
            var mutated = mutator.Mutate(Pick(mutator, TrialGptSeeds.Value));
            var file = new MemoryStream();
            file.Write(Encoding.UTF8.GetBytes(Canary(canary, "NCT80000001") + "\n"));
            file.Write(mutated.Where(b => b != (byte)'\n').ToArray());
            file.Write(Encoding.UTF8.GetBytes("\n" + Canary(canary, "NCT80000002") + "\n"));

            var results = await ReadAsync(file.ToArray(), "corpus.jsonl");

            ShouldBeNamedOutcomes(results);
            results.Where(r => r.IsSuccess).Select(r => r.Trial!.NctId.Value).Should().Contain(["NCT80000001", "NCT80000002"]);
        });

    [SharedDataFact]
    public Task Zip_MutatedArchives_AreReadOrNamedFailures() =>
        Fuzz.CheckAsync("zip archives", 120, async mutator =>
        {
            using var folder = new TempFolder();
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, bytes) in new[] { ("a.xml", XmlSeeds.Value[0]), ("b.json", V2Seeds.Value[0]), ("c.jsonl", TrialGptSeeds.Value[0]) })
                {
                    await using var entry = archive.CreateEntry(name, mutator.Seed % 3 == 0 ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                    await entry.WriteAsync(bytes);
                }
            }

            var path = folder.File("bundle.zip");
            await File.WriteAllBytesAsync(path, mutator.Mutate(zip.ToArray()));
            var results = new List<TrialReadResult>();
            await foreach (var result in TrialSources.ReadFileAsync(path))
            {
                results.Add(result);
            }

            ShouldBeNamedOutcomes(results);
        });

    [SharedDataFact]
    public async Task Ingest_MutatedFilesBesideACanaryFile_StoresTheCanaryEveryTime()
    {
        using var folder = new TempFolder();
        await using var store = new SqliteTrialStore(folder.File("fuzz.db"));
        await store.InitializeAsync();
        var canary = Encoding.UTF8.GetString(V2Seeds.Value[0]);
        var canaryId = JsonDocument.Parse(canary).RootElement.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;
        var round = 0;

        await Fuzz.CheckAsync("ingest beside a canary", 40, async mutator =>
        {
            var data = Directory.CreateDirectory(folder.File($"round-{round}")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(data, "a.xml"), mutator.Mutate(Pick(mutator, XmlSeeds.Value)));
            await File.WriteAllBytesAsync(Path.Combine(data, "b.json"), mutator.Mutate(Pick(mutator, V2Seeds.Value)));
            await File.WriteAllBytesAsync(Path.Combine(data, "c.jsonl"), mutator.Mutate(Pick(mutator, TrialGptSeeds.Value)));
            var id = $"NCT81{round++:D6}";
            await File.WriteAllTextAsync(Path.Combine(data, "d-canary.json"), canary.Replace(canaryId, id, StringComparison.Ordinal));

            await new TrialIngestor(store).IngestFilesAsync(TrialSources.Expand([data]).Files);

            (await store.FindAsync(Trials.NctId.Parse(id))).Should().NotBeNull($"the canary {id} must be stored");
        });
    }

    private static string Canary(string record, string id)
    {
        using var document = JsonDocument.Parse(record);
        var original = document.RootElement.GetProperty("_id").GetString()!;
        return record.Replace(original, id, StringComparison.Ordinal);
    }
}
