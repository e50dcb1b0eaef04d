using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Storage.Accounts;

namespace TrialAccess.Web.Pages.Account;

/// <summary>Signs out on POST (with the antiforgery token), so that a link elsewhere cannot sign a person out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<TrialAccessUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
