using TrialAccess.Trials;

namespace TrialAccess.Ingestion;

/// <summary>What an ingest did with one incoming record.</summary>
public enum IngestOutcome
{
    /// <summary>The trial was not stored before; the record was added.</summary>
    New,

    /// <summary>The record is a later version of a stored trial and replaced it.</summary>
    Updated,

    /// <summary>The stored version is as recent or more recent; nothing was written.</summary>
    Unchanged,
}

/// <summary>
/// Decides which of two versions of one trial is kept when it arrives from several sources or several runs.
/// </summary>
/// <remarks>
/// The version with the later last-update date wins. A version without a date never replaces a dated one, and
/// between two versions with the same date (or both undated) the stored one stays, so that running the same ingest
/// twice, or again after an interruption, writes nothing the second time and ends in the same state.
/// </remarks>
public static class TrialVersionPolicy
{
    /// <param name="storedLastUpdate">The stored version's last-update date; null if it has none.</param>
    /// <param name="isStored">Whether any version is stored.</param>
    /// <param name="incoming">The incoming version.</param>
    /// <param name="replaceEqual">Replace a stored version with the same date too (a deliberate re-read).</param>
    public static IngestOutcome Decide(bool isStored, DateOnly? storedLastUpdate, ClinicalTrial incoming, bool replaceEqual = false)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (!isStored)
        {
            return IngestOutcome.New;
        }

        var incomingDate = incoming.Dates.LastUpdate;
        return (storedLastUpdate, incomingDate) switch
        {
            (_, null) => replaceEqual && storedLastUpdate is null ? IngestOutcome.Updated : IngestOutcome.Unchanged,
            (null, not null) => IngestOutcome.Updated,
            var (stored, next) when next > stored => IngestOutcome.Updated,
            var (stored, next) when next == stored && replaceEqual => IngestOutcome.Updated,
            _ => IngestOutcome.Unchanged,
        };
    }
}
