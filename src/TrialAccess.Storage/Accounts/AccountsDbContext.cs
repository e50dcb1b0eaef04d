using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TrialAccess.Storage.Modules;

namespace TrialAccess.Storage.Accounts;

/// <summary>
/// The accounts store: ASP.NET Core Identity's users, roles, claims and external logins, plus the data protection
/// keys that sign the cookies (so that a restart or a second host keeps people signed in). Tables are prefixed
/// <c>accounts_</c>; migrations are recorded in <see cref="MigrationsHistoryTable"/>. One subclass per provider carries
/// that provider's migrations.
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<TrialAccessUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__accounts_migrations";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>A context for the database at <paramref name="location"/>.</summary>
    public static AccountsDbContext Create(StoreLocation location) => location.Kind switch
    {
        StoreKind.Sqlite => new SqliteAccountsDbContext(new DbContextOptionsBuilder<SqliteAccountsDbContext>().UseModuleDatabase(location, MigrationsHistoryTable).Options),
        StoreKind.Postgres => new PostgresAccountsDbContext(new DbContextOptionsBuilder<PostgresAccountsDbContext>().UseModuleDatabase(location, MigrationsHistoryTable).Options),
    };

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TrialAccessUser>(user =>
        {
            user.ToTable("accounts_users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<IdentityRole>().ToTable("accounts_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claims");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("accounts_data_protection_keys");
    }
}

/// <summary>The accounts store on SQLite (migrations in <c>Accounts/Migrations/Sqlite</c>).</summary>
public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>The accounts store on PostgreSQL (migrations in <c>Accounts/Migrations/Postgres</c>).</summary>
public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class SqliteAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args) => (SqliteAccountsDbContext)AccountsDbContext.Create(ModuleDatabase.DesignTime(StoreKind.Sqlite));
}

internal sealed class PostgresAccountsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args) => (PostgresAccountsDbContext)AccountsDbContext.Create(ModuleDatabase.DesignTime(StoreKind.Postgres));
}
