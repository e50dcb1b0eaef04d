using System.Net;
using System.Text;
using System.Text.Json;
using TrialAccess.Testing;
using TrialAccess.Testing.Fuzzing;
using TrialAccess.Web.Tests.Pages;

namespace TrialAccess.Web.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of the API request readers and the clinician form, in process: no mutated request gives a
/// server error, and every refusal is problem details (an OperationOutcome under <c>/fhir</c>) or the form with a
/// message. Seeded from valid requests and the real CodeX FHIR fixtures; bounded for CI; see <see cref="Fuzz"/>.
/// </summary>
public class RequestFuzzTests(UnlimitedDemoWebApp app) : IClassFixture<UnlimitedDemoWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private const string Bundle = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "gender": "female", "birthDate": "1970-03-01"}},
          {"resource": {"resourceType": "Condition", "code": {"text": "Breast cancer"}, "clinicalStatus": {"coding": [{"code": "active"}]}}},
          {"resource": {"resourceType": "Observation", "code": {"coding": [{"system": "http://loinc.org", "code": "1920-8"}]}, "valueQuantity": {"value": 55, "unit": "U/L"}, "referenceRange": [{"high": {"value": 40}}]}}
        ]}
        """;

    private static readonly string[] MatchSeeds =
    [
        """{"note": "62 yo M, metastatic lung adenocarcinoma, EGFR exon 19 del, ECOG 1, ANC 1500/mm3", "near": "Boston, MA", "radiusKm": 500, "top": 5}""",
        """{"patient": {"age": 55, "sex": "female", "diagnoses": [{"text": "breast cancer", "oncoTreeCode": "BRCA", "stage": {"group": "IV", "metastatic": true}}], "biomarkers": [{"marker": "HER2", "status": "negative"}], "labResults": [{"analyte": "AST", "value": 55, "upperLimitOfNormal": 40}], "location": {"latitude": 42.36, "longitude": -71.06}}, "includeIneligible": false}""",
        $$"""{"fhir": {{Bundle}}, "anyStatus": true}""",
    ];

    private static void ShouldNotBeAServerError(HttpResponseMessage response, string body, string input) =>
        ((int)response.StatusCode).Should().BeLessThan(500, $"no input may cause a server error; the input was {JsonSerializer.Serialize(input)} and the answer {body}");

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await _client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public Task Match_MutatedBodies_NeverGiveAServerError() =>
        Fuzz.CheckAsync("POST /api/match", 120, async mutator =>
        {
            var seed = MatchSeeds[mutator.Seed % MatchSeeds.Length];
            var bytes = mutator.Mutate(Encoding.UTF8.GetBytes(seed), maxMutations: 3);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/json");
            var (response, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/match") { Content = content });

            ShouldNotBeAServerError(response, body, Encoding.UTF8.GetString(bytes));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }
        });

    [Fact]
    public Task TrialSearch_MutatedQueriesAndBodies_NeverGiveAServerError() =>
        Fuzz.CheckAsync("GET /api/trials and POST /api/trials/search", 120, async mutator =>
        {
            var query = mutator.MutateText("q=EGFR&status=RECRUITING&phase=PHASE2,PHASE3&near=Boston,%20MA&radiusKm=500&age=45&condition=lung&limit=20");
            var (response, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/trials?" + Uri.EscapeDataString(query).Replace("%3D", "=", StringComparison.Ordinal).Replace("%26", "&", StringComparison.Ordinal)));
            ShouldNotBeAServerError(response, body, query);

            var json = mutator.Mutate("""{"q": "lung", "status": ["RECRUITING"], "phase": ["PHASE2"], "near": "Lyon, France", "radiusKm": 300, "age": 50, "limit": 10}"""u8);
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new("application/json");
            (response, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/trials/search") { Content = content });
            ShouldNotBeAServerError(response, body, Encoding.UTF8.GetString(json));
        });

    [Fact]
    public Task FhirMatch_MutatedRequests_AreValidBundlesOrLocatedOperationOutcomesNeverServerErrors()
    {
        var seeds = new List<(string Path, string Json)>
        {
            ("/fhir/ResearchStudy/$match", $$"""{"resourceType": "Parameters", "parameter": [{"name": "trialMatchClinicalData", "resource": {{Bundle}}}, {"name": "zipCode", "valueString": "02115"}, {"name": "travelRadius", "valueString": "100"}, {"name": "phase", "valueString": "phase-2"}, {"name": "recruitmentStatus", "valueString": "active"}]}"""),
            ("/fhir/getClinicalTrial", Fhir.CodexApp.BuildRequest(Bundle, "02115", "100")),
        };
        if (SharedData.IsAvailable)
        {
            foreach (var text in Directory.EnumerateFiles(SharedData.PathTo("fhir/codex"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText))
            {
                seeds.Add(("/fhir/ResearchStudy/$match", text.Contains("\"Parameters\"", StringComparison.Ordinal) ? text : $$"""{"resourceType": "Parameters", "parameter": [{"name": "trialMatchClinicalData", "resource": {{text}}}]}"""));
                if (text.Contains("\"Bundle\"", StringComparison.Ordinal))
                {
                    seeds.Add(("/fhir/getClinicalTrial", text));
                }
            }
        }

        return Fuzz.CheckAsync("POST /fhir/ResearchStudy/$match and /fhir/getClinicalTrial", 120, async mutator =>
        {
            var (path, json) = seeds[mutator.Seed % seeds.Count];
            var bytes = mutator.Mutate(Encoding.UTF8.GetBytes(json), maxMutations: 3);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/fhir+json");
            var (response, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

            ShouldNotBeAServerError(response, body, Encoding.UTF8.GetString(bytes));
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json", body);
            FhirValidation.Errors(body).Should().BeEmpty(body);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            root.GetProperty("resourceType").GetString().Should().Be(response.StatusCode == HttpStatusCode.OK ? "Bundle" : "OperationOutcome");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                root.GetProperty("issue").EnumerateArray().Select(i => i.TryGetProperty("expression", out var expression) ? expression.GetArrayLength() : 0)
                    .Should().OnlyContain(n => n > 0, "a refused request says where it is at fault: " + body);
            }
        });
    }

    [Fact]
    public Task ClinicianForm_MutatedFields_NeverGiveAServerError() =>
        Fuzz.CheckAsync("clinician form", 50, async mutator =>
        {
            (string Name, string Value)[] fields =
            [
                ("Note", mutator.MutateText("62 yo F with metastatic breast cancer, ER+/PR+/HER2-, ECOG 1, AST 55 U/L (ULN 40)")),
                ("Near", mutator.MutateText("Boston, MA")),
                ("Distance", mutator.MutateText("500")),
                ("Top", mutator.MutateText("10")),
                ("RecruitingOnly", mutator.MutateText("true")),
                ("IncludeIneligible", mutator.MutateText("false")),
                ("fact.age", mutator.MutateText("62")),
                ("fact.labResults[0].analyte", "AST"),
                ("fact.labResults[0].value", mutator.MutateText("1000000")),
                ("fact.labResults[0].upperLimitOfNormal", mutator.MutateText("1e-25")),
            ];
            var handler = new[] { "Read", "Match", "Csv" }[mutator.Seed % 3];
            var response = await ClinicianPagesTests.PostAsync(_client, handler, fields);
            var body = await response.Content.ReadAsStringAsync();

            ShouldNotBeAServerError(response, body, string.Join("&", fields.Select(f => $"{f.Name}={f.Value}")));
        });
}
