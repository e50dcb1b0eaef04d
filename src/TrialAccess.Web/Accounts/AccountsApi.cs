using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Web.Hosting;

namespace TrialAccess.Web.Accounts;

/// <summary>
/// <c>/api/accounts</c>: who is signed in (any account), and the accounts themselves (administrators). Anonymous
/// requests get 401 problem details, other roles 403.
/// </summary>
public static class AccountsApi
{
    /// <summary>The signed-in user: id, names, roles and resource claims (<c>kind:id</c>).</summary>
    public sealed record Me(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Resources);

    /// <summary>An account to create. Without <c>password</c> one is generated and returned once.</summary>
    public sealed record CreateAccountRequest(string UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Resources);

    /// <summary>A created account, with its password when it was generated (shown only in this response).</summary>
    public sealed record CreatedAccount(AccountSummary Account, string? GeneratedPassword);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization().RequireRateLimiting(RateLimiting.ApiPolicy);
        group.MapGet("/me", GetMe).WithName("GetMe").WithSummary("The signed-in user, roles and resource claims");
        var admin = group.MapGroup("/users").RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
        admin.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("All accounts (administrators)");
        admin.MapPost("/", CreateAsync).WithName("CreateAccount").WithSummary("Create an account (administrators)");
        return app;
    }

    internal static Ok<Me> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new Me(
        user.UserId() ?? "",
        user.Identity?.Name ?? "",
        user.FindFirstValue(DisplayNameClaims.ClaimType) ?? user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        AccountAdministration.Resources(user.Claims)));

    internal static async Task<Ok<IReadOnlyList<AccountSummary>>> ListAsync(AccountAdministration accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ListAsync(cancellationToken));

    internal static async Task<Results<Created<CreatedAccount>, ValidationProblem>> CreateAsync(CreateAccountRequest request, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        var resources = new List<(string, string)>();
        foreach (var resource in request.Resources ?? [])
        {
            var parts = resource.Split(':', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["resources"] = [$"'{resource}' is not kind:id (for example site:12)."] });
            }

            resources.Add((parts[0], parts[1]));
        }

        var creation = await accounts.CreateAsync(new NewAccount(request.UserName ?? "", request.DisplayName ?? request.UserName ?? "", request.Email, request.Password, request.Roles ?? [], resources), cancellationToken);
        if (!creation.Succeeded)
        {
            return TypedResults.ValidationProblem(creation.Errors);
        }

        var summary = await accounts.SummariseAsync(creation.User!);
        return TypedResults.Created($"/api/accounts/users/{summary.Id}", new CreatedAccount(summary, request.Password is null ? creation.Password : null));
    }
}
