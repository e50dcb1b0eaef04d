using System.Globalization;

namespace TrialAccess.Bench;

/// <summary>The benchmarks' command-line options (<c>--name value</c>) and latency percentiles.</summary>
internal static class BenchArguments
{
    /// <summary>The whole number after <paramref name="name"/>, or <paramref name="fallback"/> when the option is absent.</summary>
    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The text after <paramref name="name"/>, or null when the option is absent.</summary>
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 1) of times sorted in ascending order.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
