using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Storage;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Storage.Recruitment.Demo;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;
using TrialAccess.Web.Accounts;

namespace TrialAccess.Web.Tests.Recruitment;

/// <summary>The demo database with the demo recruitment seeded (three studies, up to today), for the recruitment pages and API.</summary>
internal static class RecruitmentDemoDatabase
{
    public static async Task SeedAsync(StoreLocation location)
    {
        await using var trials = location.Kind == StoreKind.Sqlite ? new SqliteTrialStore(location.Value) : (TrialAccess.Ingestion.ITrialStore)new TrialAccess.Storage.Postgres.PostgresTrialStore(location.Value);
        await trials.InitializeAsync();
        await using var store = await RecruitmentStore.OpenAsync(location, TimeProvider.System);
        store.Actor = "test:seed";
        var reasons = new Dictionary<TrialAccess.Recruitment.Studies.StudyKey, CriterionReasons>();
        foreach (var study in RecruitmentDemo.Studies)
        {
            reasons[study] = await TrialCriteriaReasons.ForAsync(trials, study);
        }

        var workspace = await store.LoadAsync(RecruitmentDemo.Studies);
        RecruitmentDemo.Fill(workspace, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime), s => reasons[s]).IsRefused.Should().BeFalse();
        await store.SaveAsync(workspace);
    }
}

/// <summary>The web app in process over the demo trials and the demo recruitment.</summary>
public sealed class RecruitmentWebApp : WebApplicationFactory<WebAppOptions>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private string? _database;

    public async Task InitializeAsync()
    {
        _database = await DemoDatabase.CreateAsync(_folder);
        await RecruitmentDemoDatabase.SeedAsync(new StoreLocation(StoreKind.Sqlite, _database));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.Configure<WebAppOptions>(options => options.Database = _database ?? throw new InvalidOperationException("The database is not ready.")));
    }

    /// <summary>A signed-in client for a new user with these resource claims (kind, id).</summary>
    public Task<(HttpClient Client, Accounts.TestUser User)> ClientAsync(string userName, params (string Kind, string Id)[] resources) =>
        Accounts.TestAccounts.SignedInClientAsync(this, userName, [], resources);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
