using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Storage.Accounts;

namespace TrialAccess.Web.Accounts;

/// <summary>An account to create: roles must exist; resource claims are (kind, id) pairs such as ("site", "12").</summary>
/// <param name="Password">The password to set, or null to generate one (returned once, never stored in clear).</param>
public sealed record NewAccount(
    string UserName,
    string DisplayName,
    string? Email,
    string? Password,
    IReadOnlyList<string> Roles,
    IReadOnlyList<(string Kind, string Id)>? ResourceClaims = null);

/// <summary>The outcome of creating an account: the account and the password it was given, or the errors by field.</summary>
public sealed record AccountCreation(TrialAccessUser? User, string? Password, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>A user as other code sees it: id, names, roles, resource claims (<c>kind:id</c>).</summary>
public sealed record AccountSummary(string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Resources);

/// <summary>Creates accounts and lists them; used by the API, the CLI's demo seeding and the tests.</summary>
public sealed class AccountAdministration(UserManager<TrialAccessUser> users, RoleManager<IdentityRole> roles)
{
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password of 20 characters from an unambiguous alphabet (about 116 bits).</summary>
    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);

    public async Task<AccountCreation> CreateAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(account.UserName))
        {
            errors["userName"] = ["userName is required."];
        }

        foreach (var role in account.Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                errors["roles"] = [$"'{role}' is not a role. Known roles: {string.Join(", ", roles.Roles.Select(r => r.Name).OrderBy(n => n))}."];
            }
        }

        if (errors.Count > 0)
        {
            return new AccountCreation(null, null, errors);
        }

        var password = account.Password ?? GeneratePassword();
        var user = new TrialAccessUser { UserName = account.UserName.Trim(), DisplayName = account.DisplayName.Trim(), Email = account.Email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountCreation(null, null, IdentityErrors(created));
        }

        if (account.Roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, account.Roles.Distinct());
            if (!added.Succeeded)
            {
                await users.DeleteAsync(user);
                return new AccountCreation(null, null, IdentityErrors(added));
            }
        }

        if (account.ResourceClaims is { Count: > 0 } claims)
        {
            await users.AddClaimsAsync(user, claims.Select(c => ResourceClaims.For(c.Kind, c.Id)));
        }

        return new AccountCreation(user, password, new Dictionary<string, string[]>());
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var result = new List<AccountSummary>(all.Count);
        foreach (var user in all)
        {
            result.Add(await SummariseAsync(user));
        }

        return result;
    }

    public async Task<AccountSummary> SummariseAsync(TrialAccessUser user)
    {
        var userRoles = await users.GetRolesAsync(user);
        var claims = await users.GetClaimsAsync(user);
        return new AccountSummary(user.Id, user.UserName ?? "", user.DisplayName, user.Email, userRoles.Order(StringComparer.Ordinal).ToList(), Resources(claims));
    }

    /// <summary>The resource claims among <paramref name="claims"/>, as <c>kind:id</c>.</summary>
    public static IReadOnlyList<string> Resources(IEnumerable<Claim> claims) =>
        claims.Where(c => c.Type.StartsWith(ResourceClaims.Prefix, StringComparison.Ordinal))
            .Select(c => c.Type[ResourceClaims.Prefix.Length..] + ":" + c.Value)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "account")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
