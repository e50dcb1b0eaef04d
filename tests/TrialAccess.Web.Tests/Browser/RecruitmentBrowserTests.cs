using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using TrialAccess.Storage;
using TrialAccess.Testing;
using TrialAccess.Web.Tests.Accounts;
using TrialAccess.Web.Tests.Recruitment;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>The web app on a real port over the demo trials and the demo recruitment, with a clinician, a site nurse and a trial manager.</summary>
public sealed class KestrelRecruitmentApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public TestUser Clinician { get; private set; } = null!;

    public TestUser Nurse { get; private set; } = null!;

    public TestUser Manager { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await DemoDatabase.CreateAsync(_folder);
        await RecruitmentDemoDatabase.SeedAsync(new StoreLocation(StoreKind.Sqlite, database));
        _app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], options => options.Database = database);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
        Clinician = await _app.Services.CreateUserAsync("clinician", []);
        Nurse = await _app.Services.CreateUserAsync("pcru-nurse", [], ("site", "PCRU"));
        Manager = await _app.Services.CreateUserAsync("lung-manager", [], ("trial", "NCT99000001"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>
/// A clinician refers a patient from the clinician view to a site; the site's nurse records a screen failure with the
/// criterion that failed; the trial manager's dashboard shows the funnel, the site's status and the alerts change.
/// Screenshots: <c>recruitment-refer.png</c>, <c>recruitment-inbox.png</c>, <c>recruitment-dashboard-before.png</c>,
/// <c>recruitment-dashboard.png</c>.
/// </summary>
public class RecruitmentBrowserTests(KestrelRecruitmentApp app) : IClassFixture<KestrelRecruitmentApp>
{
    private const string Trial = "NCT99000001";
    private const string Site = "PCRU";
    private const string Note = "62 year old man with metastatic lung adenocarcinoma, EGFR exon 19 deletion, no prior systemic therapy. ECOG 1.";

    private async Task<IPage> SignedInPageAsync(IBrowser browser, TestUser user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        // Signing in hashes the password and may be the first request the server answers: on a loaded 2-core machine it
        // took over Playwright's 30 s default once (the pipeline's browser tests allow the same).
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/sign-in").ToString());
        await page.FillAsync("#user-name", user.UserName);
        await page.FillAsync("#password", user.Password);
        await HeadlessChromium.SubmitSignInAsync(page, url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    private static async Task<(string Status, string ScreenFailed, IReadOnlyList<string> SiteAlerts)> DashboardAsync(IPage page, string shot)
    {
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#sites");
        var status = await page.InnerTextAsync($"#site-{Site} .status");
        var failed = await page.InnerTextAsync("#funnel-screen-failed");
        var alerts = await page.Locator($"#alerts li[data-site='{Site}']").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath(shot), FullPage = true });
        return (status, failed, alerts);
    }

    [ChromiumFact]
    public async Task ReferThenRecordAScreenFailure_ChangesTheFunnelTheSiteStatusAndTheAlerts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        var manager = await SignedInPageAsync(browser, app.Manager);
        await manager.GotoAsync(new Uri(app.BaseAddress, $"/recruitment/studies/{Trial}").ToString());
        var before = await DashboardAsync(manager, "recruitment-dashboard-before.png");
        before.Status.Should().Be("not assessed", "the new site has no target and too few screened for a screen-failure band");
        before.SiteAlerts.Should().NotContain("HighScreenFailureRate");

        var clinician = await SignedInPageAsync(browser, app.Clinician);
        await clinician.GotoAsync(new Uri(app.BaseAddress, "/clinician").ToString());
        await clinician.FillAsync("#note", Note);
        await clinician.ClickAsync("#read-note");
        await clinician.WaitForSelectorAsync("#results");
        await clinician.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("recruitment-clinician.png"), FullPage = true });
        (await clinician.Locator($"#trial-{Trial}").CountAsync()).Should().Be(1, "the EGFR-mutant lung cancer trial is among the matches");
        await clinician.WaitForSelectorAsync($"#refer-{Trial}");
        await clinician.SelectOptionAsync($"#refer-site-{Trial}", Site);
        await clinician.Locator($"#refer-{Trial}").ScrollIntoViewIfNeededAsync();
        await clinician.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("recruitment-refer.png") });
        await clinician.ClickAsync($"#refer-{Trial} .refer-button");
        await clinician.WaitForSelectorAsync("#referral-id");
        var referral = await clinician.InnerTextAsync("#referral-id");
        (await clinician.ContentAsync()).Should().NotContain("no prior systemic therapy", "the note is not sent on");

        var nurse = await SignedInPageAsync(browser, app.Nurse);
        await nurse.GotoAsync(new Uri(app.BaseAddress, $"/recruitment/sites/{Site}/inbox").ToString());
        var card = nurse.Locator($"#referral-{referral}");
        await card.Locator("input[name='Outcome'][value='failed']").CheckAsync();
        var criterion = card.Locator("input[name='Failed']").First;
        var position = await criterion.GetAttributeAsync("value");
        await criterion.CheckAsync();
        await nurse.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("recruitment-inbox.png"), FullPage = true });
        await card.Locator("button.record").ClickAsync();
        await nurse.WaitForSelectorAsync("#inbox-message");
        (await nurse.InnerTextAsync($"#referral-{referral} .referral-status")).Should().Be("FailedScreening");

        var after = await DashboardAsync(manager, "recruitment-dashboard.png");
        int.Parse(after.ScreenFailed, System.Globalization.CultureInfo.InvariantCulture).Should().Be(int.Parse(before.ScreenFailed, System.Globalization.CultureInfo.InvariantCulture) + 1);
        after.Status.Should().Be("Amber", "2 of 3 screened at the new site failed: 67%, in the amber band");
        after.SiteAlerts.Should().Contain("HighScreenFailureRate");
        (await manager.InnerTextAsync("#reasons")).Should().Contain(position!);
        HeadlessChromium.KeepInDocs("recruitment-dashboard.png", "recruitment-inbox.png");
    }
}
