using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrialAccess.Web.Tests.Accounts;

namespace TrialAccess.Web.Tests.Pipeline;

/// <summary>
/// Issue 16 on the pipeline pages: a form value that cannot be read is a 400 page naming the field (the page is not
/// rendered without the data its handler loads), a handler the page does not have is a 404; never a 500.
/// </summary>
public class PipelineFormTests(PipelineDemoApp app) : IClassFixture<PipelineDemoApp>
{
    private const string Unreadable = "qxz";

    /// <summary>Posts a form as a browser would, with the signed-in user's antiforgery token; {project}, {meeting} and {assignment} in the path are filled in.</summary>
    private async Task<HttpResponseMessage> PostAsync(string userName, string path, params (string Name, string Value)[] fields)
    {
        var client = await app.SignInAsync(userName);
        var admin = await app.SignInAsync("admin");
        var project = (await app.ProjectsAsync())["CDD-0005"].GetProperty("id").GetGuid();
        var meeting = (await admin.GetFromJsonAsync<JsonElement>("/api/pipeline/meetings"))[0].GetProperty("id").GetGuid();
        var assignment = (await (await app.SignInAsync("reviewer-1")).GetFromJsonAsync<JsonElement>("/api/pipeline/assignments"))[0].GetProperty("assignmentId").GetGuid();
        var token = await client.AntiforgeryTokenAsync("/clinician");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        var url = path.Replace("{project}", project.ToString(), StringComparison.Ordinal).Replace("{meeting}", meeting.ToString(), StringComparison.Ordinal)
            .Replace("{assignment}", assignment.ToString(), StringComparison.Ordinal);
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [Theory]
    [InlineData("secretariat", "/pipeline/projects/{project}?handler=OpenRound", "kind", "kind must be one of")]
    [InlineData("secretariat", "/pipeline/projects/{project}?handler=OpenRound", "blind", "blind must be true or false.")]
    [InlineData("secretariat", "/pipeline/projects/{project}?handler=Assign", "roundId", "roundId must be an id.")]
    [InlineData("secretariat", "/pipeline/projects/{project}?handler=Agenda", "meetingId", "meetingId must be an id.")]
    [InlineData("chair", "/pipeline/projects/{project}?handler=Decide", "outcome", "outcome must be one of")]
    [InlineData("chair", "/pipeline/projects/{project}?handler=Decide", "meetingId", "meetingId must be an id.")]
    [InlineData("chair", "/pipeline/meetings/{meeting}?handler=Minutes", "projectId", "projectId must be an id.")]
    [InlineData("reviewer-1", "/pipeline/assignments/{assignment}?handler=Save", "submit", "submit must be true or false.")]
    public async Task Form_ValueThatCannotBeRead_Is400PageNamingTheField(string userName, string path, string field, string message)
    {
        var response = await PostAsync(userName, path, (field, Unreadable));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, html);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("We could not understand that request").And.Contain(message).And.NotContain(Unreadable);
    }

    [Fact]
    public async Task ProjectPage_UnknownHandler_Is404()
    {
        var response = await PostAsync("secretariat", $"/pipeline/projects/{{project}}?handler={Unreadable}", ("kind", "ExternalReview"));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.NotFound, html);
        html.Should().Contain("We could not find that page").And.NotContain(Unreadable);
    }
}
