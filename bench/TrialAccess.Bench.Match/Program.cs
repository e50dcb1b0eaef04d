using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrialAccess.Bench;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Evaluation.Vignettes;
using TrialAccess.Matching;
using TrialAccess.Patients;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Trials;

// Match latency and memory for one patient at a time, on the shared corpus and on a scaled corpus (the real records
// replicated with new ids). Usage:
//   dotnet run -c Release --project bench/TrialAccess.Bench.Match [-- --scale 200000 --results bench/results/match.md]
// Options:
//   --sources older|all      the real records: the 7,856 of ctgov-xml, ctgov-v2 and trialgpt-format (older, the default)
//                            or all 18,158 shared trials, ctgov-v2-derived included (all)
//   --patients trec|vignettes the patients: the 75 TREC 2021 topics (default) or the oncology vignettes of
//                            tests/TrialAccess.Core.Tests/Evaluation/Vignettes/oncology-dev.json (30 notes)
//   --passes N               measured passes over the patients after the warm-up (default 3; the first is cache-cold)
//   --vector-dimensions D    holds a stand-in embedding matrix (trials x D float32, filled) for the whole run, so that
//                            the memory figures include vectors of that size (default 0: none). TODO(embed): replace
//                            with the embed branch's vector index once merged, and time its search inside each request.
//   --scaled-only            run the scaled corpus only (not the shared corpus as well)
//   --append "title"         append a "## title" section to the results file instead of rewriting it
// Each corpus size runs in its own child process so that its peak working set is its own.
var root = BenchCorpus.RepositoryRoot;
var work = BenchCorpus.WorkFolder;
Directory.CreateDirectory(work);
if (!Directory.Exists(BenchCorpus.SharedData))
{
    Console.Error.WriteLine($"Shared data not found at {BenchCorpus.SharedData}: the benchmark reads the corpus and the TREC topics in place.");
    return 1;
}

var child = Array.IndexOf(args, "--child");
if (child >= 0)
{
    return await RunChildAsync(args[child + 1], int.Parse(args[child + 2], CultureInfo.InvariantCulture), args[child + 3], int.Parse(args[child + 4], CultureInfo.InvariantCulture));
}

var scale = BenchArguments.Number(args, "--scale", 200_000);
var results = BenchArguments.Text(args, "--results") ?? Path.Combine(root, "bench", "results", "match.md");
var allSources = BenchArguments.Text(args, "--sources") switch
{
    null or "older" => false,
    "all" => true,
    var other => throw new ArgumentException($"--sources: expected older or all, not {other}"),
};
var patients = BenchArguments.Text(args, "--patients") ?? "trec";
if (patients is not ("trec" or "vignettes"))
{
    throw new ArgumentException($"--patients: expected trec or vignettes, not {patients}");
}

var passesOption = BenchArguments.Number(args, "--passes", 3);
var vectorDimensions = BenchArguments.Number(args, "--vector-dimensions", 0);
var append = BenchArguments.Text(args, "--append");
var sharedDb = allSources ? BenchCorpus.AllSharedDatabase : BenchCorpus.SharedDatabase;
await BenchCorpus.EnsureSharedDatabaseAsync(sharedDb, allSources);
var scaledDb = Path.Combine(work, allSources ? $"scaled-all-{scale}.db" : $"scaled-{scale}.db");
await EnsureScaledDatabaseAsync(sharedDb, scaledDb, scale);

