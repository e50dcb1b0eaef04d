using Microsoft.EntityFrameworkCore;
using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Storage.Recruitment;

/// <summary>
/// The recruitment module's storage port over <see cref="RecruitmentDbContext"/>: reads studies and participants as
/// domain objects, writes back what changed (audited, in one transaction per save), and keeps referrals.
/// </summary>
public sealed class RecruitmentStore(RecruitmentDbContext db) : IAsyncDisposable
{
    /// <summary>Opens the recruitment tables in the database at <paramref name="location"/>, upgrading them to the latest migration.</summary>
    public static async Task<RecruitmentStore> OpenAsync(StoreLocation location, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var db = RecruitmentDbContextFactory.Create(location, clock);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            return new RecruitmentStore(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the recruitment tables without migrating them (the web host migrates every module at start-up).</summary>
    public static RecruitmentStore Open(StoreLocation location, TimeProvider clock)
    {
        var db = RecruitmentDbContextFactory.Create(location, clock);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return new RecruitmentStore(db);
    }

    /// <summary>Brings the recruitment tables at <paramref name="location"/> to the latest migration.</summary>
    public static async Task MigrateAsync(StoreLocation location, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var db = RecruitmentDbContextFactory.Create(location, clock);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Who the next changes are made by, for the audit.</summary>
    public string? Actor
    {
        get => db.Actor;
        set => db.Actor = value;
    }

    /// <summary>The study ids monitored, in order.</summary>
    public async Task<IReadOnlyList<StudyKey>> StudyKeysAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Studies.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).Select(StudyKey.Parse)];

    /// <summary>Loads studies with their sites and, when <paramref name="withParticipants"/>, their participants' histories.</summary>
    public async Task<RecruitmentWorkspace> LoadAsync(IReadOnlyCollection<StudyKey>? studies = null, bool withParticipants = true, CancellationToken cancellationToken = default)
    {
        var workspace = new RecruitmentWorkspace();
        await LoadIntoAsync(workspace, studies, withParticipants, cancellationToken);
        return workspace;
    }

    /// <summary>Adds studies (with sites and participants) to a workspace already in use; those it holds are not reloaded.</summary>
    public async Task LoadIntoAsync(RecruitmentWorkspace workspace, IReadOnlyCollection<StudyKey>? studies, bool withParticipants = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        studies = studies?.Where(s => workspace.Study(s) is null).ToList();
        if (studies is { Count: 0 })
        {
            return;
        }

        var ids = studies?.Select(s => s.ToString()).ToList();
        var studyRows = await (ids is null ? db.Studies : db.Studies.Where(s => ids.Contains(s.Id))).AsNoTracking().ToListAsync(cancellationToken);
        var loaded = studyRows.Select(s => s.Id).ToList();
        var siteRows = await db.Sites.AsNoTracking().Where(s => loaded.Contains(s.StudyId)).ToListAsync(cancellationToken);
        var sitesByStudy = siteRows.ToLookup(s => s.StudyId);
        foreach (var study in studyRows)
        {
            workspace.Load(study, sitesByStudy[study.Id].OrderBy(s => s.Code, StringComparer.Ordinal));
        }

        if (!withParticipants || loaded.Count == 0)
        {
            return;
        }

        var participants = await db.Participants.AsNoTracking().Where(p => loaded.Contains(p.StudyId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var states = (await (from state in db.ParticipantStates.AsNoTracking()
                             join participant in db.Participants on state.ParticipantId equals participant.Id
                             where loaded.Contains(participant.StudyId)
                             select state).ToListAsync(cancellationToken))
            .ToLookup(s => s.ParticipantId);
        foreach (var participant in participants)
        {
            workspace.Load(participant, [.. states[participant.Id].OrderBy(s => s.Id)]);
        }
    }

    /// <summary>An empty workspace, for logs that define studies.</summary>
    public static RecruitmentWorkspace NewWorkspace() => new();

    /// <summary>Writes what changed in <paramref name="workspace"/> in one transaction, audited; returns the rows written.</summary>
    public async Task<int> SaveAsync(RecruitmentWorkspace workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var pendingStudies = new List<(RecruitmentWorkspace.StudyEntry Entry, StudyRow Row, Dictionary<string, SiteRow> Sites)>();
        foreach (var entry in workspace.StudyEntries)
        {
            if (entry.Stored is not { } stored)
            {
                var row = new StudyRow();
                RecruitmentMapping.CopyTo(entry.Study, row);
                db.Studies.Add(row);
                pendingStudies.Add((entry, row, new Dictionary<string, SiteRow>(StringComparer.OrdinalIgnoreCase)));
            }
            else
            {
                var copy = Clone(stored.Row);
                if (RecruitmentMapping.CopyTo(entry.Study, copy))
                {
                    db.Studies.Update(copy);
                }

                pendingStudies.Add((entry, copy, new Dictionary<string, SiteRow>(stored.Sites, StringComparer.OrdinalIgnoreCase)));
            }
        }

        foreach (var (entry, studyRow, sites) in pendingStudies)
        {
            foreach (var site in entry.Study.Sites)
            {
                if (sites.TryGetValue(site.Code, out var existing))
                {
                    var copy = Clone(existing);
                    if (RecruitmentMapping.CopyTo(site, copy))
                    {
                        db.Sites.Update(copy);
                        sites[site.Code] = copy;
                    }
                }
                else
                {
                    var row = new SiteRow { StudyId = studyRow.Id, Code = site.Code };
                    RecruitmentMapping.CopyTo(site, row);
                    db.Sites.Add(row);
                    sites[site.Code] = row;
                }
            }
        }

        var dirty = workspace.ParticipantEntries.Where(p => p.IsDirty).ToList();
        foreach (var entry in dirty)
        {
            var participant = entry.Participant;
            if (entry.Row is not null && (entry.StoredBand != participant.AgeBand || entry.StoredSex != participant.Sex))
            {
                var copy = Clone(entry.Row);
                copy.AgeBand = participant.AgeBand?.Label;
                copy.Sex = participant.Sex.ToString();
                db.Participants.Update(copy);
                entry.Row = copy;
            }
        }

        if (string.IsNullOrWhiteSpace(db.Actor) && (dirty.Count > 0 || db.ChangeTracker.HasChanges()))
        {
            throw new InvalidOperationException("Recruitment changes need an actor for the audit (set RecruitmentDbContext.Actor).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await db.SaveChangesAsync(cancellationToken);
        var added = dirty.Where(e => e.Row is null).ToList();
        written += await RecruitmentBulkInsert.ParticipantsAsync(db, added, cancellationToken);
        foreach (var entry in dirty.Except(added))
        {
            foreach (var change in entry.Participant.History.Skip(entry.StoredStates))
            {
                db.ParticipantStates.Add(RecruitmentMapping.ToRow(entry.Row!.Id, change));
            }
        }

        written += await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        foreach (var (entry, studyRow, sites) in pendingStudies)
        {
            entry.Stored = (studyRow, sites);
        }

        foreach (var entry in dirty)
        {
            (entry.StoredStates, entry.StoredBand, entry.StoredSex) = (entry.Participant.History.Count, entry.Participant.AgeBand, entry.Participant.Sex);
        }

        return written;
    }

    /// <summary>Adds a referral and its participant (a candidate at the site), audited, in one transaction.</summary>
    public async Task<ChangeResult> AddReferralAsync(Referral referral, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var workspace = await LoadAsync([referral.Study], withParticipants: false, cancellationToken);
        if (workspace.Study(referral.Study)?.Site(referral.SiteCode) is null)
        {
            return ChangeResult.Refused($"{referral.SiteCode} is not a site of {referral.Study}.");
        }

        var participant = referral.ToParticipant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Referrals.Add(RecruitmentMapping.ToRow(referral));
        var row = new ParticipantRow { StudyId = referral.Study.ToString(), SubjectId = participant.SubjectId.Value, SiteCode = referral.SiteCode, Sex = ParticipantSex.Unknown.ToString() };
        db.Participants.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ParticipantStates.AddRange(participant.History.Select(h => RecruitmentMapping.ToRow(row.Id, h)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return ChangeResult.Changed;
    }

    public async Task<Referral?> FindReferralAsync(ReferralId id, CancellationToken cancellationToken = default)
    {
        var row = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id.Value, cancellationToken);
        return row is null ? null : RecruitmentMapping.ToReferral(row);
    }

    /// <summary>Referrals of a study (or all), of one site (or all), newest first.</summary>
    public async Task<IReadOnlyList<Referral>> ReferralsAsync(StudyKey? study = null, string? siteCode = null, CancellationToken cancellationToken = default)
    {
        IQueryable<ReferralRow> query = db.Referrals.AsNoTracking();
        if (study is { } key)
        {
            var id = key.ToString();
            query = query.Where(r => r.StudyId == id);
        }

        if (siteCode is not null)
        {
            query = query.Where(r => r.SiteCode == siteCode);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.Select(RecruitmentMapping.ToReferral).OrderByDescending(r => r.ReferredOn).ThenBy(r => r.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Records the site's screening outcome on a referral and moves its participant on (screened, then eligible or
    /// screen-failed with the reasons), in one transaction.
    /// </summary>
    public async Task<ChangeResult> RecordScreeningAsync(ReferralId id, ReferralStatus outcome, DateOnly on, IReadOnlyList<ScreeningReason> reasons, CancellationToken cancellationToken = default)
    {
        var row = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id.Value, cancellationToken);
        if (row is null)
        {
            return ChangeResult.Refused($"No referral {id}.");
        }

        var referral = RecruitmentMapping.ToReferral(row);
        var result = referral.RecordScreening(outcome, on, reasons);
        if (result.Kind != ChangeKind.Changed)
        {
            return result;
        }

        var workspace = await LoadAsync([referral.Study], cancellationToken: cancellationToken);
        var participant = workspace.Participant(referral.Study, referral.Id.SubjectId);
        if (participant is null)
        {
            participant = new Participant(referral.Study, referral.SiteCode, referral.Id.SubjectId);
            participant.MoveTo(ResearchSubjectState.Candidate, referral.ReferredOn);
            workspace.AddParticipant(participant);
        }

        foreach (var step in referral.ToParticipant().History.Skip(participant.History.Count))
        {
            var moved = participant.MoveTo(step.State, step.On, step.Reasons);
            if (moved.IsRefused)
            {
                return moved;
            }
        }

        var updated = RecruitmentMapping.ToRow(referral);
        db.Referrals.Update(updated);
        await SaveAsync(workspace, cancellationToken);
        return ChangeResult.Changed;
    }

    /// <summary>The audit, newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> AuditAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);

    public async Task<int> AuditCountAsync(CancellationToken cancellationToken = default) => await db.Audit.CountAsync(cancellationToken);

    internal RecruitmentDbContext Context => db;

    private static T Clone<T>(T row) where T : class => (T)typeof(T).GetMethod(nameof(MemberwiseClone), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(row, null)!;

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
