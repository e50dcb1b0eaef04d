using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Gates;
using TrialAccess.Pipeline.Organisations;
using TrialAccess.Pipeline.People;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Review;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Testing;
using TrialAccess.Trials;
using ReviewRecord = TrialAccess.Pipeline.Review.Review;

namespace TrialAccess.Storage.Tests.Pipeline;

/// <summary>
/// The pipeline store on a real database: records round-trip, every save is audited in the same transaction, the
/// audit log cannot be changed (by the context or by SQL), concurrent writers of one record cannot both win, and a
/// database made at the first migration upgrades to the latest. Each test runs on SQLite and, where configured, PostgreSQL.
/// </summary>
public sealed class PipelineStoreTests : IAsyncLifetime
{
    private static readonly StageCatalog Stages = StageCatalog.Default;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _folder = new();
    private TestDatabase? _postgres;

    private StoreLocation Location { get; set; } = null!;

    public static TheoryData<string> Engines() => TrialStoreTests.Engines();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _folder.Dispose();
    }

    /// <summary>An empty database of <paramref name="engine"/> for this test.</summary>
    private async Task UseAsync(string engine)
    {
        if (engine == "sqlite")
        {
            Location = new StoreLocation(StoreKind.Sqlite, _folder.File("pipeline.db"));
            return;
        }

        _postgres = await TestPostgres.CreateDatabaseAsync();
        Location = new StoreLocation(StoreKind.Postgres, _postgres.ConnectionString);
    }

    private PipelineDbContext Context(string actor = "tester")
    {
        var context = PipelineDbContext.Create(Location, _clock);
        context.Actor = actor;
        return context;
    }

    private async Task<PipelineDbContext> MigratedAsync()
    {
        var context = Context();
        await context.Database.MigrateAsync();
        return context;
    }

    private static (Organisation Org, Agent Agent, DevelopmentProject Project) Nomination(DateTimeOffset at)
    {
        var org = new Organisation(Guid.NewGuid(), "University of Example", OrganisationKind.University, "https://ror.org/000000000");
        var agent = Agent.Create(Guid.NewGuid(), "Examplinib", "EX-001", Modality.SmallMolecule, "KRAS G12C", "Covalent inhibitor", org.Id, "Filed").Value!;
        var project = DevelopmentProject.Nominate(Guid.NewGuid(), "CDD-" + Guid.NewGuid().ToString("N")[..6], agent.Id, "Examplinib in NSCLC", ["NSCLC", "Colorectal cancer"],
            new TrialAccess.Pipeline.Projects.Nomination(org.Id, "applicant-1", NominationSource.Academic, at, "Package", ["Prof Named"]), Stages).Value!;
        project.SetPartners([new Partner(org.Id, 0.25m)]);
        return (org, agent, project);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_ProjectWithDecisionReviewAndMeeting_RoundTripsEveryField(string engine)
    {
        await UseAsync(engine);
        var now = _clock.GetUtcNow();
        var (org, agent, project) = Nomination(now);
        var stage = Stages.Get(project.CurrentStage);
        var decision = GateDecision.Take(Guid.NewGuid(), project.Id, stage, Stages.Next(stage.Code), GateOutcome.Go,
            stage.ExitGate!.Criteria.Select(c => new CriterionCheck(c, CriterionResult.Met, "package.pdf")).ToList(), ["secretariat-1"], null, [], "Complete", null, now).Value!;
        project.ApplyDecision(decision, new DateOnly(2025, 3, 15)).Should().BeNull();
        var round = ReviewRound.Open(Guid.NewGuid(), project.Id, RoundKind.ExternalReview, ReviewForm.ExternalReview, blind: true, now);
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, "reviewer-1", AssignmentType.External, false, "secretariat-1", now).Value!;
        var review = ReviewRecord.Start(Guid.NewGuid(), assignment);
        review.Edit(round.Form, round.Form.Criteria.Select(c => new CriterionScore(c.Key, 3)).ToList(), "Solid").Should().BeNull();
        review.Submit(round, now).Should().BeNull();
        var meeting = CommitteeMeeting.Schedule(Guid.NewGuid(), "NAC March", new DateOnly(2025, 3, 20), [new Attendee("chair-1", MeetingRole.Chair, null), new Attendee("member-1", MeetingRole.Member, null)]).Value!;
        meeting.AddToAgenda(project.Id, "Applicant", ["member-1"]).Should().BeNull();
        var person = new Person("reviewer-1", "Dr Reviewer", org.Id);
        person.Declare(new DeclaredRelationship(org.Id, RelationshipKind.Consultancy, new DateOnly(2020, 1, 1)));

        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project, decision, round, assignment, review, meeting, person);
            await context.SaveChangesAsync();
        }

        await using var read = Context();
        var stored = await read.Projects.SingleAsync(p => p.Id == project.Id);
        stored.Nomination.Should().BeEquivalentTo(project.Nomination);
        stored.Indications.Should().Equal("NSCLC", "Colorectal cancer");
        stored.Partners.Should().Equal(new Partner(org.Id, 0.25m));
        stored.StageHistory.Should().Equal(project.StageHistory);
        stored.CurrentStage.Should().Be("internal-assessment");
        (await read.GateDecisions.SingleAsync()).Criteria.Should().HaveCount(2).And.OnlyContain(c => c.Evidence == "package.pdf");
        (await read.Rounds.SingleAsync()).Form.Should().BeEquivalentTo(ReviewForm.ExternalReview);
        var storedReview = await read.Reviews.SingleAsync();
        storedReview.Scores.Should().HaveCount(5).And.OnlyContain(s => s.Score == 3);
        storedReview.Status.Should().Be(ReviewStatus.Submitted);
        (await read.Meetings.SingleAsync()).Recusals.Should().Equal(new Recusal(project.Id, "member-1", "Conflict of interest"));
        (await read.People.SingleAsync()).Relationships.Should().ContainSingle().Which.Kind.Should().Be(RelationshipKind.Consultancy);
        (await read.Organisations.SingleAsync()).Ror.Should().Be("https://ror.org/000000000");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_EveryChange_IsAuditedWithActorActionBeforeAndAfter(string engine)
    {
        await UseAsync(engine);
        var (org, agent, project) = Nomination(_clock.GetUtcNow());
        await using (var context = await MigratedAsync())
        {
            context.Action = "nomination.submit";
            context.AddRange(org, agent, project);
            await context.SaveChangesAsync();
        }

        await using (var context = Context("secretariat-1"))
        {
            var stored = await context.Projects.SingleAsync();
            stored.ChangeConfidentiality(Confidentiality.Portfolio);
            context.Action = "project.show-in-portfolio";
            await context.SaveChangesAsync();
        }

        await using var read = Context();
        var log = (await read.Audit.ToListAsync()).OrderBy(a => a.Sequence).ToList();
        log.Select(a => a.Action).Should().Equal("nomination.submit", "nomination.submit", "nomination.submit", "project.show-in-portfolio");
        var change = log[^1];
        change.Actor.Should().Be("secretariat-1");
        change.ProjectId.Should().Be(project.Id);
        JsonDocument.Parse(change.Before!).RootElement.GetProperty("Confidentiality").GetString().Should().Be("Confidential");
        JsonDocument.Parse(change.After!).RootElement.GetProperty("Confidentiality").GetString().Should().Be("Portfolio");
        log[0].Before.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_FailingTransaction_LeavesNeitherChangeNorAuditEntry(string engine)
    {
        await UseAsync(engine);
        var (org, agent, project) = Nomination(_clock.GetUtcNow());
        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project);
            await context.SaveChangesAsync();
        }

        var (_, _, duplicate) = Nomination(_clock.GetUtcNow());
        typeof(DevelopmentProject).GetProperty(nameof(DevelopmentProject.Code))!.SetValue(duplicate, project.Code);
        await using (var context = Context())
        {
            context.Add(duplicate);
            var save = () => context.SaveChangesAsync();
            await save.Should().ThrowAsync<DbUpdateException>("project codes are unique");
        }

        await using var read = Context();
        (await read.Projects.CountAsync()).Should().Be(1);
        (await read.Audit.CountAsync()).Should().Be(3, "the failed save wrote no audit entry");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Audit_ChangedThroughTheContextOrBySql_IsRefused(string engine)
    {
        await UseAsync(engine);
        var (org, agent, project) = Nomination(_clock.GetUtcNow());
        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project);
            await context.SaveChangesAsync();
        }

        await using var tamper = Context();
        var entry = await tamper.Audit.FirstAsync();
        tamper.Remove(entry);
        var viaContext = () => tamper.SaveChangesAsync();
        await viaContext.Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");

        var update = () => tamper.Database.ExecuteSqlRawAsync("UPDATE pipeline_audit SET \"Actor\" = 'someone-else'");
        var delete = () => tamper.Database.ExecuteSqlRawAsync("DELETE FROM pipeline_audit");
        (await update.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("append-only");
        (await delete.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("append-only");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_TwoWritersOfOneReview_SecondIsRefused(string engine)
    {
        await UseAsync(engine);
        var now = _clock.GetUtcNow();
        var (org, agent, project) = Nomination(now);
        var round = ReviewRound.Open(Guid.NewGuid(), project.Id, RoundKind.ExternalReview, ReviewForm.ExternalReview, false, now);
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, "reviewer-1", AssignmentType.External, false, "s", now).Value!;
        var review = ReviewRecord.Start(Guid.NewGuid(), assignment);
        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project, round, assignment, review);
            await context.SaveChangesAsync();
        }

        await using var first = Context();
        await using var second = Context();
        var a = await first.Reviews.SingleAsync();
        var b = await second.Reviews.SingleAsync();
        a.Edit(round.Form, [new CriterionScore("overall", 2)], "first").Should().BeNull();
        b.Edit(round.Form, [new CriterionScore("overall", 8)], "second").Should().BeNull();
        await first.SaveChangesAsync();
        var late = () => second.SaveChangesAsync();

        await late.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var read = Context();
        (await read.Reviews.SingleAsync()).Comments.Should().Be("first");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrate_DatabaseAtTheFirstMigration_UpgradesToTheLatestKeepingItsRecords(string engine)
    {
        await UseAsync(engine);
        var (org, agent, project) = Nomination(_clock.GetUtcNow());
        await using (var first = Context())
        {
            var migrations = first.Database.GetMigrations().ToList();
            migrations.Should().HaveCountGreaterThan(1);
            await first.GetService<IMigrator>().MigrateAsync(migrations[0]);
            (await first.Database.GetAppliedMigrationsAsync()).Should().Equal(migrations[0]);
            first.AddRange(org, agent, project);
            await first.SaveChangesAsync();
            await first.Database.ExecuteSqlRawAsync("UPDATE pipeline_audit SET \"Note\" = 'before the append-only migration'");
        }

        await using (var upgrade = Context())
        {
            await upgrade.Database.MigrateAsync();
            (await upgrade.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }

        await using var read = Context();
        (await read.Projects.SingleAsync()).Nomination!.Summary.Should().Be("Package");
        (await read.Audit.CountAsync()).Should().Be(3);
        var update = () => read.Database.ExecuteSqlRawAsync("UPDATE pipeline_audit SET \"Note\" = 'after'");
        await update.Should().ThrowAsync<Exception>("the upgrade made the audit log append-only");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_TwoCorrectionsOfOneReview_SecondIsRefusedByTheUniqueIndex(string engine)
    {
        await UseAsync(engine);
        var now = _clock.GetUtcNow();
        var (org, agent, project) = Nomination(now);
        var round = ReviewRound.Open(Guid.NewGuid(), project.Id, RoundKind.ExternalReview, ReviewForm.ExternalReview, false, now);
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, "reviewer-1", AssignmentType.External, false, "s", now).Value!;
        var review = ReviewRecord.Start(Guid.NewGuid(), assignment);
        var scores = round.Form.Criteria.Select(c => new CriterionScore(c.Key, 4)).ToList();
        review.Edit(round.Form, scores, "ok");
        review.Submit(round, now);
        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project, round, assignment, review);
            context.Add(review.Supersede(Guid.NewGuid(), round, scores, "better", "typo", now).Value!);
            await context.SaveChangesAsync();
        }

        await using var again = Context();
        again.Add(review.Supersede(Guid.NewGuid(), round, scores, "other", "again", now).Value!);
        var save = () => again.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_TwoOriginalReviewsOfOneAssignment_SecondIsRefusedByTheUniqueIndex(string engine)
    {
        await UseAsync(engine);
        var now = _clock.GetUtcNow();
        var (org, agent, project) = Nomination(now);
        var round = ReviewRound.Open(Guid.NewGuid(), project.Id, RoundKind.ExternalReview, ReviewForm.ExternalReview, false, now);
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, "reviewer-1", AssignmentType.External, false, "s", now).Value!;
        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project, round, assignment, ReviewRecord.Start(Guid.NewGuid(), assignment));
            await context.SaveChangesAsync();
        }

        await using var racing = Context();
        racing.Add(ReviewRecord.Start(Guid.NewGuid(), assignment));
        var save = () => racing.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>("a second request of the same reviewer cannot add a second review");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Trials_LinkedByNctId_RoundTrip(string engine)
    {
        await UseAsync(engine);
        var (org, agent, project) = Nomination(_clock.GetUtcNow());
        var entered = DevelopmentProject.EnterAt(Guid.NewGuid(), "CDD-P1", agent.Id, "Phase I", ["Melanoma"], Stages.Get("phase-1"), new DateOnly(2024, 1, 1), org.Id, Confidentiality.Portfolio).Value!;
        entered.LinkTrial(NctId.Parse("NCT99000042"), Stages, new DateOnly(2024, 2, 1)).Should().BeNull();
        await using (var context = await MigratedAsync())
        {
            context.AddRange(org, agent, project, entered);
            await context.SaveChangesAsync();
        }

        await using var read = Context();
        (await read.Projects.SingleAsync(p => p.Code == "CDD-P1")).Trials.Should().Equal(new LinkedTrial(NctId.Parse("NCT99000042"), "phase-1", new DateOnly(2024, 2, 1)));
    }
}
