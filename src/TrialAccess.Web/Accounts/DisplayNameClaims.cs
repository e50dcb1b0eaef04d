using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrialAccess.Storage.Accounts;

namespace TrialAccess.Web.Accounts;

/// <summary>Adds the display name to the cookie's principal (claim <c>display_name</c>), for page headers and the API.</summary>
internal sealed class DisplayNameClaims(UserManager<TrialAccessUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrialAccessUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrialAccessUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimType, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
