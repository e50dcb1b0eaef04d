using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Pages.Account;

/// <summary>The signed-in person's account: name, roles, and the module pages their roles open.</summary>
[Authorize]
public sealed class IndexModel(IEnumerable<AccountHomeLink> links) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<AccountHomeLink> Links { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.FindFirstValue(DisplayNameClaims.ClaimType) ?? User.Identity?.Name ?? "";
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        Links = links.Where(link => link.Roles.Count == 0 || link.Roles.Any(User.IsInRole)).ToList();
    }
}
