using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrialAccess.Web.Pages;

/// <summary>The page shown (with the original status code) when a page request fails; API errors stay problem details.</summary>
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Please try again in a moment.";

    public void OnGet(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("We could not find that page", "The trial may have been removed, or the link may be incomplete. You can search for trials again."),
            413 => ("That was too much to send", "Please shorten what you typed and try again."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            >= 400 and < 500 => ("We could not understand that request", "Please go back and check what you typed."),
            _ => ("Something went wrong on our side", "Please try again in a moment. Nothing you typed was stored."),
        };
    }
}
