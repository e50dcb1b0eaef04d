namespace TrialAccess.Pipeline.Common;

/// <summary>
/// Why an action was refused: an expected failure (a decided review edited, a gate passed without its criteria), not
/// a bug. <see cref="Code"/> is stable for programs (<c>review.submitted</c>); <see cref="Message"/> is for people.
/// </summary>
public sealed record Refusal(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>A value, or the refusal that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool IsSuccess => Refusal is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Refuse(string code, string message) => new(default, new Refusal(code, message));

    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal);
}
