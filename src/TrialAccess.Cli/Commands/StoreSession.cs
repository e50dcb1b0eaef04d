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

    /// <summary>
    /// Reads every stored trial into memory, saying on standard error which database; null (exit code 1 for the
    /// caller) when the database cannot be opened.
    /// </summary>
    public static async Task<List<Trials.ClinicalTrial>?> ReadAllTrialsAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (store, location) = await OpenAsync(parseResult, cancellationToken);
        if (store is null)
        {
            return null;
        }

        List<Trials.ClinicalTrial> trials = [];
        await using (store)
        {
            await Console.Error.WriteLineAsync($"database: {location.Describe()}");
            await foreach (var trial in store.ReadAllAsync(cancellationToken))
            {
                trials.Add(trial);
            }
        }

        return trials;
    }

    /// <summary>
    /// Reads one stored trial by the id the user typed: a malformed id, a database that cannot be opened and an unknown
    /// trial are reported on standard error and give null (exit code 1 for the caller).
    /// </summary>
    public static async Task<Trials.ClinicalTrial?> FindTrialAsync(ParseResult parseResult, string? text, CancellationToken cancellationToken)
    {
        if (!Trials.NctId.TryParse(text, out var nctId))
        {
            await Console.Error.WriteLineAsync($"error: '{text}' is not an NCT id (for example NCT04280705)");
            return null;
        }

        var (store, _) = await OpenAsync(parseResult, cancellationToken);
        if (store is null)
        {
            return null;
        }

        await using (store)
        {
            var trial = await store.FindAsync(nctId, cancellationToken);
            if (trial is null)
            {
                await Console.Error.WriteLineAsync($"error: {nctId} is not in the database");
            }

            return trial;
        }
    }
}
