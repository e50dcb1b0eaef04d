using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>A performance-status range on one scale: "ECOG 0-1", "Karnofsky >= 70%", "Lansky >= 50".</summary>
/// <param name="Minimum">Inclusive lower bound, or null.</param>
/// <param name="Maximum">Inclusive upper bound, or null.</param>
public sealed record PerformanceStatusConstraint(PerformanceScale Scale, int? Minimum, int? Maximum) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.PerformanceStatus;

    public override string Describe() => $"{Scale} {(Minimum, Maximum) switch
    {
        ({ } lo, { } hi) when lo == hi => $"{lo}",
        ({ } lo, { } hi) => $"{lo}-{hi}",
        ({ } lo, null) => $">= {lo}",
        (null, { } hi) => $"<= {hi}",
        _ => "any",
    }}";

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var sameScale = patient.PerformanceStatuses.Where(p => p.Scale == Scale).OrderBy(p => p.AssessedOn ?? DateOnly.MinValue).LastOrDefault();
        if (sameScale is not null)
        {
            return ConstraintCheck.Of(Admits(sameScale.Value), $"{Scale} {sameScale.Value}");
        }

        // ECOG and Karnofsky convert on the usual correspondence (ECOG 0 = KPS 90-100, 1 = 70-80, 2 = 50-60, 3 = 30-40, 4 = 10-20).
        var other = patient.PerformanceStatuses.OrderBy(p => p.AssessedOn ?? DateOnly.MinValue).LastOrDefault(p => p.Scale != Scale);
        if (other is not null && Convert(other, Scale) is { } converted)
        {
            var (low, high) = converted;
            if (Admits(low) && Admits(high))
            {
                return ConstraintCheck.Met($"{other.Scale} {other.Value} (about {Scale} {low}-{high})");
            }

            if (!Admits(low) && !Admits(high))
            {
                return ConstraintCheck.NotMet($"{other.Scale} {other.Value} (about {Scale} {low}-{high})");
            }
        }

        return ConstraintCheck.Unknown($"What is the patient's {Scale} performance status?", "no performance status recorded");
    }

    private bool Admits(int value) => (Minimum is null || value >= Minimum) && (Maximum is null || value <= Maximum);

    private static (int Low, int High)? Convert(PerformanceStatus status, PerformanceScale to)
    {
        // Lansky's play-performance scale is Karnofsky's for children, on the same 0-100 steps.
        if (status.Scale is PerformanceScale.Karnofsky or PerformanceScale.Lansky && to is PerformanceScale.Karnofsky or PerformanceScale.Lansky)
        {
            return (status.Value, status.Value);
        }

        var ecog = status.Scale == PerformanceScale.Ecog ? status.Value : status.Value switch
        {
            >= 90 => 0,
            >= 70 => 1,
            >= 50 => 2,
            >= 30 => 3,
            > 0 => 4,
            _ => 5,
        };
        return to switch
        {
            PerformanceScale.Ecog => (ecog, ecog),
            _ => ecog switch
            {
                0 => (90, 100),
                1 => (70, 80),
                2 => (50, 60),
                3 => (30, 40),
                4 => (10, 20),
                _ => (0, 0),
            },
        };
    }
}

