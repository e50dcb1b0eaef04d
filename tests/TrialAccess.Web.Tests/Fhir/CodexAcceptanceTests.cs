using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrialAccess.Testing;
using Xunit.Abstractions;

namespace TrialAccess.Web.Tests.Fhir;

/// <summary>
/// Acceptance of the CodeX matching service (issue 13): each of the CodeX client's own patient bundles, sent as the
/// app sends it (Parameters first, ZIP 02115, 100 miles) to <c>/fhir/getClinicalTrial</c> on the real Kestrel host,
/// answered with a response that validates against the base R4 profiles and that the app's own filtering (ported in
/// <see cref="CodexApp"/>) shows at least one study from, for every patient with a cancer.
/// </summary>
[Collection(CodexServiceCollection.Name)]
public sealed class CodexAcceptanceTests(CodexServiceApp app, ITestOutputHelper output)
{
    private const string Zip = "02115";
    private const double RadiusMiles = 100;

    public static TheoryData<string, bool> Fixtures => new()
    {
        { "app/request-example.json", true },
        { "app/TrialMatching_Patient01.json", true },
        { "app/query.json", true },
        { "service-spec/eom_patient_1.json", true },
        { "service-spec/patient_data.json", true },
        { "service-spec/patient_data_missing_birthdate_invalid_ecog_karnofsky.json", true },
        { "service-spec/patient_data_missing_histology_morph.json", true },
        { "service-spec/patient_data_empty-cgv.json", false },
    };

    private static string Fixture(string name) => File.ReadAllText(SharedData.PathTo(Path.Combine("fhir", "codex", name)));

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string json, string mediaType = "application/json")
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, mediaType));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [SharedDataTheory]
    [MemberData(nameof(Fixtures))]
    public async Task GetClinicalTrial_CodexFixtureAsTheAppSendsIt_IsValidFhirAndShowsStudiesForEveryCancerPatient(string fixture, bool hasCancer)
    {
        var request = CodexApp.BuildRequest(Fixture(fixture), Zip, RadiusMiles.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (status, body) = await PostAsync("/fhir/getClinicalTrial", request);

        status.Should().Be(HttpStatusCode.OK, body);
        FhirValidation.Errors(body).Should().BeEmpty();
        var shown = CodexApp.Shown(body, Zip, RadiusMiles);
        var returned = Studies(body).Count;
        output.WriteLine($"{fixture}: {returned} studies returned, {shown.Count} shown, {shown.Count(s => s.Score >= 0.35)} not ineligible, {shown.Count(s => s.IsHighLikelihood)} high likelihood (store: {app.RealTrials} real New England cancer trials + 16 demo): {CodexApp.Describe(shown)}");
        var warnings = FhirValidation.Warnings(body);
        output.WriteLine($"  validator warnings: {warnings.Count} ({string.Join(" | ", warnings.Select(w => w[..w.IndexOf(" at ", StringComparison.Ordinal)] + w[w.IndexOf(": ", StringComparison.Ordinal)..]).Distinct())}); why each study: {string.Join("; ", Explanations(body))}");
        if (hasCancer)
        {
            shown.Should().NotBeEmpty("the app must show at least one study for a patient with a cancer");
        }
    }

    /// <summary>Each study's verdict and first criterion that excludes, from the assessment extension (for the test log).</summary>
    private static IEnumerable<string> Explanations(string searchset)
    {
        foreach (var entry in JsonDocument.Parse(searchset).RootElement.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().ToList() : [])
        {
            var study = entry.GetProperty("resource");
            if (!study.TryGetProperty("extension", out var extensions))
            {
                continue;
            }

            var parts = extensions[0].GetProperty("extension").EnumerateArray().ToList();
            var verdict = parts.First(p => p.GetProperty("url").GetString() == "verdict").GetProperty("valueCode").GetString();
            var excluding = parts.Where(p => p.GetProperty("url").GetString() == "criterion")
                .Select(p => p.GetProperty("extension").EnumerateArray().ToList())
                .FirstOrDefault(c => c.Any(x => x.GetProperty("url").GetString() == "excludes" && x.GetProperty("valueBoolean").GetBoolean()));
            var text = excluding?.FirstOrDefault(x => x.GetProperty("url").GetString() == "text").ToString() is { Length: > 0 } json
                ? JsonDocument.Parse(json).RootElement.GetProperty("valueString").GetString()
                : null;
            yield return $"{study.GetProperty("id").GetString()} {verdict}{(text is null ? "" : $" (excluded by: {text[..Math.Min(90, text.Length)]})")}";
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Fixtures))]
    public async Task Match_SamePatientAsParameters_GivesTheSameStudiesAndScores(string fixture, bool hasCancer)
    {
        _ = hasCancer;
        var patient = JsonNode.Parse(Fixture(fixture))!.AsObject();
        patient["entry"] = new JsonArray([.. patient["entry"]!.AsArray().Where(e => e?["resource"]?["resourceType"]?.GetValue<string>() != "Parameters").Select(e => e!.DeepClone())]);
        var parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(
                new JsonObject { ["name"] = "trialMatchClinicalData", ["resource"] = patient },
                new JsonObject { ["name"] = "zipCode", ["valueString"] = Zip },
                new JsonObject { ["name"] = "travelRadius", ["valueString"] = "100" }),
        };

        var (matchStatus, match) = await PostAsync("/fhir/ResearchStudy/$match", parameters.ToJsonString(), "application/fhir+json");
        var (status, clinicalTrial) = await PostAsync("/fhir/getClinicalTrial", CodexApp.BuildRequest(Fixture(fixture), Zip, "100"));

        matchStatus.Should().Be(HttpStatusCode.OK, match);
        status.Should().Be(HttpStatusCode.OK, clinicalTrial);
        FhirValidation.Errors(match).Should().BeEmpty();
        Studies(match).Should().Equal(Studies(clinicalTrial));
    }

    private static List<(string Url, double Score)> Studies(string searchset) =>
        (JsonDocument.Parse(searchset).RootElement.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().ToList() : [])
            .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "match")
            .Select(e => (e.GetProperty("fullUrl").GetString()!, e.GetProperty("search").GetProperty("score").GetDouble()))
            .ToList();
}
