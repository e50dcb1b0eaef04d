using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Api;

public class TrialsApiTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string> Ids(JsonElement result) =>
        result.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("nctId").GetString()!).ToList();

    [Fact]
    public async Task Search_Words_FindsTheTrialsContainingThem()
    {
        var result = await GetJsonAsync("/api/trials?q=EGFR%20lung");

        Ids(result).Should().Contain(["NCT99000001", "NCT99000002", "NCT99000003"]);
        result.GetProperty("count").GetInt32().Should().Be(Ids(result).Count);
        result.TryGetProperty("origin", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Search_StatusAndPhase_FilterTheResults()
    {
        var result = await GetJsonAsync("/api/trials?q=EGFR&status=RECRUITING&phase=PHASE3");

        Ids(result).Should().Equal("NCT99000001");
        var trial = result.GetProperty("trials")[0];
        trial.GetProperty("overallStatus").GetString().Should().Be("RECRUITING");
        trial.GetProperty("phases").EnumerateArray().Select(p => p.GetString()).Should().Equal("PHASE3");
    }

    [Fact]
    public async Task Search_StatusCommaSeparated_KeepsEither()
    {
        var result = await GetJsonAsync("/api/trials?q=lung&status=RECRUITING,ACTIVE_NOT_RECRUITING");

        Ids(result).Should().Contain(["NCT99000001", "NCT99000004"]);
    }

    [Fact]
    public async Task Search_Condition_KeepsTrialsForThatCondition()
    {
        var result = await GetJsonAsync("/api/trials?condition=breast%20cancer");

        Ids(result).Should().BeEquivalentTo(["NCT99000005", "NCT99000006", "NCT99000007"]);
    }

    [Fact]
    public async Task Search_NearAPlace_ReportsTheNearestRecruitingSiteNearestFirst()
    {
        var result = await GetJsonAsync("/api/trials?q=lung&near=Boston,%20MA");

        result.GetProperty("origin").GetProperty("resolvedAs").GetString().Should().Be("Boston, MA, United States");
        var first = result.GetProperty("trials")[0];
        first.GetProperty("nctId").GetString().Should().Be("NCT99000001");
        first.GetProperty("nearestRecruitingSite").GetProperty("city").GetString().Should().Be("Boston");
        first.GetProperty("nearestRecruitingSite").GetProperty("distanceKm").GetDouble().Should().BeLessThan(1);
        // NCT99000003's Boston site is not yet recruiting: its nearest recruiting site is in Europe.
        var egfrDevice = result.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("nctId").GetString() == "NCT99000003");
        egfrDevice.GetProperty("nearestRecruitingSite").GetProperty("city").GetString().Should().NotBe("Boston");
        var distances = result.GetProperty("trials").EnumerateArray()
            .Where(t => t.TryGetProperty("nearestRecruitingSite", out _))
            .Select(t => t.GetProperty("nearestRecruitingSite").GetProperty("distanceKm").GetDouble()).ToList();
        distances.Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Search_NearWithoutRadius_KeepsTrialsWithoutARecruitingSiteAndSaysTheDistanceIsUnknown()
    {
        var result = await GetJsonAsync("/api/trials?q=lung&near=42.36,-71.06");

        var closed = result.GetProperty("trials").EnumerateArray().Single(t => t.GetProperty("nctId").GetString() == "NCT99000004");
        closed.TryGetProperty("nearestRecruitingSite", out _).Should().BeFalse();
        closed.GetProperty("distanceUnknown").GetString().Should().Be("No recruiting site of this trial has coordinates, so the distance is unknown.");
        Ids(result).Last().Should().Be("NCT99000004");
    }

    [Fact]
    public async Task Search_NearWithRadius_KeepsOnlyTrialsRecruitingWithinIt()
    {
        var result = await GetJsonAsync("/api/trials?near=Lyon,%20France&radiusKm=50");

        Ids(result).Should().BeEquivalentTo(["NCT99000003", "NCT99000008", "NCT99000015"]);
        result.GetProperty("origin").GetProperty("radiusKm").GetDouble().Should().Be(50);
    }

    [Fact]
    public async Task Search_NearAUsZipCode_KeepsTrialsRecruitingWithinTheRadiusOfItsCentre()
    {
        var result = await GetJsonAsync("/api/trials?near=02115&radiusKm=50");

        Ids(result).Should().BeEquivalentTo(["NCT99000001", "NCT99000012", "NCT99000016"]);
        result.GetProperty("origin").GetProperty("resolvedAs").GetString().Should().Be("ZIP code 02115, United States");
    }

    [Fact]
    public async Task Search_Age_LeavesOutTrialsWhoseLimitsExcludeIt()
    {
        var child = await GetJsonAsync("/api/trials?q=neuroblastoma&age=8");
        var adult = await GetJsonAsync("/api/trials?q=lung&age=8");

        Ids(child).Should().Equal("NCT99000015");
        Ids(adult).Should().BeEmpty();
    }

    [Fact]
    public async Task Search_Limit_CapsTheCount()
    {
        var result = await GetJsonAsync("/api/trials?limit=3");

        result.GetProperty("count").GetInt32().Should().Be(3);
        Ids(result).Should().Equal("NCT99000001", "NCT99000002", "NCT99000003");
    }

    [Theory]
    [InlineData("limit=abc", "limit", "limit must be a whole number.")]
    [InlineData("limit=0", "limit", "limit must be between 1 and 100.")]
    [InlineData("limit=1000", "limit", "limit must be between 1 and 100.")]
    [InlineData("age=old", "age", "age must be a number, like 100 or 42.5.")]
    [InlineData("age=-4", "age", "age must be a number of years between 0 and 130.")]
    [InlineData("near=Boston&radiusKm=far", "radiusKm", "radiusKm must be a number, like 100 or 42.5.")]
    [InlineData("near=Boston&radiusKm=-5", "radiusKm", "radiusKm must be a number of kilometres greater than 0 and at most 20050.")]
    [InlineData("radiusKm=50", "radiusKm", "radiusKm needs near: say where the distance is measured from.")]
    [InlineData("phase=PHASE9", "phase", "'PHASE9' is not a phase. Use one of: EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA.")]
    [InlineData("near=Atlantis", "near", "No place called 'Atlantis' is known. Try the nearest large city, add the country (\"Lyon, France\"), or give coordinates (\"45.76,4.84\").")]
    [InlineData("near=95,200", "near", "Coordinates must be 'latitude,longitude' with latitude in [-90, 90] and longitude in [-180, 180].")]
    public async Task Search_BadQueryValue_Is400NamingTheField(string query, string field, string message)
    {
        var response = await _client.GetAsync("/api/trials?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor(field).Should().Equal(message);
    }

    [Fact]
    public async Task Search_UnknownStatus_Is400ListingTheStatuses()
    {
        var response = await _client.GetAsync("/api/trials?status=OPEN");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("status").Single().Should().StartWith("'OPEN' is not a recruitment status. Use one of: NOT_YET_RECRUITING, RECRUITING,");
    }

    [Fact]
    public async Task Search_SeveralBadValues_NamesEachField()
    {
        var response = await _client.GetAsync("/api/trials?limit=x&age=y&phase=z");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["limit", "age", "phase"]);
    }

    [Fact]
    public async Task Search_OverlongText_Is400()
    {
        var response = await _client.GetAsync("/api/trials?q=" + new string('a', 600));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("q").Should().Equal("q is longer than 500 characters.");
    }

    [Fact]
    public async Task SearchWithBody_SameFieldsAsTheQuery_GivesTheSameAnswer()
    {
        var response = await _client.PostAsJsonAsync("/api/trials/search", new { q = "lung", status = new[] { "RECRUITING" }, near = "Boston", radiusKm = 500 });
        var viaGet = await GetJsonAsync("/api/trials?q=lung&status=RECRUITING&near=Boston&radiusKm=500");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var viaPost = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Ids(viaPost).Should().Equal(Ids(viaGet)).And.StartWith("NCT99000001").And.NotContain("NCT99000004");
    }

    [Fact]
    public async Task SearchWithBody_MalformedJson_Is400()
    {
        var response = await _client.PostAsync("/api/trials/search", new StringContent("{\"q\": \"lung\",", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Should().ContainSingle();
    }

    [Fact]
    public async Task SearchWithBody_WrongTypeForAField_Is400NamingIt()
    {
        var response = await _client.PostAsync("/api/trials/search", new StringContent("{\"q\": \"lung\", \"limit\": \"ten\"}", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("limit").Single().Should().StartWith("Not valid JSON for this field (line 1, position");
    }

    [Fact]
    public async Task SearchWithBody_UnknownField_Is400NamingIt()
    {
        var response = await _client.PostAsync("/api/trials/search", new StringContent("{\"query\": \"lung\"}", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("query").Should().ContainSingle();
    }

    [Fact]
    public async Task SearchWithBody_EmptyOrNull_Is400ForTheBody()
    {
        var empty = await _client.PostAsync("/api/trials/search", new StringContent("", Encoding.UTF8, "application/json"));
        var nullBody = await _client.PostAsync("/api/trials/search", new StringContent("null", Encoding.UTF8, "application/json"));

        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("body").Should().ContainSingle();
        (await nullBody.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("body").Should().Equal("The body is null; send a JSON object.");
    }

    [Fact]
    public async Task SearchWithBody_ValidJsonBadValue_Is400NamingTheField()
    {
        var response = await _client.PostAsJsonAsync("/api/trials/search", new { limit = 500 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("limit").Should().Equal("limit must be between 1 and 100.");
    }

    [Fact]
    public async Task SearchWithBody_NotJson_Is415()
    {
        var response = await _client.PostAsync("/api/trials/search", new StringContent("q=lung", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task SearchWithBody_20MegabyteBody_Is413()
    {
        var body = new ByteArrayContent(new byte[20 * 1024 * 1024]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/api/trials/search", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().Should().Be("The request body is 20971520 bytes; at most 2097152 bytes are accepted here.");
    }

    [Fact]
    public async Task Get_KnownTrial_GivesTheWholeRecord()
    {
        var trial = await GetJsonAsync("/api/trials/NCT99000001");

        trial.GetProperty("nctId").GetString().Should().Be("NCT99000001");
        trial.GetProperty("overallStatus").GetString().Should().Be("Recruiting");
        trial.GetProperty("sites").GetArrayLength().Should().Be(6);
        trial.GetProperty("eligibility").GetProperty("criteria").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Get_LowerCaseId_IsAccepted()
    {
        var trial = await GetJsonAsync("/api/trials/nct99000002");

        trial.GetProperty("nctId").GetString().Should().Be("NCT99000002");
    }

    [Fact]
    public async Task Get_UnknownTrial_Is404Problem()
    {
        var response = await _client.GetAsync("/api/trials/NCT00000000");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Be("No trial NCT00000000 is stored in this database.");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("NCTABC")]
    [InlineData("NCT123456789012")]
    [InlineData("%27%3B%20DROP%20TABLE%20trials")]
    public async Task Get_MalformedId_Is400NamingTheField(string id)
    {
        var response = await _client.GetAsync("/api/trials/" + id);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("nctId").Should().Equal("An NCT id is the letters NCT followed by 8 digits, e.g. NCT04280705.");
    }

    [Fact]
    public async Task Api_ConcurrentRequestsOnSqlite_AllSucceed()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            _client.GetAsync(i % 2 == 0 ? "/api/trials?q=cancer&near=Paris&limit=5" : $"/api/trials/NCT990000{i % 16 + 1:00}")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownApiRoute_Is404Problem()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        var response = await _client.DeleteAsync("/api/trials/NCT99000001");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
