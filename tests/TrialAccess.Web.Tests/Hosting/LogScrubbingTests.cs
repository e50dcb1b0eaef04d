using System.Text;
using TrialAccess.Web.Tests.Pages;

namespace TrialAccess.Web.Tests.Hosting;

/// <summary>
/// Requests carrying a marker string through every endpoint and form, succeeding and failing (bad values, malformed
/// bodies, and a database that cannot be opened), leave no trace of the marker in the logs.
/// </summary>
public abstract class LogScrubbingTests(DemoWebApp app)
{
    private const string Marker = "qxzmarker";

    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    [Fact]
    public async Task EveryEndpointAndForm_WithAMarker_LeavesNoMarkerInTheLogs()
    {
        var client = app.CreateClient();
        var requests = new List<Func<Task<HttpResponseMessage>>>
        {
            () => client.GetAsync($"/?cancer={Marker}&age={Marker}&place={Marker}&distance={Marker}"),
            () => client.GetAsync($"/?cancer=lung&age=57&place={Marker}"),
            () => client.GetAsync($"/trials/{Marker}?place={Marker}"),
            () => client.GetAsync($"/trials/NCT99000001?place={Marker}"),
            () => client.GetAsync($"/{Marker}"),
            () => client.GetAsync($"/error/{Marker}"),
            () => client.GetAsync($"/api/trials?q={Marker}&near={Marker}&condition={Marker}&status={Marker}&phase={Marker}&age={Marker}&limit={Marker}"),
            () => client.GetAsync($"/api/trials?q=lung&near={Marker}"),
            () => client.PostAsync("/api/trials/search", Json($"{{\"q\": \"{Marker}\", \"near\": \"{Marker}\"}}")),
            () => client.PostAsync("/api/trials/search", Json($"{{\"q\": \"{Marker}\", \"{Marker}\": 1}}")),
            () => client.PostAsync("/api/trials/search", Json($"{{\"q\": \"{Marker}\"")),
            () => client.GetAsync($"/api/trials/{Marker}"),
            () => client.GetAsync($"/api/trials/{Marker}/criteria"),
            () => client.GetAsync("/api/trials/NCT99000001/criteria"),
            () => client.PostAsync("/api/match", Json($"{{\"note\": \"62 yo M {Marker} lung cancer\", \"near\": \"{Marker}\"}}")),
            () => client.PostAsync("/api/match", Json($"{{\"note\": \"62 yo M {Marker} lung cancer\"}}")),
            () => client.PostAsync("/api/match", Json($"{{\"patient\": {{\"id\": \"{Marker}\", \"age\": \"{Marker}\", \"{Marker}\": 1}}}}")),
            () => client.PostAsync("/api/match", Json($"{{\"fhir\": {{\"resourceType\": \"Bundle\", \"entry\": [{{\"resource\": {{\"resourceType\": \"Patient\", \"gender\": \"{Marker}\"}}}}]}}}}")),
            () => client.PostAsync("/api/match", Json($"{{\"note\": \"{Marker}\", \"note\": \"{Marker}\\ud800\"}}")),
            () => client.PostAsync("/api/match", Json($"{{\"note\": \"{Marker}")),
            () => client.PostAsync("/api/match", Json($"{Marker}", "text/plain")),
            () => client.PostAsync("/fhir/ResearchStudy/$match", Json($"{{\"resourceType\": \"Parameters\", \"parameter\": [{{\"name\": \"trialMatchClinicalData\", \"resource\": {{\"resourceType\": \"Bundle\", \"entry\": [{{\"resource\": {{\"resourceType\": \"Condition\", \"code\": {{\"text\": \"{Marker} lung cancer\"}}}}}}]}}}}, {{\"name\": \"location\", \"valueString\": \"{Marker}\"}}]}}", "application/fhir+json")),
            () => client.PostAsync("/fhir/ResearchStudy/$match", Json($"{{\"resourceType\": \"{Marker}\", \"parameter\": [{{\"name\": \"{Marker}\", \"valueString\": 5}}]}}", "application/fhir+json")),
            () => client.PostAsync("/fhir/ResearchStudy/$match", Json($"{{\"resourceType\": \"Parameters\", \"parameter\": [{{\"name\": \"travelRadius\", \"valueString\": \"{Marker}\"}}]}}", "application/fhir+json")),
            () => client.PostAsync("/fhir/ResearchStudy/$match", Json($"{{{Marker}", "application/fhir+json")),
            () => client.GetAsync($"/fhir/{Marker}"),
            () => client.PostAsync("/fhir/getClinicalTrial", Json($"{{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{{\"resource\": {{\"resourceType\": \"Parameters\", \"parameter\": [{{\"name\": \"zipCode\", \"valueString\": \"{Marker}\"}}]}}}}, {{\"resource\": {{\"resourceType\": \"Condition\", \"code\": {{\"text\": \"{Marker}\"}}, \"code\": {{\"text\": \"{Marker}\"}}, \"onsetDateTime\": 5}}}}]}}", "application/fhir+json")),
            () => client.PostAsync("/fhir/getClinicalTrial", Json($"{{\"resourceType\": \"Bundle\", \"type\": \"{Marker}\", \"entry\": {{\"{Marker}\": 1e400}}}}", "application/fhir+json")),
            () => client.GetAsync("/health"),
            () => client.GetAsync("/openapi/v1.json"),
            () => ClinicianPagesTests.PostAsync(client, "Read", ("Note", $"62 yo M {Marker} with lung cancer"), ("Near", Marker), ("Distance", Marker), ("Top", Marker), ("RecruitingOnly", Marker), ("IncludeIneligible", Marker)),
            () => ClinicianPagesTests.PostAsync(client, "Read", ("Note", $"62 yo M {Marker} with lung cancer"), ("Top", "10"), ("Distance", "any")),
            () => ClinicianPagesTests.PostAsync(client, "Match", ("fact.age", Marker), ("fact.diagnoses[0].text", Marker), ("Top", "10"), ("Distance", "any")),
            () => ClinicianPagesTests.PostAsync(client, "Csv", ("fact.age", "60"), ("fact.diagnoses[0].text", $"lung cancer {Marker}"), ("Selected", Marker), ("Top", "10"), ("Distance", "any")),
            () => ClinicianPagesTests.PostAsync(client, "Pdf", ("fact.age", "60"), ("fact.diagnoses[0].text", $"lung cancer {Marker}"), ("Top", "10"), ("Distance", "any"), ("Near", Marker)),
            () => client.PostAsync("/clinician?handler=Read", new FormUrlEncodedContent([new("Note", Marker)])),
        };

        foreach (var request in requests)
        {
            (await request()).Dispose();
        }

        app.Logs.Should().NotBeEmpty("the capture must work for this test to mean anything");
        string.Join("\n", app.Logs).Should().NotContain(Marker);
    }
}

public sealed class WorkingAppLogScrubbingTests(DemoWebApp app) : LogScrubbingTests(app), IClassFixture<DemoWebApp>;

public sealed class FailingAppLogScrubbingTests(BrokenDatabaseWebApp app) : LogScrubbingTests(app), IClassFixture<BrokenDatabaseWebApp>;
