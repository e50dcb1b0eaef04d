using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrialAccess.Recruitment.Disclosure;

/// <summary>
/// A count as a viewer may see it: exact, rounded to the nearest 5, or suppressed ("fewer than 5"). Zero is always
/// shown: it reveals nobody.
/// </summary>
/// <param name="Value">The count shown (exact or rounded); null when suppressed.</param>
/// <param name="IsExact">Whether <paramref name="Value"/> is the exact count.</param>
/// <remarks>In JSON a count is a number (exact or rounded) or, when suppressed, the string <c>"&lt;5"</c>.</remarks>
[JsonConverter(typeof(DisclosedCountJsonConverter))]
public readonly record struct DisclosedCount(int? Value, bool IsExact)
{
    public static DisclosedCount Exact(int value) => new(value, true);

    public static DisclosedCount Suppressed => new(null, false);

    public bool IsSuppressed => Value is null;

    /// <summary>"12", "~10" (rounded) or "&lt;5" (suppressed).</summary>
    public override string ToString() => Value switch
    {
        null => "<" + AggregateDisclosure.Threshold.ToString(CultureInfo.InvariantCulture),
        { } v when IsExact || v == 0 => v.ToString(CultureInfo.InvariantCulture),
        { } v => "~" + v.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The rule for figures shown to people who may see aggregates only (neither a manager of the trial nor staff of the
/// site): a count from 1 to 4 is suppressed, any other count is rounded to the nearest 5, and a figure derived from
/// counts (a rate, recruitment to time and target, its band) is computed from the rounded counts and withheld when one
/// of them is suppressed. Rounding every published count, not only the small ones, stops a suppressed cell being
/// recovered by subtracting the others from a total.
/// </summary>
public static class AggregateDisclosure
{
    /// <summary>Counts below this (and above 0) are suppressed.</summary>
    public const int Threshold = 5;

    public static DisclosedCount Disclose(int count, bool exact)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (exact)
        {
            return DisclosedCount.Exact(count);
        }

        if (count == 0)
        {
            return new DisclosedCount(0, false);
        }

        return count < Threshold ? DisclosedCount.Suppressed : new DisclosedCount((int)(Math.Round(count / 5.0, MidpointRounding.AwayFromZero) * 5), false);
    }
}

/// <summary>
/// Who a report is for: whether the study's figures are exact (a manager of the trial, or a trusted host such as the
/// command line) and which sites' figures are exact (the viewer's own sites); everything else follows
/// <see cref="AggregateDisclosure"/>.
/// </summary>
public sealed record ReportAudience(bool StudyExact, IReadOnlySet<string> ExactSites)
{
    public static ReportAudience Full { get; } = new(true, new HashSet<string>());

    public static ReportAudience Aggregate { get; } = new(false, new HashSet<string>());

    public static ReportAudience SiteStaff(IEnumerable<string> siteCodes) => new(false, siteCodes.ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool IsSiteExact(string siteCode) => StudyExact || ExactSites.Contains(siteCode);
}

/// <summary>Writes a <see cref="DisclosedCount"/> as its number, or <c>"&lt;5"</c> when suppressed; reads either back.</summary>
public sealed class DisclosedCountJsonConverter : JsonConverter<DisclosedCount>
{
    public override DisclosedCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? DisclosedCount.Exact(reader.GetInt32()) : DisclosedCount.Suppressed;

    public override void Write(Utf8JsonWriter writer, DisclosedCount value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is { } shown)
        {
            writer.WriteNumberValue(shown);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
