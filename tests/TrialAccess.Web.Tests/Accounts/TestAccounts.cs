using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Tests.Accounts;

/// <summary>A user created for a test, with the password it was given.</summary>
public sealed record TestUser(string Id, string UserName, string Password);

/// <summary>
/// How tests sign in as a given user on the real host: create the account through the app's own
/// <see cref="AccountAdministration"/> (roles and resource claims such as <c>("site", "12")</c>), then post the real
/// sign-in form (antiforgery token included) with a client that keeps cookies. Works for the in-process app
/// (<see cref="WebApplicationFactory{TEntryPoint}"/>) and for a Kestrel host (a client with a cookie container).
/// </summary>
public static partial class TestAccounts
{
    public static async Task<TestUser> CreateUserAsync(this IServiceProvider services, string userName, IReadOnlyList<string> roles, params (string Kind, string Id)[] resources)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var creation = await accounts.CreateAsync(new NewAccount(userName, "Test " + userName, null, null, roles, resources));
        creation.Succeeded.Should().BeTrue(string.Join("; ", creation.Errors.SelectMany(e => e.Value)));
        return new TestUser(creation.User!.Id, userName, creation.Password!);
    }

    /// <summary>Signs <paramref name="client"/> in as <paramref name="user"/> through <c>/account/sign-in</c>; the client must keep cookies.</summary>
    public static async Task SignInAsync(this HttpClient client, TestUser user)
    {
        var response = await client.PostSignInFormAsync(user.UserName, user.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the sign-in form as a browser would (reads the antiforgery token from the page first).</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/sign-in");
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/> (the cookie lands in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var match = AntiforgeryField().Match(page);
        match.Success.Should().BeTrue($"{path} should carry an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A new client of the in-process app (cookies kept, redirects not followed) signed in as a new user with <paramref name="roles"/>.</summary>
    public static async Task<(HttpClient Client, TestUser User)> SignedInClientAsync<T>(this WebApplicationFactory<T> app, string userName, IReadOnlyList<string> roles, params (string Kind, string Id)[] resources)
        where T : class
    {
        var user = await app.Services.CreateUserAsync(userName, roles, resources);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(user);
        return (client, user);
    }

    /// <summary>A client of a host on a real port that keeps cookies and does not follow redirects.</summary>
    public static HttpClient CookieClient(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
