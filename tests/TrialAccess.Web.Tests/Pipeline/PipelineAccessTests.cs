using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Pipeline;

/// <summary>
/// Access at the HTTP level on the demo pipeline: anonymous requests get 401 (API) or the sign-in page (pages); a
/// reviewer from the nominating organisation (<c>reviewer-north</c>, University of Northbridge) gets 403 for the
/// nomination, its reviews and its minutes, page and API, and does not see it in any list, search, count or export;
/// a recused committee member does not see the item on the agenda; the chair's override is logged.
/// </summary>
public class PipelineAccessTests(PipelineDemoApp app) : IClassFixture<PipelineDemoApp>
{
    /// <summary>Projects nominated by Northbridge, or whose agent Northbridge originated (see PipelineDemo's plan).</summary>
    private static readonly string[] Northbridge = ["CDD-0001", "CDD-0005", "CDD-0007", "CDD-0013", "CDD-0019", "CDD-0025"];

    private async Task<Guid> IdOfAsync(string code) => (await app.ProjectsAsync())[code].GetProperty("id").GetGuid();

    [Theory]
    [InlineData("/api/pipeline/projects")]
    [InlineData("/api/pipeline/portfolio")]
    [InlineData("/api/pipeline/portfolio/export.csv")]
    [InlineData("/api/pipeline/assignments")]
    [InlineData("/api/pipeline/meetings")]
    [InlineData("/api/pipeline/audit")]
    public async Task Api_Anonymous_Is401ProblemDetails(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiWrites_Anonymous_Are401()
    {
        var client = app.Anonymous();
        var id = await IdOfAsync("CDD-0005");

        (await client.PostAsJsonAsync("/api/pipeline/projects", new { title = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync($"/api/pipeline/projects/{id}/decisions", new { outcome = "Go" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/pipeline/projects/{id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/pipeline")]
    [InlineData("/pipeline/portfolio")]
    [InlineData("/pipeline/nominate")]
    [InlineData("/pipeline/meetings")]
    [InlineData("/pipeline/audit")]
    public async Task Pages_Anonymous_RedirectToSignIn(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Fact]
    public async Task ConflictedReviewer_Gets403ForTheNominationItsReviewsAndMinutes_PageAndApi()
    {
        var north = await app.SignInAsync("reviewer-north");
        var inReview = await IdOfAsync("CDD-0005");
        var decided = await IdOfAsync("CDD-0013");

        (await north.GetAsync($"/pipeline/projects/{inReview}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await north.GetAsync($"/api/pipeline/projects/{inReview}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await north.GetAsync($"/api/pipeline/projects/{inReview}/reviews")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await north.GetAsync($"/api/pipeline/projects/{decided}/minutes")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await north.GetAsync($"/api/pipeline/projects/{decided}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var reviewer = await app.SignInAsync("reviewer-1");
        (await reviewer.GetAsync($"/pipeline/projects/{inReview}")).StatusCode.Should().Be(HttpStatusCode.OK, "reviewer-1 is assigned to it and not conflicted");
        (await reviewer.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{inReview}/reviews")).GetArrayLength().Should().BeGreaterThan(0);
        var admin = await app.SignInAsync("admin");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/projects/{decided}/minutes")).GetArrayLength().Should().BeGreaterThan(0, "the minutes exist; only the conflicted reviewer is refused them");
    }

    [Fact]
    public async Task ConflictedReviewer_DoesNotSeeTheProjectsInListsSearchCountsOrExports()
    {
        var north = await app.SignInAsync("reviewer-north");
        var other = await app.SignInAsync("reviewer-1");

        var northList = (await north.GetFromJsonAsync<JsonElement>("/api/pipeline/projects")).EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        var otherList = (await other.GetFromJsonAsync<JsonElement>("/api/pipeline/projects")).EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        northList.Should().NotBeEmpty().And.NotContain(Northbridge);
        otherList.Should().Contain("CDD-0005").And.Contain("CDD-0013");

        (await north.GetFromJsonAsync<JsonElement>("/api/pipeline/projects?q=DM-013")).GetArrayLength().Should().Be(0);
        (await other.GetFromJsonAsync<JsonElement>("/api/pipeline/projects?q=DM-013")).GetArrayLength().Should().Be(1, "the same search finds it for a reviewer without a conflict");
        (await north.GetFromJsonAsync<JsonElement>("/api/pipeline/projects?stage=regulatory-submission")).EnumerateArray().Select(p => p.GetProperty("code").GetString()).Should().Equal("CDD-0014");

        var northPortfolio = await north.GetFromJsonAsync<JsonElement>("/api/pipeline/portfolio");
        var otherPortfolio = await other.GetFromJsonAsync<JsonElement>("/api/pipeline/portfolio");
        northPortfolio.GetProperty("projects").GetInt32().Should().Be(northList.Count);
        northPortfolio.GetProperty("byStage").GetProperty("Regulatory submission (CTA/IND)").GetInt32().Should().Be(1);
        otherPortfolio.GetProperty("byStage").GetProperty("Regulatory submission (CTA/IND)").GetInt32().Should().Be(2);
        northPortfolio.GetProperty("byStage").GetProperty("Hand-over (out-licensed)").GetInt32().Should().Be(2, "CDD-0025 is Northbridge's");

        var csv = await north.GetStringAsync("/api/pipeline/portfolio/export.csv");
        foreach (var code in Northbridge)
        {
            csv.Should().NotContain(code);
        }

        csv.Should().Contain("CDD-0014").And.Contain("[confidential]", "rows the reviewer may see only as the portfolio row are redacted");
        var page = await north.GetStringAsync("/pipeline?q=DM-0");
        foreach (var code in Northbridge)
        {
            page.Should().NotContain(code);
        }

        (await north.GetFromJsonAsync<JsonElement>("/api/pipeline/assignments")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task RecusedCommitteeMember_DoesNotSeeTheItemOnTheAgendaNorItsMinutes()
    {
        var member = await app.SignInAsync("committee-2");
        var recusedItem = await IdOfAsync("CDD-0007");

        var meetings = await member.GetFromJsonAsync<JsonElement>("/api/pipeline/meetings");
        var upcoming = meetings.EnumerateArray().Single(m => m.GetProperty("status").GetString() == "Scheduled");
        upcoming.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Equal("CDD-0008");
        await (await member.GetAsync($"/api/pipeline/projects/{recusedItem}/minutes")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/pipeline/projects/{recusedItem}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var colleague = await app.SignInAsync("committee-1");
        var theirs = (await colleague.GetFromJsonAsync<JsonElement>("/api/pipeline/meetings")).EnumerateArray().Single(m => m.GetProperty("status").GetString() == "Scheduled");
        theirs.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Equal("CDD-0007", "CDD-0008");
    }

    [Fact]
    public async Task ConflictOverride_ByTheChair_IsLogged_AndRefusedToOthers()
    {
        var project = await IdOfAsync("CDD-0001");
        var northId = await app.UserIdAsync("reviewer-north");
        var chairId = await app.UserIdAsync("chair");
        var secretariat = await app.SignInAsync("secretariat");
        var chair = await app.SignInAsync("chair");

        (await secretariat.PostAsJsonAsync($"/api/pipeline/projects/{project}/conflicts/overrides", new { userId = northId, reason = "Minor" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await chair.PostAsJsonAsync($"/api/pipeline/projects/{project}/conflicts/overrides", new { userId = northId, reason = "" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var granted = await chair.PostAsJsonAsync($"/api/pipeline/projects/{project}/conflicts/overrides", new { userId = northId, reason = "Different department; no contact with the applicant" });

        granted.StatusCode.Should().Be(HttpStatusCode.Created, await granted.Content.ReadAsStringAsync());
        var audit = await (await app.SignInAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/pipeline/audit?projectId={project}");
        var entry = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "conflict.override");
        entry.GetProperty("actor").GetString().Should().Be(chairId);
        entry.GetProperty("after").GetString().Should().Contain(northId).And.Contain("Different department");
    }

    [Fact]
    public async Task Audit_IsForManagersAndTheChairOnly()
    {
        await (await (await app.SignInAsync("reviewer-1")).GetAsync("/api/pipeline/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await app.SignInAsync("reviewer-1")).GetAsync("/pipeline/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.SignInAsync("secretariat")).GetFromJsonAsync<JsonElement>("/api/pipeline/audit")).GetArrayLength().Should().BeGreaterThan(100);
    }

    [Fact]
    public async Task Applicant_SeesOnlyTheirOwnNominations()
    {
        var applicant = await app.SignInAsync("applicant");

        var codes = (await applicant.GetFromJsonAsync<JsonElement>("/api/pipeline/projects")).EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();

        codes.Should().BeEquivalentTo(["CDD-0001", "CDD-0005", "CDD-0007", "CDD-0013", "CDD-0025"], "the applicant nominated Northbridge's agents (CDD-0019 entered without a nomination)");
        (await applicant.GetAsync($"/api/pipeline/projects/{await IdOfAsync("CDD-0002")}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
