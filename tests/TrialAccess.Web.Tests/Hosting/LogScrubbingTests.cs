using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TrialAccess.Web.Tests.Accounts;
using TrialAccess.Web.Tests.Pipeline;

namespace TrialAccess.Web.Tests.Hosting;

/// <summary>
/// Requests carrying a marker string through every endpoint and form, succeeding and failing (bad values, malformed
/// bodies, and a database that cannot be opened), leave no trace of the marker in the logs: the public endpoints and
/// forms, and those that need a sign-in (accounts, pipeline, recruitment) anonymously, with a refused role and with a
/// role that succeeds.
/// </summary>
public abstract partial class LogScrubbingTests(DemoWebApp app)
{
    private const string Marker = "qxzmarker";

    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    /// <summary>
    /// The antiforgery token of the clinician form for this client (its user), or null when the app cannot issue one (the
    /// broken app keeps its data-protection keys in the database it cannot open, so its forms fail with 500).
    /// </summary>
    private static async Task<string?> TokenAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/clinician");
        var match = AntiforgeryField().Match(await page.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>Posts a form as a browser would, with the antiforgery token when there is one (without it the post still reaches the app).</summary>
    private static async Task<HttpResponseMessage> FormAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(client);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
        return await client.PostAsync(path, new FormUrlEncodedContent(token is null ? form : form.Append(new("__RequestVerificationToken", token))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

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
            () => FormAsync(client, "/clinician?handler=Read", ("Note", $"62 yo M {Marker} with lung cancer"), ("Near", Marker), ("Distance", Marker), ("Top", Marker), ("RecruitingOnly", Marker), ("IncludeIneligible", Marker)),
            () => FormAsync(client, "/clinician?handler=Read", ("Note", $"62 yo M {Marker} with lung cancer"), ("Top", "10"), ("Distance", "any")),
            () => FormAsync(client, "/clinician?handler=Match", ("fact.age", Marker), ("fact.diagnoses[0].text", Marker), ("Top", "10"), ("Distance", "any")),
            () => FormAsync(client, "/clinician?handler=Csv", ("fact.age", "60"), ("fact.diagnoses[0].text", $"lung cancer {Marker}"), ("Selected", Marker), ("Top", "10"), ("Distance", "any")),
            () => FormAsync(client, "/clinician?handler=Pdf", ("fact.age", "60"), ("fact.diagnoses[0].text", $"lung cancer {Marker}"), ("Top", "10"), ("Distance", "any"), ("Near", Marker)),
            () => client.PostAsync("/clinician?handler=Read", new FormUrlEncodedContent([new("Note", Marker)])),
        };

        foreach (var request in requests)
        {
            (await request()).Dispose();
        }

        app.Logs.Should().NotBeEmpty("the capture must work for this test to mean anything");
        string.Join("\n", app.Logs).Should().NotContain(Marker);
    }

    [Fact]
    public async Task SignedInEndpointsAndForms_WithAMarker_LeaveNoMarkerInTheLogs()
    {
        const string Breast = "NCT99000005";
        var seeded = await app.SeedSignInDemoAsync();
        var manager = seeded ? await app.Services.CreateUserAsync("scrub-manager", [], ("trial", Breast)) : new TestUser("", "scrub-manager", Marker);
        var staff = seeded ? await app.Services.CreateUserAsync("scrub-nurse", [], ("site", "TOH")) : new TestUser("", "scrub-nurse", Marker);

        async Task<HttpClient> ClientAsync(string? userName = null, string password = PipelineDemoApp.Password)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            if (userName is not null)
            {
                var signIn = await FormAsync(client, "/account/sign-in", ("UserName", userName), ("Password", password));
                if (seeded)
                {
                    signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{userName} signs in on the working app");
                }
            }

            return client;
        }

        async Task<Guid> FirstIdAsync(HttpClient client, string path, string code = "", string property = "id")
        {
            var response = await client.GetAsync(path);
            if (!seeded)
            {
                return Guid.NewGuid();
            }

            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            var list = await response.Content.ReadFromJsonAsync<JsonElement>();
            return list.EnumerateArray().First(e => code.Length == 0 || e.GetProperty("code").GetString() == code).GetProperty(property).GetGuid();
        }

        static MultipartFormDataContent Upload(string field, params (string Name, string Value)[] fields)
        {
            var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"{Marker} data package")), field, $"{Marker}.pdf" } };
            foreach (var (name, value) in fields)
            {
                content.Add(new StringContent(value), name);
            }

            return content;
        }

        var anonymous = await ClientAsync();
        var wrongSignIn = await ClientAsync();
        var admin = await ClientAsync("admin");
        var secretariat = await ClientAsync("secretariat");
        var chair = await ClientAsync("chair");
        var reviewer = await ClientAsync("reviewer-1");
        var northReviewer = await ClientAsync("reviewer-north");
        var applicant = await ClientAsync("applicant");
        var leaving = await ClientAsync("committee-1");
        var managerClient = await ClientAsync(manager.UserName, manager.Password);
        var staffClient = await ClientAsync(staff.UserName, staff.Password);
        var project = await FirstIdAsync(admin, "/api/pipeline/projects", "CDD-0005");
        var meeting = await FirstIdAsync(secretariat, "/api/pipeline/meetings");
        var assignment = await FirstIdAsync(reviewer, "/api/pipeline/assignments", property: "assignmentId");
        var unknown = Guid.NewGuid();
        var requests = new List<Func<Task<HttpResponseMessage>>>
        {
            // Sign-in form and accounts API: the marker as user name and password, anonymous, refused (not an administrator) and allowed.
            () => FormAsync(wrongSignIn, "/account/sign-in", ("UserName", Marker), ("Password", Marker)),
            () => FormAsync(wrongSignIn, "/account/sign-in", ("UserName", "admin"), ("Password", Marker), ("ReturnUrl", $"/{Marker}")),
            () => FormAsync(wrongSignIn, "/account/sign-in", ("UserName", Marker), ("Password", PipelineDemoApp.Password), ("ReturnUrl", $"https://{Marker}.example/")),
            () => FormAsync(wrongSignIn, $"/account/sign-in?ReturnUrl={Marker}", ("UserName", Marker), ("UserName", Marker), ("Password", "")),
            () => wrongSignIn.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("UserName", Marker), new("Password", Marker)])),
            () => wrongSignIn.PostAsync($"/account/sign-in?ReturnUrl={Marker}", Json($"{{\"UserName\": \"{Marker}\"}}")),
            () => wrongSignIn.GetAsync($"/account/sign-in?ReturnUrl=%2F{Marker}"),
            () => wrongSignIn.GetAsync($"/account/external-callback?ReturnUrl={Marker}&remoteError={Marker}"),
            () => anonymous.GetAsync($"/account?{Marker}={Marker}"),
            () => anonymous.GetAsync($"/api/accounts/me?{Marker}={Marker}"),
            () => anonymous.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker}\", \"password\": \"{Marker}\"}}")),
            () => reviewer.GetAsync("/api/accounts/users"),
            () => reviewer.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker}\", \"password\": \"{Marker}\", \"roles\": [\"Administrator\"]}}")),
            () => admin.GetAsync($"/api/accounts/me?{Marker}={Marker}"),
            () => admin.GetAsync("/api/accounts/users"),
            () => admin.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker}-new\", \"displayName\": \"{Marker}\", \"email\": \"{Marker}@example.org\", \"roles\": [\"Reviewer\"], \"resources\": [\"site:{Marker}\"]}}")),
            () => admin.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker}-new\", \"displayName\": \"{Marker}\"}}")),
            () => admin.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker} bad\", \"email\": \"{Marker}\", \"password\": \"{Marker}\", \"roles\": [\"{Marker}\"], \"resources\": [\"{Marker}\"]}}")),
            () => admin.PostAsync("/api/accounts/users", Json($"{{\"userName\": {{\"{Marker}\": 1}}, \"roles\": \"{Marker}\"}}")),
            () => admin.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker}\", \"userName\": \"{Marker}2\"}}")),
            () => admin.PostAsync("/api/accounts/users", Json($"{{\"userName\": \"{Marker}")),
            () => admin.PostAsync("/api/accounts/users", Json(Marker, "text/plain")),
            () => FormAsync(leaving, "/account/sign-out", (Marker, Marker)),

            // Pipeline API: anonymous (401), refused (403: a Northbridge reviewer on a Northbridge nomination, a reviewer scheduling) and allowed.
            () => anonymous.GetAsync($"/api/pipeline/projects?q={Marker}&stage={Marker}"),
            () => anonymous.PostAsync("/api/pipeline/projects", Json($"{{\"title\": \"{Marker}\"}}")),
            () => anonymous.GetAsync($"/api/pipeline/projects/{project}"),
            () => anonymous.GetAsync($"/api/pipeline/audit?projectId={Marker}"),
            () => anonymous.PostAsync($"/api/pipeline/meetings/{meeting}/minutes", Json($"{{\"projectId\": \"{project}\", \"text\": \"{Marker}\"}}")),
            () => northReviewer.GetAsync($"/api/pipeline/projects/{project}"),
            () => northReviewer.GetAsync($"/api/pipeline/projects/{project}/reviews"),
            () => northReviewer.GetAsync($"/api/pipeline/projects/{project}/minutes"),
            () => northReviewer.PostAsync($"/api/pipeline/projects/{project}/conflicts", Json($"{{\"description\": \"{Marker}\"}}")),
            () => northReviewer.PostAsync($"/api/pipeline/projects/{project}/decisions", Json($"{{\"outcome\": \"Go\", \"rationale\": \"{Marker}\"}}")),
            () => northReviewer.GetAsync($"/api/pipeline/projects/{project}/attachments/{unknown}"),
            () => reviewer.PostAsync("/api/pipeline/meetings", Json($"{{\"title\": \"{Marker}\", \"heldOn\": \"2030-01-01\", \"attendees\": []}}")),
            () => reviewer.PostAsync($"/api/pipeline/meetings/{meeting}/agenda", Json($"{{\"projectId\": \"{project}\", \"presenter\": \"{Marker}\"}}")),
            () => reviewer.PostAsync($"/api/pipeline/projects/{project}/rounds", Json("{\"kind\": \"ExternalReview\", \"blind\": true}")),
            () => reviewer.PostAsync($"/api/pipeline/projects/{project}/conflicts/overrides", Json($"{{\"userId\": \"{Marker}\", \"reason\": \"{Marker}\"}}")),
            () => reviewer.PostAsync("/api/pipeline/organisations", Json($"{{\"name\": \"{Marker}\", \"kind\": \"Academic\"}}")),
            () => reviewer.PutAsync($"/api/pipeline/people/{Marker}", Json($"{{\"displayName\": \"{Marker}\"}}")),
            () => admin.GetAsync($"/api/pipeline/projects?q={Marker}&stage={Marker}"),
            () => admin.GetAsync($"/api/pipeline/projects/{Marker}"),
            () => admin.GetAsync($"/api/pipeline/projects/{unknown}"),
            () => admin.GetAsync($"/api/pipeline/audit?projectId={Marker}"),
            () => admin.GetAsync($"/api/pipeline/audit?projectId={project}"),
            () => admin.GetAsync("/api/pipeline/portfolio"),
            () => admin.GetAsync($"/api/pipeline/portfolio/export.csv?{Marker}={Marker}"),
            () => admin.GetAsync("/api/pipeline/organisations"),
            () => admin.PutAsync($"/api/pipeline/people/{Marker}", Json($"{{\"displayName\": \"{Marker}\", \"affiliationId\": \"{Marker}\"}}")),
            () => admin.PutAsync($"/api/pipeline/people/{Marker}", Json($"{{\"displayName\": \"{Marker}\", \"affiliationId\": \"{unknown}\"}}")),
            () => admin.PutAsync($"/api/pipeline/decisions/{unknown}", Json($"{{\"outcome\": \"{Marker}\"}}")),
            () => admin.PatchAsync($"/api/pipeline/decisions/{unknown}", Json($"{{\"outcome\": \"{Marker}\"}}")),
            () => admin.DeleteAsync($"/api/pipeline/decisions/{unknown}?reason={Marker}"),
            () => admin.DeleteAsync($"/api/pipeline/decisions/{Marker}"),
            () => applicant.PostAsync("/api/pipeline/projects", Json($"{{\"agentName\": \"{Marker}\", \"agentCode\": \"{Marker}\", \"modality\": \"SmallMolecule\", \"target\": \"{Marker}\", \"mechanism\": \"{Marker}\", \"ipPosition\": \"{Marker}\", \"title\": \"{Marker}\", \"indications\": [\"{Marker}\"], \"summary\": \"{Marker}\", \"namedPeople\": [\"{Marker}\"]}}")),
            () => applicant.PostAsync("/api/pipeline/projects", Json($"{{\"agentName\": \"{Marker}\", \"modality\": \"{Marker}\", \"indications\": \"{Marker}\", \"{Marker}\": 1}}")),
            () => applicant.PostAsync("/api/pipeline/projects", Json($"{{\"title\": \"{Marker}\", \"title\": \"{Marker}2\"}}")),
            () => applicant.PostAsync("/api/pipeline/projects", Json($"{{\"title\": \"{Marker}")),
            () => applicant.PostAsync($"/api/pipeline/projects/{project}/attachments", Upload("file")),
            () => applicant.PostAsync($"/api/pipeline/projects/{project}/attachments", Upload(Marker, (Marker, Marker))),
            () => applicant.PostAsync($"/api/pipeline/projects/{unknown}/attachments", Upload("file")),
            () => applicant.PostAsync("/api/pipeline/people/me/relationships", Json($"{{\"organisationId\": \"{unknown}\", \"kind\": \"{Marker}\", \"since\": \"{Marker}\"}}")),
            () => applicant.PostAsync("/api/pipeline/people/me/relationships", Json($"{{\"organisationId\": \"{unknown}\", \"kind\": \"Employment\", \"since\": \"2020-01-01\"}}")),
            () => secretariat.PostAsync("/api/pipeline/meetings", Json($"{{\"title\": \"{Marker}\", \"heldOn\": \"2030-01-01\", \"attendees\": [{{\"userId\": \"{Marker}\", \"role\": \"{Marker}\"}}]}}")),
            () => secretariat.PostAsync("/api/pipeline/meetings", Json($"{{\"title\": \"{Marker}\", \"heldOn\": \"{Marker}\", \"attendees\": \"{Marker}\"}}")),
            () => secretariat.GetAsync($"/api/pipeline/meetings/{meeting}"),
            () => secretariat.PostAsync($"/api/pipeline/meetings/{meeting}/agenda", Json($"{{\"projectId\": \"{project}\", \"presenter\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/meetings/{meeting}/agenda", Json($"{{\"projectId\": \"{Marker}\", \"presenter\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/meetings/{meeting}/attendance", Json($"{{\"present\": [\"{Marker}\"]}}")),
            () => secretariat.PostAsync($"/api/pipeline/meetings/{meeting}/minutes", Json($"{{\"projectId\": \"{unknown}\", \"text\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/meetings/{unknown}/minutes", Json($"{{\"projectId\": \"{project}\", \"text\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/projects/{project}/rounds", Json($"{{\"kind\": \"{Marker}\", \"blind\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/rounds/{unknown}/assignments", Json($"{{\"userId\": \"{Marker}\", \"type\": \"Assessor\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/rounds/{unknown}/close", Json($"{{\"release\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/projects/{project}/trials", Json($"{{\"nctId\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/projects/{project}/trials", Json("{\"nctId\": \"NCT99999999\"}")),
            () => secretariat.PostAsync($"/api/pipeline/projects/{project}/agreements", Json($"{{\"kind\": \"Cda\", \"counterpartyId\": \"{unknown}\", \"signedOn\": \"2024-01-01\", \"summary\": \"{Marker}\"}}")),
            () => secretariat.PostAsync($"/api/pipeline/projects/{project}/agreements", Json($"{{\"kind\": \"{Marker}\", \"counterpartyId\": \"{Marker}\", \"signedOn\": 5, \"summary\": [\"{Marker}\"]}}")),
            () => secretariat.PostAsync("/api/pipeline/organisations", Json($"{{\"name\": \"{Marker} Institute\", \"kind\": \"Academic\"}}")),
            () => secretariat.PostAsync("/api/pipeline/organisations", Json($"{{\"name\": \"{Marker}\", \"kind\": \"{Marker}\"}}")),
            () => chair.PostAsync($"/api/pipeline/projects/{project}/decisions", Json($"{{\"outcome\": \"Go\", \"criteria\": [{{\"criterion\": \"{Marker}\", \"result\": \"{Marker}\", \"evidence\": \"{Marker}\"}}], \"rationale\": \"{Marker}\", \"conditions\": \"{Marker}\", \"meetingId\": \"{unknown}\", \"supersedesId\": \"{unknown}\"}}")),
            () => chair.PostAsync($"/api/pipeline/projects/{project}/decisions", Json($"{{\"outcome\": \"{Marker}\", \"rationale\": 5}}")),
            () => chair.PostAsync($"/api/pipeline/projects/{project}/conflicts/overrides", Json($"{{\"userId\": \"{Marker}\", \"reason\": \"{Marker}\"}}")),
            () => chair.PostAsync($"/api/pipeline/meetings/{meeting}/minutes", Json($"{{\"projectId\": \"{project}\", \"text\": \"{Marker}\"}}")),
            () => reviewer.GetAsync("/api/pipeline/assignments"),
            () => reviewer.PutAsync($"/api/pipeline/assignments/{assignment}/review", Json($"{{\"scores\": {{\"{Marker}\": 9}}, \"comments\": \"{Marker}\", \"submit\": false}}")),
            () => reviewer.PutAsync($"/api/pipeline/assignments/{assignment}/review", Json($"{{\"scores\": {{\"{Marker}\": \"{Marker}\"}}, \"comments\": \"{Marker}\", \"submit\": \"{Marker}\"}}")),
            () => reviewer.PutAsync($"/api/pipeline/assignments/{unknown}/review", Json($"{{\"comments\": \"{Marker}\", \"submit\": true}}")),
            () => reviewer.PutAsync($"/api/pipeline/reviews/{unknown}", Json($"{{\"comments\": \"{Marker}\", \"submit\": true}}")),
            () => reviewer.PostAsync($"/api/pipeline/reviews/{unknown}/supersede", Json($"{{\"comments\": \"{Marker}\", \"reason\": \"{Marker}\"}}")),

            // Pipeline pages and forms: anonymous (the sign-in page), refused and allowed.
            () => anonymous.GetAsync($"/pipeline?q={Marker}"),
            () => anonymous.GetAsync($"/pipeline/projects/{project}?{Marker}={Marker}"),
            () => FormAsync(anonymous, "/pipeline/nominate", ("Title", Marker)),
            () => northReviewer.GetAsync($"/pipeline/projects/{project}"),
            () => FormAsync(northReviewer, $"/pipeline/projects/{project}?handler=Conflict", ("description", Marker)),
            () => FormAsync(reviewer, "/pipeline/meetings", ("title", Marker), ("heldOn", "2030-01-01"), ("chair", Marker), ("members", Marker)),
            () => reviewer.GetAsync($"/pipeline/audit?projectId={Marker}"),
            () => admin.GetAsync($"/pipeline?q={Marker}&stage={Marker}"),
            () => admin.GetAsync($"/pipeline/projects/{project}"),
            () => admin.GetAsync($"/pipeline/projects/{unknown}"),
            () => admin.GetAsync($"/pipeline/projects/{Marker}"),
            () => admin.GetAsync($"/pipeline/audit?projectId={Marker}&q={Marker}"),
            () => admin.GetAsync($"/pipeline/portfolio?{Marker}={Marker}"),
            () => admin.GetAsync($"/pipeline/meetings/{meeting}"),
            () => admin.GetAsync($"/pipeline/assignments/{unknown}"),
            () => applicant.GetAsync("/pipeline/nominate"),
            () => FormAsync(applicant, "/pipeline/nominate", ("AgentName", Marker), ("AgentCode", Marker), ("Modality", Marker), ("Target", Marker), ("Mechanism", Marker), ("IpPosition", Marker), ("Title", Marker), ("Indications", Marker), ("Summary", Marker), ("NamedPeople", Marker)),
            () => FormAsync(applicant, "/pipeline/nominate", ("AgentName", Marker), ("Title", "")),
            async () => await applicant.PostAsync("/pipeline/nominate", Upload("Package", ("AgentName", Marker), ("AgentCode", Marker), ("Modality", "SmallMolecule"), ("Target", Marker), ("Mechanism", Marker), ("IpPosition", Marker), ("Title", Marker), ("Indications", Marker), ("Summary", Marker), ("NamedPeople", Marker), ("__RequestVerificationToken", await TokenAsync(applicant) ?? ""))),
            () => FormAsync(secretariat, "/pipeline/meetings", ("title", Marker), ("heldOn", Marker), ("chair", Marker), ("members", Marker)),
            () => FormAsync(secretariat, "/pipeline/meetings", ("title", Marker), ("heldOn", "2030-01-01"), ("chair", Marker), ("members", Marker)),
            () => FormAsync(secretariat, $"/pipeline/projects/{project}?handler=OpenRound", ("kind", Marker), ("blind", Marker)),
            () => FormAsync(secretariat, $"/pipeline/projects/{project}?handler=Assign", ("roundId", Marker), ("userId", Marker), ("type", Marker)),
            () => FormAsync(secretariat, $"/pipeline/projects/{project}?handler=Agenda", ("meetingId", Marker)),
            () => FormAsync(secretariat, $"/pipeline/projects/{project}?handler=LinkTrial", ("nctId", Marker)),
            () => FormAsync(secretariat, $"/pipeline/projects/{project}?handler={Marker}", (Marker, Marker)),
            () => FormAsync(secretariat, $"/pipeline/meetings/{meeting}?handler=Attendance", ("present", Marker)),
            () => FormAsync(chair, $"/pipeline/meetings/{meeting}?handler=Minutes", ("projectId", Marker), ("text", Marker)),
            () => FormAsync(chair, $"/pipeline/meetings/{meeting}?handler=Minutes", ("projectId", project.ToString()), ("text", Marker)),
            () => FormAsync(chair, $"/pipeline/projects/{project}?handler=Decide", ("outcome", Marker), ("criteria", Marker), ("results", Marker), ("evidence", Marker), ("rationale", Marker), ("conditions", Marker), ("meetingId", Marker)),
            () => FormAsync(chair, $"/pipeline/projects/{project}?handler=Decide", ("outcome", "Go"), ("criteria", Marker), ("results", "Met"), ("evidence", Marker), ("rationale", Marker), ("meetingId", unknown.ToString())),
            () => reviewer.GetAsync($"/pipeline/assignments/{assignment}"),
            () => FormAsync(reviewer, $"/pipeline/assignments/{assignment}?handler=Save", ($"scores[{Marker}]", Marker), ("comments", Marker), ("submit", Marker)),
            () => FormAsync(reviewer, $"/pipeline/assignments/{assignment}?handler=Save", ($"scores[{Marker}]", "5"), ("comments", Marker), ("submit", "false")),
            () => FormAsync(reviewer, $"/pipeline/assignments/{assignment}?handler=Supersede", ($"scores[{Marker}]", "5"), ("comments", Marker), ("reason", Marker)),

            // Recruitment API: anonymous (401), refused (403: no relation to the site, another study) and allowed (the study's manager, the site's staff).
            () => anonymous.GetAsync($"/api/recruitment/studies?{Marker}={Marker}"),
            () => anonymous.GetAsync($"/api/recruitment/studies/{Marker}"),
            () => anonymous.PostAsync("/api/recruitment/imports", new StringContent($"study_id,site_id,subject_id,event,event_date,reason\n{Breast},TOH,{Marker},screened,2024-01-10,{Marker}\n", Encoding.UTF8, "text/csv")),
            () => anonymous.PostAsync($"/api/recruitment/referrals/R-{Marker}/screening", Json($"{{\"outcome\": \"{Marker}\"}}")),
            () => reviewer.GetAsync($"/api/recruitment/studies/{Breast}/sites/TOH/participants"),
            () => reviewer.GetAsync("/api/recruitment/sites/TOH/referrals"),
            () => reviewer.PostAsync("/api/recruitment/imports", new StringContent($"study_id,site_id,subject_id,event,event_date,reason\n{Breast},TOH,{Marker},screened,2024-01-10,{Marker}\n", Encoding.UTF8, "text/csv")),
            () => staffClient.GetAsync("/api/recruitment/sites/PCMC/referrals"),
            () => staffClient.GetAsync($"/api/recruitment/studies/{Breast}/sites/PCMC/participants"),
            () => managerClient.GetAsync("/api/recruitment/studies"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Breast}"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Marker}"),
            () => managerClient.GetAsync("/api/recruitment/studies/NCT99999999"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Breast}/screening-signal"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Marker}/screening-signal"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Breast}/sites/TOH/participants"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Breast}/sites/{Marker}/participants"),
            () => managerClient.GetAsync($"/api/recruitment/studies/{Marker}/sites/{Marker}/participants"),
            () => managerClient.PostAsync("/api/recruitment/imports", new StringContent($"study_id,site_id,subject_id,event,event_date,reason\n{Breast},TOH,TOH-{Marker},screened,2024-01-10,{Marker}\n{Breast},{Marker},{Marker},{Marker},{Marker},{Marker}\nNCT99000001,NCC,NCC-{Marker},screened,2024-01-10,\n", Encoding.UTF8, "text/csv")),
            () => managerClient.PostAsync("/api/recruitment/imports", new StringContent($"{Marker},{Marker}\n{Marker}\n", Encoding.UTF8, "text/csv")),
            () => managerClient.PostAsync("/api/recruitment/imports", new StringContent($"{Marker}", Encoding.UTF8, "application/json")),
            () => staffClient.GetAsync("/api/recruitment/sites/TOH/referrals"),
            () => staffClient.GetAsync($"/api/recruitment/sites/{Marker}/referrals"),
            () => staffClient.GetAsync($"/api/recruitment/referrals/R-{Marker}"),
            () => staffClient.GetAsync($"/api/recruitment/referrals/{Marker}"),
            () => staffClient.PostAsync($"/api/recruitment/referrals/R-{Marker}/screening", Json($"{{\"outcome\": \"{Marker}\", \"failedCriteria\": [\"{Marker}\"], \"reason\": \"{Marker}\", \"on\": \"{Marker}\"}}")),
            () => staffClient.PostAsync($"/api/recruitment/referrals/R-{Marker}/screening", Json($"{{\"outcome\": \"{Marker}\", \"outcome\": 5, \"failedCriteria\": \"{Marker}\"}}")),
            () => staffClient.PostAsync($"/api/recruitment/referrals/R-{Marker}/screening", Json($"{{\"outcome\": \"{Marker}")),

            // Recruitment pages and forms.
            () => anonymous.GetAsync($"/recruitment?{Marker}={Marker}"),
            () => anonymous.GetAsync($"/recruitment/studies/{Marker}"),
            () => FormAsync(anonymous, "/recruitment/refer", ("ReferTrial", Breast), ($"ReferSite-{Breast}", Marker), ("Note", Marker)),
            () => reviewer.GetAsync($"/recruitment/studies/{Breast}/sites/TOH/participants"),
            () => reviewer.GetAsync("/recruitment/sites/TOH/inbox"),
            () => FormAsync(reviewer, "/recruitment/sites/TOH/inbox", ("ReferralId", $"R-{Marker}"), ("Outcome", Marker), ("OtherReason", Marker)),
            () => managerClient.GetAsync("/recruitment"),
            () => managerClient.GetAsync($"/recruitment/studies/{Breast}"),
            () => managerClient.GetAsync($"/recruitment/studies/{Marker}"),
            () => managerClient.GetAsync($"/recruitment/studies/{Breast}?handler=Csv"),
            () => managerClient.GetAsync($"/recruitment/studies/{Marker}?handler=Pdf"),
            () => managerClient.GetAsync($"/recruitment/studies/{Breast}?handler=Pdf"),
            () => managerClient.GetAsync($"/recruitment/studies/{Breast}/sites/TOH"),
            () => managerClient.GetAsync($"/recruitment/studies/{Breast}/sites/{Marker}"),
            () => managerClient.GetAsync($"/recruitment/studies/{Breast}/sites/TOH/participants"),
            () => managerClient.GetAsync($"/recruitment/studies/{Marker}/sites/{Marker}/participants"),
            () => staffClient.GetAsync("/recruitment/sites/TOH/inbox"),
            () => staffClient.GetAsync($"/recruitment/sites/{Marker}/inbox"),
            () => FormAsync(staffClient, "/recruitment/sites/TOH/inbox", ("ReferralId", $"R-{Marker}"), ("Outcome", Marker), ("ScreenedOn", Marker), ("Failed", Marker), ("OtherReason", Marker)),
            () => FormAsync(staffClient, "/recruitment/sites/TOH/inbox", ("ReferralId", Marker), ("Outcome", "failed"), ("ScreenedOn", "2024-01-10"), ("Failed", Marker)),
            () => FormAsync(staffClient, $"/recruitment/sites/{Marker}/inbox", ("ReferralId", Marker), ("Outcome", "passed")),
            () => FormAsync(staffClient, "/recruitment/refer", ("Note", $"58 year old woman with {Marker} HER2-positive metastatic breast cancer"), ("fact.age", "58"), ("ReferTrial", Breast), ($"ReferSite-{Breast}", "TOH")),
            () => FormAsync(staffClient, "/recruitment/refer", ("Note", Marker), ("fact.age", Marker), ("ReferTrial", Breast), ($"ReferSite-{Breast}", Marker)),
            () => FormAsync(staffClient, "/recruitment/refer", ("ReferTrial", Marker), ($"ReferSite-{Marker}", Marker)),
            () => FormAsync(managerClient, "/recruitment/refer", ("fact.age", "58"), ("fact.diagnoses[0].text", $"breast cancer {Marker}"), ("ReferTrial", Breast), ($"ReferSite-{Breast}", Marker)),
            () => staffClient.PostAsync("/recruitment/refer", new FormUrlEncodedContent([new("ReferTrial", Marker), new("Note", Marker)])),
        };

        foreach (var request in requests)
        {
            (await request()).Dispose();
        }

        if (seeded)
        {
            (await managerClient.GetAsync("/api/recruitment/studies")).StatusCode.Should().Be(HttpStatusCode.OK, "the signed-in clients stay signed in to the end");
        }

        app.Logs.Should().NotBeEmpty("the capture must work for this test to mean anything");
        string.Join("\n", app.Logs).Should().NotContain(Marker);
    }
}


public sealed class WorkingAppLogScrubbingTests(UnlimitedDemoWebApp app) : LogScrubbingTests(app), IClassFixture<UnlimitedDemoWebApp>;

public sealed class FailingAppLogScrubbingTests(UnlimitedBrokenDatabaseWebApp app) : LogScrubbingTests(app), IClassFixture<UnlimitedBrokenDatabaseWebApp>;
