using System.Net;
using System.Text;
using System.Text.Json;

namespace TrialAccess.Web.Tests.Api;

public class FhirMatchApiTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private const string Bundle = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "gender": "male", "birthDate": "1962-03-01"}},
          {"resource": {"resourceType": "Condition", "code": {"text": "Non-small cell lung cancer"}, "clinicalStatus": {"coding": [{"code": "active"}]}}}
        ]}
        """;

    private static string Parameters(string bundle, params string[] more) =>
        $$"""{"resourceType": "Parameters", "parameter": [{"name": "trialMatchClinicalData", "resource": {{bundle}}}{{string.Concat(more.Select(m => ", " + m))}}]}""";

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(string json)
    {
        var response = await _client.PostAsync("/fhir/ResearchStudy/$match", new StringContent(json, Encoding.UTF8, "application/fhir+json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Match_Parameters_GivesASearchsetOfResearchStudiesWithScoresAndSites()
    {
        var (status, body, mediaType) = await PostAsync(Parameters(Bundle, """{"name": "zipCode", "valueString": "Boston, MA"}""", """{"name": "travelRadius", "valueString": "300"}"""));

        status.Should().Be(HttpStatusCode.OK, body.ToString());
        mediaType.Should().Be("application/fhir+json");
        body.GetProperty("resourceType").GetString().Should().Be("Bundle");
        body.GetProperty("type").GetString().Should().Be("searchset");
        var studies = body.GetProperty("entry").EnumerateArray().Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "match").ToList();
        studies.Should().NotBeEmpty();
        studies.Should().OnlyContain(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "ResearchStudy");
        studies.Select(e => e.GetProperty("search").GetProperty("score").GetDouble()).Should().BeInDescendingOrder().And.OnlyContain(s => s > 0 && s <= 1);
        studies[0].GetProperty("resource").GetProperty("site").GetArrayLength().Should().BeGreaterThan(0);
        studies[0].GetProperty("resource").GetProperty("contained")[0].GetProperty("resourceType").GetString().Should().Be("Location");
    }

    [Fact]
    public async Task Match_PhaseAndStatus_Filter()
    {
        var (status, body, _) = await PostAsync(Parameters(Bundle, """{"name": "phase", "valueString": "phase-3"}""", """{"name": "recruitmentStatus", "valueString": "active"}"""));

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("entry").EnumerateArray()
            .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "match")
            .Should().OnlyContain(e => e.GetProperty("resource").GetProperty("phase").GetProperty("text").GetString()!.Contains("PHASE3"));
    }

    [Fact]
    public async Task Match_WrongResourceType_IsAnOperationOutcome()
    {
        var (status, body, _) = await PostAsync("""{"resourceType": "Patient", "gender": "male"}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("Parameters");
    }

    [Fact]
    public async Task Match_MissingClinicalData_IsAnOperationOutcomeNamingTheParameter()
    {
        var (status, body, _) = await PostAsync("""{"resourceType": "Parameters", "parameter": []}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Contain("trialMatchClinicalData");
    }

    [Fact]
    public async Task Match_MalformedJsonAndBadValues_AreOperationOutcomes()
    {
        (await PostAsync("{\"resourceType\": ")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(Parameters(Bundle, """{"name": "travelRadius", "valueString": "far"}"""))).Body.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        (await PostAsync(Parameters(Bundle, """{"name": "phase", "valueString": "phase-9"}"""))).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Match_UnresolvedZipCode_IsAWarningInTheBundle()
    {
        var (status, body, _) = await PostAsync(Parameters(Bundle, """{"name": "zipCode", "valueString": "99999"}"""));

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("entry").EnumerateArray().Should().Contain(e => e.GetProperty("search").GetProperty("mode").GetString() == "outcome");
    }

    [Fact]
    public async Task Match_TwentyMegabyteBody_IsTooLargeNotAServerError()
    {
        var huge = Parameters(Bundle, $$"""{"name": "zipCode", "valueString": "{{new string('9', 20 * 1024 * 1024)}}"}""");

        var response = await _client.PostAsync("/fhir/ResearchStudy/$match", new StringContent(huge, Encoding.UTF8, "application/fhir+json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}
