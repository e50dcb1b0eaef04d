using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing.Fuzzing;
using TrialAccess.Trials;

// Fuzzing benchmark (issue 16): mutated records from the real files in ../shared/data (read in place) go through the
// real readers and the ingestor into a real SQLite store, with valid canary records mixed in that must all be stored;
// then the issue's archive attacks (a 1 GiB JSON Lines line in a zip, a study followed by 1 GiB of white space).
// Reports unhandled exceptions, files that took over 10 s, peak memory and records kept. Usage:
//   dotnet run -c Release --project bench/TrialAccess.Bench.Fuzz [-- --records 1000000 --seed 1 --attacks 1]
var records = Number("--records", 1_000_000);
var seed = Number("--seed", 1);
var attacks = Number("--attacks", 1) != 0;
var root = FindRepositoryRoot();
var data = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "trials"));
if (!Directory.Exists(data))
{
    Console.Error.WriteLine($"Shared data not found at {data}: the benchmark reads the corpus in place (../shared/data/trials).");
    return 1;
}

var work = Path.Combine(Path.GetTempPath(), $"trialaccess-fuzz-{Environment.ProcessId}");
Directory.CreateDirectory(work);
var database = Path.Combine(work, "fuzz.db");
var clock = Stopwatch.StartNew();

// Seeds: real records, each as its own bytes.
var xmlSeeds = Directory.EnumerateFiles(Path.Combine(data, "ctgov-xml"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
    .Where((_, i) => i % 5 == 0).Select(File.ReadAllBytes).ToList();
var v2Seeds = new List<byte[]>();
foreach (var file in Directory.EnumerateFiles(Path.Combine(data, "ctgov-v2"), "*.json").Concat(Directory.EnumerateFiles(Path.Combine(data, "ctgov-v2-derived"), "*.json")).Order(StringComparer.Ordinal))
{
    using var document = JsonDocument.Parse(File.ReadAllBytes(file));
    var studies = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("studies");
    v2Seeds.AddRange(studies.EnumerateArray().Where((_, i) => i % 10 == 0).Select(s => Encoding.UTF8.GetBytes(s.GetRawText())));
}

var gptSeeds = Directory.EnumerateFiles(Path.Combine(data, "trialgpt-format"), "*.jsonl", SearchOption.AllDirectories)
    .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0).Select(l => Encoding.UTF8.GetBytes(l))
    .Concat(Directory.EnumerateFiles(Path.Combine(data, "trialgpt-format"), "*.json", SearchOption.AllDirectories).Select(f => Encoding.UTF8.GetBytes(File.ReadAllText(f).ReplaceLineEndings(" "))))
    .ToList();
Console.Error.WriteLine($"seeds: {xmlSeeds.Count} XML, {v2Seeds.Count} API v2 studies, {gptSeeds.Count} TrialGPT records ({clock.Elapsed.TotalSeconds:0} s)");

var v2Canary = Encoding.UTF8.GetString(v2Seeds[0]);
var v2CanaryId = JsonDocument.Parse(v2Canary).RootElement.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;
var gptCanary = Encoding.UTF8.GetString(gptSeeds[0]);
var gptCanaryId = JsonDocument.Parse(gptCanary).RootElement.GetProperty("_id").GetString()!;
var xmlCanary = Encoding.UTF8.GetString(xmlSeeds[0]);
var xmlCanaryId = System.Xml.Linq.XDocument.Parse(xmlCanary).Root!.Element("id_info")!.Element("nct_id")!.Value;
var canaries = new List<NctId>();
NctId NextCanary() => NctId.Parse($"NCT8{canaries.Count:D7}");

await using var store = new SqliteTrialStore(database);
await store.InitializeAsync();
var ingestor = new TrialIngestor(store);
var random = new Random(seed);
long mutated = 0, crashes = 0, hangs = 0, files = 0, read = 0, failed = 0, stored = 0;
double slowest = 0;
var slowestFile = "";
var crashNotes = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
var round = 0;
while (mutated < records)
{
    var folder = Directory.CreateDirectory(Path.Combine(work, $"round-{round++}")).FullName;
    var roundFiles = new List<string>();
    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        roundFiles.Add(path);
        return path;
    }

    byte[] Mutate(byte[] input) => new Mutator(random.Next()).Mutate(input, maxMutations: 2);

    // JSON Lines: 500 mutated TrialGPT records, a canary line every 100.
    var lines = new MemoryStream();
    for (var i = 0; i < 500; i++)
    {
        if (i % 100 == 0)
        {
            var id = NextCanary();
            canaries.Add(id);
            lines.Write(Encoding.UTF8.GetBytes(gptCanary.Replace(gptCanaryId, id.Value, StringComparison.Ordinal) + "\n"));
        }

        lines.Write(Mutate(gptSeeds[random.Next(gptSeeds.Count)]));
        lines.WriteByte((byte)'\n');
    }

    Write("a.jsonl", lines.ToArray());
    mutated += 500;

    // A JSON array of 200 mutated API v2 studies, and a page of 200.
    Write("b.json", Join("[", v2Seeds, 200, Mutate, random, "]"));
    Write("c.json", Join("{\"totalCount\": 200, \"studies\": [", v2Seeds, 200, Mutate, random, "], \"nextPageToken\": \"x\"}"));
    mutated += 400;

    // 50 mutated legacy XML files, one record each.
    for (var i = 0; i < 50; i++)
    {
        Write($"d-{i:D2}.xml", Mutate(xmlSeeds[random.Next(xmlSeeds.Count)]));
    }

    mutated += 50;

    // A zip of 20 mutated XML records and a mutated TrialGPT array; one archive in four is itself mutated.
    var zip = new MemoryStream();
    using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
    {
        for (var i = 0; i < 20; i++)
        {
            await using var entry = archive.CreateEntry($"x/{i:D2}.xml").Open();
            await entry.WriteAsync(Mutate(xmlSeeds[random.Next(xmlSeeds.Count)]));
        }

        await using var array = archive.CreateEntry("y.json").Open();
        await array.WriteAsync(Join("[", gptSeeds, 30, Mutate, random, "]"));
    }

    Write("e.zip", random.Next(4) == 0 ? Mutate(zip.ToArray()) : zip.ToArray());
    mutated += 50;

    // Canary files: a valid API v2 study and a valid XML record, each with a fresh NCT id.
    var v2Id = NextCanary();
    canaries.Add(v2Id);
    Write("f-canary.json", Encoding.UTF8.GetBytes(v2Canary.Replace(v2CanaryId, v2Id.Value, StringComparison.Ordinal)));
    var xmlId = NextCanary();
    canaries.Add(xmlId);
    Write("g-canary.xml", Encoding.UTF8.GetBytes(xmlCanary.Replace(xmlCanaryId, xmlId.Value, StringComparison.Ordinal)));

    foreach (var file in roundFiles)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var report = await ingestor.IngestFilesAsync([file]);
            read += report.Read;
            failed += report.Failed;
            stored += report.New + report.Updated + report.Unchanged;
        }
        catch (Exception e)
        {
            crashes++;
            var where = $"{e.GetType().Name} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
            crashNotes[where] = crashNotes.TryGetValue(where, out var seen) ? (seen.Count + 1, seen.Example) : (1, $"{Path.GetFileName(file)} of round {round - 1}");
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        files++;
        if (seconds > 10)
        {
            hangs++;
        }

        if (seconds > slowest)
        {
            slowest = seconds;
            slowestFile = $"{Path.GetFileName(file)} of round {round - 1}";
        }
    }

    Directory.Delete(folder, recursive: true);
    if (round % 20 == 0)
    {
        Console.Error.WriteLine($"progress: {mutated:N0} mutated records, {files:N0} files, {clock.Elapsed.TotalSeconds:0} s, crashes {crashes}, peak {PeakMb():N0} MB");
    }
}

