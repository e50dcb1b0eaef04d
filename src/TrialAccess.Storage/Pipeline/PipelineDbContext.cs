using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Audit;
using TrialAccess.Pipeline.Conflicts;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Organisations;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Storage.Modules;
using TrialAccess.Trials;
using ReviewRecord = TrialAccess.Pipeline.Review.Review;

namespace TrialAccess.Storage.Pipeline;

/// <summary>
/// The pipeline store: the domain's aggregates mapped without attributes (value collections as JSON columns), tables
/// prefixed <c>pipeline_</c>, migrations recorded in <see cref="MigrationsHistoryTable"/>. Every change saved is
/// audited in the same transaction (<see cref="SaveChangesAsync(bool, CancellationToken)"/> adds one
/// <see cref="AuditEntry"/> per record added, changed or removed, with the record before and after); audit entries
/// are never updated or deleted (refused here, and by triggers in the database).
/// </summary>
public abstract class PipelineDbContext : DbContext
{
    public const string MigrationsHistoryTable = "__pipeline_migrations";

    /// <summary>Shadow column incremented on each update of an aggregate: two writers of one record cannot both win.</summary>
    public const string VersionColumn = "Version";

    private readonly TimeProvider _clock;

    protected PipelineDbContext(DbContextOptions options, TimeProvider clock)
        : base(options)
    {
        _clock = clock;
    }

    /// <summary>Who the changes saved next are audited as (a user id; <c>system</c> by default).</summary>
    public string Actor { get; set; } = "system";

    /// <summary>What the changes saved next do (<c>review.submit</c>); null audits them as <c>&lt;entity&gt;.&lt;added|modified|deleted&gt;</c>.</summary>
    public string? Action { get; set; }

    /// <summary>The project the changes saved next concern, for records that do not name one (a meeting's minutes of one item).</summary>
    public Guid? ProjectScope { get; set; }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<DevelopmentProject> Projects => Set<DevelopmentProject>();

    public DbSet<GateDecision> GateDecisions => Set<GateDecision>();

    public DbSet<ReviewRound> Rounds => Set<ReviewRound>();

    public DbSet<ReviewAssignment> Assignments => Set<ReviewAssignment>();

    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();

    public DbSet<CommitteeMeeting> Meetings => Set<CommitteeMeeting>();

    public DbSet<DeclaredConflict> DeclaredConflicts => Set<DeclaredConflict>();

    public DbSet<ConflictOverride> ConflictOverrides => Set<ConflictOverride>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

    /// <summary>A context for the database at <paramref name="location"/>.</summary>
    public static PipelineDbContext Create(StoreLocation location, TimeProvider clock) => location.Kind switch
    {
        StoreKind.Sqlite => new SqlitePipelineDbContext(new DbContextOptionsBuilder<SqlitePipelineDbContext>().UseModuleDatabase(location, MigrationsHistoryTable).Options, clock),
        StoreKind.Postgres => new PostgresPipelineDbContext(new DbContextOptionsBuilder<PostgresPipelineDbContext>().UseModuleDatabase(location, MigrationsHistoryTable).Options, clock),
    };

    /// <summary>Records a line in the audit log without any other change (a refused attempt, a read of the audit log).</summary>
    public void AuditOnly(string action, string entityType, string entityId, Guid? projectId, string? note)
    {
        Audit.Add(AuditEntry.Record(_clock.GetUtcNow(), Actor, action, entityType, entityId, projectId, null, null, note));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save the pipeline store with SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = _clock.GetUtcNow();
        var entries = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or removed.");
                }

