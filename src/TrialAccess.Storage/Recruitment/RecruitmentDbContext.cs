using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using TrialAccess.Storage.Modules;

namespace TrialAccess.Storage.Recruitment;

/// <summary>
/// The recruitment module's tables, in the same database as the trials (and beside the accounts and pipeline modules'
/// own contexts). Its migrations are versioned per engine (<see cref="SqliteRecruitmentDbContext"/>,
/// <see cref="PostgresRecruitmentDbContext"/>) and recorded in their own history table, <see cref="MigrationsTable"/>.
/// Every change saved through it is audited (<see cref="AuditRow"/>) in the same transaction.
/// </summary>
public abstract class RecruitmentDbContext(DbContextOptions options, TimeProvider clock) : DbContext(options)
{
    public const string MigrationsTable = "__recruitment_migrations";

    public DbSet<StudyRow> Studies => Set<StudyRow>();

    public DbSet<SiteRow> Sites => Set<SiteRow>();

    public DbSet<ParticipantRow> Participants => Set<ParticipantRow>();

    public DbSet<ParticipantStateRow> ParticipantStates => Set<ParticipantStateRow>();

    public DbSet<ReferralRow> Referrals => Set<ReferralRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    /// <summary>The time audit rows written now carry.</summary>
    internal DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>An audit row's changes: the values written, by camelCase name.</summary>
    internal static string AuditChanges(IReadOnlyDictionary<string, object?> values) => JsonSerializer.Serialize(values, AuditJson);

