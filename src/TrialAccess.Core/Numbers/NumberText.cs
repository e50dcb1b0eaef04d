using System.Globalization;

namespace TrialAccess.Numbers;

/// <summary>
/// Reads numbers written in text (notes, criteria, form fields) without ever throwing. Regular expressions match
/// <c>\d</c> against every Unicode decimal digit, so a note may hold Arabic-Indic (٣), Devanagari (३) or full-width
/// (３) digits where an ASCII digit was expected: each is read as its value. A number too large for the type, or
/// text that is not a number, gives false, never an exception.
/// </summary>
public static class NumberText
{
    /// <summary>Reads a decimal number (digits, an optional sign, point and thousands separators as <paramref name="styles"/> allows).</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value, NumberStyles styles = NumberStyles.Number) =>
        decimal.TryParse(Ascii(text), styles, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads a whole number.</summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, out int value, NumberStyles styles = NumberStyles.Integer) =>
        int.TryParse(Ascii(text), styles, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads a floating-point number; infinities and NaN are refused.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value, NumberStyles styles = NumberStyles.Float)
    {
        if (double.TryParse(Ascii(text), styles, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The decimal number, or null.</summary>
    public static decimal? DecimalOrNull(ReadOnlySpan<char> text, NumberStyles styles = NumberStyles.Number) =>
        TryParseDecimal(text, out var value, styles) ? value : null;

    /// <summary>The whole number, or null.</summary>
    public static int? IntOrNull(ReadOnlySpan<char> text, NumberStyles styles = NumberStyles.Integer) =>
        TryParseInt(text, out var value, styles) ? value : null;

    /// <summary>
    /// A count written in words, "one" to "twenty" and the tens to "fifty" ("three prior lines", "eighteen months"), or in
    /// digits of any script; null for anything else.
    /// </summary>
    public static int? CountOrNull(string text) => text.ToLowerInvariant() switch
    {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        var digits => IntOrNull(digits, NumberStyles.None),
    };

    /// <summary>The text with every Unicode decimal digit replaced by its ASCII digit (other characters kept).</summary>
    public static string Ascii(ReadOnlySpan<char> text)
    {
        var needed = false;
        foreach (var c in text)
        {
            if (c > '\u007f' && char.IsDigit(c))
            {
                needed = true;
                break;
            }
        }

        if (!needed)
        {
            return text.ToString();
        }

        return string.Create(text.Length, text.ToString(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c > '\u007f' && char.IsDigit(c) ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)) : c;
            }
        });
    }
}
