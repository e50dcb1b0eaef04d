using System.Net;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Hosting;

public class OpenApiTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    [Fact]
    public async Task Document_IsServedAndDescribesTheApi()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        document.GetProperty("info").GetProperty("title").GetString().Should().Be("TrialAccess API");
        var paths = document.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().Contain(["/api/trials", "/api/trials/search", "/api/trials/{nctId}", "/health"]);
        var search = paths.GetProperty("/api/trials").GetProperty("get");
        search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().BeEquivalentTo(["q", "status", "phase", "condition", "near", "radiusKm", "age", "limit"]);
        paths.GetProperty("/api/trials/search").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).Should().BeTrue();
        paths.GetProperty("/api/trials/{nctId}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _).Should().BeTrue();
        var nctId = document.GetProperty("components").GetProperty("schemas").GetProperty("NctId");
        nctId.GetProperty("type").GetString().Should().Be("string");
    }
}