var rows = new List<string>();
foreach (var db in args.Contains("--scaled-only") ? [scaledDb] : new[] { sharedDb, scaledDb })
{
    var self = Environment.ProcessPath!;
    var info = new ProcessStartInfo(self) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
    }

    foreach (var a in new[] { "--child", db, passesOption.ToString(CultureInfo.InvariantCulture), patients, vectorDimensions.ToString(CultureInfo.InvariantCulture) })
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    var lines = (await process.StandardOutput.ReadToEndAsync()).Trim();
    await process.WaitForExitAsync();
    rows.AddRange(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "unknown";
var patientsText = patients == "trec"
    ? "the TREC 2021 topic text is read as a note"
    : "an oncology vignette (the 30 notes of tests/TrialAccess.Core.Tests/Evaluation/Vignettes/oncology-dev.json) is read as a note";
var report = new StringBuilder();
if (append is null)
{
    report.AppendLine("# Match benchmark").AppendLine();
}
else
{
    report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {append}").AppendLine();
}

report
    .AppendLine(CultureInfo.InvariantCulture, $"One patient per request: {patientsText} (intake included in the time), then matched")
    .AppendLine("against the whole database with the default filters (recruiting only, age and sex) switched off so that every")
    .AppendLine("request does the full work: retrieval over every trial, the 200 best candidates evaluated (their criteria parsed")
    .AppendLine("on first sight and kept in the bounded parse cache), the full records of the returned trials read. The scaled corpus")
    .AppendLine(CultureInfo.InvariantCulture, $"replicates the real records ({(allSources ? "all 18,158 shared trials, ctgov-v2-derived included" : "the 7,856 of ctgov-xml, ctgov-v2 and trialgpt-format")}) with new ids, text kept: copy 0 keeps the real ids, copy k")
    .AppendLine("gets NCT{10+k}{index:D6}; the parse cache is keyed by trial id, so each copy is parsed on its own.")
    .AppendLine("Each corpus runs in its own process. The process is warmed as a server that has been up is: the patients are")
    .AppendLine("matched once by a matcher with a parse cache of its own (the JIT compiles and tiers up the code; the operating")
    .AppendLine("system's page cache holds the database pages read), then that matcher is dropped and a new one, with an empty parse")
    .AppendLine(CultureInfo.InvariantCulture, $"cache, matches the patients in {passesOption} measured passes. The first pass is cache-cold (every candidate's criteria")
    .AppendLine("parsed when first seen; patients share some candidates); the later passes are warm (every candidate's parse is in the")
    .AppendLine("cache, which holds 20,000 trials).")
    .AppendLine("Memory is that process's peak working set, catalog and parse cache included" + (vectorDimensions > 0
        ? string.Create(CultureInfo.InvariantCulture, $", and a stand-in embedding matrix of {vectorDimensions} float32 per trial held for the whole run (not searched: the vector index is another branch's work).")
        : "; no embedding vectors (none are in the matcher yet)."))
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (as the CLI). Run at {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC; load average at the end {loadAverage}.")
    .AppendLine()
    .AppendLine("| corpus | trials | requests measured | catalog build s | requests | p50 ms | p90 ms | p99 ms | max ms | peak working set MB | managed heap MB |")
    .AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
rows.ForEach(r => report.AppendLine(r));
report.AppendLine()
    .AppendLine("Targets (issue 5): p50 under 100 ms and p99 under 500 ms at 200,000 trials on this 2-core machine, memory under 4 GB.");
Directory.CreateDirectory(Path.GetDirectoryName(results)!);
if (append is null)
{
    await File.WriteAllTextAsync(results, report.ToString());
}
else
{
    await File.AppendAllTextAsync(results, report.ToString());
}

Console.Write(report.ToString());
return 0;

static async Task<int> RunChildAsync(string db, int rounds, string patients, int vectorDimensions)
{
    var topics = new List<TrecTopic>();
    if (patients == "vignettes")
    {
        var suite = Path.Combine(BenchCorpus.RepositoryRoot, "tests", "TrialAccess.Core.Tests", "Evaluation", "Vignettes", "oncology-dev.json");
        var (vignettes, suiteError) = VignetteSuite.Parse(await File.ReadAllTextAsync(suite));
        if (vignettes is null)
        {
            throw new InvalidOperationException(suiteError);
        }

        topics.AddRange(vignettes.Select(v => new TrecTopic(v.Id, v.Note)));
    }
    else
    {
        var (trec, error) = TrecTopic.ParseTopics(await File.ReadAllTextAsync(BenchCorpus.Topics2021));
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        topics.AddRange(trec);
    }

    await using var store = new SqliteTrialStore(db);
    await store.InitializeAsync();
    var clock = Stopwatch.StartNew();
    var catalog = await TrialCatalog.BuildAsync(store.ReadAllAsync());
    var build = clock.Elapsed.TotalSeconds;

    // A stand-in for the embedding vectors (one float32 row per trial), filled so that its pages are resident: the
    // memory figures then include vectors of that size. TODO(embed): the embed branch's index instead, searched per request.
    var vectors = new float[(long)catalog.Count * vectorDimensions];
    for (long i = 0; i < vectors.LongLength; i++)
    {
        vectors[i] = (i % 97) / 97f;
    }

    // The process is warmed on every topic by a matcher with a parse cache of its own, so the measured matcher starts
    // with an empty cache in a process whose code is compiled at full optimisation, as a server's is after its first
    // requests.
    var warmUp = new TrialMatcher(catalog, store.FindManyAsync, TimeProvider.System);
    var matcher = new TrialMatcher(catalog, store.FindManyAsync, TimeProvider.System);

    async Task<double> OneAsync(TrialMatcher with, TrecTopic topic)
    {
        var watch = Stopwatch.StartNew();
        var intake = PatientIntake.WithoutFhir.Read(topic.Text);
        await with.MatchAsync(new MatchRequest
        {
            Patient = intake.Profile ?? new PatientProfile(),
            Note = topic.Text,
            Filters = TrialAccess.Matching.Filters.MatchFilters.None,
        });
        return watch.Elapsed.TotalMilliseconds;
    }

    foreach (var topic in topics)
    {
        await OneAsync(warmUp, topic);
    }

    warmUp = null;
    var passes = new List<List<double>>();
    for (var round = 0; round < rounds; round++)
    {
        var times = new List<double>();
        foreach (var topic in topics)
        {
            times.Add(await OneAsync(matcher, topic));
        }

        passes.Add(times);
    }

    using var process = Process.GetCurrentProcess();
    var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
    GC.KeepAlive(catalog);
    GC.KeepAlive(vectors);
    var corpus = Path.GetFileName(db).StartsWith("scaled", StringComparison.Ordinal) ? "scaled" : "shared";
    string Row(string pass, IEnumerable<double> measured)
    {
        var times = measured.Order().ToList();
        double Percentile(double p) => BenchArguments.Percentile(times, p);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {corpus} | {catalog.Count:N0} | {pass} | {build:F1} | {times.Count} | {Percentile(0.5):F1} | {Percentile(0.9):F1} | {Percentile(0.99):F1} | {times[^1]:F1} | {process.PeakWorkingSet64 / 1048576.0:N0} | {heap:N0} |");
    }

    Console.WriteLine(Row("all", passes.SelectMany(p => p)));
    Console.WriteLine(Row("first pass (cold)", passes[0]));
    Console.WriteLine(Row($"passes 2-{rounds} (warm)", passes.Skip(1).SelectMany(p => p)));
    return 0;
}

static async Task EnsureScaledDatabaseAsync(string sharedPath, string path, int scale)
{
    await using var scaled = new SqliteTrialStore(path);
    await scaled.InitializeAsync();
    if ((await scaled.GetStatisticsAsync()).Trials >= scale)
    {
        return;
    }

    await using var source = new SqliteTrialStore(sharedPath);
    await source.InitializeAsync();
    var originals = new List<ClinicalTrial>();
    await foreach (var trial in source.ReadAllAsync())
    {
        originals.Add(trial);
    }

    Console.Error.WriteLine($"building a scaled corpus of {scale:N0} trials from {originals.Count:N0} real records...");
    var batch = new List<ClinicalTrial>(1000);
    for (var n = 0; n < scale; n++)
    {
        var copy = n / originals.Count;
        var original = originals[n % originals.Count];
        // Copy 0 keeps the real ids; copy k gets NCT{10+k}{index:D6}, which no real record uses.
        batch.Add(copy == 0 ? original : original with { NctId = NctId.Parse(string.Create(CultureInfo.InvariantCulture, $"NCT{10 + copy:D2}{n % originals.Count:D6}")) });
        if (batch.Count == 1000 || n == scale - 1)
        {
            await scaled.UpsertAsync(batch);
            batch.Clear();
        }
    }
}
