using System.Security.Claims;

namespace TrialAccess.Web.Accounts;

/// <summary>
/// Claims that tie a user to one resource ("site staff of site 12", "manager of trial NCT01234567"): the claim type is
/// <c>trialaccess:</c> plus the kind of resource, the value its id. They are Identity user claims, so they travel in
/// the cookie; authorization handlers read them with <see cref="HasResource"/>.
/// </summary>
public static class ResourceClaims
{
    public const string Prefix = "trialaccess:";

    /// <summary>The claim granting <paramref name="kind"/> <paramref name="id"/> (for example <c>("site", "12")</c>).</summary>
    public static Claim For(string kind, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new Claim(Prefix + kind, id);
    }

    /// <summary>Whether the user holds the claim for <paramref name="kind"/> <paramref name="id"/>.</summary>
    public static bool HasResource(this ClaimsPrincipal user, string kind, string id) => user.HasClaim(Prefix + kind, id);

    /// <summary>The ids of every resource of <paramref name="kind"/> the user holds a claim for.</summary>
    public static IReadOnlyList<string> ResourceIds(this ClaimsPrincipal user, string kind) =>
        user.FindAll(Prefix + kind).Select(c => c.Value).ToList();

    /// <summary>The user's id (Identity's name identifier), or null when anonymous.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
