using System.Text;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Storage.Recruitment.Import;

namespace TrialAccess.Storage.Tests.Recruitment.Import;

public class RecruitmentLogImporterTests
{
    internal const string SitesLog = """
        study_id,study_title,study_target,recruitment_start,target_end_date,site_id,site_name,site_target,selected,opened,delay_source
        NCT99000001,A fictional breast cancer study,40,2024-01-01,2024-12-31,RJ1,Guy's and St Thomas',20,2023-11-01,2024-01-15,none
        NCT99000001,,,,,RGT,Addenbrooke's,20,2023-11-20,2024-02-01,sponsor
        """;

    internal const string AccrualLog = """
        study_id,site_id,subject_id,recruited_on,age_band,sex
        NCT99000001,RJ1,RJ1-001,2024-02-03,50-59,female
        NCT99000001,RJ1,RJ1-002,2024-02-20,63,female
        NCT99000001,RGT,RGT-001,2024-03-01,40-49,male
        """;

    internal static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n"));

    internal static async Task<ImportReport> ImportAsync(RecruitmentStore store, string text) =>
        await new RecruitmentLogImporter(store).ImportAsync(Csv(text));

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task ImportAsync_SitesThenAccrual_StoresStudiesSitesAndParticipants(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);
        store.Actor = "cli:test";

        var sites = await ImportAsync(store, SitesLog);
        var accrual = await ImportAsync(store, AccrualLog);

        sites.Should().BeEquivalentTo(new { Kind = RecruitmentLogKind.Sites, Rows = 2, Changed = 2, Unchanged = 0, Failed = 0 });
        accrual.Should().BeEquivalentTo(new { Kind = RecruitmentLogKind.Accrual, Rows = 3, Changed = 3, Unchanged = 0, Failed = 0 });
        var workspace = await store.LoadAsync();
        var study = workspace.Study(StudyKey.Parse("NCT99000001"))!;
        study.Target.Should().Be(40);
        study.Sites.Select(s => (s.Code, s.Opened)).Should().Equal(("RGT", new DateOnly(2024, 2, 1)), ("RJ1", new DateOnly(2024, 1, 15)));
        study.Site("RGT")!.DelaySource.Should().Be(TrialAccess.Recruitment.Sites.DelaySource.Sponsor);
        var participants = workspace.Participants(study.Key).ToList();
        participants.Should().HaveCount(3);
        participants.Single(p => p.SubjectId.Value == "RJ1-002").AgeBand!.Label.Should().Be("60-69", "an age in years is stored as its band");
        StudyFacts.Compute(study, participants, new DateOnly(2024, 6, 30)).Recruited.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task ImportAsync_TheSameFileTwice_ChangesNothingTheSecondTime(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);
        store.Actor = "cli:test";
        await ImportAsync(store, SitesLog);
        await ImportAsync(store, AccrualLog);
        var audit = await store.AuditCountAsync();

        var again = await ImportAsync(store, AccrualLog);
        var sitesAgain = await ImportAsync(store, SitesLog);

        again.Should().BeEquivalentTo(new { Rows = 3, Changed = 0, Unchanged = 3, Failed = 0 });
        sitesAgain.Should().BeEquivalentTo(new { Rows = 2, Changed = 0, Unchanged = 2, Failed = 0 });
        (await store.AuditCountAsync()).Should().Be(audit, "nothing was written, so nothing was audited");
        (await store.LoadAsync()).Participants(StudyKey.Parse("NCT99000001")).Sum(p => p.History.Count).Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task ImportAsync_BadRows_AreReportedByLineAndColumnAndTheGoodRowsKept(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);
        store.Actor = "cli:test";
        await ImportAsync(store, SitesLog);

        var report = await ImportAsync(store, """
            study_id,site_id,subject_id,event,event_date,reason,age_band,sex
            NCT99000001,RJ1,SCR-01,screened,2024-02-01,,,
            NCT99000001,RJ1,SCR-01,screen_failed,2024-02-03,ECOG 2,,
            NCT99000001,RJ1,SCR-02,screened,03/02/2024,,,
            NCT99000001,XX9,SCR-03,screened,2024-02-01,,,
            NCT99000001,RJ1,Jane Smith,screened,2024-02-01,,,
            NCT99000001,RJ1,SCR-01,enrolled,2024-02-05,,,
            NCT99000001,RJ1,SCR-04,screen_failed,2024-02-05,,,
            NCT99000001,RJ1,SCR-05,screened,2024-02-01,,51,x
            NCT99000009,RJ1,SCR-06,screened,2024-02-01,,,
            NCT99000001,RJ1,SCR-07,consented,2024-02-01,,,
            NCT99000001,RJ1,SCR-08,screened,2024-02-01
            """);

        report.Rows.Should().Be(11);
        report.Changed.Should().Be(3);
        report.Errors.Select(e => e.ToString()).Should().Equal(
            "line 4, column event_date: '03/02/2024' is not a date (yyyy-MM-dd).",
            "line 5, column site_id: 'XX9' is not a site of NCT99000001.",
            "line 6, column subject_id: 'Jane Smith' is not a study subject id (1-40 letters, digits, '-', '_', '.', '/'; no spaces, never a name).",
            "line 7, column event: SCR-01 cannot become enrolled after screen_failed.",
            "line 8, column reason: screen_failed needs a reason (the criterion that failed, or why).",
            "line 9, column sex: 'x' is not a sex as recorded for accrual (female, male, unknown).",
            "line 10, column study_id: NCT99000009 is not a monitored study: import its site log first (or add it with seed-demo or the API).",
            "line 12: 5 columns where the header has 8.");
        var participants = (await store.LoadAsync()).Participants(StudyKey.Parse("NCT99000001")).ToList();
        participants.Select(p => p.SubjectId.Value).Should().BeEquivalentTo(["SCR-01", "SCR-07"]);
        participants.Single(p => p.SubjectId.Value == "SCR-01").State.Should().Be(ResearchSubjectState.ScreenFailed);
        participants.Single(p => p.SubjectId.Value == "SCR-01").History[^1].Reasons.Single().Text.Should().Be("ECOG 2");
    }

    [Theory]
    [MemberData(nameof(RecruitmentDatabase.Engines), MemberType = typeof(RecruitmentDatabase))]
    public async Task ImportAsync_AHeaderOfNoKnownLog_SaysWhatItExpects(string engine)
    {
        await using var database = await RecruitmentDatabase.CreateAsync(engine);
        await using var store = await RecruitmentStore.OpenAsync(database.Location, FixedClock.Default);
        store.Actor = "cli:test";

        var unknown = await ImportAsync(store, "a,b\n1,2");
        var missing = await ImportAsync(store, "study_id,subject_id,recruited_on\nNCT99000001,X,2024-01-01");

        unknown.Errors.Single().ToString().Should().StartWith("line 1: The header is not an accrual log");
        missing.Errors.Single().ToString().Should().Be("line 1, column site_id: The accrual log needs a 'site_id' column.");
    }
}
