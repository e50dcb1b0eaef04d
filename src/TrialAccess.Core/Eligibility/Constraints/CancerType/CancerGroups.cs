using System.Text.RegularExpressions;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// The groups of a cancer's own scale that a criterion names beside the cancer: its risk group ("intermediate-2 or
/// high-risk MDS"), its grade ("low-grade serous carcinoma") and its phase ("CML in chronic phase"), read with the same
/// patterns as a patient's note and a trial's titles (<see cref="RiskGroups"/>, <see cref="GradeAndPhase"/>).
/// </summary>
/// <remarks>
/// Only the clause around the cancer's name is read: from the last full stop, semicolon or colon before it (at most 100
/// characters back) to the next one after it (at most 60 characters on). A clause naming both groups of a scale, or a
/// group without its "risk" word beside one with it ("IPSS intermediate-1, intermediate-2 or high risk"), names neither.
/// </remarks>
public static partial class CancerGroups
{
    /// <summary>The groups the clause around <c>text[start..end]</c> names, one per scale; empty when none or both.</summary>
    public static IReadOnlyList<DiseaseSetting> Named(string text, int start, int end)
    {
        var from = Math.Max(0, start - 100);
        var stop = text.LastIndexOfAny(ClauseEnds, Math.Max(0, start - 1), start - from);
        from = stop >= 0 ? stop + 1 : from;
        var to = Math.Min(text.Length, end + 60);
        var next = end < text.Length ? text.IndexOfAny(ClauseEnds, end, to - end) : -1;
        to = next >= 0 ? next : to;
        if (!Hint().IsMatch(text.AsSpan(from, to - from)))
        {
            return [];
        }

        var clause = text[from..to];

        var groups = new List<DiseaseSetting>(1);
        var risk = RiskGroups.Group().Matches(clause).Where(m => !m.Groups["mid"].Success).Select(m => m.Groups["low"].Success).Distinct().ToList();
        if (risk.Count == 1 && !(risk[0] ? BareHigher() : BareLower()).IsMatch(clause))
        {
            groups.Add(risk[0] ? DiseaseSetting.LowerRisk : DiseaseSetting.HigherRisk);
        }

        var grade = GradeAndPhase.Grade().Matches(clause).Select(m => m.Groups["low"].Success).Distinct().ToList();
        if (grade.Count == 1)
        {
            groups.Add(grade[0] ? DiseaseSetting.LowGrade : DiseaseSetting.HighGrade);
        }

        var phase = GradeAndPhase.Phase().Matches(clause).Select(m => m.Groups["chronic"].Success).Distinct().ToList();
        if (phase.Count == 1)
        {
            groups.Add(phase[0] ? DiseaseSetting.ChronicPhase : DiseaseSetting.AdvancedPhase);
        }

        return groups;
    }

    /// <summary>The patient's recorded group that contradicts one the criterion names, as evidence; null when none does.</summary>
    public static string? Against(IReadOnlyList<DiseaseSetting> groups, PatientProfile patient)
    {
        foreach (var wanted in groups)
        {
            var other = Other(wanted);
            var recorded = patient.Settings.Where(s => s.Setting == wanted || s.Setting == other).ToList();

            // A phase or grade moves on and does not come back: a disease recorded in both is in the later one.
            var movedOn = wanted is DiseaseSetting.ChronicPhase or DiseaseSetting.LowGrade && recorded.Exists(s => s.Setting == other);
            if (recorded.Count > 0 && (recorded.TrueForAll(s => s.Setting == other) || movedOn))
            {
                var span = recorded.First(s => s.Setting == other).Span;
                var words = span is { } s && patient.SourceText is { } source && s.End <= source.Length ? $" (note: \"{s.Slice(source)}\")" : string.Empty;
                return $"the record says {Describe(other)}{words}";
            }
        }

        return null;
    }

    public static string Describe(DiseaseSetting group) => group switch
    {
        DiseaseSetting.LowerRisk => "lower-risk",
        DiseaseSetting.HigherRisk => "higher-risk",
        DiseaseSetting.LowGrade => "low-grade",
        DiseaseSetting.HighGrade => "high-grade",
        DiseaseSetting.ChronicPhase => "chronic-phase",
        DiseaseSetting.AdvancedPhase => "accelerated or blast phase",
        _ => group.ToString(),
    };

    private static DiseaseSetting Other(DiseaseSetting group) => group switch
    {
        DiseaseSetting.LowerRisk => DiseaseSetting.HigherRisk,
        DiseaseSetting.HigherRisk => DiseaseSetting.LowerRisk,
        DiseaseSetting.LowGrade => DiseaseSetting.HighGrade,
        DiseaseSetting.HighGrade => DiseaseSetting.LowGrade,
        DiseaseSetting.ChronicPhase => DiseaseSetting.AdvancedPhase,
        DiseaseSetting.AdvancedPhase => DiseaseSetting.ChronicPhase,
        _ => group,
    };

    private static readonly char[] ClauseEnds = ['.', ';', ':'];

    /// <summary>A cheap test before the patterns: the clause has a word any of them needs.</summary>
    [GeneratedRegex(@"risk|grade|phase|crisis|blast|malignant|anaplastic|glioblastoma|GBM|gliosarcoma|IPSS|MIPSS|CP-CML", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hint();

    /// <summary>A lower group listed without its "risk" word ("intermediate-1, intermediate-2 or high risk").</summary>
    [GeneratedRegex(@"\b(?:low|intermediate[- ]?1|int[- ]?1)\b(?![- ]risk)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareLower();

    /// <summary>A higher group listed without its "risk" word ("low, intermediate-1 or intermediate-2 risk").</summary>
    [GeneratedRegex(@"\b(?:high|intermediate[- ]?2|int[- ]?2)\b(?![- ]risk)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareHigher();
}
