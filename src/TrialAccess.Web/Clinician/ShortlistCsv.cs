using System.Text;

namespace TrialAccess.Web.Clinician;

/// <summary>
/// A shortlist as CSV (RFC 4180): a header row, one row per trial, comma-separated, every field quoted when it holds a
/// comma, a quote or a line break, lines ending CRLF; lists (criteria, questions) are one field, one item per line. A
/// field that a spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return) is prefixed
/// with an apostrophe, since trial text comes from outside.
/// </summary>
public static class ShortlistCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
        ["rank", "nct_id", "title", "verdict", "status", "nearest_recruiting_site", "distance_km", "criteria_not_met", "criteria_presumed", "criteria_unknown", "what_to_ask"];

    public static string Write(Shortlist shortlist)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var e in shortlist.Entries)
        {
            Row(csv,
            [
                e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.NctId.ToString(),
                e.Title,
                e.Verdict,
                e.Status,
                e.NearestSite ?? "",
                Shortlist.Km(e.DistanceKm),
                string.Join('\n', e.NotMet),
                string.Join('\n', e.Presumed),
                string.Join('\n', e.Unknown),
                string.Join('\n', e.Questions),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The file's bytes: UTF-8 with a byte order mark, so that spreadsheets read accents right.</summary>
    public static byte[] Bytes(Shortlist shortlist) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(shortlist))];

    /// <summary>One field as written: defused if a spreadsheet would run it, quoted if it needs to be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) => csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
}
