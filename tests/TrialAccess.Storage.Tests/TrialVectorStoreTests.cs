using Microsoft.Data.Sqlite;
using Npgsql;
using TrialAccess.Ingestion;
using TrialAccess.Matching.Semantic;
using TrialAccess.Storage.Postgres;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;
using TrialAccess.Trials;

namespace TrialAccess.Storage.Tests;

/// <summary>
/// Trial vectors beside the trials, the schema upgrade that adds them and the resumable index run, on a fresh SQLite
/// file and a fresh PostgreSQL database (where <c>TRIALACCESS_TEST_POSTGRES</c> is set, and always in CI).
/// </summary>
public sealed class TrialVectorStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static TheoryData<string> Engines() => TrialStoreTests.Engines();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Vectors_RoundTripWithTheirKeys_AndReplaceOnUpsert(string engine) => WithDatabaseAsync(engine, async open =>
    {
        await using var store = await open();
        await store.UpsertAsync([TrialStoreTests.Trial("NCT00000001", new DateOnly(2024, 1, 1)), TrialStoreTests.Trial("NCT00000002", new DateOnly(2024, 1, 1))]);
        var vectors = (ITrialVectorStore)store;
        float[] first = [0.6f, -0.8f, 1e-7f, float.Epsilon];
        await vectors.UpsertVectorsAsync([new TrialVector(NctId.Parse("NCT00000001"), "model-a", 1, -42L, first), new TrialVector(NctId.Parse("NCT00000002"), "model-b", 1, long.MaxValue, [1f, 0f, 0f, 0f])]);

        var read = await ToListAsync(vectors.ReadVectorsAsync("model-a"));
        read.Should().ContainSingle();
        read[0].NctId.Value.Should().Be("NCT00000001");
        read[0].TextHash.Should().Be(-42L);
        read[0].Vector.Should().Equal(first);
        (await ToListAsync(vectors.ReadVectorsAsync())).Select(v => v.Model).Should().Equal("model-a", "model-b");

        await vectors.UpsertVectorsAsync([new TrialVector(NctId.Parse("NCT00000001"), "model-b", 2, 7L, [0f, 1f, 0f, 0f])]);
        var keys = await vectors.ReadVectorKeysAsync();
        keys[NctId.Parse("NCT00000001")].Should().Be(new TrialVectorKey("model-b", 2, 7L));
        keys[NctId.Parse("NCT00000002")].Should().Be(new TrialVectorKey("model-b", 1, long.MaxValue));
        (await ToListAsync(vectors.ReadVectorsAsync("model-a"))).Should().BeEmpty();
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Initialize_DatabaseOfSchemaVersion1_UpgradesAndKeepsItsTrials(string engine) => WithDatabaseAsync(engine, async open =>
    {
        await using (var store = await open())
        {
            await store.UpsertAsync([TrialStoreTests.Trial("NCT00000001", new DateOnly(2024, 1, 1))]);
        }

        // The schema as version 1 left it: no trial_vectors table, schema_info at 1.
        await ExecuteAsync(engine, "DROP TABLE trial_vectors; UPDATE schema_info SET version = 1");
        (await ScalarAsync(engine, "SELECT version FROM schema_info")).Should().Be(1);

        await using (var upgraded = await open())
        {
            (await upgraded.FindAsync(NctId.Parse("NCT00000001"))).Should().NotBeNull();
            (await ScalarAsync(engine, "SELECT version FROM schema_info")).Should().Be(SqlTrialStore.SchemaVersion);
            (await ScalarAsync(engine, "SELECT COUNT(*) FROM schema_info")).Should().Be(1);
            await ((ITrialVectorStore)upgraded).UpsertVectorsAsync([new TrialVector(NctId.Parse("NCT00000001"), "m", 1, 1L, [1f])]);
            (await ((ITrialVectorStore)upgraded).ReadVectorKeysAsync()).Should().ContainKey(NctId.Parse("NCT00000001"));
        }

        // Opening again changes nothing.
        await using (var again = await open())
        {
            (await ((ITrialVectorStore)again).ReadVectorKeysAsync()).Should().HaveCount(1);
            (await ScalarAsync(engine, "SELECT COUNT(*) FROM schema_info")).Should().Be(1);
        }
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Initialize_DatabaseOfANewerSchema_IsRefused(string engine) => WithDatabaseAsync(engine, async open =>
    {
        await using (await open())
        {
        }

        await ExecuteAsync(engine, $"UPDATE schema_info SET version = {SqlTrialStore.SchemaVersion + 1}");
        var reopen = async () => { await using var store = await open(); };
        await reopen.Should().ThrowAsync<InvalidOperationException>().WithMessage("*newer*");
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public Task Index_Interrupted_ResumesWithoutRecomputing_AndRecomputesStaleVectors(string engine) => WithDatabaseAsync(engine, async open =>
    {
        await using var store = await open();
        var trials = Enumerable.Range(1, 10).Select(i => TrialStoreTests.Trial($"NCT{i:D8}", new DateOnly(2024, 1, 1), title: $"Study number {i}")).ToList();
        await store.UpsertAsync(trials);
        var vectors = (ITrialVectorStore)store;

        // Interrupted after the first commit batch of 4: cancellation while the second batch is being embedded.
        using var interrupt = new CancellationTokenSource();
        var embedder = new CountingEmbedder { OnCall = calls => { if (calls == 2) { interrupt.Cancel(); } } };
        var first = new TrialVectorIndexer(store, vectors, embedder) { CommitBatch = 4, EmbedBatch = 4 };
        var run = () => first.RunAsync(cancellationToken: interrupt.Token);
        await run.Should().ThrowAsync<OperationCanceledException>();
        (await vectors.ReadVectorKeysAsync()).Should().HaveCount(4);

        var resumed = new CountingEmbedder();
        var report = await new TrialVectorIndexer(store, vectors, resumed) { CommitBatch = 4, EmbedBatch = 4 }.RunAsync();
        report.Should().Be(new IndexReport(10, 4, 6));
        resumed.Texts.Should().Be(6);
        (await vectors.ReadVectorKeysAsync()).Should().HaveCount(10);

        // Up to date: nothing to do. A trial whose text changed is stale, and only it is recomputed.
        (await new TrialVectorIndexer(store, vectors, new CountingEmbedder()).RunAsync()).Should().Be(new IndexReport(10, 10, 0));
        await store.UpsertAsync([trials[0] with { BriefTitle = "A new title", Dates = new TrialDates { LastUpdate = new DateOnly(2024, 2, 1) } }]);
        var changed = new CountingEmbedder();
        (await new TrialVectorIndexer(store, vectors, changed).RunAsync()).Should().Be(new IndexReport(10, 9, 1));
        changed.Texts.Should().Be(1);

        // Another model makes every vector stale.
        (await new TrialVectorIndexer(store, vectors, new CountingEmbedder("other")).RunAsync()).Embedded.Should().Be(10);
    });

    private async Task WithDatabaseAsync(string engine, Func<Func<Task<SqlTrialStore>>, Task> test)
    {
        if (engine == "sqlite")
        {
            _path = _folder.File($"{Guid.NewGuid():N}.db");
            await test(async () =>
            {
                var store = new SqliteTrialStore(_path);
                await store.InitializeAsync();
                return store;
            });
            return;
        }

        await using var database = await TestPostgres.CreateDatabaseAsync();
        _connectionString = database.ConnectionString;
        await test(async () =>
        {
            var store = new PostgresTrialStore(database.ConnectionString);
            await store.InitializeAsync();
            return store;
        });
    }

    private string? _path;
    private string? _connectionString;

    private async Task ExecuteAsync(string engine, string sql)
    {
        if (engine == "sqlite")
        {
            await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(_connectionString);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        await pgCommand.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string engine, string sql)
    {
        if (engine == "sqlite")
        {
            await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var pg = new NpgsqlConnection(_connectionString);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        return Convert.ToInt64(await pgCommand.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A deterministic stand-in for the model: counts the texts it is asked for.</summary>
    private sealed class CountingEmbedder(string model = "counting") : ITextEmbedder
    {
        private int _calls;

        public Action<int>? OnCall { get; init; }

        public int Texts { get; private set; }

        public string Model => model;

        public int Dimension => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            OnCall?.Invoke(++_calls);
            cancellationToken.ThrowIfCancellationRequested();
            Texts += texts.Count;
            return texts.Select(t => new[] { 1f, t.Length }).Select(v => { VectorMath.Normalize(v); return v; }).ToArray();
        }
    }
}