                continue;
            }

            if (entry.Entity is AttachmentContent)
            {
                continue;
            }

            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(VersionColumn) is not null)
            {
                var version = entry.Property(VersionColumn);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }

            var type = entry.Metadata.ClrType.Name;
            var state = entry.State.ToString().ToLowerInvariant();
            Audit.Add(AuditEntry.Record(
                now,
                Actor,
                Action ?? $"{type}.{state}",
                type,
                KeyOf(entry),
                ProjectOf(entry) ?? ProjectScope,
                entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false)));
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static Guid? ProjectOf(EntityEntry entry) => entry.Entity switch
    {
        DevelopmentProject project => project.Id,
        GateDecision decision => decision.ProjectId,
        ReviewRound round => round.ProjectId,
        ReviewAssignment assignment => assignment.ProjectId,
        ReviewRecord review => review.ProjectId,
        DeclaredConflict conflict => conflict.ProjectId,
        ConflictOverride granted => granted.ProjectId,
        _ => null,
    };

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            values[property.Metadata.Name.TrimStart('_')] = original ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values, PipelineJson.Options);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Organisation>(e =>
        {
            e.ToTable("pipeline_organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(300);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        });

        model.Entity<Person>(e =>
        {
            e.ToTable("pipeline_people");
            e.HasKey(p => p.UserId);
            e.Ignore(p => p.Relationships);
            e.Json<Person, List<DeclaredRelationship>>("_relationships", "relationships");
        });

        model.Entity<Agent>(e =>
        {
            e.ToTable("pipeline_agents");
            e.HasKey(a => a.Id);
            e.Property(a => a.Modality).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(a => a.Code);
        });

        model.Entity<DevelopmentProject>(e =>
        {
            e.ToTable("pipeline_projects");
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Confidentiality).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.CurrentStage).HasMaxLength(60);
            e.Property(p => p.EnteredAtStage).HasMaxLength(60);
            e.Property(p => p.Nomination).HasConversion(JsonConverter<Nomination?>(), JsonComparer<Nomination?>()).HasColumnName("nomination");
            e.Ignore(p => p.Indications);
            e.Ignore(p => p.Partners);
            e.Ignore(p => p.StageHistory);
            e.Ignore(p => p.Agreements);
            e.Ignore(p => p.Trials);
            e.Ignore(p => p.Attachments);
            e.Json<DevelopmentProject, List<string>>("_indications", "indications");
            e.Json<DevelopmentProject, List<Partner>>("_partners", "partners");
            e.Json<DevelopmentProject, List<StageEntry>>("_stages", "stage_history");
            e.Json<DevelopmentProject, List<Agreement>>("_agreements", "agreements");
            e.Json<DevelopmentProject, List<LinkedTrial>>("_trials", "trials");
            e.Json<DevelopmentProject, List<Attachment>>("_attachments", "attachments");
            e.Property<int>(VersionColumn).IsConcurrencyToken();
        });

        model.Entity<GateDecision>(e =>
        {
            e.ToTable("pipeline_gate_decisions");
            e.HasKey(d => d.Id);
            e.HasIndex(d => d.ProjectId);
            e.HasIndex(d => d.SupersedesId).IsUnique();
            e.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(30);
            e.Ignore(d => d.Criteria);
            e.Ignore(d => d.DecidedBy);
            e.Ignore(d => d.Recused);
            e.Json<GateDecision, List<CriterionCheck>>("_criteria", "criteria");
            e.Json<GateDecision, List<string>>("_decidedBy", "decided_by");
            e.Json<GateDecision, List<string>>("_recused", "recused");
        });

        model.Entity<ReviewRound>(e =>
        {
            e.ToTable("pipeline_review_rounds");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.ProjectId);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Form).HasConversion(JsonConverter<ReviewForm>(), JsonComparer<ReviewForm>()).HasColumnName("form");
            e.Property<int>(VersionColumn).IsConcurrencyToken();
        });

        model.Entity<ReviewAssignment>(e =>
        {
            e.ToTable("pipeline_review_assignments");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.RoundId, a.UserId }).IsUnique();
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.ProjectId);
            e.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        });

        model.Entity<ReviewRecord>(e =>
        {
            e.ToTable("pipeline_reviews");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.ProjectId);
            // One review per assignment, then at most one correction of each review: nothing duplicated, even when
            // two requests of one reviewer race (the second insert fails and is refused).
            e.HasIndex(r => r.AssignmentId).IsUnique().HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName("IX_pipeline_reviews_one_per_assignment");
            e.HasIndex(r => r.SupersedesId).IsUnique();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Ignore(r => r.Scores);
            e.Json<ReviewRecord, List<CriterionScore>>("_scores", "scores");
            e.Property<int>(VersionColumn).IsConcurrencyToken();
        });

        model.Entity<CommitteeMeeting>(e =>
        {
            e.ToTable("pipeline_meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Ignore(m => m.Agenda);
            e.Ignore(m => m.Attendees);
            e.Ignore(m => m.Recusals);
            e.Ignore(m => m.Minutes);
            e.Ignore(m => m.ChairUserId);
            e.Json<CommitteeMeeting, List<AgendaItem>>("_agenda", "agenda");
            e.Json<CommitteeMeeting, List<Attendee>>("_attendees", "attendees");
            e.Json<CommitteeMeeting, List<Recusal>>("_recusals", "recusals");
            e.Json<CommitteeMeeting, List<MinuteEntry>>("_minutes", "minutes");
            e.Property<int>(VersionColumn).IsConcurrencyToken();
        });

        model.Entity<DeclaredConflict>(e =>
        {
            e.ToTable("pipeline_declared_conflicts");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.ProjectId, c.UserId });
        });

        model.Entity<ConflictOverride>(e =>
        {
            e.ToTable("pipeline_conflict_overrides");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.ProjectId, c.UserId });
        });

        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("pipeline_audit");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(a => a.ProjectId);
            e.Property(a => a.Action).HasMaxLength(80);
            e.Property(a => a.EntityType).HasMaxLength(80);
        });

        model.Entity<AttachmentContent>(e =>
        {
            e.ToTable("pipeline_attachment_contents");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.ProjectId);
        });
    }

    internal static ValueConverter<T, string> JsonConverter<T>() => new(
        v => JsonSerializer.Serialize(v, PipelineJson.Options),
        s => JsonSerializer.Deserialize<T>(s, PipelineJson.Options)!);

    internal static ValueComparer<T> JsonComparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, PipelineJson.Options) == JsonSerializer.Serialize(b, PipelineJson.Options),
        v => JsonSerializer.Serialize(v, PipelineJson.Options).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, PipelineJson.Options), PipelineJson.Options)!);
}

