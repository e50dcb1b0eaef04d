using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrialAccess.Storage.Modules;

/// <summary>
/// How a module's EF Core context reaches the database the trials live in (<see cref="TrialStoreFactory.Resolve"/>):
/// the same SQLite file or PostgreSQL database, each module with its own migrations history table so that modules
/// migrate independently. Tables of a module carry its prefix (<c>accounts_</c>, <c>pipeline_</c>).
/// </summary>
public static class ModuleDatabase
{
    /// <summary>Points <paramref name="builder"/> at <paramref name="location"/> with the module's history table.</summary>
    public static DbContextOptionsBuilder<TContext> UseModuleDatabase<TContext>(this DbContextOptionsBuilder<TContext> builder, StoreLocation location, string migrationsHistoryTable)
        where TContext : DbContext
    {
        switch (location.Kind)
        {
            case StoreKind.Sqlite:
                builder.UseSqlite(SqliteConnectionString(location.Value), sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            case StoreKind.Postgres:
                builder.UseNpgsql(location.Value, npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(location), location.Kind, "Unknown store kind.");
        }

        return builder;
    }

    /// <summary>
    /// The SQLite connection string for a file path: created if missing (with its folder), waiting up to 30 s for a
    /// writer that holds the lock (the trial store writes the same file).
    /// </summary>
    public static string SqliteConnectionString(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            ForeignKeys = true,
        }.ConnectionString;
    }

    /// <summary>
    /// The connection used by design-time factories (<c>dotnet ef migrations add</c>): a throwaway SQLite file, or the
    /// server named by <c>TRIALACCESS_DESIGN_POSTGRES</c> (migrations are generated from the model; the server is not read).
    /// </summary>
    internal static StoreLocation DesignTime(StoreKind kind) => kind == StoreKind.Sqlite
        ? new StoreLocation(StoreKind.Sqlite, Path.Combine(Path.GetTempPath(), "trialaccess-design.db"))
        : new StoreLocation(StoreKind.Postgres, Environment.GetEnvironmentVariable("TRIALACCESS_DESIGN_POSTGRES") ?? "Host=127.0.0.1;Database=trialaccess_design;Username=postgres");
}
