using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TrialAccess.Pipeline.Stages;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Pipeline;

/// <summary>
/// One nomination end to end through the API, as each role: a partner nominates with a data package, the secretariat
/// accepts it and assigns the internal assessor, the assessment passes, two external reviewers score it in a blind
/// round, the committee meets and the chair approves it, the project moves to preclinical, regulatory submission and
/// Phase I with a linked NCT id; the audit log shows every step in order. Run on SQLite and on PostgreSQL.
/// </summary>
internal static class PipelineJourney
{
    private static object AllMet(string stage) =>
        StageCatalog.Default.Get(stage).ExitGate!.Criteria.Select(c => new { criterion = c, result = "Met", evidence = "package.pdf" }).ToArray();

    private static async Task<JsonElement> DecideAsync(HttpClient client, Guid project, string stage, Guid? meeting = null) =>
        await (await client.PostAsJsonAsync($"/api/pipeline/projects/{project}/decisions", new { outcome = "Go", criteria = AllMet(stage), rationale = $"Leaves {stage}: criteria met", meetingId = meeting }))
            .JsonAsync(HttpStatusCode.Created);

    private static async Task ReviewAsync(HttpClient client, Guid assignment, Dictionary<string, int> scores) =>
        await (await client.PutAsJsonAsync($"/api/pipeline/assignments/{assignment}/review", new { scores, comments = "Compelling rationale and data.", submit = true })).JsonAsync(HttpStatusCode.OK);

    public static async Task RunAsync(PipelineDemoApp app)
    {
        var partner = await app.SignInAsync("partner");
        var secretariat = await app.SignInAsync("secretariat");
        var chair = await app.SignInAsync("chair");
        var assessorId = await app.UserIdAsync("assessor");
        var reviewer1Id = await app.UserIdAsync("reviewer-1");
        var reviewer2Id = await app.UserIdAsync("reviewer-2");

        var nominated = await (await partner.PostAsJsonAsync("/api/pipeline/projects", new
        {
            agentName = "Journeymab", agentCode = "HX-77", modality = "Antibody", target = "CD73", mechanism = "Adenosine pathway blockade", ipPosition = "Filed 2025",
            title = "Journeymab in pancreatic cancer", indications = new[] { "Pancreatic cancer" }, summary = "In vivo efficacy in syngeneic models.", namedPeople = new[] { "Prof Ida Inventor" },
        })).JsonAsync(HttpStatusCode.Created);
        var project = nominated.GetProperty("id").GetGuid();
        nominated.GetProperty("stage").GetString().Should().Be("nomination");
        nominated.GetProperty("nomination").GetProperty("nominatedBy").GetString().Should().Be("Helix Biotherapeutics (demo)");

        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent("%PDF-1.4 data package"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "package.pdf");
            await (await partner.PostAsync($"/api/pipeline/projects/{project}/attachments", form)).JsonAsync(HttpStatusCode.Created);
        }

