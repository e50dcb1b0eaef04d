using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>Performance status ("ECOG 1", "ECOG PS 0-1", "KPS 80%", "Karnofsky 70") and cancer stage ("stage IIIB", "stage 1B", "T2N1M0").</summary>
internal static partial class ClinicalScoreExtractor
{
    [GeneratedRegex(@"\b(?:ECOG|Zubrod|WHO)(?:\s*(?:performance\s+status|performance\s+score|PS|score|status))?(?:\s*(?:of|is|was|:|=|-))*\s*(?<v>[0-5])(?:\s*(?:-|to|/)\s*(?<w>[0-5]))?(?![\d.])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Ecog();

    [GeneratedRegex(@"\b(?<scale>KPS|Karnofsky|Lansky)(?:\s*(?:play[- ]performance\s+(?:score|scale|status)|play\s+(?:score|scale)|performance\s+status|performance\s+score|PS|score|status))?(?:\s*(?:of|is|was|:|=|-))*\s*(?<v>\d{2,3})\s*%?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Karnofsky();

    // A lymphoma's Ann Arbor or Lugano letter for extranodal or splenic involvement ("stage IE", "stage IIAE") is left out
    // of the group; written in capitals only, so "stage is" is no stage.
    [GeneratedRegex(@"\bstage\s*(?<g>(?:IV|I{1,3}|[0-4])(?:[ABC][1-3]?)?)(?-i:[ES])?(?![a-z0-9])|\bstage\s+(?:is|was)\s+(?<g>(?-i:IV|I{1,3})(?:[ABC][1-3]?)?)(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StageGroupPattern();

    [GeneratedRegex(@"\b[cpy]?(?<t>T(?:[0-4][a-d]?|is|x))\s*[cpy]?(?<n>N(?:[0-3][a-c]?(?:mi)?|x))\s*[cpy]?(?<m>M(?:[01][a-c]?|x))?\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tnm();

    /// <summary>
    /// A score on a named scale ("Her HAM-D score is 20", "Epworth Sleepiness Scale score of 15", "EDSS score 3.5"), as a
    /// result under the scale's name, which criteria's thresholds on the same scale compare with.
    /// </summary>
    public static IEnumerable<LabResult> NamedScores(string text, NoteSentence sentence)
    {
        var slice = text[sentence.Start..sentence.End];
        foreach (Match m in NamedScore().Matches(slice))
        {
            var name = m.Groups["abbr"].Success ? m.Groups["abbr"].Value : m.Groups["name"].Value.Trim();
            if (PerformanceScaleName().IsMatch(name) || Numbers.NumberText.DecimalOrNull(m.Groups["v"].Value) is not { } value)
            {
                continue;
            }

            yield return new LabResult { Analyte = name, Value = value, Span = new SourceSpan(sentence.Start + m.Index, m.Length) };
        }
    }

    [GeneratedRegex(@"\b(?<name>(?:(?!(?:Her|His|Their|The|This|That|Patient|She|He|On|In|At|With|And|Today|Current|Baseline|Initial|Latest|Last|Recent)\b)[A-Z][\w'’-]*\s+){0,5}?(?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*|[A-Z][\w'’-]*\s+(?:Scale|Score|Index|Inventory|Questionnaire)))\s*(?:\((?<abbr>[A-Z][A-Za-z0-9-]+)\)\s*)?(?:total\s+)?(?:score|scale\s+score)\s*(?:of|is|was|were|at|:|=|\s)\s*(?:of\s+)?(?<v>\d+(?:\.\d+)?)(?![\d.]*\s*(?:%|years?|months?|days?|weeks?|mg|kg|cm|mm|/|-|points?\s+(?:higher|lower)))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamedScore();

    [GeneratedRegex(@"^(?:ECOG|Zubrod|WHO|KPS|Karnofsky|Lansky|Gleason)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerformanceScaleName();

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
            Metastatic = m?.StartsWith("M1", StringComparison.Ordinal) == true ? true
                : Patients.Stage.GroupSaysMetastatic(group) ?? (m?.StartsWith("M0", StringComparison.Ordinal) == true ? false : null),
            Span = span,
        };
    }
}
