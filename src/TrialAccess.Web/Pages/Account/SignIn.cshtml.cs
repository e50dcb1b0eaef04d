using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Storage.Accounts;

namespace TrialAccess.Web.Pages.Account;

/// <summary>
/// Sign-in with user name and password (lockout after 5 failures for 15 minutes), or through the external provider
/// when one is configured. A wrong name and a wrong password get the same message. Goes back to <see cref="ReturnUrl"/>
/// only when it is a local address.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<TrialAccessUser> signIn) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<AuthenticationScheme> ExternalProviders { get; private set; } = [];

    public async Task OnGetAsync() => ExternalProviders = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalProviders = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your user name and password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        Error = result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes."
            : "The user name or password is not right.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public IActionResult OnPostExternal(string provider)
    {
        var callback = Url.Page("/Account/ExternalCallback", values: new { ReturnUrl = SafeReturnUrl() });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, callback), provider);
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account";
}
