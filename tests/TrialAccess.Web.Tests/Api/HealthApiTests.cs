using System.Net;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Api;

public class HealthApiTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    [Fact]
    public async Task Health_DemoDatabase_IsOkWithTheTrialCount()
    {
        var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        health.GetProperty("status").GetString().Should().Be("ok");
        health.GetProperty("trials").GetInt64().Should().Be(16);
    }
}
