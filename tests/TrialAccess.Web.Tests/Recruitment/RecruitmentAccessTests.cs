using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TrialAccess.Web.Tests.Accounts;

namespace TrialAccess.Web.Tests.Recruitment;

/// <summary>
/// Who sees what, over HTTP: site staff see their own site's participants and get 403 for another site's (page and
/// API); trial managers see their study exactly; everyone else sees aggregates that never show a count from 1 to 4.
/// </summary>
public partial class RecruitmentAccessTests(RecruitmentWebApp app) : IClassFixture<RecruitmentWebApp>
{
    private const string Breast = "NCT99000005";

    [Fact]
    public async Task Participants_SiteAStaffAskingForSiteB_Get403OnPageAndApi()
    {
        var (client, _) = await app.ClientAsync("frbo-nurse", ("site", "FRBO"));

        var apiOther = await client.GetAsync($"/api/recruitment/studies/{Breast}/sites/PCMC/participants");
        var pageOther = await client.GetAsync($"/recruitment/studies/{Breast}/sites/PCMC/participants");
        var apiOwn = await client.GetAsync($"/api/recruitment/studies/{Breast}/sites/FRBO/participants");
        var pageOwn = await client.GetAsync($"/recruitment/studies/{Breast}/sites/FRBO/participants");

        apiOther.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        apiOther.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        pageOther.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await pageOther.Content.ReadAsStringAsync()).Should().NotContain("FRBO-0").And.NotContain("PCMC-0");
        apiOwn.StatusCode.Should().Be(HttpStatusCode.OK);
        var own = await apiOwn.Content.ReadFromJsonAsync<JsonElement>();
        own.GetArrayLength().Should().BeGreaterThan(10);
        own.EnumerateArray().Should().OnlyContain(p => p.GetProperty("subjectId").GetString()!.StartsWith("FRBO-", StringComparison.Ordinal));
        pageOwn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await pageOwn.Content.ReadAsStringAsync()).Should().Contain("FRBO-0");
    }

    [Fact]
    public async Task Recruitment_Anonymous_Gets401FromTheApiAndTheSignInPageForPages()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/api/recruitment/studies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync("/recruitment");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task Study_SomeoneWithoutARelation_SeesAggregatesThatNeverRevealAParticipant()
    {
        var (client, _) = await app.ClientAsync("visitor");

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/recruitment/studies/{Breast}");
        var page = await client.GetStringAsync($"/recruitment/studies/{Breast}");

        json.GetProperty("exact").GetBoolean().Should().BeFalse();
        var counts = new List<JsonElement> { json.GetProperty("recruited") };
        foreach (var site in json.GetProperty("sites").EnumerateArray())
        {
            counts.Add(site.GetProperty("recruited"));
            counts.AddRange(site.GetProperty("funnel").GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("reached")));
            site.GetProperty("monthly").GetArrayLength().Should().Be(0);
        }

        counts.AddRange(json.GetProperty("byAgeAndSex").EnumerateArray().Select(c => c.GetProperty("recruited")));
        counts.AddRange(json.GetProperty("funnel").GetProperty("reasons").EnumerateArray().Select(c => c.GetProperty("count")));
        counts.Should().OnlyContain(c => c.ValueKind == JsonValueKind.String ? c.GetString() == "<5" : c.GetInt32() % 5 == 0,
            "every count is 0, suppressed or rounded to 5");
        json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("message").GetString()).Should().OnlyContain(m => !DigitsThenRecruited().IsMatch(m!));
        page.Should().NotContain("participants-link").And.Contain("Aggregate figures");
        (await client.GetAsync($"/api/recruitment/studies/{Breast}/screening-signal")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Study_ATrialManager_SeesExactFiguresAndTheScreeningSignal()
    {
        var (client, _) = await app.ClientAsync("manager", ("trial", Breast));

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/recruitment/studies/{Breast}");
        var other = await client.GetFromJsonAsync<JsonElement>("/api/recruitment/studies/NCT99000001");

        json.GetProperty("exact").GetBoolean().Should().BeTrue();
        json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "FRBO").GetProperty("monthly").GetArrayLength().Should().BeGreaterThan(12);
        other.GetProperty("exact").GetBoolean().Should().BeFalse("they manage the breast study only");
        (await client.GetAsync($"/api/recruitment/studies/{Breast}/screening-signal")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/api/recruitment/studies/{Breast}/sites/PCMC/participants")).StatusCode.Should().Be(HttpStatusCode.OK);
        var csv = await client.GetStringAsync($"/recruitment/studies/{Breast}?handler=Csv");
        csv.Should().StartWith("study_id,level,site_id").And.Contain("FRBO");
    }

    [Fact]
    public async Task Import_RowsOfAStudyTheUserDoesNotManage_AreRefusedAndTheOthersKept()
    {
        var (client, _) = await app.ClientAsync("lung-manager", ("trial", "NCT99000001"));
        var csv = "study_id,site_id,subject_id,event,event_date,reason\n"
            + "NCT99000001,NCC,NCC-X01,screened,2024-01-10,\n"
            + "NCT99000005,PCMC,PCMC-X01,screened,2024-01-10,\n";

        var response = await client.PostAsync("/api/recruitment/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var again = await client.PostAsync("/api/recruitment/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("changed").GetInt32().Should().Be(1);
        report.GetProperty("errors")[0].GetProperty("line").GetInt32().Should().Be(3);
        report.GetProperty("errors")[0].GetProperty("message").GetString().Should().Be("You do not manage NCT99000005: ask one of its trial managers to import this row.");
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32().Should().Be(0);
        (await client.PostAsync("/api/recruitment/imports", new StringContent(csv, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("a,a\n1,2\n", "a")]
    [InlineData("study_id,site_id,subject_id,event,event_date,Event\nNCT99000001,NCC,NCC-X02,screened,2024-01-10,screened\n", "event")]
    public async Task Import_HeaderThatRepeatsAColumn_Is400NamingTheColumn(string csv, string column)
    {
        var (client, _) = await app.ClientAsync($"header-manager-{column}", ("trial", "NCT99000001"));

        var response = await client.PostAsync("/api/recruitment/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Be($"The header names the column '{column}' more than once: each column needs its own name.");
    }

    [Fact]
    public async Task Import_HeaderThatRepeatsALongColumn_Is400WithTheNameShortened()
    {
        var (client, _) = await app.ClientAsync("long-header-manager", ("trial", "NCT99000001"));
        var name = new string('x', 5000);

        var response = await client.PostAsync("/api/recruitment/imports", new StringContent($"{name},{name}\n", Encoding.UTF8, "text/csv"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain($"'{new string('x', 40)}...'").And.NotContain(new string('x', 41));
    }

    [Fact]
    public async Task Referral_FromTheClinicianForm_ReachesTheSiteInboxAndOnlyItsStaffRecordTheOutcome()
    {
        var (clinician, _) = await app.ClientAsync("clinician");
        var token = await clinician.AntiforgeryTokenAsync("/clinician");
        var referred = await clinician.PostAsync("/recruitment/refer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Note"] = "58 year old woman with HER2-positive metastatic breast cancer after trastuzumab and a taxane; ECOG 1.",
            ["fact.age"] = "58",
            ["ReferTrial"] = Breast,
            ["ReferSite-" + Breast] = "TOH",
        }));
        var confirmation = await referred.Content.ReadAsStringAsync();
        referred.StatusCode.Should().Be(HttpStatusCode.OK, confirmation);
        var id = ReferralIdPattern().Match(confirmation).Groups[1].Value;
        confirmation.Should().NotContain("trastuzumab and a taxane; ECOG 1", "the note is not echoed or kept");

        var (staff, _) = await app.ClientAsync("toh-nurse", ("site", "TOH"));
        var (otherStaff, _) = await app.ClientAsync("pcmc-nurse", ("site", "PCMC"));
        var inbox = await staff.GetFromJsonAsync<JsonElement>("/api/recruitment/sites/TOH/referrals");
        inbox.EnumerateArray().Should().Contain(r => r.GetProperty("id").GetString() == id);
        (await otherStaff.GetAsync("/api/recruitment/sites/TOH/referrals")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherStaff.PostAsJsonAsync($"/api/recruitment/referrals/{id}/screening", new { outcome = "passed" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var recorded = await staff.PostAsJsonAsync($"/api/recruitment/referrals/{id}/screening", new { outcome = "failed", failedCriteria = new[] { "inclusion 5" } });
        var twice = await staff.PostAsJsonAsync($"/api/recruitment/referrals/{id}/screening", new { outcome = "passed" });

        recorded.StatusCode.Should().Be(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("FailedScreening");
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [GeneratedRegex(@"id=""referral-id"">(R-[0-9A-Z]{10})<")]
    private static partial Regex ReferralIdPattern();

    [GeneratedRegex(@"\b\d+ recruited\b")]
    private static partial Regex DigitsThenRecruited();
}
