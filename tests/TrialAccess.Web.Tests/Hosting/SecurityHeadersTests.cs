namespace TrialAccess.Web.Tests.Hosting;

public class SecurityHeadersTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/trials?q=lung")]
    [InlineData("/api/trials/NCT00000000")]
    [InlineData("/trials/NCT99000001")]
    [InlineData("/css/site.css")]
    [InlineData("/openapi/v1.json")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Fact]
    public async Task Stylesheet_IsServedFromTheAssembly()
    {
        var response = await app.CreateClient().GetAsync("/css/site.css");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
    }
}
