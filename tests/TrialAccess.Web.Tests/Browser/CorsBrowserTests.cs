using Microsoft.Playwright;
using TrialAccess.Web.Tests.Fhir;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// A page on another origin (<see cref="CodexServiceApp.ClientOrigin"/>, served by the browser's own routing) calls the
/// CodeX service from headless Chromium, as the CodeX app's browser code would: the service configured for that origin
/// answers (preflight and POST), the same service without it is refused by the browser.
/// </summary>
[Collection(CodexServiceCollection.Name)]
public class CorsBrowserTests(CodexServiceApp allowing)
{
    private const string Page = """
        <!doctype html><html><body><script>
        window.search = async (service) => {
          try {
            const response = await fetch(service + '/fhir/getClinicalTrial', {
              method: 'POST',
              headers: { 'Content-Type': 'application/fhir+json' },
              body: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
                { resource: { resourceType: 'Parameters', id: '0', parameter: [
                  { name: 'zipCode', valueString: '02115' }, { name: 'travelRadius', valueString: '100' } ] } },
                { resource: { resourceType: 'Condition', code: { text: 'Glioblastoma' } } } ] })
            });
            const bundle = await response.json();
            return 'status ' + response.status + ', ' + bundle.entry.length + ' entries';
          } catch (e) {
            return 'refused: ' + e.name;
          }
        };
        </script></body></html>
        """;

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
        await page.RouteAsync(CodexServiceApp.ClientOrigin + "/**", route => route.FulfillAsync(new RouteFulfillOptions { Body = Page, ContentType = "text/html" }));
        await page.GotoAsync(CodexServiceApp.ClientOrigin + "/");

        var served = await page.EvaluateAsync<string>("service => window.search(service)", allowing.BaseAddress.ToString().TrimEnd('/'));
        var refused = await page.EvaluateAsync<string>("service => window.search(service)", refusing.BaseAddress.ToString().TrimEnd('/'));

        served.Should().StartWith("status 200, ");
        refused.Should().Be("refused: TypeError");
    }
}
