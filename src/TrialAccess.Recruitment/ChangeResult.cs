namespace TrialAccess.Recruitment;

/// <summary>
/// The answer to a request to change recruitment data: done, already so (nothing changed), or refused with the reason.
/// A refused change is an expected outcome (a date out of order, a transition that cannot happen), not an exception.
/// </summary>
public sealed record ChangeResult
{
    private ChangeResult(ChangeKind kind, string? error) => (Kind, Error) = (kind, error);

    public ChangeKind Kind { get; }

    /// <summary>Why the change was refused, in words a trials office can act on; null unless <see cref="Kind"/> is Refused.</summary>
    public string? Error { get; }

    public bool IsRefused => Kind == ChangeKind.Refused;

    public static ChangeResult Changed { get; } = new(ChangeKind.Changed, null);

    public static ChangeResult Unchanged { get; } = new(ChangeKind.Unchanged, null);

    public static ChangeResult Refused(string error) => new(ChangeKind.Refused, error);
}

public enum ChangeKind
{
    Changed,

    /// <summary>The data already said so: importing the same row twice lands here.</summary>
    Unchanged,
    Refused,
}