    /// <summary>Who the changes saved next are made by (the signed-in user, <c>cli:&lt;account&gt;</c>); required to save.</summary>
    public string? Actor { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StudyRow>(study =>
        {
            study.ToTable("recruitment_studies");
            study.HasKey(s => s.Id);
            study.Property(s => s.Id).HasMaxLength(80);
            study.Property(s => s.Title).HasMaxLength(500);
        });
        modelBuilder.Entity<SiteRow>(site =>
        {
            site.ToTable("recruitment_sites");
            site.HasKey(s => new { s.StudyId, s.Code });
            site.Property(s => s.Code).HasMaxLength(32);
            site.Property(s => s.Name).HasMaxLength(200);
            site.Property(s => s.DelaySource).HasMaxLength(16);
            site.Property(s => s.DelayNote).HasMaxLength(1000);
            site.HasOne<StudyRow>().WithMany().HasForeignKey(s => s.StudyId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ParticipantRow>(participant =>
        {
            participant.ToTable("recruitment_participants");
            participant.HasKey(p => p.Id);
            participant.Property(p => p.SubjectId).HasMaxLength(40);
            participant.Property(p => p.SiteCode).HasMaxLength(32);
            participant.Property(p => p.AgeBand).HasMaxLength(8);
            participant.Property(p => p.Sex).HasMaxLength(8);
            participant.HasIndex(p => new { p.StudyId, p.SubjectId }).IsUnique();
            participant.HasIndex(p => new { p.StudyId, p.SiteCode });
            participant.HasOne<SiteRow>().WithMany().HasForeignKey(p => new { p.StudyId, p.SiteCode }).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ParticipantStateRow>(state =>
        {
            state.ToTable("recruitment_participant_states");
            state.HasKey(s => s.Id);
            state.Property(s => s.State).HasMaxLength(16);
            state.HasIndex(s => new { s.ParticipantId, s.State }).IsUnique();
            state.HasOne<ParticipantRow>().WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ReferralRow>(referral =>
        {
            referral.ToTable("recruitment_referrals");
            referral.HasKey(r => r.Id);
            referral.Property(r => r.Id).HasMaxLength(16);
            referral.Property(r => r.Verdict).HasMaxLength(20);
            referral.Property(r => r.Status).HasMaxLength(20);
            referral.HasIndex(r => new { r.StudyId, r.SiteCode });
            referral.HasOne<SiteRow>().WithMany().HasForeignKey(r => new { r.StudyId, r.SiteCode }).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AuditRow>(audit =>
        {
            audit.ToTable("recruitment_audit");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(16);
            audit.Property(a => a.Entity).HasMaxLength(32);
            audit.Property(a => a.EntityKey).HasMaxLength(200);
            audit.HasIndex(a => a.At);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save recruitment changes with SaveChangesAsync.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddAuditRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>One audit row per row added, modified or deleted; audit rows themselves may only be added.</summary>
    private void AddAuditRows()
    {
        var entries = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Actor))
        {
            throw new InvalidOperationException("Recruitment changes need an actor for the audit (set RecruitmentDbContext.Actor).");
        }

        var at = clock.GetUtcNow();
        var audit = new List<AuditRow>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditRow)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The recruitment audit is append-only.");
                }

                continue;
            }

            audit.Add(new AuditRow
            {
                At = at,
                Actor = Actor,
                Action = entry.State.ToString().ToLowerInvariant(),
                Entity = EntityName(entry),
                EntityKey = Key(entry),
                Changes = Changes(entry),
            });
        }

        Audit.AddRange(audit);
    }

    private static string EntityName(EntityEntry entry) => entry.Entity switch
    {
        StudyRow => "study",
        SiteRow => "site",
        ParticipantRow => "participant",
        ParticipantStateRow => "participant_state",
        ReferralRow => "referral",
        _ => entry.Metadata.ClrType.Name,
    };

    /// <summary>A readable key: the study id, the study and site code, the study and subject id, the referral id.</summary>
    private static string Key(EntityEntry entry) => entry.Entity switch
    {
        StudyRow s => s.Id,
        SiteRow s => $"{s.StudyId}/{s.Code}",
        ParticipantRow p => $"{p.StudyId}/{p.SubjectId}",
        ParticipantStateRow s => s.ParticipantId > 0 ? $"participant {s.ParticipantId}/{s.State}" : s.State,
        ReferralRow r => r.Id,
        _ => "",
    };

    private static string Changes(EntityEntry entry)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() && property.IsTemporary)
            {
                continue;
            }

            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            values[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values, AuditJson);
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);
}

/// <summary>The recruitment context on SQLite; its migrations are in <c>Recruitment/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRecruitmentDbContext(DbContextOptions<SqliteRecruitmentDbContext> options, TimeProvider clock) : RecruitmentDbContext(options, clock);

/// <summary>The recruitment context on PostgreSQL; its migrations are in <c>Recruitment/Migrations/Postgres</c>.</summary>
public sealed class PostgresRecruitmentDbContext(DbContextOptions<PostgresRecruitmentDbContext> options, TimeProvider clock) : RecruitmentDbContext(options, clock);

/// <summary>Opens the recruitment context on the database the user chose (the same rule as the trials: <see cref="TrialStoreFactory"/>).</summary>
public static class RecruitmentDbContextFactory
{
    public static RecruitmentDbContext Create(StoreLocation location, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind switch
        {
            StoreKind.Sqlite => new SqliteRecruitmentDbContext(SqliteOptions(location.Value), clock),
            StoreKind.Postgres => new PostgresRecruitmentDbContext(PostgresOptions(location.Value), clock),
        };
    }

    internal static DbContextOptions<SqliteRecruitmentDbContext> SqliteOptions(string path) =>
        new DbContextOptionsBuilder<SqliteRecruitmentDbContext>().UseModuleDatabase(new StoreLocation(StoreKind.Sqlite, path), RecruitmentDbContext.MigrationsTable).Options;

    internal static DbContextOptions<PostgresRecruitmentDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresRecruitmentDbContext>().UseModuleDatabase(new StoreLocation(StoreKind.Postgres, connectionString), RecruitmentDbContext.MigrationsTable).Options;
}

/// <summary>For <c>dotnet ef migrations add ... --context SqliteRecruitmentDbContext</c>.</summary>
internal sealed class SqliteRecruitmentDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRecruitmentDbContext>
{
    public SqliteRecruitmentDbContext CreateDbContext(string[] args) =>
        new(RecruitmentDbContextFactory.SqliteOptions(ModuleDatabase.DesignTime(StoreKind.Sqlite).Value), TimeProvider.System);
}

/// <summary>For <c>dotnet ef migrations add ... --context PostgresRecruitmentDbContext</c> (no server needed to add one).</summary>
internal sealed class PostgresRecruitmentDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRecruitmentDbContext>
{
    public PostgresRecruitmentDbContext CreateDbContext(string[] args) =>
        new(RecruitmentDbContextFactory.PostgresOptions(ModuleDatabase.DesignTime(StoreKind.Postgres).Value), TimeProvider.System);
}
