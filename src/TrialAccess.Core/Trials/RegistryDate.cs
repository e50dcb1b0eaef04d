using System.Globalization;

namespace TrialAccess.Trials;

/// <summary>
/// Reads the registry's date forms: ISO ("2024-12-16", "2024-12", "2024") from API v2 and English ("June 20, 2007",
/// "September 2004") from the legacy XML. A month-precision date becomes the first of that month.
/// </summary>
public static class RegistryDate
{
    private static readonly string[] EnglishFormats = ["MMMM d, yyyy", "MMMM yyyy", "MMM d, yyyy", "MMM yyyy", "yyyy"];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (char.IsAsciiDigit(trimmed[0]))
        {
            var parts = trimmed.Split('-');
            if (parts.Length is >= 1 and <= 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && year is >= 1000 and <= 9999)
            {
                var month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 1;
                var day = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 1;
                if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                {
                    date = new DateOnly(year, month, day);
                    return true;
                }
            }

            return false;
        }

        if (DateTime.TryParseExact(trimmed, EnglishFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        return false;
    }

    public static DateOnly? ParseOrNull(string? text) => TryParse(text, out var date) ? date : null;
}
