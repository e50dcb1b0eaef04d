using TrialAccess.Testing;

namespace TrialAccess.Storage.Tests.Recruitment;

/// <summary>A fresh database for one recruitment test, on either engine (PostgreSQL where the tests have a server, always in CI).</summary>
internal sealed class RecruitmentDatabase : IAsyncDisposable
{
    private readonly TempFolder? _folder;
    private readonly TestDatabase? _postgres;

    private RecruitmentDatabase(StoreLocation location, TempFolder? folder, TestDatabase? postgres) => (Location, _folder, _postgres) = (location, folder, postgres);

    public StoreLocation Location { get; }

    public static TheoryData<string> Engines()
    {
        var engines = new TheoryData<string> { "sqlite" };
        if (TestPostgres.AdminConnectionString is not null || TestPostgres.IsCi)
        {
            engines.Add("postgres");
        }

        return engines;
    }

    public static async Task<RecruitmentDatabase> CreateAsync(string engine)
    {
        if (engine == "sqlite")
        {
            var folder = new TempFolder();
            return new RecruitmentDatabase(new StoreLocation(StoreKind.Sqlite, folder.File("recruitment.db")), folder, null);
        }

        var database = await TestPostgres.CreateDatabaseAsync();
        return new RecruitmentDatabase(new StoreLocation(StoreKind.Postgres, database.ConnectionString), null, database);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

/// <summary>A clock fixed at noon UTC on 2 January 2025, for the audit.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2025, 1, 2, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
