using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Pipeline;

/// <summary>Editing a submitted review or a recorded decision through the API is refused (409) and written to the audit log.</summary>
public class TamperingTests(PipelineDemoApp app) : IClassFixture<PipelineDemoApp>
{
    [Fact]
    public async Task SubmittedReview_EditThroughTheApi_IsRefusedAndLogged()
    {
        var reviewer = await app.SignInAsync("reviewer-1");
        var reviewerId = await app.UserIdAsync("reviewer-1");
        var submitted = (await reviewer.GetFromJsonAsync<JsonElement>("/api/pipeline/assignments")).EnumerateArray()
            .First(a => a.GetProperty("reviewStatus").GetString() == "Submitted");
        var reviewId = submitted.GetProperty("reviewId").GetGuid();
        var projectId = submitted.GetProperty("projectId").GetGuid();
        var admin = await app.SignInAsync("admin");
        var before = (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{projectId}/reviews")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == reviewId);

        var response = await reviewer.PutAsJsonAsync($"/api/pipeline/reviews/{reviewId}", new { scores = new Dictionary<string, int> { ["overall"] = 9 }, comments = "Changed my mind", submit = false });
        var viaAssignment = await reviewer.PutAsJsonAsync($"/api/pipeline/assignments/{submitted.GetProperty("assignmentId").GetGuid()}/review", new { scores = new Dictionary<string, int> { ["overall"] = 9 }, comments = "Again", submit = true });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("review.submitted");
        await viaAssignment.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var after = (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{projectId}/reviews")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == reviewId);
        after.GetProperty("comments").GetString().Should().Be(before.GetProperty("comments").GetString());
        after.GetProperty("scores").ToString().Should().Be(before.GetProperty("scores").ToString());
        var refused = (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/audit?projectId={projectId}")).EnumerateArray()
            .Where(a => a.GetProperty("action").GetString() == "review.edit-refused").ToList();
        refused.Should().HaveCount(2);
        refused.Should().OnlyContain(a => a.GetProperty("actor").GetString() == reviewerId && a.GetProperty("entityId").GetString() == reviewId.ToString());
    }

    [Fact]
    public async Task RecordedDecision_EditOrDeleteThroughTheApi_IsRefusedAndLogged()
    {
        var admin = await app.SignInAsync("admin");
        var projectId = (await app.ProjectsAsync())["CDD-0009"].GetProperty("id").GetGuid();
        var project = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{projectId}");
        var decision = project.GetProperty("decisions")[0];
        var decisionId = decision.GetProperty("id").GetGuid();
        var secretariat = await app.SignInAsync("secretariat");

        var put = await secretariat.PutAsJsonAsync($"/api/pipeline/decisions/{decisionId}", new { outcome = "NoGo", rationale = "Rewriting history" });
        var delete = await secretariat.DeleteAsync($"/api/pipeline/decisions/{decisionId}");

        (await put.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().Should().Be("gate.immutable");
        await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var again = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{projectId}");
        again.GetProperty("decisions")[0].ToString().Should().Be(decision.ToString());
        var notes = (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/audit?projectId={projectId}")).EnumerateArray()
            .Where(a => a.GetProperty("action").GetString() == "gate.edit-refused").Select(a => a.GetProperty("note").GetString()).ToList();
        notes.Should().HaveCount(2);
        notes.Should().Contain(n => n!.StartsWith("PUT", StringComparison.Ordinal)).And.Contain(n => n!.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decision_ForAConflictedViewer_Is403NotAnAuditedRefusal()
    {
        var projectId = (await app.ProjectsAsync())["CDD-0013"].GetProperty("id").GetGuid();
        var decisionId = (await (await app.SignInAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{projectId}")).GetProperty("decisions")[0].GetProperty("id").GetGuid();

        var response = await (await app.SignInAsync("reviewer-north")).PutAsJsonAsync($"/api/pipeline/decisions/{decisionId}", new { });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
