using TrialAccess.Ingestion;
using TrialAccess.Storage.Postgres;
using TrialAccess.Storage.Sqlite;

namespace TrialAccess.Storage;

/// <summary>
/// Chooses the store from what the user gave: <c>--db</c>, else the <c>TRIALACCESS_DB</c> environment variable,
/// else a SQLite file in the per-user data folder. A PostgreSQL connection string (<c>Host=...</c> or a
/// <c>postgres://</c> URL) selects PostgreSQL; anything else is a SQLite file path.
/// </summary>
public static class TrialStoreFactory
{
    public const string EnvironmentVariable = "TRIALACCESS_DB";

    /// <summary>The SQLite file used when neither <c>--db</c> nor <c>TRIALACCESS_DB</c> is given.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TrialAccess", "trialaccess.db");

    /// <summary>Resolves the database the user means, without opening it.</summary>
    public static StoreLocation Resolve(string? option)
    {
        var value = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : DefaultSqlitePath;
        return IsPostgres(value) ? new StoreLocation(StoreKind.Postgres, ToNpgsqlConnectionString(value)) : new StoreLocation(StoreKind.Sqlite, value);
    }

    public static ITrialStore Create(StoreLocation location) => location.Kind switch
    {
        StoreKind.Sqlite => new SqliteTrialStore(location.Value),
        StoreKind.Postgres => new PostgresTrialStore(location.Value),
    };

    private static bool IsPostgres(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || value.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Accepts a libpq URL (<c>postgresql://user:pass@host:port/db</c>) as well as a key=value string.</summary>
    private static string ToNpgsqlConnectionString(string value)
    {
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            return value;
        }

        var uri = new Uri(value);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }
}

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>Which database, and where: a file path for SQLite, a connection string for PostgreSQL.</summary>
public sealed record StoreLocation(StoreKind Kind, string Value)
{
    /// <summary>A description safe to print: the path, or the host and database without credentials.</summary>
    public string Describe()
    {
        if (Kind == StoreKind.Sqlite)
        {
            return $"SQLite {Path.GetFullPath(Value)}";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Value);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
