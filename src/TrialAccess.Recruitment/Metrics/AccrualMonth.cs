using System.Globalization;

namespace TrialAccess.Recruitment.Metrics;

/// <summary>A calendar month, the unit of accrual reporting (UKCRD reports monthly).</summary>
public readonly record struct AccrualMonth(int Year, int Month) : IComparable<AccrualMonth>
{
    public static AccrualMonth Of(DateOnly day) => new(day.Year, day.Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public AccrualMonth Next => Of(FirstDay.AddMonths(1));

    public AccrualMonth Previous => Of(FirstDay.AddMonths(-1));

    /// <summary>Months from this one to <paramref name="other"/> (0 for the same month).</summary>
    public int MonthsUntil(AccrualMonth other) => ((other.Year - Year) * 12) + other.Month - Month;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<AccrualMonth> Range(AccrualMonth from, AccrualMonth to)
    {
        for (var month = from; month.CompareTo(to) <= 0; month = month.Next)
        {
            yield return month;
        }
    }

    public int CompareTo(AccrualMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>Participants recruited in one month.</summary>
public sealed record MonthlyAccrual(AccrualMonth Month, int Recruited);

public static class Accrual
{
    /// <summary>The length of a month in accrual-per-site-per-month figures: 365.25 ÷ 12 days.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>
    /// Recruitment per calendar month from <paramref name="from"/> to the month of <paramref name="asOf"/>, zeros
    /// included; recruitment dates after <paramref name="asOf"/> are not counted.
    /// </summary>
    public static IReadOnlyList<MonthlyAccrual> PerMonth(IEnumerable<DateOnly> recruitedOn, AccrualMonth from, DateOnly asOf)
    {
        var counts = recruitedOn.Where(d => d <= asOf).GroupBy(AccrualMonth.Of).ToDictionary(g => g.Key, g => g.Count());
        var to = AccrualMonth.Of(asOf);
        if (counts.Count > 0 && counts.Keys.Min().CompareTo(from) < 0)
        {
            from = counts.Keys.Min();
        }

        return from.CompareTo(to) > 0 ? [] : [.. AccrualMonth.Range(from, to).Select(m => new MonthlyAccrual(m, counts.GetValueOrDefault(m)))];
    }

    /// <summary>
    /// Days a site was open to recruitment up to <paramref name="asOf"/>: from its opening to its closing (or the
    /// reporting date), both days counted; 0 when not opened by then.
    /// </summary>
    public static int DaysOpen(DateOnly? opened, DateOnly? closed, DateOnly asOf)
    {
        if (opened is not { } from || from > asOf)
        {
            return 0;
        }

        var to = closed is { } c && c < asOf ? c : asOf;
        return Math.Max(0, to.DayNumber - from.DayNumber + 1);
    }

    /// <summary>Participants recruited ÷ site-months open; null when no site-month has passed.</summary>
    public static double? PerSitePerMonth(int recruited, double siteMonths) => siteMonths <= 0 ? null : recruited / siteMonths;
}
