using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrialAccess.Web.Pages;

/// <summary>
/// The page shown (with the original status code) when a page request fails; API errors stay problem details. It has
/// no handler, so it answers whatever method the failed request used (the error path re-executes with it), and it
/// changes nothing, so it needs no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    private static readonly object ExplanationKey = new();

    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Please try again in a moment.";

    /// <summary>What the error page says of a 400 for this request (which field could not be read; never its value).</summary>
    public static void Explain(HttpContext context, string explanation) => context.Items[ExplanationKey] = explanation;

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        _ = int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var code);
        var explanation = HttpContext.Items[ExplanationKey] as string;
        (Title, Message) = code switch
        {
            404 => ("We could not find that page", "The trial may have been removed, or the link may be incomplete. You can search for trials again."),
            413 => ("That was too much to send", "Please shorten what you typed and try again."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            400 when explanation is not null => ("We could not understand that request", $"{explanation} Please go back and correct it."),
            >= 400 and < 500 => ("We could not understand that request", "Please go back and check what you typed."),
            _ => ("Something went wrong on our side", "Please try again in a moment. Nothing you typed was stored."),
        };
    }
}
