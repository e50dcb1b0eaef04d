using System.Net;

namespace TrialAccess.Web.Tests.Hosting;

public class RateLimitingTests(RateLimitedDemoWebApp app) : IClassFixture<RateLimitedDemoWebApp>
{
    [Fact]
    public async Task Api_MoreRequestsThanTheLimit_Is429ProblemWithRetryAfter()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/trials/NCT99000001")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var refused = await client.GetAsync("/api/trials/NCT99000001");

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("detail").GetString().Should().Be("At most 3 requests per 60 s are accepted from one client. Try again shortly.");
        refused.Headers.RetryAfter.Should().NotBeNull();

        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "the pages are not under the API limit");
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "the health check is not under the API limit");
    }
}
