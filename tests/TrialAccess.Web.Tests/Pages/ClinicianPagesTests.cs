using System.Net;
using System.Text.RegularExpressions;
using TrialAccess.Web.Tests.Browser;

namespace TrialAccess.Web.Tests.Pages;

/// <summary>The clinician view in process: reading a note, editing facts, the ranked trials and the exports.</summary>
public partial class ClinicianPagesTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private const string Note = "62 yo M with metastatic lung adenocarcinoma, EGFR exon 19 deletion, ECOG 1. No known brain mets.";

    private readonly HttpClient _client = app.CreateClient();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>Posts the clinician form to a handler, with the antiforgery token of a fresh page (its cookie is kept by the client).</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync("/clinician");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync($"/clinician?handler={handler}", new FormUrlEncodedContent(form));
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, html);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        return html;
    }

    [Fact]
    public async Task Get_ShowsTheNoteBoxAnEmptyFactFormAndNoResults()
    {
        var html = await _client.GetStringAsync("/clinician");

        html.Should().Contain("<textarea id=\"note\" name=\"Note\"").And.Contain("Add a diagnosis").And.Contain("name=\"fact.age\"");
        html.Should().Contain("<a href=\"/clinician\">Clinician view</a>", "the layout links the clinician view");
        html.Should().NotContain("id=\"results\"");
    }

    [Fact]
    public async Task Read_Note_ShowsTheFactsWithTheirSnippetsAndRankedTrialsWithChecklists()
    {
        var html = await HtmlAsync(await PostAsync(_client, "Read", ("Note", Note), ("Near", "Boston, MA"), ("Distance", "any"), ("Top", "10"), ("RecruitingOnly", "true"), ("IncludeIneligible", "true")), HttpStatusCode.OK);

        html.Should().Contain("name=\"fact.age\" value=\"62\"").And.Contain("“62 yo”");
        html.Should().Contain("value=\"EGFR\"").And.Contain("name=\"source.biomarkers[0]\"");
        html.Should().Contain("id=\"results\"").And.Contain("id=\"trial-NCT99000001\"").And.Contain("href=\"/trials/NCT99000001?place=Boston,%20MA\"");
        html.Should().Contain("class=\"criteria-group criteria-met\"").And.Contain("Nearest recruiting site:").And.Contain("What to ask next");
        html.Should().MatchRegex("<strong class=\"verdict\">(Eligible|Possibly eligible)</strong>").And.Contain("<strong class=\"verdict\">Ineligible</strong>");
        app.Logs.Should().NotContain(line => line.Contains("adenocarcinoma", StringComparison.OrdinalIgnoreCase), "patient data never goes to logs");
    }

    [Fact]
    public async Task Read_EmptyNote_Is400WithAClearMessage()
    {
        var html = await HtmlAsync(await PostAsync(_client, "Read", ("Note", "  ")), HttpStatusCode.BadRequest);

        html.Should().Contain("Paste a clinical note first").And.NotContain("id=\"results\"");
    }

    [Fact]
    public async Task Match_EditedFacts_AreWhatIsMatched()
    {
        var html = await HtmlAsync(await PostAsync(_client, "Match",
            ("fact.age", "9"),
            ("fact.sex", "male"),
            ("fact.diagnoses[0].text", "lung adenocarcinoma"),
            ("fact.diagnoses[0].oncoTreeCode", "LUAD"),
            ("fact.biomarkers[0].marker", "EGFR"),
            ("remove.biomarkers[0]", "on"),
            ("IncludeIneligible", "true"),
            ("Top", "20")), HttpStatusCode.OK);

        html.Should().Contain("name=\"fact.age\" value=\"9\"").And.NotContain("value=\"EGFR\"", "the biomarker was removed");
        html.Should().NotContain("class=\"match-card verdict-eligible", "every lung trial of the demo set is for adults")
            .And.NotContain("class=\"match-card verdict-possibly", "every lung trial of the demo set is for adults");
    }

    [Fact]
    public async Task Match_WrongFactValue_Is400NamingTheField()
    {
        var html = await HtmlAsync(await PostAsync(_client, "Match", ("fact.age", "sixty"), ("fact.diagnoses[0].text", "NSCLC")), HttpStatusCode.BadRequest);

        html.Should().Contain("Some facts need correcting").And.Contain("age: must be a number, not a string.");
        html.Should().Contain("id=\"fact-age\" name=\"fact.age\" value=\"sixty\"");
    }

    [Fact]
    public async Task Match_NothingGiven_Is400()
    {
        var html = await HtmlAsync(await PostAsync(_client, "Match"), HttpStatusCode.BadRequest);

        html.Should().Contain("Paste a note, or fill in at least one fact");
    }

    [Theory]
    [InlineData("Near", "Atlantis under the sea", "near")]
    [InlineData("Distance", "7", "Choose a distance from the list.")]
    [InlineData("Top", "1000", "Show 5, 10, 20, 50 trials.")]
    public async Task Match_BadFilter_Is400(string name, string value, string message)
    {
        var html = await HtmlAsync(await PostAsync(_client, "Match", ("fact.diagnoses[0].text", "NSCLC"), (name, value)), HttpStatusCode.BadRequest);

        html.Should().Contain(name == "Near" ? "class=\"error\"" : message);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400()
    {
        var response = await _client.PostAsync("/clinician?handler=Match", new FormUrlEncodedContent([new("fact.age", "60")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Csv_AllShown_IsAnAttachmentWithOneRowPerTrial()
    {
        var response = await PostAsync(_client, "Csv", ("Note", Note), ("fact.age", "62"), ("fact.sex", "male"), ("fact.diagnoses[0].text", "lung adenocarcinoma"), ("Near", "Boston, MA"), ("RecruitingOnly", "true"));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().MatchRegex(@"^trial-shortlist-\d{4}-\d{2}-\d{2}\.csv$");
        var lines = body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("rank,nct_id,title,verdict,status,nearest_recruiting_site,distance_km");
        body.Should().Contain(",NCT99000001,");
    }

    [Fact]
    public async Task Csv_Ticked_KeepsOnlyTheTickedTrials()
    {
        var response = await PostAsync(_client, "Csv", ("Note", Note), ("fact.diagnoses[0].text", "lung adenocarcinoma"), ("Selected", "NCT99000001"), ("RecruitingOnly", "true"));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain(",NCT99000001,");
        Regex.Matches(body, ",NCT99\\d{6},").Should().HaveCount(1);
    }

    [Fact]
    public async Task Csv_WrongFacts_Is400NotAFile()
    {
        var html = await HtmlAsync(await PostAsync(_client, "Csv", ("fact.age", "-3")), HttpStatusCode.BadRequest);

        html.Should().Contain("age: must be between 0 and 130; got -3.");
    }

    [ChromiumFact]
    public async Task Pdf_Shortlist_IsAPdfDocument()
    {
        var response = await PostAsync(_client, "Pdf", ("Note", Note), ("fact.age", "62"), ("fact.diagnoses[0].text", "lung adenocarcinoma"), ("Near", "Boston, MA"), ("RecruitingOnly", "true"));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
        bytes.Length.Should().BeGreaterThan(5_000);
        await File.WriteAllBytesAsync(HeadlessChromium.ArtifactPath("clinician-shortlist.pdf"), bytes);
    }
}

/// <summary>Without Chromium, PDF export says so with a 503 and the page stays usable.</summary>
public class ClinicianWithoutChromiumTests(NoChromiumWebApp app) : IClassFixture<NoChromiumWebApp>
{
    [Fact]
    public async Task Pdf_ChromiumMissing_Is503SayingWhatToInstall()
    {
        var response = await ClinicianPagesTests.PostAsync(app.CreateClient(), "Pdf", ("fact.diagnoses[0].text", "lung adenocarcinoma"));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, html);
        html.Should().Contain("PDF export needs Chromium, which is not installed on this server (looked for /nonexistent/chromium")
            .And.Contain("id=\"results\"");
    }
}

/// <summary>The demo app told that Chromium is somewhere it is not.</summary>
public sealed class NoChromiumWebApp : DemoWebApp
{
    protected override void Configure(WebAppOptions options) => options.ChromiumPath = "/nonexistent/chromium";
}
