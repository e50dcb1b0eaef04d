using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Accounts;

/// <summary>
/// The optional OpenID Connect provider: off by default; when configured, the sign-in page offers it and the button
/// sends the browser to the provider's authorization endpoint (code flow with PKCE). The provider is a stub on a
/// loopback port serving only its discovery document.
/// </summary>
public class ExternalSignInTests
{
    [Fact]
    public async Task SignInPage_WithoutProvider_OffersOnlyPasswords()
    {
        await using var app = new DemoWebApp();
        await ((IAsyncLifetime)app).InitializeAsync();

        var page = await app.CreateClient().GetStringAsync("/account/sign-in");

        page.Should().Contain("id=\"sign-in\"").And.NotContain("external-sign-in");
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task SignInPage_WithProvider_RedirectsToItsAuthorizationEndpointWithPkce()
    {
        await using var provider = WebApplication.Create(["--urls", "http://127.0.0.1:0"]);
        provider.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"http://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["jwks_uri"] = issuer + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        provider.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await provider.StartAsync();
        var authority = provider.Urls.Single();

        using var folder = new TempFolder();
        var database = await DemoDatabase.CreateAsync(folder);
        await using var app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], options =>
        {
            options.Database = database;
            options.OpenIdConnect.Authority = authority;
            options.OpenIdConnect.ClientId = "trialaccess-test";
            options.OpenIdConnect.DisplayName = "Example University sign-in";
            options.OpenIdConnect.RequireHttpsMetadata = false;
        });
        await app.StartAsync();
        var client = TestAccounts.CookieClient(new Uri(app.Urls.Single()));

        var page = await client.GetStringAsync("/account/sign-in");
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in?handler=External", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["provider"] = "oidc",
            ["__RequestVerificationToken"] = token,
        }));

        page.Should().Contain("Example University sign-in");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.Should().StartWith(authority + "/authorize?")
            .And.Contain("client_id=trialaccess-test")
            .And.Contain("response_type=code")
            .And.Contain("code_challenge_method=S256")
            .And.Contain(Uri.EscapeDataString("/signin-oidc"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
