using System.CommandLine;
using System.Data.Common;
using TrialAccess.Ingestion;
using TrialAccess.Storage;

namespace TrialAccess.Cli.Commands;

/// <summary>Opens the database a command was pointed at, turning "cannot open" into a message and exit code 1.</summary>
internal static class StoreSession
{
    public static async Task<(ITrialStore? Store, StoreLocation Location)> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var location = TrialStoreFactory.Resolve(parseResult.GetValue(CommonOptions.Database));
        var store = TrialStoreFactory.Create(location);
        try
        {
            await store.InitializeAsync(cancellationToken);
            return (store, location);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            await store.DisposeAsync();
            await Console.Error.WriteLineAsync($"error: cannot open {location.Describe()}: {e.Message}");
            return (null, location);
        }
    }
}
