using Npgsql;

namespace TrialAccess.Testing;

/// <summary>
/// The PostgreSQL server for integration tests, from <c>TRIALACCESS_TEST_POSTGRES</c> (a connection string to a
/// database the tests may create databases from). On a laptop without it the tests skip; in CI (<c>CI=true</c>)
/// they run and fail, because <c>.ci/run</c> must have started the server.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "TRIALACCESS_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database for one test; drop it by disposing the result.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set: .ci/run must start PostgreSQL and set it (for example Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres).");
        var name = "trialaccess_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(admin, name, builder.ConnectionString);
    }
}

internal sealed class TestDatabase(string admin, string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs PostgreSQL: skipped on a laptop without it, run (and failing) in CI without it.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.AdminConnectionString is null && !TestPostgres.IsCi)
        {
            Skip = $"PostgreSQL not configured: set {TestPostgres.Variable} to run this test (CI sets it).";
        }
    }
}

/// <summary>A fact that needs both PostgreSQL and <c>../shared/data</c>.</summary>
internal sealed class SharedDataPostgresFactAttribute : FactAttribute
{
    public SharedDataPostgresFactAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.MissingMessage;
        }
        else if (TestPostgres.AdminConnectionString is null && !TestPostgres.IsCi)
        {
            Skip = $"PostgreSQL not configured: set {TestPostgres.Variable} to run this test (CI sets it).";
        }
    }
}