/// <summary>The bytes of an attachment (the metadata lives on the project), kept apart so lists never load them.</summary>
public sealed class AttachmentContent
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public byte[] Content { get; set; } = [];
}

/// <summary>How the pipeline store writes its JSON columns and audit snapshots.</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new NctIdJsonConverter() },
    };
}

internal static class JsonColumns
{
    /// <summary>Maps the backing field <paramref name="field"/> (a list of values) to a JSON text column.</summary>
    public static void Json<TEntity, TValue>(this EntityTypeBuilder<TEntity> entity, string field, string column)
        where TEntity : class
        where TValue : class =>
        entity.Property<TValue>(field)
            .HasField(field)
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasColumnName(column)
            .HasConversion(PipelineDbContext.JsonConverter<TValue>(), PipelineDbContext.JsonComparer<TValue>())
            .IsRequired();
}

/// <summary>The pipeline store on SQLite (migrations in <c>Pipeline/Migrations/Sqlite</c>).</summary>
public sealed class SqlitePipelineDbContext(DbContextOptions<SqlitePipelineDbContext> options, TimeProvider clock) : PipelineDbContext(options, clock);

/// <summary>The pipeline store on PostgreSQL (migrations in <c>Pipeline/Migrations/Postgres</c>).</summary>
public sealed class PostgresPipelineDbContext(DbContextOptions<PostgresPipelineDbContext> options, TimeProvider clock) : PipelineDbContext(options, clock);

internal sealed class SqlitePipelineDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePipelineDbContext>
{
    public SqlitePipelineDbContext CreateDbContext(string[] args) => (SqlitePipelineDbContext)PipelineDbContext.Create(ModuleDatabase.DesignTime(StoreKind.Sqlite), TimeProvider.System);
}

internal sealed class PostgresPipelineDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPipelineDbContext>
{
    public PostgresPipelineDbContext CreateDbContext(string[] args) => (PostgresPipelineDbContext)PipelineDbContext.Create(ModuleDatabase.DesignTime(StoreKind.Postgres), TimeProvider.System);
}
