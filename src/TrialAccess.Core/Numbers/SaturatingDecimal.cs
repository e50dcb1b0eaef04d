namespace TrialAccess.Numbers;

/// <summary>
/// Decimal arithmetic that cannot overflow: a result beyond what <see cref="decimal"/> holds is clamped to
/// ±<see cref="Limit"/>, which compares correctly against every threshold a criterion or a laboratory writes. Patient
/// values and limits come from people and files (a value of 1,000,000 against an upper limit of normal of 1e-25), so
/// a comparison must never throw <see cref="OverflowException"/>.
/// </summary>
public static class SaturatingDecimal
{
    /// <summary>The magnitude results are clamped to: half of <see cref="decimal.MaxValue"/>, so that the test for overflow is exact despite rounding.</summary>
    public static readonly decimal Limit = decimal.MaxValue / 2;

    /// <summary><paramref name="a"/> × <paramref name="b"/>, clamped to ±<see cref="Limit"/>.</summary>
    public static decimal Multiply(decimal a, decimal b)
    {
        var absA = Math.Abs(a);
        var absB = Math.Abs(b);
        if (absA <= 1 || absB <= 1 || absA <= Limit / absB)
        {
            return Clamp(a * b);
        }

        return Math.Sign(a) * Math.Sign(b) * Limit;
    }

    /// <summary><paramref name="a"/> ÷ <paramref name="b"/>, clamped to ±<see cref="Limit"/>; null when <paramref name="b"/> is zero.</summary>
    public static decimal? Divide(decimal a, decimal b)
    {
        if (b == 0)
        {
            return null;
        }

        var absA = Math.Abs(a);
        var absB = Math.Abs(b);
        if (absB >= 1 || absA <= Limit * absB)
        {
            return Clamp(a / b);
        }

        return Math.Sign(a) * Math.Sign(b) * Limit;
    }

    private static decimal Clamp(decimal value) => value > Limit ? Limit : value < -Limit ? -Limit : value;
}
