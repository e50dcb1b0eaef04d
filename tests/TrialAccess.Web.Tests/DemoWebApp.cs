using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;
using TrialAccess.Web;

namespace TrialAccess.Web.Tests;

/// <summary>A SQLite file seeded with the demo set (16 fictional trials, NCT99000001..16).</summary>
internal static class DemoDatabase
{
    public static async Task<string> CreateAsync(TempFolder folder)
    {
        var path = folder.File("demo.db");
        await using var store = new SqliteTrialStore(path);
        await store.InitializeAsync();
        await using var demo = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Demo", "demo-trials.json"));
        var report = await new TrialAccess.Ingestion.TrialIngestor(store).IngestAsync(TrialSources.ReadStreamAsync(demo, "demo-trials.json"));
        report.New.Should().Be(16);
        return path;
    }
}

/// <summary>The web app in process (TestServer) on a demo database, with every log message captured.</summary>
public class DemoWebApp : WebApplicationFactory<WebAppOptions>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private string? _database;

    public ConcurrentQueue<string> Logs { get; } = new();

    protected virtual void Configure(WebAppOptions options)
    {
    }

    public async Task InitializeAsync() => _database = await DemoDatabase.CreateAsync(_folder);

    /// <summary>
    /// Seeds the demo pipeline (its accounts sign in with <see cref="Pipeline.PipelineDemoApp.Password"/>) and the demo
    /// recruitment into the app's database, for tests that need signed-in users; false when the app has no usable database.
    /// </summary>
    public virtual async Task<bool> SeedSignInDemoAsync()
    {
        await Recruitment.RecruitmentDemoDatabase.SeedAsync(new TrialAccess.Storage.StoreLocation(TrialAccess.Storage.StoreKind.Sqlite, _database ?? throw new InvalidOperationException("The demo database is not ready.")));
        _ = await TrialAccess.Web.Pipeline.Demo.PipelineDemo.SeedAsync(Services, Pipeline.PipelineDemoApp.Password, TimeProvider.System) ?? throw new InvalidOperationException("The demo pipeline was already there.");
        return true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.Configure<WebAppOptions>(options =>
        {
            options.Database = _database ?? throw new InvalidOperationException("The demo database is not ready.");
            Configure(options);
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>The same app with a rate limit of 3 requests per minute (API and pages), to see the 4th refused.</summary>
public sealed class RateLimitedDemoWebApp : DemoWebApp
{
    protected override void Configure(WebAppOptions options)
    {
        options.RateLimitPermits = 3;
        options.PageRateLimitPermits = 3;
        options.RateLimitWindowSeconds = 60;
    }
}

/// <summary>The app with limits far above what a fuzz test sends in a few seconds.</summary>
public sealed class UnlimitedDemoWebApp : DemoWebApp
{
    protected override void Configure(WebAppOptions options)
    {
        options.RateLimitPermits = 1_000_000;
        options.PageRateLimitPermits = 1_000_000;
    }
}

/// <summary>The app pointed at a database it cannot open (a folder), to see how it fails.</summary>
public class BrokenDatabaseWebApp : DemoWebApp
{
    protected override void Configure(WebAppOptions options) => options.Database = Path.GetTempPath();

    /// <summary>Nothing can be seeded: every sign-in fails and every request stays anonymous.</summary>
    public override Task<bool> SeedSignInDemoAsync() => Task.FromResult(false);
}

/// <summary>The broken app with limits far above what a test sends, so that every request reaches it.</summary>
public sealed class UnlimitedBrokenDatabaseWebApp : BrokenDatabaseWebApp
{
    protected override void Configure(WebAppOptions options)
    {
        base.Configure(options);
        options.RateLimitPermits = 1_000_000;
        options.PageRateLimitPermits = 1_000_000;
    }
}
