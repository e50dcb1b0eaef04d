using System.Diagnostics.CodeAnalysis;

namespace TrialAccess.Trials;

/// <summary>
/// A ClinicalTrials.gov registry identifier such as <c>NCT04280705</c>: the letters NCT followed by digits.
/// </summary>
/// <remarks>
/// The registry issues eight digits. A few third-party corpora carry truncated identifiers (seven digits); they are
/// accepted as they are so that such a record is stored under the identifier its source gives, not silently altered.
/// Comparison is ordinal on the upper-case form.
/// </remarks>
public readonly record struct NctId : IComparable<NctId>
{
    private NctId(string value) => Value = value;

    /// <summary>The identifier in upper case, for example <c>NCT04280705</c>.</summary>
    public string Value { get; }

    /// <summary>Parses an identifier, tolerating surrounding white space and lower case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NctId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var candidate = text.Trim().ToUpperInvariant();
        if (candidate.Length is < 6 or > 12 || !candidate.StartsWith("NCT", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 3; i < candidate.Length; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                return false;
            }
        }

        id = new NctId(candidate);
        return true;
    }

    /// <summary>Parses an identifier that is known to be valid; throws for a programming error.</summary>
    public static NctId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an NCT identifier.");

    public int CompareTo(NctId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
