using System.Net;

namespace TrialAccess.Web.Tests.Pages;

public class PatientPagesTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<string> GetPageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        return html;
    }

    [Fact]
    public async Task Search_Empty_ShowsTheFormWithEveryCancerType()
    {
        var html = await GetPageAsync("/");

        html.Should().Contain("<form").And.Contain("Type of cancer").And.Contain("Your town or city");
        foreach (var type in Patients.CancerTypes.All)
        {
            html.Should().Contain($"value=\"{type.Key}\"");
        }

        html.Should().NotContain("trial-card");
    }

    [Fact]
    public async Task Search_LungCancerNearBoston_ListsRecruitingTrialsNearestFirst()
    {
        var html = await GetPageAsync("/?cancer=lung&age=60&place=Boston&distance=any");

        html.Should().Contain("looking for people now");
        html.Should().Contain("NCT99000001").And.Contain("NCT99000002").And.NotContain("NCT99000004", "it is not recruiting");
        html.IndexOf("NCT99000001", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("NCT99000002", StringComparison.Ordinal));
        html.Should().Contain("less than 1 km");
        html.Should().NotContain("NCT99000005", "a breast cancer trial whose criteria mention the lung is not a lung cancer trial");
    }

    [Fact]
    public async Task Search_WithinARadius_LeavesOutTrialsRecruitingOnlyFarther()
    {
        var html = await GetPageAsync("/?cancer=lung&place=Boston&distance=500");

        html.Should().Contain("NCT99000001").And.NotContain("NCT99000002", "its nearest recruiting site is in Chicago");
    }

    [Fact]
    public async Task Search_TooYoungForEveryLungTrial_ShowsNoneAndAHint()
    {
        var html = await GetPageAsync("/?cancer=lung&age=9&place=Boston&distance=any");

        html.Should().Contain("0 trials looking for people now").And.Contain("Try a longer travel distance");
    }

    [Fact]
    public async Task Search_AnyDistanceWithoutAPlace_ListsTheRecruitingCities()
    {
        var html = await GetPageAsync("/?cancer=bowel&distance=any");

        html.Should().Contain("NCT99000008").And.Contain("Recruiting in: Paris, Lyon, Milan");
    }

    [Fact]
    public async Task Search_NoPlaceWithADistance_AsksForThePlace()
    {
        var html = await GetPageAsync("/?cancer=bowel&distance=100");

        html.Should().Contain("id=\"place-error\"").And.Contain("Please type your town or city");
    }

    [Fact]
    public async Task Search_UnknownPlace_SaysSoNextToTheField()
    {
        var html = await GetPageAsync("/?cancer=lung&place=Atlantis&distance=100");

        html.Should().Contain("id=\"place-error\"").And.Contain("We could not find that place.");
        html.Should().NotContain("trial-card");
    }

    [Fact]
    public async Task Search_BadAgeAndNoCancerType_SaysWhatToFix()
    {
        var html = await GetPageAsync("/?age=old&place=Boston");

        html.Should().Contain("id=\"cancer-error\"").And.Contain("id=\"age-error\"");
    }

    [Fact]
    public async Task TrialPage_WithAPlace_SaysWhatWhereAndWhoInPlainWords()
    {
        var html = await GetPageAsync("/trials/NCT99000001?cancer=lung&place=Boston&distance=500");

        html.Should().Contain("What this trial tests").And.Contain("Osimertinib");
        html.Should().Contain("Phase 3: a treatment is compared with the usual (standard) treatment");
        html.Should().Contain("Looking for people to take part now");
        html.Should().Contain("Nearest to Boston, MA, United States first");
        html.Should().Contain("Who to contact");
        html.IndexOf("Boston", html.IndexOf("id=\"where\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Should().BeLessThan(html.IndexOf("Houston", StringComparison.Ordinal));
        html.Should().Contain("href=\"/?cancer=lung&amp;place=Boston&amp;distance=500\"");
    }

    [Theory]
    [InlineData("/trials/NCT00000000")]
    [InlineData("/trials/not-an-id")]
    public async Task TrialPage_UnknownOrMalformedId_Is404WithAPlainPage(string url)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("We could not find that page");
    }

    [Fact]
    public async Task UnknownPage_Is404WithAPlainPage()
    {
        var response = await _client.GetAsync("/no/such/page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Go to the trial search");
    }
}
