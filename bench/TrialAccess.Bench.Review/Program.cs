using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrialAccess.Bench;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Organisations;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web;
using TrialAccess.Web.Accounts;

// Usage: dotnet run -c Release --project bench/TrialAccess.Bench.Review -- --postgres "Host=127.0.0.1;Port=55450;Username=postgres;Database=postgres" [--reviewers 50] [--rounds 3]
// Each round: a fresh database, one project in external review with one assignment per reviewer; every reviewer is
// signed in through the real sign-in form; then every reviewer sends two submissions of their review at the same
// moment (2 x reviewers requests in flight). Expected: one 200 and one refusal (409) per reviewer, exactly one stored
// review per assignment with the scores sent, one audit entry per stored review.
var admin = BenchArguments.Text(args, "--postgres") ?? Environment.GetEnvironmentVariable("TRIALACCESS_BENCH_POSTGRES")
    ?? throw new ArgumentException("--postgres <connection string to a database the benchmark may create databases from> is required");
var reviewers = BenchArguments.Number(args, "--reviewers", 50);
var rounds = BenchArguments.Number(args, "--rounds", 3);

Console.WriteLine($"review concurrency: {reviewers} reviewers x 2 simultaneous submissions, {rounds} rounds, PostgreSQL, Kestrel on loopback");
var allLatencies = new List<double>();
var failures = 0;
for (var round = 1; round <= rounds; round++)
{
    var name = "trialaccess_bench_review_" + Guid.NewGuid().ToString("N")[..8];
    await Execute(admin, $"CREATE DATABASE {name}");
    try
    {
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        var (latencies, ok) = await RunRoundAsync(database, reviewers);
        allLatencies.AddRange(latencies);
        failures += ok ? 0 : 1;
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}

allLatencies.Sort();
Console.WriteLine($"all rounds: {allLatencies.Count} requests, p50 {BenchArguments.Percentile(allLatencies, 0.5):0} ms, p95 {BenchArguments.Percentile(allLatencies, 0.95):0} ms, max {allLatencies[^1]:0} ms; rounds with lost or duplicated reviews: {failures}");
return failures == 0 ? 0 : 1;

static async Task<(List<double> Latencies, bool Ok)> RunRoundAsync(string database, int reviewers)
{
    var app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Logging:LogLevel:Default=Warning"], options =>
    {
        options.Database = database;
        options.RateLimitPermits = 1_000_000;
    });
    await app.StartAsync();
    try
    {
        var baseAddress = new Uri(app.Urls.Single());
        var password = AccountAdministration.GeneratePassword();
        var (assignments, form) = await SeedAsync(app.Services, reviewers, password);

        var clients = new List<(HttpClient Client, Guid Assignment, int Score)>();
        var signIn = Stopwatch.StartNew();
        for (var i = 0; i < reviewers; i++)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
            var page = await client.GetStringAsync("/account/sign-in");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = $"bench-reviewer-{i:00}", ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in of reviewer {i} failed: {response.StatusCode}");
            }

            clients.Add((client, assignments[i], 1 + (i % 9)));
        }

        Console.WriteLine($"  signed in {reviewers} reviewers in {signIn.Elapsed.TotalSeconds:0.0} s");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = clients.SelectMany(c => Enumerable.Range(0, 2).Select(_ => SubmitAsync(c.Client, c.Assignment, c.Score, form, start.Task))).ToList();
        var wall = Stopwatch.StartNew();
        start.SetResult();
        var results = await Task.WhenAll(requests);
        wall.Stop();

        var byAssignment = results.GroupBy(r => r.Assignment).ToDictionary(g => g.Key, g => g.Select(r => r.Status).ToList());
        var accepted = results.Count(r => r.Status == HttpStatusCode.OK);
        var refused = results.Count(r => r.Status == HttpStatusCode.Conflict);
        var other = results.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Select(r => (int)r.Status).Distinct().ToList();

        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var stored = await store.Reviews.AsNoTracking().ToListAsync();
        var audited = await store.Audit.AsNoTracking().CountAsync(a => a.Action == "review.submit" && a.EntityType == "Review");
        var lost = assignments.Count(a => stored.All(r => r.AssignmentId != a));
        var duplicated = stored.GroupBy(r => r.AssignmentId).Count(g => g.Count() > 1);
        var wrongScores = stored.Count(r => r.Status != ReviewStatus.Submitted || r.Scores.Any(s => s.Score != clients.Single(c => c.Assignment == r.AssignmentId).Score));
        var oneAcceptedEach = byAssignment.Values.All(s => s.Count(x => x == HttpStatusCode.OK) == 1);

        var latencies = results.Select(r => r.Milliseconds).Order().ToList();
        Console.WriteLine($"  {results.Length} submissions in {wall.Elapsed.TotalMilliseconds:0} ms: {accepted} accepted, {refused} refused as duplicates (409){(other.Count > 0 ? ", other statuses: " + string.Join(",", other) : "")}; " +
            $"latency p50 {BenchArguments.Percentile(latencies, 0.5):0} ms, p95 {BenchArguments.Percentile(latencies, 0.95):0} ms, max {latencies[^1]:0} ms");
        Console.WriteLine($"  stored reviews {stored.Count} for {assignments.Count} assignments: lost {lost}, duplicated {duplicated}, wrong scores or status {wrongScores}; audit entries review.submit {audited}; one acceptance per reviewer: {oneAcceptedEach}");
        var ok = lost == 0 && duplicated == 0 && wrongScores == 0 && stored.Count == reviewers && audited == reviewers && oneAcceptedEach && other.Count == 0;
        return (latencies, ok);
    }
    finally
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