        await DecideAsync(secretariat, project, "nomination");
        var internalRound = (await (await secretariat.PostAsJsonAsync($"/api/pipeline/projects/{project}/rounds", new { kind = "InternalAssessment", blind = false })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var assessment = (await (await secretariat.PostAsJsonAsync($"/api/pipeline/rounds/{internalRound}/assignments", new { userId = assessorId, type = "Assessor" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReviewAsync(await app.SignInAsync("assessor"), assessment, new() { ["rationale"] = 5, ["novelty"] = 4, ["clinical-need"] = 5, ["data-quality"] = 4, ["recommend"] = 1 });

        await DecideAsync(secretariat, project, "internal-assessment");
        var externalRound = (await (await secretariat.PostAsJsonAsync($"/api/pipeline/projects/{project}/rounds", new { kind = "ExternalReview", blind = true })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var first = (await (await secretariat.PostAsJsonAsync($"/api/pipeline/rounds/{externalRound}/assignments", new { userId = reviewer1Id, type = "Primary" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await (await secretariat.PostAsJsonAsync($"/api/pipeline/rounds/{externalRound}/assignments", new { userId = reviewer2Id, type = "External" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var reviewer1 = await app.SignInAsync("reviewer-1");
        var blindView = await reviewer1.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{project}");
        blindView.GetProperty("nomination").TryGetProperty("nominatedBy", out _).Should().BeFalse("the round is blind: the nominator is left out");
        blindView.GetProperty("agent").TryGetProperty("ipPosition", out _).Should().BeFalse();
        await ReviewAsync(reviewer1, first, new() { ["overall"] = 2, ["rationale"] = 2, ["novelty"] = 1, ["trial"] = 3, ["data-quality"] = 2 });
        await ReviewAsync(await app.SignInAsync("reviewer-2"), second, new() { ["overall"] = 3, ["rationale"] = 2, ["novelty"] = 2, ["trial"] = 3, ["data-quality"] = 3 });

        await DecideAsync(secretariat, project, "external-review");
        var meeting = (await secretariat.GetFromJsonAsync<JsonElement>("/api/pipeline/meetings")).EnumerateArray().Single(m => m.GetProperty("status").GetString() == "Scheduled").GetProperty("id").GetGuid();
        await (await secretariat.PostAsJsonAsync($"/api/pipeline/meetings/{meeting}/agenda", new { projectId = project, presenter = "Pat Partner" })).JsonAsync(HttpStatusCode.OK);
        var attendees = (await chair.GetFromJsonAsync<JsonElement>($"/api/pipeline/meetings/{meeting}")).GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("userId").GetString()).ToList();
        await (await chair.PostAsJsonAsync($"/api/pipeline/meetings/{meeting}/attendance", new { present = attendees })).JsonAsync(HttpStatusCode.OK);
        await (await secretariat.PostAsJsonAsync($"/api/pipeline/meetings/{meeting}/minutes", new { projectId = project, text = "Presented by the partner; approved unanimously." })).JsonAsync(HttpStatusCode.OK);
        (await secretariat.PostAsJsonAsync($"/api/pipeline/projects/{project}/decisions", new { outcome = "Go", criteria = AllMet("decision"), rationale = "Not the chair", meetingId = meeting }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the committee's decision is the chair's");
        var approval = await DecideAsync(chair, project, "decision", meeting);
        approval.GetProperty("toStage").GetString().Should().Be("preclinical");

        await DecideAsync(secretariat, project, "preclinical");
        await DecideAsync(secretariat, project, "regulatory-submission");
        await (await secretariat.PostAsJsonAsync($"/api/pipeline/projects/{project}/trials", new { nctId = "NCT99000016" })).JsonAsync(HttpStatusCode.Created);

        var final = await secretariat.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{project}");
        final.GetProperty("stage").GetString().Should().Be("phase-1");
        final.GetProperty("fhirPhase").GetString().Should().Be("phase-1");
        final.GetProperty("ctGovPhase").GetString().Should().Be("PHASE1");
        final.GetProperty("trials")[0].GetProperty("nctId").GetString().Should().Be("NCT99000016");
        final.GetProperty("decisions").GetArrayLength().Should().Be(6);
        final.GetProperty("stageHistory").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).Should().Equal(
            "nomination", "internal-assessment", "external-review", "decision", "preclinical", "regulatory-submission", "phase-1");

        var audit = (await (await app.SignInAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/pipeline/audit?projectId={project}")).EnumerateArray().ToList();
        var steps = new List<string>();
        foreach (var action in audit.Select(a => a.GetProperty("action").GetString()!))
        {
            if (steps.Count == 0 || steps[^1] != action)
            {
                steps.Add(action);
            }
        }

        steps.Should().Equal(
            "nomination.submit", "nomination.attach", "gate.go", "round.open", "assignment.make", "review.submit", "gate.go", "round.open", "assignment.make", "review.submit",
            "gate.go", "meeting.agenda-add", "meeting.minutes", "gate.go", "trial.link");
        audit.Count(a => a.GetProperty("entityType").GetString() == "GateDecision").Should().Be(6);
        audit.Select(a => a.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder();
        audit.Where(a => a.GetProperty("action").GetString() == "review.submit").Select(a => a.GetProperty("actor").GetString()).Should().Contain([assessorId, reviewer1Id, reviewer2Id]);
    }
}

public class PipelineJourneyTests(PipelineDemoApp app) : IClassFixture<PipelineDemoApp>
{
    [Fact]
    public Task Nomination_ThroughEveryRoleToPhaseOne_OnSqlite() => PipelineJourney.RunAsync(app);
}

public class PostgresPipelineJourneyTests(PostgresPipelineDemoApp app) : IClassFixture<PostgresPipelineDemoApp>
{
    [PostgresFact]
    public Task Nomination_ThroughEveryRoleToPhaseOne_OnPostgres() => PipelineJourney.RunAsync(app);
}
