using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrialAccess.Testing;
using TrialAccess.Web.Pipeline.Demo;
using TrialAccess.Web.Tests.Accounts;

namespace TrialAccess.Web.Tests.Pipeline;

/// <summary>
/// The web app in process over a database holding the demo trials and the demo pipeline (<see cref="PipelineDemo"/>):
/// every demo account has the password <see cref="Password"/>. <see cref="SignInAsync"/> gives a client signed in as one.
/// </summary>
public class PipelineDemoApp : WebApplicationFactory<WebAppOptions>, IAsyncLifetime
{
    public const string Password = "demo-password-for-tests";
    private readonly TempFolder _folder = new();
    private string? _database;

    public DemoSeed Seed { get; private set; } = null!;

    /// <summary>The database the app serves: a SQLite file with the demo trials here; PostgreSQL in the subclass.</summary>
    private protected virtual async Task<string?> CreateDatabaseAsync(TempFolder folder) => await DemoDatabase.CreateAsync(folder);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync(_folder);
        if (_database is null)
        {
            return;
        }

        Seed = await PipelineDemo.SeedAsync(Services, Password, TimeProvider.System) ?? throw new InvalidOperationException("The demo pipeline was already there.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.Configure<WebAppOptions>(options =>
        {
            options.Database = _database ?? throw new InvalidOperationException("The database is not ready.");
            options.RateLimitPermits = 100_000;
        }));
    }

    /// <summary>A new client (cookies kept, redirects not followed) signed in as the demo account <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var id = Seed.Accounts.Single(a => a.UserName == userName);
        await client.SignInAsync(new TestUser("", id.UserName, Password));
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The user id of a demo account (from <c>/api/accounts/me</c>).</summary>
    public async Task<string> UserIdAsync(string userName)
    {
        var client = await SignInAsync(userName);
        return (await client.GetFromJsonAsync<JsonElement>("/api/accounts/me")).GetProperty("id").GetString()!;
    }

    /// <summary>Every project as the administrator sees it (code to row).</summary>
    public async Task<Dictionary<string, JsonElement>> ProjectsAsync()
    {
        var admin = await SignInAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/pipeline/projects");
        return list.EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.Clone());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await DropDatabaseAsync();
        _folder.Dispose();
    }
}

/// <summary>The same on PostgreSQL (trials and modules in one database); nothing is created when PostgreSQL is not configured (the tests skip).</summary>
public sealed class PostgresPipelineDemoApp : PipelineDemoApp
{
    private TestDatabase? _postgres;

    private protected override async Task<string?> CreateDatabaseAsync(TempFolder folder)
    {
        if (TestPostgres.AdminConnectionString is null && !TestPostgres.IsCi)
        {
            return null;
        }

        _postgres = await TestPostgres.CreateDatabaseAsync();
        return _postgres.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

internal static class JsonResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
