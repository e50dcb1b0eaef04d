using Microsoft.Playwright;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// A patient's search in headless Chromium against the app on a real port. Screenshots are kept in
/// <c>artifacts/screenshots/</c> beside the test assembly; with <c>TRIALACCESS_UPDATE_SCREENSHOTS=1</c> the search
/// page is also copied to <c>docs/screenshots/patient-search.png</c> for the README.
/// </summary>
public class PatientSearchBrowserTests(KestrelDemoApp app) : IClassFixture<KestrelDemoApp>
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(ChromiumFactAttribute.ExecutablePath).Should().BeTrue(
            $"CI=true and Chromium is missing at {ChromiumFactAttribute.ExecutablePath}: .ci/run should have installed it (apt-get install -y chromium)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [ChromiumFact]
    public async Task PatientSearch_LungCancerNearBoston_ShowsRecruitingTrialsAndOpensOne()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };

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
        var searchShot = ArtifactPath("patient-search.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = searchShot, FullPage = true });

        await cards.First.Locator("h3 a").ClickAsync();
        await page.WaitForSelectorAsync("#what");
        (await page.InnerTextAsync("#what")).Should().Contain("Osimertinib");
        (await page.InnerTextAsync("#where")).Should().Contain("Nearest to Boston, MA, United States first");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath("patient-trial.png"), FullPage = true });

        cspViolations.Should().BeEmpty("the pages must work under the content security policy");
        new FileInfo(searchShot).Length.Should().BeGreaterThan(10_000);
        if (Environment.GetEnvironmentVariable("TRIALACCESS_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(SharedData.RepositoryRoot, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(searchShot, Path.Combine(docs, "patient-search.png"), overwrite: true);
            File.Copy(ArtifactPath("patient-trial.png"), Path.Combine(docs, "patient-trial.png"), overwrite: true);
        }
    }
}
