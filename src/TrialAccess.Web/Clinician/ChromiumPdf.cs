using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace TrialAccess.Web.Clinician;

/// <summary>A PDF, or why none could be made (Chromium missing or failing): the host answers 503 with the reason.</summary>
public sealed record PdfRendering(byte[]? Pdf, string? Error)
{
    public static PdfRendering Success(byte[] pdf) => new(pdf, null);

    public static PdfRendering Unavailable(string error) => new(null, error);
}

/// <summary>
/// Prints HTML to PDF with headless Chromium (<see cref="WebAppOptions.ChromiumPath"/>) driven by Playwright: the
/// document goes to the browser over a pipe and the PDF comes back in memory, so patient data never touches the disk.
/// One browser is started on first use and shared; one page is printed at a time, with scripts off and no network.
/// </summary>
public sealed class ChromiumPdf(IOptions<WebAppOptions> options, ILogger<ChromiumPdf> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ExecutablePath => options.Value.ChromiumPath;

    public bool IsInstalled => File.Exists(ExecutablePath);

    public string MissingMessage =>
        $"PDF export needs Chromium, which is not installed on this server (looked for {ExecutablePath}; install it, for example apt-get install chromium, or set TrialAccess:ChromiumPath). Use CSV export or the browser's Print instead.";

    public async Task<PdfRendering> RenderAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!IsInstalled)
        {
            return PdfRendering.Unavailable(MissingMessage);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var browser = await BrowserAsync();
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await page.SetContentAsync(html);
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Margin = new Margin { Top = "14mm", Bottom = "14mm", Left = "12mm", Right = "12mm" },
            });
            return PdfRendering.Success(pdf);
        }
        catch (PlaywrightException e)
        {
            // The message may quote the document: log only the kind of failure, and start a new browser next time.
            logger.LogWarning("Chromium could not print a shortlist ({Failure}).", e.GetType().Name);
            await CloseAsync();
            return PdfRendering.Unavailable("Chromium could not make the PDF; please try again, or use CSV export or the browser's Print.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await CloseAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Chromium's sandbox refuses to run as root (containers often do); the page it prints has no scripts and no network.
            Args = Environment.UserName == "root" ? ["--no-sandbox", "--disable-gpu"] : ["--disable-gpu"],
        });
        return _browser;
    }

    private async Task CloseAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone.
            }
        }

        _playwright?.Dispose();
        (_browser, _playwright) = (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _gate.Dispose();
    }
}
