using System.Net;
using System.Text;
using System.Text.Json;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Api;

public class FhirMatchApiTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private const string Bundle = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:9b1c1a52-0d1c-4a35-9a8f-000000000001", "resource": {"resourceType": "Patient", "gender": "male", "birthDate": "1962-03-01"}},
          {"fullUrl": "urn:uuid:9b1c1a52-0d1c-4a35-9a8f-000000000002", "resource": {"resourceType": "Condition", "code": {"text": "Non-small cell lung cancer"}, "clinicalStatus": {"coding": [{"code": "active"}]}}}
        ]}
        """;

    private static string Parameters(string bundle, params string[] more) =>
        $$"""{"resourceType": "Parameters", "parameter": [{"name": "trialMatchClinicalData", "resource": {{bundle}}}{{string.Concat(more.Select(m => ", " + m))}}]}""";

    private static string Param(string name, string value) => $$"""{"name": "{{name}}", "valueString": "{{value}}"}""";

    internal static async Task<(HttpStatusCode Status, JsonElement Body, string Text, string? MediaType)> PostAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/fhir+json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text, response.Content.Headers.ContentType?.MediaType);
    }

    private Task<(HttpStatusCode Status, JsonElement Body, string Text, string? MediaType)> MatchAsync(string json) => PostAsync(_client, "/fhir/ResearchStudy/$match", json);

    private static List<JsonElement> Studies(JsonElement bundle) =>
        bundle.GetProperty("entry").EnumerateArray().Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "match").ToList();

    [Fact]
    public async Task Match_Parameters_GivesAValidSearchsetOfResearchStudiesAsTheCodexAppReadsThem()
    {
        var (status, body, text, mediaType) = await MatchAsync(Parameters(Bundle));

        status.Should().Be(HttpStatusCode.OK, text);
        mediaType.Should().Be("application/fhir+json");
        FhirValidation.Errors(text).Should().BeEmpty();
        body.GetProperty("type").GetString().Should().Be("searchset");
        var studies = Studies(body);
        studies.Should().NotBeEmpty();
        studies.Select(e => e.GetProperty("search").GetProperty("score").GetDouble()).Should().BeInDescendingOrder().And.OnlyContain(s => s >= 0 && s <= 1);
        body.GetProperty("total").GetInt32().Should().Be(studies.Count);
        var first = studies.Single(e => e.GetProperty("resource").GetProperty("id").GetString() == "NCT99000001");
        first.GetProperty("fullUrl").GetString().Should().Be("http://localhost/fhir/ResearchStudy/NCT99000001");
        var study = first.GetProperty("resource");
        study.GetProperty("identifier")[0].GetProperty("use").GetString().Should().Be("official");
        study.GetProperty("identifier")[0].GetProperty("system").GetString().Should().Be("http://clinicaltrials.gov");
        study.GetProperty("category").EnumerateArray().Select(c => c.GetProperty("text").GetString()).Should().Contain("Study Type: Interventional");
        study.GetProperty("phase").GetProperty("coding")[0].GetProperty("system").GetString().Should().Be("http://terminology.hl7.org/CodeSystem/research-study-phase");
        study.GetProperty("enrollment")[0].GetProperty("display").GetString().Should().Contain("Inclusion");
        study.GetProperty("sponsor").GetProperty("reference").GetString().Should().StartWith("#org");
        study.GetProperty("site").GetArrayLength().Should().BeGreaterThan(0);
        study.GetProperty("contained").EnumerateArray().Select(c => c.GetProperty("resourceType").GetString()).Should().Contain(["Organization", "Group", "Location"]);
        study.GetProperty("extension")[0].GetProperty("url").GetString().Should().Be("http://trialaccess.example.org/fhir/StructureDefinition/eligibility-assessment");
        text.Should().NotContain("null").And.NotContain("[]");
    }

    [Fact]
    public async Task Match_UsZipCodeAndRadiusInMiles_KeepOnlyStudiesWithARecruitingSiteThatClose()
    {
        var (status, body, text, _) = await MatchAsync(Parameters(Bundle, Param("zipCode", "02115"), Param("travelRadius", "100")));

        status.Should().Be(HttpStatusCode.OK, text);
        var ids = Studies(body).Select(e => e.GetProperty("resource").GetProperty("id").GetString()).ToList();
        ids.Should().Contain("NCT99000001").And.NotContain("NCT99000002", "its nearest recruiting site is Chicago");
        Studies(body).Should().OnlyContain(e => e.GetProperty("resource").GetProperty("contained").EnumerateArray()
            .Any(c => c.GetProperty("resourceType").GetString() == "Location" && c.ToString().Contains("\"position\"")));
    }

    [Fact]
    public async Task Match_UnknownZipCode_IsAnOutcomeEntryAfterTheStudiesNeverAmongThem()
    {
        var (status, body, text, _) = await MatchAsync(Parameters(Bundle, Param("zipCode", "99999"), Param("travelRadius", "50")));

        status.Should().Be(HttpStatusCode.OK, text);
        FhirValidation.Errors(text).Should().BeEmpty();
        var entries = body.GetProperty("entry").EnumerateArray().ToList();
        var last = entries[^1];
        last.GetProperty("search").GetProperty("mode").GetString().Should().Be("outcome");
        last.GetProperty("resource").GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        last.GetProperty("resource").GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("zipCode '99999' could not be resolved");
        last.GetProperty("resource").GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Be("Parameters.parameter.where(name = 'zipCode')");
        last.GetProperty("fullUrl").GetString().Should().StartWith("urn:uuid:");
        entries.SkipLast(1).Should().OnlyContain(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "ResearchStudy");
    }

    [Fact]
    public async Task Match_PhaseAndStatus_Filter()
    {
        var (status, body, _, _) = await MatchAsync(Parameters(Bundle, Param("phase", "phase-3"), Param("recruitmentStatus", "active")));

        status.Should().Be(HttpStatusCode.OK);
        Studies(body).Should().OnlyContain(e => e.GetProperty("resource").GetProperty("phase").GetProperty("text").GetString()!.Contains("Phase 3")
            && e.GetProperty("resource").GetProperty("status").GetString() == "active");
    }

    [Theory]
    [InlineData("{\"resourceType\": ", "Parameters", "not valid JSON")]
    [InlineData("[1, 2]", "Parameters", "JSON array")]
    [InlineData("{\"resourceType\": \"Patient\", \"gender\": \"male\"}", "Parameters.resourceType", "a Parameters resource is expected")]
    [InlineData("{\"resourceType\": \"Parameters\", \"parameter\": [{\"name\": \"zipCode\", \"valueString\": \"02115\"}]}", "Parameters.parameter", "trialMatchClinicalData")]
    public async Task Match_UnusableBody_IsAnOperationOutcomeWithTheLocation(string json, string expression, string message)
    {
        var (status, body, text, mediaType) = await MatchAsync(json);

        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/fhir+json");
        FhirValidation.Errors(text).Should().BeEmpty();
        var issue = body.GetProperty("issue")[0];
        issue.GetProperty("severity").GetString().Should().Be("error");
        issue.GetProperty("diagnostics").GetString().Should().Contain(message);
        issue.GetProperty("expression")[0].GetString().Should().Be(expression);
    }

    [Theory]
    [InlineData("{\"name\": \"travelRadius\", \"valueString\": \"NaN\"}")]
    [InlineData("{\"name\": \"travelRadius\", \"valueString\": \"Infinity\"}")]
    [InlineData("{\"name\": \"travelRadius\", \"valueString\": \"1e309\"}")]
    [InlineData("{\"name\": \"travelRadius\", \"valueDecimal\": 1e309}")]
    [InlineData("{\"name\": \"travelRadius\", \"valueString\": \"-5\"}")]
    [InlineData("{\"name\": \"travelRadius\", \"valueString\": \"far\"}")]
    [InlineData("{\"name\": \"phase\", \"valueString\": \"phase-9\"}")]
    [InlineData("{\"name\": \"recruitmentStatus\", \"valueString\": \"open\"}")]
    public async Task Match_BadParameterValue_Is400NamingTheParameter(string parameter)
    {
        var (status, body, text, _) = await MatchAsync(Parameters(Bundle, parameter));

        status.Should().Be(HttpStatusCode.BadRequest, text);
        FhirValidation.Errors(text).Should().BeEmpty();
        body.GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Be("Parameters.parameter[1].value");
    }

    [Fact]
    public async Task GetClinicalTrial_TheAppsBundle_IsReadWithItsParametersAndGivesTheSameAsMatch()
    {
        const string parameters = """{"resource": {"resourceType": "Parameters", "id": "0", "parameter": [{"name": "zipCode", "valueString": "02115"}, {"name": "travelRadius", "valueString": "100"}]}},""";
        var bundle = Bundle.Insert(Bundle.IndexOf('[') + 1, parameters);

        var (status, body, text, _) = await PostAsync(_client, "/fhir/getClinicalTrial", bundle);
        var (_, viaMatch, _, _) = await MatchAsync(Parameters(Bundle, Param("zipCode", "02115"), Param("travelRadius", "100")));

        status.Should().Be(HttpStatusCode.OK, text);
        FhirValidation.Errors(text).Should().BeEmpty();
        Studies(body).Select(e => e.GetProperty("fullUrl").GetString()).Should().Equal(Studies(viaMatch).Select(e => e.GetProperty("fullUrl").GetString()));
        Studies(body).Should().NotBeEmpty();
    }

    [Fact]
    public async Task GetClinicalTrial_PatientFaultInsideTheBundle_IsLocatedInTheBundle()
    {
        var (status, body, text, _) = await PostAsync(_client, "/fhir/getClinicalTrial", """{"resourceType": "Bundle", "type": "collection", "entry": []}""");

        status.Should().Be(HttpStatusCode.BadRequest, text);
        body.GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Be("Bundle.entry");
    }

    [Fact]
    public async Task Match_TwentyMegabyteBody_IsTooLargeNotAServerError()
    {
        var huge = Parameters(Bundle, $$"""{"name": "zipCode", "valueString": "{{new string('9', 20 * 1024 * 1024)}}"}""");

        var response = await _client.PostAsync("/fhir/ResearchStudy/$match", new StringContent(huge, Encoding.UTF8, "application/fhir+json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Preflight_NoOriginsConfigured_AllowsNoOrigin()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/fhir/getClinicalTrial");
        preflight.Headers.Add("Origin", "http://codex-client.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await _client.SendAsync(preflight);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}

/// <summary>The FHIR service mounted elsewhere and open to one browser origin.</summary>
public sealed class CodexConfiguredWebApp : DemoWebApp
{
    protected override void Configure(WebAppOptions options)
    {
        options.FhirBasePath = "/codex/trialaccess/";
        options.CorsOrigins = ["http://codex-client.test"];
    }
}

public class FhirMatchApiConfigurationTests(CodexConfiguredWebApp app) : IClassFixture<CodexConfiguredWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task GetClinicalTrial_UnderTheConfiguredBasePath_AnswersWithUrlsUnderIt()
    {
        const string bundle = """{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Condition", "code": {"text": "Glioblastoma"}}}]}""";

        var (status, body, text, _) = await FhirMatchApiTests.PostAsync(_client, "/codex/trialaccess/getClinicalTrial", bundle);
        var old = await _client.PostAsync("/fhir/getClinicalTrial", new StringContent(bundle, Encoding.UTF8, "application/fhir+json"));

        status.Should().Be(HttpStatusCode.OK, text);
        body.GetProperty("entry")[0].GetProperty("fullUrl").GetString().Should().StartWith("http://localhost/codex/trialaccess/ResearchStudy/NCT");
        old.StatusCode.Should().NotBe(HttpStatusCode.OK, "the default base path is not mounted when another is configured");
        old.Content.Headers.ContentType?.MediaType.Should().NotBe("application/fhir+json");
    }

    [Fact]
    public async Task Preflight_ConfiguredOrigin_IsAllowedAndOthersAreNot()
    {
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/codex/trialaccess/getClinicalTrial");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await _client.SendAsync(preflight);
        }

        var allowed = await PreflightAsync("http://codex-client.test");
        var other = await PreflightAsync("http://elsewhere.test");

        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("http://codex-client.test");
        allowed.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}

/// <summary>The FHIR service at the root: <c>POST /getClinicalTrial</c>, as a CodeX service URL with no path.</summary>
public sealed class RootFhirWebApp : DemoWebApp
{
    protected override void Configure(WebAppOptions options) => options.FhirBasePath = "/";
}

public class FhirMatchApiAtRootTests(RootFhirWebApp app) : IClassFixture<RootFhirWebApp>
{
    [Fact]
    public async Task GetClinicalTrial_AtTheRoot_Answers()
    {
        const string bundle = """{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Condition", "code": {"text": "Glioblastoma"}}}]}""";

        var (status, body, text, _) = await FhirMatchApiTests.PostAsync(app.CreateClient(), "/getClinicalTrial", bundle);

        status.Should().Be(HttpStatusCode.OK, text);
        body.GetProperty("entry")[0].GetProperty("fullUrl").GetString().Should().StartWith("http://localhost/ResearchStudy/NCT");
    }
}
