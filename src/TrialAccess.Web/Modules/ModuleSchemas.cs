using Microsoft.Extensions.Options;
using TrialAccess.Storage;

namespace TrialAccess.Web.Modules;

/// <summary>
/// A module's part of the database (accounts, pipeline, recruitment): brought up to its latest migration when the
/// host starts, in the order the modules were registered. Each module keeps its own migrations history table, so
/// one module's migrations never touch another's.
/// </summary>
public interface IModuleSchema
{
    /// <summary>Applies the module's pending migrations (and whatever reference rows it needs) to <paramref name="location"/>.</summary>
    Task MigrateAsync(StoreLocation location, IServiceProvider services, CancellationToken cancellationToken);
}

public static class ModuleSchemaRegistration
{
    /// <summary>Registers a module schema and, once, the start-up service that migrates all of them.</summary>
    public static IServiceCollection AddModuleSchema<TSchema>(this IServiceCollection services)
        where TSchema : class, IModuleSchema
    {
        services.AddSingleton<IModuleSchema, TSchema>();
        if (!services.Any(d => d.ImplementationType == typeof(ModuleSchemaMigration)))
        {
            services.AddHostedService<ModuleSchemaMigration>();
        }

        return services;
    }
}

/// <summary>The database the modules' contexts use: the one the trial store serves (<c>--db</c>, <c>TRIALACCESS_DB</c> or the default file).</summary>
public sealed class ModuleDatabaseLocation(IOptions<WebAppOptions> options)
{
    public StoreLocation Location { get; } = TrialStoreFactory.Resolve(options.Value.Database);
}

/// <summary>
/// Runs every registered <see cref="IModuleSchema"/> before the host serves requests. A database that cannot be
/// opened does not stop the host (the trial pages answer 500 in that case, as before): the failure is logged and the
/// module's requests fail until the host restarts on a working database.
/// </summary>
internal sealed partial class ModuleSchemaMigration(IEnumerable<IModuleSchema> schemas, ModuleDatabaseLocation database, IServiceProvider services, ILogger<ModuleSchemaMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in schemas)
        {
            try
            {
                await schema.MigrateAsync(database.Location, services, cancellationToken);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                LogMigrationFailed(logger, schema.GetType().Name, database.Location.Describe(), e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Could not migrate {Schema} on {Database}; its pages and API will fail until the database is fixed.")]
    private static partial void LogMigrationFailed(ILogger logger, string schema, string database, Exception exception);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