static async Task<(HttpStatusCode Status, Guid Assignment, double Milliseconds)> SubmitAsync(HttpClient client, Guid assignment, int score, ReviewForm form, Task start)
{
    await start;
    var watch = Stopwatch.StartNew();
    var scores = form.Criteria.ToDictionary(c => c.Key, _ => score);
    using var response = await client.PutAsJsonAsync($"/api/pipeline/assignments/{assignment}/review", new { scores, comments = $"Score {score} on every criterion.", submit = true });
    return (response.StatusCode, assignment, watch.Elapsed.TotalMilliseconds);
}

static async Task<(List<Guid> Assignments, ReviewForm Form)> SeedAsync(IServiceProvider services, int reviewers, string password)
{
    await using var scope = services.CreateAsyncScope();
    var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
    var store = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
    var clock = TimeProvider.System;
    var centre = new Organisation(Guid.NewGuid(), "Bench centre", OrganisationKind.Centre);
    var nominator = new Organisation(Guid.NewGuid(), "Bench university", OrganisationKind.University);
    var agent = Agent.Create(Guid.NewGuid(), "Benchmarkinib", "BM-1", Modality.SmallMolecule, "EGFR", "Inhibitor", nominator.Id, "Filed").Value!;
    var project = DevelopmentProject.Nominate(Guid.NewGuid(), "CDD-9999", agent.Id, "Benchmarkinib", ["NSCLC"],
        new Nomination(nominator.Id, "nobody", NominationSource.Academic, clock.GetUtcNow(), "Package", []), StageCatalog.Default).Value!;
    var round = ReviewRound.Open(Guid.NewGuid(), project.Id, RoundKind.ExternalReview, ReviewForm.ExternalReview, blind: true, clock.GetUtcNow());
    store.AddRange(centre, nominator, agent, project, round);
    var assignments = new List<Guid>();
    for (var i = 0; i < reviewers; i++)
    {
        var created = await accounts.CreateAsync(new NewAccount($"bench-reviewer-{i:00}", $"Bench Reviewer {i:00}", null, password, [Roles.Reviewer]));
        var id = created.User?.Id ?? throw new InvalidOperationException(string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        store.People.Add(new Person(id, $"Bench Reviewer {i:00}", centre.Id));
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, id, i % 2 == 0 ? AssignmentType.Primary : AssignmentType.External, false, "bench", clock.GetUtcNow()).Value!;
        store.Assignments.Add(assignment);
        assignments.Add(assignment.Id);
    }

    store.Actor = "bench";
    await store.SaveChangesAsync();
    return (assignments, round.Form);
}

static async Task Execute(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
