using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;

// Ingest throughput on the shared corpus, pinned to one core. Usage:
//   dotnet run -c Release --project bench/TrialAccess.Bench.Ingest [-- <shared data folder> <results.md>]
// Each scenario runs in this one process, one after another, so their ratios are comparable even on a noisy machine.
var root = FindRepositoryRoot();
var data = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "trials"));
var output = args.Length > 1 ? args[1] : Path.Combine(root, "bench", "results", "ingest.md");
if (!Directory.Exists(data))
{
    Console.Error.WriteLine($"Shared data not found at {data}: the benchmark reads the corpus in place (../shared/data/trials).");
    return 1;
}

using var self = Process.GetCurrentProcess();
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    self.ProcessorAffinity = 1; // one core
}

var xml = Path.Combine(data, "ctgov-xml");
var v2 = Path.Combine(data, "ctgov-v2");
var trialGpt = Path.Combine(data, "trialgpt-format");
var rows = new List<string>();

// Warm-up: JIT the readers and the store on a small slice so the first scenario is not charged for it.
await ReadAsync([v2]);

rows.Add(await MeasureAsync("baseline: raw file read (bytes only)", [xml, v2, trialGpt], async paths =>
{
    var (files, _) = TrialSources.Expand(paths);
    foreach (var file in files)
    {
        await File.ReadAllBytesAsync(file);
    }

    return files.Count;
}, unit: "files"));
rows.Add(await MeasureAsync("read: legacy XML", [xml], ReadAsync));
rows.Add(await MeasureAsync("read: API v2 JSON", [v2], ReadAsync));
rows.Add(await MeasureAsync("read: TrialGPT JSON/JSONL", [trialGpt], ReadAsync));
rows.Add(await MeasureAsync("end to end into SQLite: XML", [xml], IngestIntoFreshSqliteAsync));
rows.Add(await MeasureAsync("end to end into SQLite: API v2 JSON", [v2], IngestIntoFreshSqliteAsync));
var fullDb = Path.Combine(Path.GetTempPath(), $"trialaccess-bench-{Guid.NewGuid():N}.db");
try
{
    rows.Add(await MeasureAsync("end to end into SQLite: all three sources", [xml, v2, trialGpt], paths => IngestAsync(fullDb, paths)));
    rows.Add(await MeasureAsync("re-run on the full database (all unchanged)", [xml, v2, trialGpt], paths => IngestAsync(fullDb, paths)));
}
finally
{
    DeleteDatabase(fullDb);
}

self.Refresh();
var report = new StringBuilder()
    .AppendLine("# Ingest benchmark")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Corpus: `{Path.GetRelativePath(root, data)}` (ctgov-xml, ctgov-v2, trialgpt-format). One core (processor affinity 1), Release build, workstation non-concurrent GC.")
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}. Run at {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC.")
    .AppendLine()
    .AppendLine("| scenario | items | seconds | items/s | allocated MB | peak working set MB |")
    .AppendLine("|---|---:|---:|---:|---:|---:|");
rows.ForEach(r => report.AppendLine(r));
report.AppendLine()
    .AppendLine("Items are trial records except for the baseline (files). Peak working set is the process's peak so far, so it only grows down the table.")
    .AppendLine("Target (issue 2): at least 1,000 trials/s end to end into SQLite on one core.");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report.ToString());
Console.Out.Write(report.ToString());
return 0;

static async Task<string> MeasureAsync(string name, string[] paths, Func<string[], Task<int>> work, string unit = "trials")
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var items = await work(paths);
    clock.Stop();
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
    using var process = Process.GetCurrentProcess();
    var seconds = clock.Elapsed.TotalSeconds;
    Console.Error.WriteLine($"{name}: {items} {unit} in {seconds:F2} s");
    return string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {items:N0} | {seconds:F2} | {items / seconds:N0} | {allocated:N0} | {process.PeakWorkingSet64 / 1048576.0:N0} |");
}

static async Task<int> ReadAsync(string[] paths)
{
    var (files, _) = TrialSources.Expand(paths);
    var count = 0;
    foreach (var file in files)
    {
        await foreach (var result in TrialSources.ReadFileAsync(file))
        {
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException(result.Error!.ToString());
            }

            count++;
        }
    }

    return count;
}

static async Task<int> IngestIntoFreshSqliteAsync(string[] paths)
{
    var db = Path.Combine(Path.GetTempPath(), $"trialaccess-bench-{Guid.NewGuid():N}.db");
    try
    {
        return await IngestAsync(db, paths);
    }
    finally
    {
        DeleteDatabase(db);
    }
}

static async Task<int> IngestAsync(string db, string[] paths)
{
    await using var store = new SqliteTrialStore(db);
    await store.InitializeAsync();
    var (files, _) = TrialSources.Expand(paths);
    var report = await new TrialIngestor(store).IngestFilesAsync(files);
    Console.Error.WriteLine($"  new {report.New}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failed}");
    return report.Failed == 0 ? report.Read : throw new InvalidOperationException($"{report.Failed} failures");
}

static void DeleteDatabase(string db)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(db + suffix);
    }
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

    return Directory.GetCurrentDirectory();
}
