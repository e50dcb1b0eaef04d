using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TrialAccess.Web.Clinician;

/// <summary>A shortlist as a printed document: <see cref="ShortlistDocument"/> rendered to HTML, then printed by <see cref="ChromiumPdf"/>.</summary>
public sealed class ShortlistPdf(ChromiumPdf chromium, IServiceProvider services, ILoggerFactory loggers)
{
    public const string ContentType = "application/pdf";

    public async Task<PdfRendering> RenderAsync(Shortlist shortlist, CancellationToken cancellationToken)
    {
        if (!chromium.IsInstalled)
        {
            return PdfRendering.Unavailable(chromium.MissingMessage);
        }

        return await chromium.RenderAsync(await HtmlAsync(shortlist), cancellationToken);
    }

    /// <summary>The document as one self-contained HTML page (styles inline, no scripts, no links to fetch).</summary>
    public async Task<string> HtmlAsync(Shortlist shortlist)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ShortlistDocument.Shortlist)] = shortlist });
            var output = await renderer.RenderComponentAsync<ShortlistDocument>(parameters);
            return output.ToHtmlString();
        });
    }
}
