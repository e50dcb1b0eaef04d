using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrialAccess.Storage;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Storage.Recruitment.Import;

// Imports a generated accrual log of 100,000 rows (one recruited participant a row, 40 sites, two years) into a fresh
// database, then imports it again (nothing changes), as `recruitment import` does. Usage:
//   dotnet run -c Release --project bench/TrialAccess.Bench.RecruitmentImport [-- --rows 100000 --postgres "<connection string>" --note "what else ran" --results <file.md>]
// The issue's target: under 30 s for 100,000 rows.
var rows = 100_000;
string? postgres = null;
var note = "";
var root = FindRepositoryRoot();
var output = Path.Combine(root, "bench", "results", "recruitment-import.md");
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--postgres": postgres = args[i + 1]; break;
        case "--note": note = args[i + 1]; break;
        case "--results": output = args[i + 1]; break;
    }
}

var folder = Path.Combine(Path.GetTempPath(), "trialaccess-bench", "recruitment-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var sites = Path.Combine(folder, "sites.csv");
var accrual = Path.Combine(folder, "accrual.csv");
WriteLogs(sites, accrual, rows);
var results = new List<string>();
try
{
    results.AddRange(await RunAsync("SQLite", new StoreLocation(StoreKind.Sqlite, Path.Combine(folder, "bench.db"))));
    if (postgres is not null)
    {
        results.AddRange(await RunAsync("PostgreSQL", new StoreLocation(StoreKind.Postgres, postgres)));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : ["?"];
var report = new StringBuilder()
    .AppendLine("# Recruitment log import")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/TrialAccess.Bench.RecruitmentImport` on {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, {Environment.ProcessorCount} cores, load average before the run {string.Join(" ", load)}{(note.Length > 0 ? "; " + note : "")}.")
    .AppendLine(CultureInfo.InvariantCulture, $"A generated accrual log of {rows:N0} rows (one recruited participant a row, 40 sites of one study, two years of dates, age band and sex) after its 40-row site log; the second import of the same file changes nothing. Target: under 30 s for 100,000 rows.")
    .AppendLine()
    .AppendLine("Seconds are wall-clock; CPU seconds are this process's own (the database server's work on PostgreSQL is not in them). On a loaded machine the wall-clock figure mostly measures the wait for a core.")
    .AppendLine()
    .AppendLine("| database | step | rows | changed | seconds | CPU seconds | rows/s | peak working set (MB) |")
    .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
foreach (var line in results)
{
    report.AppendLine(line);
}

await File.WriteAllTextAsync(output, report.ToString());
Console.Write(report);
return 0;

async Task<List<string>> RunAsync(string engine, StoreLocation location)
{
    var lines = new List<string>();
    // As `recruitment import` does: the trial store opens the database first (on SQLite it puts the file in WAL mode).
    await using (var trials = TrialStoreFactory.Create(location))
    {
        await trials.InitializeAsync();
    }

    await using var store = await RecruitmentStore.OpenAsync(location, TimeProvider.System);
    store.Actor = "bench";
    lines.Add(await MeasureAsync(engine, "site log (first use: includes start-up)", store, sites));
    lines.Add(await MeasureAsync(engine, "accrual log, first import", store, accrual));
    lines.Add(await MeasureAsync(engine, "accrual log, same file again", store, accrual));
    return lines;
}

static async Task<string> MeasureAsync(string engine, string step, RecruitmentStore store, string path)
{
    GC.Collect();
    using var before = Process.GetCurrentProcess();
    var cpuBefore = before.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await using var stream = File.OpenRead(path);
    var report = await new RecruitmentLogImporter(store).ImportAsync(stream);
    watch.Stop();
    if (report.Failed > 0)
    {
        throw new InvalidOperationException(string.Join("\n", report.Errors.Take(5)));
    }

    using var process = Process.GetCurrentProcess();
    var seconds = watch.Elapsed.TotalSeconds;
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.Error.WriteLine($"{engine} {step}: {report.Rows} rows in {seconds:0.00} s ({cpu:0.00} s of CPU in this process)");
    return string.Create(CultureInfo.InvariantCulture, $"| {engine} | {step} | {report.Rows:N0} | {report.Changed:N0} | {seconds:0.00} | {cpu:0.00} | {report.Rows / seconds:N0} | {process.PeakWorkingSet64 / 1048576.0:N0} |");
}

static void WriteLogs(string sitesPath, string accrualPath, int rows)
{
    const int siteCount = 40;
    using (var sites = new StreamWriter(sitesPath))
    {
        sites.WriteLine("study_id,study_title,study_target,recruitment_start,target_end_date,site_id,site_name,site_target,selected,opened");
        for (var s = 0; s < siteCount; s++)
        {
            sites.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NCT99100001,Benchmark study,{rows},2023-01-01,2024-12-31,S{s:D2},Site {s},{rows / siteCount},2022-11-01,2023-01-{1 + (s % 28):D2}"));
        }
    }

    var bands = new[] { "18-39", "40-49", "50-59", "60-69", "70-79", "80+" };
    var random = new Random(15);
    using var accrual = new StreamWriter(accrualPath);
    accrual.WriteLine("study_id,site_id,subject_id,recruited_on,age_band,sex");
    var start = new DateOnly(2023, 2, 1);
    for (var i = 0; i < rows; i++)
    {
        var site = i % siteCount;
        var day = start.AddDays(random.Next(0, 690));
        accrual.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NCT99100001,S{site:D2},S{site:D2}-{i:D6},{day:yyyy-MM-dd},{bands[random.Next(bands.Length)]},{(random.Next(2) == 0 ? "female" : "male")}"));
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

    throw new InvalidOperationException("Cannot find the repository root (TrialAccess.slnx).");
}
