using System.Globalization;

namespace TrialAccess.Trials;

public enum AgeUnit
{
    Years,
    Months,
    Weeks,
    Days,
    Hours,
    Minutes,
}

/// <summary>
/// A minimum or maximum age as the registry types it ("18 Years", "6 Months"). Whether the bound is inclusive is
/// not part of the value: ClinicalTrials.gov treats both the minimum and the maximum as inclusive.
/// </summary>
public sealed record AgeLimit
{
    public AgeLimit(decimal value, AgeUnit unit)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An age limit cannot be negative.");
        }

        Value = value;
        Unit = unit;
    }

    public decimal Value { get; }

    public AgeUnit Unit { get; }

    /// <summary>The limit in days, with a year of 365.25 days and a month of 30.44 days.</summary>
    public decimal TotalDays => Unit switch
    {
        AgeUnit.Years => Value * 365.25m,
        AgeUnit.Months => Value * 30.4375m,
        AgeUnit.Weeks => Value * 7m,
        AgeUnit.Days => Value,
        AgeUnit.Hours => Value / 24m,
        AgeUnit.Minutes => Value / 1440m,
    };

    /// <summary>The limit in years (fractional below one year).</summary>
    public decimal TotalYears => TotalDays / 365.25m;

    /// <summary>
    /// Parses the registry's form: a number and a unit ("18 Years", "6 months", "17.5 Year"). "N/A", empty and
    /// absent mean no limit and give <see langword="null"/> with success.
    /// </summary>
    public static bool TryParse(string? text, out AgeLimit? limit)
    {
        limit = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var number = space < 0 ? trimmed : trimmed[..space];
        var unitText = space < 0 ? "years" : trimmed[(space + 1)..].Trim().ToLowerInvariant();
        if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        AgeUnit? unit = unitText.TrimEnd('s') switch
        {
            "year" or "yr" or "y" => AgeUnit.Years,
            "month" or "mo" => AgeUnit.Months,
            "week" or "wk" => AgeUnit.Weeks,
            "day" or "d" => AgeUnit.Days,
            "hour" or "hr" or "h" => AgeUnit.Hours,
            "minute" or "min" => AgeUnit.Minutes,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        limit = new AgeLimit(value, unit.Value);
        return true;
    }

    /// <summary>The registry's form, "18 Years".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value:0.##} {Unit}");
}
