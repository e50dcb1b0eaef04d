using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrialAccess.Bench;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Web;

// Load on the web API: POST /api/match on the real Kestrel host (WebApp.Build, as `trialaccess serve` runs it) on a
// loopback port, over a SQLite database of the shared corpus, at a fixed rate (open loop: requests are sent on
// schedule whether or not earlier ones have answered). Usage:
//   dotnet run -c Release --project bench/TrialAccess.Bench.Load [-- --rate 100[,50,...] --seconds 60 --db <file> --results <file> --note "<what else ran>"]
// The host's per-client rate limit (TrialAccess:RateLimitPermits) is raised through WebAppOptions for the run: every
// request here comes from one loopback address, which a production limit is meant to stop.
var rates = (BenchArguments.Text(args, "--rate") ?? "100").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
var seconds = BenchArguments.Number(args, "--seconds", 60);
var results = BenchArguments.Text(args, "--results") ?? Path.Combine(BenchCorpus.RepositoryRoot, "bench", "results", "load.md");
var note = BenchArguments.Text(args, "--note");
if (!Directory.Exists(BenchCorpus.SharedData))
{
    Console.Error.WriteLine($"skipped: shared data not found at {BenchCorpus.SharedData}; the load benchmark serves the shared corpus and sends the TREC 2021 topics.");
    return 0;
}

var database = BenchArguments.Text(args, "--db") ?? BenchCorpus.SharedDatabase;
await BenchCorpus.EnsureSharedDatabaseAsync(database);
var (topics, error) = TrecTopic.ParseTopics(await File.ReadAllTextAsync(BenchCorpus.Topics2021));
if (error is not null)
{
    Console.Error.WriteLine(error);
    return 1;
}

// One body per topic, its text sent as a clinical note with the API's default filters (recruiting trials, age and sex, top 10).
var bodies = topics.Select(t => JsonSerializer.SerializeToUtf8Bytes(new { note = t.Text })).ToArray();
var loadBefore = LoadAverage();

var app = WebApp.Build(
    ["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Logging:LogLevel:Default=Warning"],
    options =>
    {
        options.Database = database;
        options.RateLimitPermits = 1_000_000;
        options.RateLimitWindowSeconds = 1;
    });
await using (app)
{
    await app.StartAsync();
    using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri(app.Urls.Single()),
        Timeout = TimeSpan.FromSeconds(30),
    };

    // Warm-up, one request at a time: the first builds the match catalog; the pass over all topics parses the criteria
    // of their candidates (the cold path), then a second pass shows the warm latency of a single request.
    var clock = Stopwatch.StartNew();
    var first = await SendAsync(client, bodies[0], Stopwatch.GetTimestamp());
    var catalogSeconds = clock.Elapsed.TotalSeconds;
    if (first.Status != 200)
    {
        Console.Error.WriteLine($"the first match failed with {first.Status}: {first.Error}");
        return 1;
    }

    var coldPass = new List<Outcome>();
    var warmPass = new List<Outcome>();
    var allocatedBefore = 0L;
    foreach (var pass in new[] { coldPass, warmPass })
    {
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var body in bodies)
        {
            pass.Add(await SendAsync(client, body, Stopwatch.GetTimestamp()));
        }
    }

    var allocatedPerRequest = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)warmPass.Count;

    // The measured runs, one per rate: request i is due at start + i / rate; latency runs from when it was due, so a
    // server that falls behind is charged for the wait (no coordinated omission). A pause lets the previous run drain.
    var rows = new List<string>();
    var failed = false;
    foreach (var rate in rates)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var (row, errors) = await RunAtRateAsync(client, bodies, rate, seconds);
        rows.Add(row);
        failed |= errors;
        Console.Error.WriteLine(row);
    }

    var loadAfter = LoadAverage();
    await app.StopAsync();
    var report = new StringBuilder()
        .AppendLine("# Load benchmark")
        .AppendLine()
        .AppendLine("`POST /api/match` on the real Kestrel host (`WebApp.Build`, as `trialaccess serve` runs it) on a loopback port, over a")
        .AppendLine("SQLite database of the shared corpus. Each request sends one TREC 2021 topic as a clinical note (the 75 topics in")
        .AppendLine("turn) with the API's default filters: recruiting trials, age and sex, top 10, the 200 best candidates evaluated. Requests")
        .AppendLine("are sent on a fixed schedule (open loop) by one HttpClient in the same process; a request's latency runs from the")
        .AppendLine("moment it was due to the last byte of its response, so time spent queueing behind slow requests counts.")
        .AppendLine()
        .AppendLine("The host's rate limit (`TrialAccess:RateLimitPermits` per `RateLimitWindowSeconds`, 300 per 10 s by default) is per")
        .AppendLine("client address and every request here comes from 127.0.0.1, so the benchmark raises it through `WebAppOptions` to")
        .AppendLine("1,000,000 per second; the limiter stays in the pipeline.")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? ", non-concurrent" : ", background collections")} (as the CLI's `serve`). Run at {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC.")
        .AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.")
        .AppendLine(CultureInfo.InvariantCulture, $"Also running: {note ?? "not recorded (pass --note)"}.")
        .AppendLine()
        .AppendLine("## Warm-up, one request at a time")
        .AppendLine()
        .AppendLine("| pass | requests | p50 ms | p90 ms | p99 ms | max ms |")
        .AppendLine("|---|---:|---:|---:|---:|---:|")
        .AppendLine(CultureInfo.InvariantCulture, $"| first request (builds the catalog) | 1 | {catalogSeconds * 1000:F0} | | | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| cold: each topic once, candidates' criteria parsed on first sight | {coldPass.Count} | {Latencies(coldPass)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| warm: each topic again | {warmPass.Count} | {Latencies(warmPass)} |")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Allocated per warm request (client and server): {allocatedPerRequest / 1048576:F2} MB.")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"## Fixed rates, {seconds} s each")
        .AppendLine()
        .AppendLine("| target req/s | sent | OK | achieved OK/s | p50 ms | p90 ms | p99 ms | max ms | errors | process CPU | GC (gen0/1/2, pause) |")
        .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|")
        .AppendJoin(Environment.NewLine, rows).AppendLine()
        .AppendLine()
        .AppendLine("Achieved: OK responses per second from the first request's due time to the last response. Errors: HTTP status, or the")
        .AppendLine("exception when no response came (the client gives up after 30 s).")
        .AppendLine("Process CPU is client and server together (they share the process and the cores).")
        .AppendLine()
        .AppendLine("Target (issue 6): at least 100 match requests/s sustained for 60 s with p99 under 1 s and no errors, on the shared corpus.");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(results))!);
    await File.WriteAllTextAsync(results, report.ToString());
    Console.Write(report.ToString());
    return failed ? 2 : 0;
}

