using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>Performance status ("ECOG 1", "ECOG PS 0-1", "KPS 80%", "Karnofsky 70") and cancer stage ("stage IIIB", "stage 1B", "T2N1M0").</summary>
internal static partial class ClinicalScoreExtractor
{
    [GeneratedRegex(@"\b(?:ECOG|Zubrod|WHO)(?:\s*(?:performance\s+status|performance\s+score|PS|score|status))?(?:\s*(?:of|is|was|:|=|-))*\s*(?<v>[0-5])(?:\s*(?:-|to|/)\s*(?<w>[0-5]))?(?![\d.])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Ecog();

    [GeneratedRegex(@"\b(?<scale>KPS|Karnofsky|Lansky)(?:\s*(?:performance\s+status|performance\s+score|PS|score|status))?(?:\s*(?:of|is|was|:|=|-))*\s*(?<v>\d{2,3})\s*%?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Karnofsky();

    [GeneratedRegex(@"\bstage\s*(?<g>(?:IV|I{1,3}|[0-4])(?:[ABC][1-3]?)?)(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StageGroupPattern();

    [GeneratedRegex(@"\b[cpy]?(?<t>T(?:[0-4][a-d]?|is|x))\s*(?<n>N(?:[0-3][a-c]?|x))\s*(?<m>M(?:[01][a-c]?|x))?\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tnm();

    public static IEnumerable<PerformanceStatus> PerformanceStatuses(string text, NoteSentence sentence)
    {
        var slice = text[sentence.Start..sentence.End];
        foreach (Match m in Ecog().Matches(slice))
        {
            var value = Numbers.NumberText.IntOrNull(m.Groups["v"].Value) ?? -1;
            if (m.Groups["w"].Success)
            {
                value = Math.Max(value, Numbers.NumberText.IntOrNull(m.Groups["w"].Value) ?? -1);
            }

            yield return new PerformanceStatus(PerformanceScale.Ecog, value, new SourceSpan(sentence.Start + m.Index, m.Length));
        }

        foreach (Match m in Karnofsky().Matches(slice))
        {
            var value = Numbers.NumberText.IntOrNull(m.Groups["v"].Value) ?? -1;
            if (value is < 0 or > 100 || value % 10 != 0)
            {
                continue;
            }

            var scale = m.Groups["scale"].Value.StartsWith("L", StringComparison.OrdinalIgnoreCase) ? PerformanceScale.Lansky : PerformanceScale.Karnofsky;
            yield return new PerformanceStatus(scale, value, new SourceSpan(sentence.Start + m.Index, m.Length));
        }
    }

    /// <summary>The stage stated in a sentence, if any.</summary>
    public static Stage? Stage(string text, NoteSentence sentence)
    {
        var slice = text[sentence.Start..sentence.End];
        string? group = null;
        SourceSpan? span = null;
        var g = StageGroupPattern().Match(slice);
        if (g.Success && StageGroup.TryNormalise(g.Groups["g"].Value, out var normalised))
        {
            group = normalised;
            span = new SourceSpan(sentence.Start + g.Index, g.Length);
        }

        var tnm = Tnm().Match(slice);
        if (group is null && !tnm.Success)
        {
            return null;
        }

        if (tnm.Success)
        {
            span ??= new SourceSpan(sentence.Start + tnm.Index, tnm.Length);
        }

        var m = tnm.Success && tnm.Groups["m"].Success ? tnm.Groups["m"].Value : null;
        return new Stage
        {
            Group = group,
            T = tnm.Success ? tnm.Groups["t"].Value : null,
            N = tnm.Success ? tnm.Groups["n"].Value : null,
            M = m,
            Metastatic = group?.StartsWith("IV", StringComparison.Ordinal) == true || m?.StartsWith("M1", StringComparison.Ordinal) == true ? true : null,
            Span = span,
        };
    }
}