var canariesStored = (await store.FindManyAsync(canaries)).Count;
var fuzzSeconds = clock.Elapsed.TotalSeconds;
var fuzzPeak = PeakMb();

var attackRows = new List<string>();
if (attacks)
{
    attackRows.Add(await AttackAsync("1 GiB JSON Lines line in a zip", Path.Combine(work, "line.zip"), async stream =>
    {
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"_id\":\"NCT01234567\",\"title\":\""));
        for (var i = 0; i < 1024; i++)
        {
            await stream.WriteAsync(chunk);
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes("\"}\n"));
    }, "corpus.jsonl"));
    attackRows.Add(await AttackAsync("study followed by 1 GiB of white space in a zip", Path.Combine(work, "space.zip"), async stream =>
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(v2Canary));
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
        for (var i = 0; i < 1024; i++)
        {
            await stream.WriteAsync(chunk);
        }
    }, "study.json"));
}

Directory.Delete(work, recursive: true);
Console.WriteLine($"| mutated records | files | records read | records kept | records failed | canaries stored | unhandled exceptions | files over 10 s | slowest file | peak working set | seconds |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mutated:N0} | {files:N0} | {read:N0} | {stored:N0} | {failed:N0} | {canariesStored:N0} of {canaries.Count:N0} | {crashes} | {hangs} | {slowest:0.00} s ({slowestFile}) | {fuzzPeak:N0} MB | {fuzzSeconds:0} |"));
foreach (var (where, (count, example)) in crashNotes)
{
    Console.WriteLine($"- {count} unhandled: {where} (first: {example}, seed {seed})");
}

if (attackRows.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("| archive attack | zip size | seconds | outcome | peak working set after |");
    Console.WriteLine("|---|---:|---:|---|---:|");
    attackRows.ForEach(Console.WriteLine);
}

return crashes == 0 && hangs == 0 && canariesStored == canaries.Count ? 0 : 3;

async Task<string> AttackAsync(string name, string path, Func<Stream, Task> write, string entryName)
{
    await using (var file = File.Create(path))
    using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
    {
        await using var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal).Open();
        await write(entry);
    }

    var size = new FileInfo(path).Length;
    var started = Stopwatch.GetTimestamp();
    var outcome = "";
    try
    {
        var report = await ingestor.IngestFilesAsync([path]);
        outcome = $"read {report.Read}, failed {report.Failed}: {string.Join("; ", report.Failures.Select(f => f.Message))}";
    }
    catch (Exception e)
    {
        crashes++;
        outcome = $"unhandled {e.GetType().Name}";
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    File.Delete(path);
    return string.Create(CultureInfo.InvariantCulture, $"| {name} | {size / 1024.0 / 1024:0.0} MB | {seconds:0.0} | {outcome} | {PeakMb():N0} MB |");
}

static byte[] Join(string open, List<byte[]> seeds, int count, Func<byte[], byte[]> mutate, Random random, string close)
{
    var buffer = new MemoryStream();
    buffer.Write(Encoding.UTF8.GetBytes(open));
    for (var i = 0; i < count; i++)
    {
        if (i > 0)
        {
            buffer.WriteByte((byte)',');
        }

        buffer.Write(mutate(seeds[random.Next(seeds.Count)]));
    }

    buffer.Write(Encoding.UTF8.GetBytes(close));
    return buffer.ToArray();
}

static long PeakMb()
{
    using var self = Process.GetCurrentProcess();
    return self.PeakWorkingSet64 / 1024 / 1024;
}

int Number(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "TrialAccess.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Cannot find the repository root (TrialAccess.slnx).");
}
