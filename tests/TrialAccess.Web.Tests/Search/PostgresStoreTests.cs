using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Postgres;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Search;

/// <summary>The API on PostgreSQL, where one pooled store is shared by all requests.</summary>
public class PostgresStoreTests
{
    [PostgresFact]
    public async Task Api_OnPostgres_AnswersConcurrentRequestsFromTheSharedStore()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using (var store = new PostgresTrialStore(database.ConnectionString))
        {
            await store.InitializeAsync();
            await using var demo = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Demo", "demo-trials.json"));
            await new TrialIngestor(store).IngestAsync(TrialSources.ReadStreamAsync(demo, "demo-trials.json"));
        }

        await using var app = new WebApplicationFactory<WebAppOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.Configure<WebAppOptions>(o => o.Database = database.ConnectionString));
        });
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.GetAsync(i % 2 == 0 ? "/api/trials?q=lung&near=Boston" : $"/api/trials/NCT990000{i % 16 + 1:00}")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var search = JsonDocument.Parse(await responses[0].Content.ReadAsStringAsync()).RootElement;
        search.GetProperty("trials")[0].GetProperty("nctId").GetString().Should().Be("NCT99000001");
        (await client.GetAsync("/api/trials/NCT00000000")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