// One open-loop run at a fixed rate: its table row, and whether any request failed.
static async Task<(string Row, bool Errors)> RunAtRateAsync(HttpClient client, byte[][] bodies, int rate, int seconds)
{
    using var self = Process.GetCurrentProcess();
    var cpuBefore = self.TotalProcessorTime;
    var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    var total = rate * seconds;
    var sent = new List<Task<Outcome>>(total);
    var start = Stopwatch.GetTimestamp();
    using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5)))
    {
        while (sent.Count < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            while (sent.Count < total && sent.Count <= elapsed * rate)
            {
                var body = bodies[sent.Count % bodies.Length];
                var due = start + (long)(sent.Count * (double)Stopwatch.Frequency / rate);
                sent.Add(Task.Run(() => SendAsync(client, body, due)));
            }

            await tick.WaitForNextTickAsync();
        }
    }

    var outcomes = await Task.WhenAll(sent);
    var wall = (outcomes.Max(o => o.Done) - start) / (double)Stopwatch.Frequency;
    self.Refresh();
    var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
    var gc = string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}, {(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalSeconds:F1} s");
    var ok = outcomes.Count(o => o.Status == 200);
    var errors = outcomes.Where(o => o.Status != 200)
        .GroupBy(o => o.Status == 0 ? o.Error ?? "exception" : o.Status.ToString(CultureInfo.InvariantCulture))
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key}: {g.Count()}")
        .ToList();
    var row = string.Create(CultureInfo.InvariantCulture,
        $"| {rate} | {outcomes.Length} | {ok} | {ok / wall:F1} | {Latencies(outcomes)} | {(errors.Count == 0 ? "none" : string.Join(", ", errors))} | {cpu / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores | {gc} |");
    return (row, errors.Count > 0);
}

static async Task<Outcome> SendAsync(HttpClient client, byte[] body, long due)
{
    try
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("/api/match", UriKind.Relative), content);
        await response.Content.ReadAsByteArrayAsync();
        return new Outcome((int)response.StatusCode, Stopwatch.GetTimestamp(), due, null);
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
    {
        return new Outcome(0, Stopwatch.GetTimestamp(), due, e.GetType().Name);
    }
}

// p50 | p90 | p99 | max of the given outcomes, in milliseconds, as table cells.
static string Latencies(IEnumerable<Outcome> outcomes)
{
    var times = outcomes.Select(o => (o.Done - o.Due) * 1000.0 / Stopwatch.Frequency).Order().ToList();
    double Percentile(double p) => BenchArguments.Percentile(times, p);
    return string.Create(CultureInfo.InvariantCulture, $"{Percentile(0.5):F1} | {Percentile(0.9):F1} | {Percentile(0.99):F1} | {times[^1]:F1}");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "not available";


/// <summary>One request: HTTP status (0 when no response came), when it finished and when it was due (timestamps).</summary>
internal sealed record Outcome(int Status, long Done, long Due, string? Error);
