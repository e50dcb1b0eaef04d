using TrialAccess.Ingestion;
using TrialAccess.Storage.Postgres;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;
using TrialAccess.Trials;

namespace TrialAccess.Storage.Tests;

/// <summary>
/// The behaviour every store must have: each test runs on a fresh SQLite file and on a fresh PostgreSQL database
/// (the PostgreSQL rows exist where <c>TRIALACCESS_TEST_POSTGRES</c> is set, and always in CI, where a missing
/// server fails them).
/// </summary>
public sealed class TrialStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string> Engines()
    {
        var engines = new TheoryData<string> { "sqlite" };
        if (TestPostgres.AdminConnectionString is not null || TestPostgres.IsCi)
        {
            engines.Add("postgres");
        }

        return engines;
    }

    public void Dispose() => _folder.Dispose();

    internal static ClinicalTrial Trial(string id, DateOnly? lastUpdate, string title = "EGFR mutant non-small cell lung cancer study", RecruitmentStatus status = RecruitmentStatus.Recruiting, params TrialPhase[] phases) => new()
    {
        NctId = NctId.Parse(id),
        BriefTitle = title,
        OverallStatus = status,
        Phases = phases.Length == 0 ? [TrialPhase.Phase2] : phases,
        Conditions = ["Carcinoma, Non-Small-Cell Lung"],
        Interventions = [new Intervention { Name = "Osimertinib", OtherNames = ["AZD9291"], Type = "DRUG" }],
        Dates = new TrialDates { LastUpdate = lastUpdate },
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* ECOG 0-1", MinimumAge = new AgeLimit(18, AgeUnit.Years), Sex = EligibleSex.All },
        Sites =
        [
            new TrialSite { Facility = "North", City = "Boston", Country = "United States", Status = RecruitmentStatus.Recruiting, Coordinates = new GeoPoint(42.36, -71.06) },
            new TrialSite { Facility = "South", City = "Houston", Country = "United States", Status = RecruitmentStatus.Completed },
        ],
    };

    private async Task WithStoreAsync(string engine, Func<ITrialStore, Task> test)
    {
        if (engine == "sqlite")
        {
            await using var sqlite = new SqliteTrialStore(_folder.File($"{Guid.NewGuid():N}.db"));
            await sqlite.InitializeAsync();
            await test(sqlite);
            return;
        }

        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using (var postgres = new PostgresTrialStore(database.ConnectionString))
        {
            await postgres.InitializeAsync();
            await test(postgres);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public Task UpsertAsync_NewThenSame_IsNewThenUnchanged(string engine) => WithStoreAsync(engine, async store =>
    {
        var trial = Trial("NCT00000001", new DateOnly(2024, 1, 1));

        (await store.UpsertAsync([trial])).Should().Equal(IngestOutcome.New);
        (await store.UpsertAsync([trial])).Should().Equal(IngestOutcome.Unchanged);
        (await store.GetStatisticsAsync()).Trials.Should().Be(1);
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task UpsertAsync_LaterVersion_ReplacesRecordSitesAndIndex(string engine) => WithStoreAsync(engine, async store =>
    {
        await store.UpsertAsync([Trial("NCT00000001", new DateOnly(2024, 1, 1), title: "Old title about melanoma")]);
        var later = Trial("NCT00000001", new DateOnly(2024, 6, 1), title: "New title about glioblastoma") with { Sites = [] };

        (await store.UpsertAsync([later])).Should().Equal(IngestOutcome.Updated);

        (await store.FindAsync(later.NctId))!.BriefTitle.Should().Be("New title about glioblastoma");
        (await store.SearchAsync(Query("melanoma"))).Should().BeEmpty();
        (await store.SearchAsync(Query("glioblastoma"))).Should().ContainSingle();
        (await store.GetStatisticsAsync()).Sites.Should().Be(0);
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task UpsertAsync_UndatedAfterDated_KeepsDated(string engine) => WithStoreAsync(engine, async store =>
    {
        await store.UpsertAsync([Trial("NCT00000001", new DateOnly(2024, 1, 1), title: "Registry version")]);

        (await store.UpsertAsync([Trial("NCT00000001", null, title: "Corpus version")])).Should().Equal(IngestOutcome.Unchanged);
        (await store.FindAsync(NctId.Parse("NCT00000001")))!.BriefTitle.Should().Be("Registry version");
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task UpsertAsync_SameTrialTwiceInOneBatch_KeepsTheLaterVersion(string engine) => WithStoreAsync(engine, async store =>
    {
        var outcomes = await store.UpsertAsync([
            Trial("NCT00000001", new DateOnly(2024, 6, 1), title: "June version"),
            Trial("NCT00000001", new DateOnly(2024, 1, 1), title: "January version"),
            Trial("NCT00000001", new DateOnly(2024, 9, 1), title: "September version"),
        ]);

        outcomes.Should().Equal(IngestOutcome.New, IngestOutcome.Unchanged, IngestOutcome.Updated);
        (await store.FindAsync(NctId.Parse("NCT00000001")))!.BriefTitle.Should().Be("September version");
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task FindAsync_StoredTrial_RoundTripsTheWholeRecord(string engine) => WithStoreAsync(engine, async store =>
    {
        var trial = Trial("NCT00000001", new DateOnly(2024, 1, 1));
        await store.UpsertAsync([trial]);

        var found = await store.FindAsync(trial.NctId);

        found.Should().BeEquivalentTo(trial);
        (await store.FindAsync(NctId.Parse("NCT99999999"))).Should().BeNull();
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task SearchAsync_AllWordsWithFilters_RanksMatchingTrials(string engine) => WithStoreAsync(engine, async store =>
    {
        await store.UpsertAsync([
            Trial("NCT00000001", new DateOnly(2024, 1, 1)),
            Trial("NCT00000002", new DateOnly(2024, 1, 1), status: RecruitmentStatus.Completed),
            Trial("NCT00000003", new DateOnly(2024, 1, 1), title: "Breast cancer exercise study", phases: TrialPhase.Phase3),
            Trial("NCT00000004", new DateOnly(2024, 1, 1), phases: TrialPhase.EarlyPhase1),
        ]);

        var recruiting = await store.SearchAsync(Query("EGFR non-small cell lung", RecruitmentStatus.Recruiting));
        recruiting.Select(h => h.NctId.Value).Should().BeEquivalentTo(["NCT00000001", "NCT00000004"]);
        recruiting.Should().OnlyContain(h => h.Score > 0);

        var phase1 = await store.SearchAsync(new TrialSearchQuery("lung", [], [TrialPhase.Phase1], 10));
        phase1.Should().BeEmpty("EARLY_PHASE1 is not PHASE1");

        (await store.SearchAsync(Query("osimertinib"))).Should().HaveCount(4, "intervention names are indexed");
        (await store.SearchAsync(Query("AZD9291 breast"))).Select(h => h.NctId.Value).Should().Equal("NCT00000003");
        (await store.SearchAsync(Query("lung pancreas"))).Should().BeEmpty();
        (await store.SearchAsync(Query("  ,, "))).Should().BeEmpty();
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task GetStatisticsAsync_CountsByStatusPhaseAndCriteria(string engine) => WithStoreAsync(engine, async store =>
    {
        await store.UpsertAsync([
            Trial("NCT00000001", new DateOnly(2024, 1, 1), phases: [TrialPhase.Phase1, TrialPhase.Phase2]),
            Trial("NCT00000002", new DateOnly(2024, 1, 1), status: RecruitmentStatus.Completed) with { Eligibility = new TrialEligibility() },
            Trial("NCT00000003", null, status: RecruitmentStatus.NotStated) with { Phases = [] },
        ]);

        var stats = await store.GetStatisticsAsync();

        stats.Trials.Should().Be(3);
        stats.WithCriteria.Should().Be(2);
        stats.Sites.Should().Be(6);
        stats.ByStatus.Should().Equal(new Dictionary<string, long> { ["COMPLETED"] = 1, ["NOT_STATED"] = 1, ["RECRUITING"] = 1 });
        stats.ByPhase.Should().Equal(new Dictionary<string, long> { ["NOT_STATED"] = 1, ["PHASE1/PHASE2"] = 1, ["PHASE2"] = 1 });
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task FindManyAsync_SomeStored_ReturnsTheStoredRecordsByIdAndLeavesOutTheRest(string engine) => WithStoreAsync(engine, async store =>
    {
        var first = Trial("NCT00000001", new DateOnly(2024, 1, 1));
        var second = Trial("NCT00000002", null, title: "Second study");
        await store.UpsertAsync([first, second, Trial("NCT00000003", null)]);

        var found = await store.FindManyAsync([NctId.Parse("NCT00000002"), NctId.Parse("NCT00000009"), first.NctId, first.NctId]);

        found.Keys.Should().BeEquivalentTo([first.NctId, second.NctId]);
        found[first.NctId].Should().BeEquivalentTo(await store.FindAsync(first.NctId));
        found[second.NctId].BriefTitle.Should().Be("Second study");
        (await store.FindManyAsync([])).Should().BeEmpty();
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task FindManyAsync_MoreIdsThanOneStatementBinds_ReadsThemAll(string engine) => WithStoreAsync(engine, async store =>
    {
        var trials = Enumerable.Range(1, 1_200).Select(n => Trial($"NCT{n:D8}", null)).ToList();
        await store.UpsertAsync(trials);

        var found = await store.FindManyAsync(trials.Select(t => t.NctId).Reverse().ToList());

        found.Keys.Should().BeEquivalentTo(trials.Select(t => t.NctId));
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task ReadAllAsync_StreamsEveryTrialInIdOrder(string engine) => WithStoreAsync(engine, async store =>
    {
        await store.UpsertAsync([Trial("NCT00000002", null), Trial("NCT00000001", null)]);

        var ids = new List<string>();
        await foreach (var trial in store.ReadAllAsync())
        {
            ids.Add(trial.NctId.Value);
        }

        ids.Should().Equal("NCT00000001", "NCT00000002");
    });

    private static TrialSearchQuery Query(string text, params RecruitmentStatus[] statuses) => new(text, statuses, [], 20);
}
