using Microsoft.Playwright;
using TrialAccess.Web.Tests.Fhir;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// A page on another origin (<see cref="CodexServiceApp.ClientOrigin"/>, another port on the loopback) calls the
/// CodeX service from headless Chromium, as the CodeX app's browser code would: the service configured for that origin
/// answers (preflight and POST), the same service without it is refused by the browser.
/// </summary>
[Collection(CodexServiceCollection.Name)]
public class CorsBrowserTests(CodexServiceApp allowing)
{
    [ChromiumFact]
    public async Task Fetch_FromAnotherOrigin_IsServedWhereAllowedAndRefusedElsewhere()
    {
        var refusing = new KestrelDemoApp();
        await refusing.InitializeAsync();
        try
        {
            await SearchFromAnotherOriginAsync(refusing);
        }
        finally
        {
            await refusing.DisposeAsync();
        }
    }

    private async Task SearchFromAnotherOriginAsync(KestrelDemoApp refusing)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, _) = await HeadlessChromium.NewPageAsync(browser);
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.GotoAsync(allowing.ClientOrigin + "/");

        var served = await page.EvaluateAsync<string>("service => window.search(service)", allowing.BaseAddress.ToString().TrimEnd('/'));
        var refused = await page.EvaluateAsync<string>("service => window.search(service)", refusing.BaseAddress.ToString().TrimEnd('/'));

        served.Should().StartWith("status 200, ", string.Join(" | ", console));
        refused.Should().Be("refused: TypeError");
    }
}
