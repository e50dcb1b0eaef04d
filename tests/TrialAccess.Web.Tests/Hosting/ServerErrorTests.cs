using System.Net;

namespace TrialAccess.Web.Tests.Hosting;

public class ServerErrorTests(BrokenDatabaseWebApp app) : IClassFixture<BrokenDatabaseWebApp>
{
    [Fact]
    public async Task Api_DatabaseCannotBeOpened_Is500ProblemThatRevealsNothing()
    {
        var response = await app.CreateClient().GetAsync("/api/trials/NCT99000001");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem.GetProperty("detail").GetString().Should().Be("Something went wrong on our side. The error was logged.");
        var body = problem.GetRawText();
        body.Should().NotContainAny("Sqlite", "SQLite", Path.GetTempPath(), "at TrialAccess", "exception");
    }

    [Fact]
    public async Task Page_DatabaseCannotBeOpened_Is500PlainPage()
    {
        var response = await app.CreateClient().GetAsync("/trials/NCT99000001");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("Something went wrong on our side").And.NotContain("Sqlite");
    }
}