/// <summary>Reads ECOG/WHO/Zubrod, Karnofsky and Lansky statements: "ECOG 0-1", "ECOG PS ≤ 2", "KPS ≥ 70%", "Lansky 50-100".</summary>
public static partial class PerformanceStatusParser
{
    public static void Parse(CriterionContext c)
    {
        var any = false;
        for (var m = Scale().Match(c.Text); m.Success; m = m.NextMatch())
        {
            var scale = ScaleOf(m.Groups["scale"].Value);
            var rest = c.Text[(m.Index + m.Length)..];
            if (ReadRange(rest, scale) is { } range)
            {
                c.Add(new PerformanceStatusConstraint(scale, range.Min, range.Max) { Span = CriterionContext.Span(m.Index, m.Index + m.Length + range.Length) });
                any = true;
            }
            else if (LevelList().Match(c.Text[..m.Index]) is { Success: true } before && before.Index + before.Length >= m.Index - 25)
            {
                var values = Regex.Matches(before.Value, @"\d+").Select(v => Level(v.Value)).ToList();
                c.Add(new PerformanceStatusConstraint(scale, values.Min(), values.Max()) { Span = CriterionContext.Span(before.Index, m.Index + m.Length) });
                any = true;
            }
        }

        if (!any && (c.SectionIs("performance status") || c.Lower.Contains("performance status", StringComparison.Ordinal)))
        {
            var scale = c.Lower.Contains("karnofsky", StringComparison.Ordinal) ? PerformanceScale.Karnofsky : PerformanceScale.Ecog;
            var at = c.Lower.IndexOf("performance status", StringComparison.Ordinal);
            var from = at < 0 ? 0 : at + "performance status".Length;
            if (ReadRange(c.Text[from..], scale) is { } range)
            {
                var values = range.Max ?? range.Min ?? 0;
                if (values > 5)
                {
                    scale = PerformanceScale.Karnofsky;
                }

                c.Add(new PerformanceStatusConstraint(scale, range.Min, range.Max) { Span = CriterionContext.Span(Math.Max(0, at), from + range.Length) });
            }
        }
    }

    private static PerformanceScale ScaleOf(string word)
    {
        var w = word.ToLowerInvariant();
        return w.StartsWith('k') ? PerformanceScale.Karnofsky : w.StartsWith('l') ? PerformanceScale.Lansky : PerformanceScale.Ecog;
    }

    /// <summary>A score as written; digits beyond any scale (or too many to hold) read as a value no scale admits.</summary>
    private static int Level(string digits) => Numbers.NumberText.IntOrNull(digits) ?? int.MaxValue;

    private static (int? Min, int? Max, int Length)? ReadRange(string rest, PerformanceScale scale)
    {
        var m = Range().Match(rest);
        if (!m.Success)
        {
            return null;
        }

        var limit = scale == PerformanceScale.Ecog ? 5 : 100;
        if (m.Groups["lo"].Success && m.Groups["hi"].Success)
        {
            var lo = Level(m.Groups["lo"].Value);
            var hi = Level(m.Groups["hi"].Value);
            if (m.Groups["list"].Success)
            {
                var all = Regex.Matches(m.Groups["list"].Value, @"\d+").Select(v => Level(v.Value)).Append(lo).Append(hi).ToList();
                lo = all.Min();
                hi = all.Max();
            }

            return lo <= limit && hi <= limit ? (Math.Min(lo, hi), Math.Max(lo, hi), m.Index + m.Length) : null;
        }

        var value = Level(m.Groups["num"].Value);
        if (value > limit)
        {
            return null;
        }

        var comparison = m.Groups["op"].Success ? CriterionContext.ParseComparison(m.Groups["op"].Value) : CriterionContext.ParseTrailing(m.Groups["tail"].Value);
        return comparison switch
        {
            Comparison.AtLeast => (value, null, m.Index + m.Length),
            Comparison.GreaterThan => (value + (scale == PerformanceScale.Ecog ? 1 : 10), null, m.Index + m.Length),
            Comparison.AtMost => (null, value, m.Index + m.Length),
            Comparison.LessThan => (null, value - (scale == PerformanceScale.Ecog ? 1 : 10), m.Index + m.Length),
            _ => (value, value, m.Index + m.Length),
        };
    }

    [GeneratedRegex(@"\b(?<scale>ECOG|Eastern\s+Cooperative\s+Oncology\s+Group|WHO(?=\s+(?:performance|PS\b))|Zubrod|Karnofsky|KPS|(?-i:KI)|Lansky|LPS)(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scale();

    [GeneratedRegex(@"\G[^.;\d]{0,60}?(?:(?<lo>\d{1,3})\s*%?\s*(?<list>(?:,\s*\d{1,3}\s*)*)(?:-|–|to|or|and|,|/|through)\s*(?<hi>\d{1,3})(?!\d)|" + CriterionContext.Operator + @"\s*(?<num>\d{1,3})(?!\d)|(?<num>\d{1,3})(?!\d)\s*%?(?<tail>\s*(?:or|and)\s+\w+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?:\b[0-5]\s*(?:,|or|-|–|to)\s*)+[0-5]\s+(?:on|by|according\s+to|per)?\s*(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LevelList();
}
