using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TrialAccess.Testing;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Tests.Accounts;

/// <summary>The same sign-in on PostgreSQL: migrations applied at start-up, a user signs in, the API knows them.</summary>
public class PostgresSignInTests
{
    [PostgresFact]
    public async Task SignIn_OnPostgres_MigratesAndSignsIn()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], options => options.Database = database.ConnectionString);
        await app.StartAsync();
        var client = TestAccounts.CookieClient(new Uri(app.Urls.Single()));
        var user = await app.Services.CreateUserAsync("pg-chair", [Roles.Chair]);

        (await client.GetAsync("/api/accounts/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await client.SignInAsync(user);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/accounts/me");

        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Chair);
        await app.StopAsync();
    }
}
