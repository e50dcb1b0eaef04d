using Microsoft.AspNetCore.Builder;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests;

/// <summary>The web app on a real loopback port (Kestrel, a free port) over a demo database, for browsers and raw HTTP.</summary>
public class KestrelDemoApp : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var database = await DemoDatabase.CreateAsync(_folder);
        await AddTrialsAsync(database);
        _app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], options =>
        {
            options.Database = database;
            Configure(options);
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>Settings beyond the database (CORS origins, the FHIR base path); none here.</summary>
    protected virtual void Configure(WebAppOptions options)
    {
    }

    /// <summary>Adds trials to the demo database before the app starts; none here.</summary>
    protected virtual Task AddTrialsAsync(string database) => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
