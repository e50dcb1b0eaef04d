using TrialAccess.Trials;

namespace TrialAccess.Ingestion;

/// <summary>Why a record or file could not be read: which source, which field, what was wrong.</summary>
/// <param name="Source">The file (and, inside an archive or array, the entry or position), as the user named it.</param>
/// <param name="Field">The field at fault in the source's own naming, or null when the file as a whole is unreadable.</param>
/// <param name="Message">What was wrong, in words a user can act on.</param>
public sealed record TrialReadError(string Source, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Source}: {Message}" : $"{Source}: {Field}: {Message}";
}

/// <summary>The result of reading one record: either a trial or the reason it could not be read.</summary>
public readonly record struct TrialReadResult
{
    private TrialReadResult(ClinicalTrial? trial, TrialReadError? error)
    {
        Trial = trial;
        Error = error;
    }

    public ClinicalTrial? Trial { get; }

    public TrialReadError? Error { get; }

    public bool IsSuccess => Trial is not null;

    public static TrialReadResult Success(ClinicalTrial trial) => new(trial ?? throw new ArgumentNullException(nameof(trial)), null);

    public static TrialReadResult Failure(string source, string? field, string message) => new(null, new TrialReadError(source, field, message));

    public static TrialReadResult Failure(TrialReadError error) => new(null, error);
}
