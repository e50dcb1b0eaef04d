using Microsoft.Playwright;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// A patient's search in headless Chromium against the app on a real port. Screenshots are kept in
/// <c>artifacts/screenshots/</c> beside the test assembly; with <c>TRIALACCESS_UPDATE_SCREENSHOTS=1</c> the search
/// page is also copied to <c>docs/screenshots/patient-search.png</c> for the README.
/// </summary>
public class PatientSearchBrowserTests(KestrelDemoApp app) : IClassFixture<KestrelDemoApp>
{
    [ChromiumFact]
    public async Task PatientSearch_LungCancerNearBoston_ShowsRecruitingTrialsAndOpensOne()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, cspViolations) = await HeadlessChromium.NewPageAsync(browser);

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.SelectOptionAsync("#cancer", "lung");
        await page.FillAsync("#age", "62");
        await page.FillAsync("#place", "Boston, MA");
        await page.SelectOptionAsync("#distance", "any");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync(".trial-card");

        var cards = page.Locator(".trial-card");
        (await cards.CountAsync()).Should().BeGreaterThanOrEqualTo(2);
        (await cards.First.InnerTextAsync()).Should().Contain("NCT99000001").And.Contain("less than 1 km");
        (await page.InnerTextAsync("#results h2")).Should().EndWith("looking for people now");
        var searchShot = HeadlessChromium.ArtifactPath("patient-search.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = searchShot, FullPage = true });

        await cards.First.Locator("h3 a").ClickAsync();
        await page.WaitForSelectorAsync("#what");
        (await page.InnerTextAsync("#what")).Should().Contain("Osimertinib");
        (await page.InnerTextAsync("#where")).Should().Contain("Nearest to Boston, MA, United States first");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("patient-trial.png"), FullPage = true });

        cspViolations.Should().BeEmpty("the pages must work under the content security policy");
        new FileInfo(searchShot).Length.Should().BeGreaterThan(10_000);
        HeadlessChromium.KeepInDocs("patient-search.png", "patient-trial.png");
    }
}
