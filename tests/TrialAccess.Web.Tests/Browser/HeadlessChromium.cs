using Microsoft.Playwright;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// What the browser tests share: launching the Debian Chromium headless, and where screenshots go
/// (<c>artifacts/screenshots/</c> beside the test assembly; with <c>TRIALACCESS_UPDATE_SCREENSHOTS=1</c> also
/// <c>docs/screenshots/</c>, for the README).
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(ChromiumFactAttribute.ExecutablePath).Should().BeTrue(
            $"CI=true and Chromium is missing at {ChromiumFactAttribute.ExecutablePath}: .ci/run should have installed it (apt-get install -y chromium)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }

    /// <summary>A page that records Content Security Policy violations reported on its console.</summary>
    public static async Task<(IPage Page, List<string> CspViolations)> NewPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return (page, violations);
    }

    /// <summary>
    /// Submits the sign-in form and waits, in the browser, for the signed-in page it leads to (the header's sign-out
    /// form) or for the form's error; then checks that the page is the one expected (<paramref name="arrived"/>).
    /// <para>
    /// Why not <c>WaitForURLAsync</c>: the click returns once the navigation it started has committed, so the URL already
    /// matches, and Playwright .NET (1.64) then waits for the "load" state client-side. It checks its list of load states
    /// and only then subscribes to the event that adds one, while that event is raised on the driver's reader thread. When
    /// the page's load event lands between the check and the subscription, the wait never ends. That hung sign-in in CI
    /// (at 30 s and 120 s). It was caught once locally: server 302 after 234 ms, /pipeline committed and fully rendered
    /// at +790 ms, and the wait still ran out 30 s later. A locator wait runs in the driver and has no such gap.
    /// </para>
    /// </summary>
    public static async Task SubmitSignInAsync(IPage page, Func<string, bool> arrived)
    {
        await page.ClickAsync("#sign-in-button");
        await page.Locator("#sign-out, #sign-in-error").First.WaitForAsync();
        var error = page.Locator("#sign-in-error");
        if (await error.CountAsync() > 0)
        {
            throw new InvalidOperationException($"Sign-in was refused: {await error.InnerTextAsync()}");
        }

        arrived(page.Url).Should().BeTrue($"signing in should lead to the page asked for, not {page.Url}");
    }

    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Copies screenshots to <c>docs/screenshots/</c> when <c>TRIALACCESS_UPDATE_SCREENSHOTS=1</c>.</summary>
    public static void KeepInDocs(params string[] names)
    {
        if (Environment.GetEnvironmentVariable("TRIALACCESS_UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        var docs = Path.Combine(SharedData.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(docs);
        foreach (var name in names)
        {
            File.Copy(ArtifactPath(name), Path.Combine(docs, name), overwrite: true);
        }
    }
}
