using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Storage.Accounts;

namespace TrialAccess.Web.Pages.Account;

/// <summary>
/// Where the external provider's sign-in lands: an account already linked to the provider's subject signs in; a first
/// visit creates an account with no role (an administrator grants roles) linked to that subject.
/// </summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<TrialAccessUser> signIn, UserManager<TrialAccessUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Error = "The external sign-in did not complete.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var target = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account";
        var existing = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (existing.Succeeded)
        {
            return LocalRedirect(target);
        }

        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var user = new TrialAccessUser
        {
            UserName = $"{info.LoginProvider}-{info.ProviderKey}",
            Email = email,
            DisplayName = info.Principal.FindFirstValue("name") ?? info.Principal.Identity?.Name ?? email ?? info.ProviderKey,
        };
        var created = await users.CreateAsync(user);
        var linked = created.Succeeded ? await users.AddLoginAsync(user, info) : created;
        if (!linked.Succeeded)
        {
            Error = "Could not create an account for this sign-in: " + string.Join(" ", linked.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }
}
