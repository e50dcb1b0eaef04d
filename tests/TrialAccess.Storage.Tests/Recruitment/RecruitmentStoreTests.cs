using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Storage.Tests.Recruitment.Import;

namespace TrialAccess.Storage.Tests.Recruitment;

public class RecruitmentStoreTests
{
    private static readonly StudyKey Study = StudyKey.Parse("NCT99000001");

    private static async Task<RecruitmentStore> SeededAsync(RecruitmentDatabase database)
    {
        var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);
        store.Actor = "cli:test";
        await RecruitmentLogImporterTests.ImportAsync(store, RecruitmentLogImporterTests.SitesLog);
        return store;
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task OpenAsync_FreshDatabase_RecordsItsMigrationsInItsOwnHistoryTable(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using (await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default))
        {
        }

        await using var db = RecruitmentDbContextFactory.Create(database.Location, FixedClock.Default);
        (await db.Database.GetAppliedMigrationsAsync()).Select(m => m[15..]).Should().Equal("Initial", "Referrals");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{RecruitmentDbContext.MigrationsTable}\"";
        Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task OpenAsync_DatabaseAtTheFirstMigration_UpgradesAndKeepsItsData(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using (var old = RecruitmentDbContextFactory.Create(database.Location, FixedClock.Default))
        {
            var first = old.Database.GetMigrations().First();
            await old.GetService<IMigrator>().MigrateAsync(first);
            old.Actor = "cli:old";
            old.Studies.Add(new StudyRow { Id = "NCT99000001", Title = "Made at the first migration", Target = 10, RecruitmentStart = new(2024, 1, 1), TargetEndDate = new(2024, 12, 31) });
            await old.SaveChangesAsync();
            (await old.Database.GetPendingMigrationsAsync()).Should().ContainSingle();
        }

        await using var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);

        (await store.LoadAsync()).Study(Study)!.Title.Should().Be("Made at the first migration");
        (await store.ReferralsAsync()).Should().BeEmpty("the table the second migration adds is there");
        (await store.AuditAsync()).Single().Actor.Should().Be("cli:old");
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task SaveAsync_EveryChange_IsAuditedWithWhoWhatAndWhen(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await SeededAsync(database);

        var audit = await store.AuditAsync();

        audit.Should().HaveCount(3, "one study and two sites were added");
        audit.Should().OnlyContain(a => a.Actor == "cli:test" && a.At == FixedClock.Default.GetUtcNow() && a.Action == "added");
        audit.Select(a => (a.Entity, a.EntityKey)).Should().BeEquivalentTo([("study", "NCT99000001"), ("site", "NCT99000001/RJ1"), ("site", "NCT99000001/RGT")]);
        audit.Single(a => a.Entity == "study").Changes.Should().Contain("\"target\":40");
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task Audit_ChangingOrDeletingARow_IsRefusedByTheDatabase(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using (await SeededAsync(database))
        {
        }

        await using var db = RecruitmentDbContextFactory.Create(database.Location, FixedClock.Default);
        var update = () => db.Database.ExecuteSqlRawAsync("UPDATE recruitment_audit SET \"Actor\" = 'someone else'");
        var delete = () => db.Database.ExecuteSqlRawAsync("DELETE FROM recruitment_audit");

        (await update.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        (await delete.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task SaveAsync_WithoutAnActor_IsRefused(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);
        var workspace = RecruitmentStore.NewWorkspace();
        workspace.DefineStudy(Study, "T", 10, new(2024, 1, 1), new(2024, 12, 31));

        var save = () => store.SaveAsync(workspace);

        await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("Recruitment changes need an actor*");
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task RecordScreeningAsync_AFailedReferral_MovesItsParticipantWithTheReason(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await SeededAsync(database);
        var referral = new Referral(ReferralId.FromRandom([9, 8, 7, 6, 5, 4, 3]), Study, "RJ1", new(2024, 3, 1), ReferralVerdict.PossiblyEligible,
            [new ReferredCriterion("inclusion 2", "ECOG 0-1", "unknown", false)]);
        (await store.AddReferralAsync(referral)).Kind.Should().Be(ChangeKind.Changed);

        var recorded = await store.RecordScreeningAsync(referral.Id, ReferralStatus.FailedScreening, new(2024, 3, 8), [new ScreeningReason("inclusion 2", "ECOG 0-1")]);
        var again = await store.RecordScreeningAsync(referral.Id, ReferralStatus.PassedScreening, new(2024, 3, 9), []);

        recorded.Kind.Should().Be(ChangeKind.Changed);
        again.Error.Should().Be($"The outcome of referral {referral.Id} was already recorded on 2024-03-08.");
        var stored = (await store.FindReferralAsync(referral.Id))!;
        stored.Status.Should().Be(ReferralStatus.FailedScreening);
        stored.Checklist.Single().Outcome.Should().Be("unknown");
        var participant = (await store.LoadAsync()).Participant(Study, referral.Id.SubjectId)!;
        participant.History.Select(h => h.State).Should().Equal(ResearchSubjectState.Candidate, ResearchSubjectState.Screened, ResearchSubjectState.ScreenFailed);
        participant.History[^1].Reasons.Single().CriterionPosition.Should().Be("inclusion 2");
        (await store.ReferralsAsync(Study, "RJ1")).Should().ContainSingle();
        (await store.ReferralsAsync(Study, "RGT")).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task AddReferralAsync_ToASiteTheStudyDoesNotHave_IsRefused(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await SeededAsync(database);
        var referral = new Referral(ReferralId.FromRandom([1, 1, 1, 1, 1, 1, 1]), Study, "XX9", new(2024, 3, 1), ReferralVerdict.Eligible, []);

        (await store.AddReferralAsync(referral)).Error.Should().Be("XX9 is not a site of NCT99000001.");
    }
}
