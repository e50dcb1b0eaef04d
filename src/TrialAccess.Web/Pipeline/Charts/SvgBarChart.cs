using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace TrialAccess.Web.Pipeline.Charts;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: one bar per label, the value written beside it, a
/// title and an accessible description. No script and no style attribute, so it works under the site's CSP. Written
/// here rather than with a plotting library because the charts are plain bars and a native graphics dependency
/// (ScottPlot's SkiaSharp) would be the only one in the web host.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640;
    private const int RowHeight = 26;
    private const int LabelWidth = 230;
    private const int ValueWidth = 60;

    /// <param name="format">How a value is written (default: whole number).</param>
    public static IHtmlContent Render(string id, string title, IReadOnlyList<(string Label, double Value)> bars, Func<double, string>? format = null)
    {
        format ??= v => v.ToString("0", CultureInfo.InvariantCulture);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var height = 30 + (bars.Count * RowHeight) + 10;
        var plot = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}: {Encode(string.Join(", ", bars.Select(b => $"{b.Label} {format(b.Value)}")))}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\">{Encode(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 30 + (i * RowHeight);
            var length = max <= 0 ? 0 : value / max * plot;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1a1a1a\">{Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"{RowHeight - 8}\" fill=\"#2b6cb0\"><title>{Encode(label)}: {Encode(format(value))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 17}\" font-size=\"13\" fill=\"#1a1a1a\">{Encode(format(value))}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
