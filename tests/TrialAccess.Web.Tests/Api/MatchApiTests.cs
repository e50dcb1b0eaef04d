using System.Net;
using System.Text;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Api;

public class MatchApiTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private const string Note = "62 yo M with metastatic lung adenocarcinoma, EGFR exon 19 deletion, ECOG 1. No known brain mets.";

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _client.PostAsync("/api/match", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Match_Note_RanksTrialsWithVerdictsCriteriaAndNearestSite()
    {
        var result = await OkJsonAsync(await PostAsync(JsonSerializer.Serialize(new { note = Note, near = "Boston, MA", top = 5 })));

        var trials = result.GetProperty("trials").EnumerateArray().ToList();
        trials.Should().NotBeEmpty();
        trials.Select(t => t.GetProperty("rank").GetInt32()).Should().Equal(Enumerable.Range(1, trials.Count));
        trials.Should().OnlyContain(t => t.GetProperty("status").GetString() == "RECRUITING");
        trials.Should().OnlyContain(t => t.GetProperty("criteria").GetArrayLength() > 0);
        trials.Should().Contain(t => t.GetProperty("nearestRecruitingSite").GetProperty("city").GetString() == "Boston");
    }

    [Fact]
    public async Task Match_StructuredPatient_IsReadAsJson()
    {
        var patient = new { birthDate = "1966-04-12", sex = "female", diagnoses = new[] { new { text = "breast cancer", oncoTreeCode = "BRCA" } } };

        var result = await OkJsonAsync(await PostAsync(JsonSerializer.Serialize(new { patient, includeIneligible = false })));

        result.GetProperty("trials").EnumerateArray().Should().OnlyContain(t => t.GetProperty("verdict").GetString() != "ineligible");
    }

    [Fact]
    public async Task Match_FhirBundle_IsRead()
    {
        var bundle = """{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "gender": "male", "birthDate": "1960-01-01"}}, {"resource": {"resourceType": "Basic"}}]}""";

        var result = await OkJsonAsync(await PostAsync($$"""{"fhir": {{bundle}}}"""));

        result.GetProperty("patientWarnings").EnumerateArray().Should().NotBeEmpty("an unknown resource type is skipped and reported");
    }

    [Fact]
    public async Task Match_WrongFhirResourceType_IsAProblemNamingTheField()
    {
        var response = await PostAsync("""{"fhir": {"resourceType": "Patient", "gender": "male"}}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(name => name.StartsWith("fhir", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"note\": ")]
    [InlineData("[1, 2]")]
    public async Task Match_MalformedJson_IsBadRequest(string body)
    {
        (await (await PostAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("body").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Match_NoPatientOrTwo_IsBadRequestNamingPatient()
    {
        (await (await PostAsync("{}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("patient").Should().NotBeEmpty();
        (await (await PostAsync("""{"note": "x", "patient": {}}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("patient").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Match_BadFilters_NameEachField()
    {
        var problem = await (await PostAsync("""{"note": "lung cancer", "top": 0, "near": "Atlantis", "radiusKm": -5, "colour": "blue"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorsFor("top").Should().NotBeEmpty();
        problem.ErrorsFor("near").Should().NotBeEmpty();
        problem.ErrorsFor("radiusKm").Should().NotBeEmpty();
        problem.ErrorsFor("colour").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Match_EmptyNote_IsBadRequest()
    {
        (await PostAsync("""{"note": "   "}""")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Match_NotJson_IsUnsupportedMediaType()
    {
        var response = await _client.PostAsync("/api/match", new StringContent(Note, Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Match_TwentyMegabyteBody_IsTooLarge()
    {
        var huge = "{\"note\": \"" + new string('a', 20 * 1024 * 1024) + "\"}";

        var response = await PostAsync(huge);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Match_NoteText_IsNeverLogged()
    {
        await OkJsonAsync(await PostAsync(JsonSerializer.Serialize(new { note = Note + " Zebrafinch-7731." })));

        app.Logs.Should().NotContain(line => line.Contains("Zebrafinch-7731", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Criteria_StoredTrial_GivesParsedCriteria()
    {
        var result = await OkJsonAsync(await _client.GetAsync("/api/trials/NCT99000001/criteria"));

        result.GetProperty("criteria").GetInt32().Should().BeGreaterThan(5);
        result.GetProperty("items").EnumerateArray().Should().Contain(i => i.GetProperty("constraints").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "PerformanceStatus"));
    }

    [Fact]
    public async Task Criteria_UnknownAndMalformedIds_AreProblems()
    {
        await (await _client.GetAsync("/api/trials/NCT00000000/criteria")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await _client.GetAsync("/api/trials/banana/criteria")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("nctId").Should().NotBeEmpty();
    }

    [Fact]
    public async Task OpenApi_DocumentsTheMatchEndpoint()
    {
        var document = await OkJsonAsync(await _client.GetAsync("/openapi/v1.json"));

        document.GetProperty("paths").TryGetProperty("/api/match", out _).Should().BeTrue();
        document.GetProperty("paths").TryGetProperty("/api/trials/{nctId}/criteria", out _).Should().BeTrue();
    }
}
