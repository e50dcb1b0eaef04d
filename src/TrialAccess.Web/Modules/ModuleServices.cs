namespace TrialAccess.Web.Modules;

/// <summary>
/// The web host's services for a command-line command that works on a module (create accounts, seed the pipeline):
/// the same composition as <c>serve</c>, with every module's migrations applied, and no port bound.
/// </summary>
public sealed class ModuleServices : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModuleServices(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>The database the modules use, safe to print.</summary>
    public string Describe() => Services.GetRequiredService<ModuleDatabaseLocation>().Location.Describe();

    /// <summary>Builds the composition on <paramref name="database"/> (as <c>--db</c>) and migrates every module.</summary>
    public static async Task<ModuleServices> OpenAsync(string? database, CancellationToken cancellationToken)
    {
        var app = WebApp.Build(["--environment", "Production", "--Logging:LogLevel:Default=Warning"], options => options.Database = database);
        var location = app.Services.GetRequiredService<ModuleDatabaseLocation>().Location;
        try
        {
            foreach (var schema in app.Services.GetServices<IModuleSchema>())
            {
                await schema.MigrateAsync(location, app.Services, cancellationToken);
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ModuleServices(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
