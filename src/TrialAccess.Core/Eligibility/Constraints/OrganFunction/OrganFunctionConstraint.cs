using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// Organ function: a cardiac measure with a bound ("LVEF ≥ 50%", "QTcF > 470 ms") or a general requirement
/// ("adequate bone marrow, liver and renal function") whose thresholds the trial gives elsewhere.
/// </summary>
/// <param name="Measure">"LVEF", "QTc", or the organ for a general requirement ("bone marrow", "liver", "kidney", "organ").</param>
/// <param name="Bound">The bound in % (LVEF) or ms (QTc), or null for a general requirement.</param>
public sealed record OrganFunctionConstraint(string Measure, Bound? Bound) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.OrganFunction;

    public override string Describe() => Bound is { } b ? $"{Measure} {b}{(Measure == "QTc" ? " ms" : Measure == "LVEF" ? "%" : string.Empty)}" : $"adequate {Measure} function";

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        if (Bound is not { } bound)
        {
            return ConstraintCheck.Unknown($"Is the patient's {Measure} function adequate (by the trial's thresholds)?", "general requirement: thresholds not stated in this criterion");
        }

        var result = patient.LabResults.Where(r => r.Analyte.Equals(Measure, StringComparison.OrdinalIgnoreCase) || (Measure == "QTc" && r.Analyte.StartsWith("QTc", StringComparison.OrdinalIgnoreCase)) || (Measure == "LVEF" && r.Analyte.Contains("ejection", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.MeasuredOn ?? DateOnly.MinValue).LastOrDefault();
        return result is null
            ? ConstraintCheck.Unknown($"What is the patient's {Measure}?", $"no {Measure} recorded")
            : ConstraintCheck.Of(bound.Admits(result.Value), $"{Measure} {Number(result.Value)}{(result.Unit is null ? string.Empty : " " + result.Unit)}");
    }
}

/// <summary>Reads LVEF and QTc thresholds and "adequate organ / bone marrow / hepatic / renal function".</summary>
public static partial class OrganFunctionParser
{
    public static void Parse(CriterionContext c)
    {
        for (var m = Measure().Match(c.Text); m.Success; m = m.NextMatch())
        {
            var measure = m.Groups["qt"].Success ? "QTc" : "LVEF";
            var rest = c.Text[(m.Index + m.Length)..];
            var bound = BoundPattern().Match(rest);
            Bound? parsed = null;
            var end = m.Index + m.Length;
            if (bound.Success && bound.Index < 60 && CriterionContext.ParseNumber(bound.Groups["num"].Value) is { } value)
            {
                var comparison = bound.Groups["op"].Success ? CriterionContext.ParseComparison(bound.Groups["op"].Value) : CriterionContext.ParseTrailing(bound.Groups["tail"].Value);
                if (comparison is { } cmp)
                {
                    // "Ejection fraction less than or equal to .40", "LVEF < 0.35": a fraction, which is 40% and 35%.
                    if (measure == "LVEF" && value is > 0 and < 1 && !bound.Value.Contains('%'))
                    {
                        value *= 100;
                    }

                    parsed = new Bound(cmp, value);
                    end += bound.Index + bound.Length;
                }
            }

            c.Add(new OrganFunctionConstraint(measure, parsed) { Span = CriterionContext.Span(m.Index, end), Negated = parsed is null && c.IsNegatedAt(m.Index) });
        }

        for (var m = Adequate().Match(c.Text); m.Success; m = m.NextMatch())
        {
            var organs = m.Groups["organs"].Value.ToLowerInvariant();
            foreach (var (word, organ) in new[] { ("marrow", "bone marrow"), ("hematolog", "bone marrow"), ("haematolog", "bone marrow"), ("liver", "liver"), ("hepatic", "liver"), ("renal", "kidney"), ("kidney", "kidney"), ("cardiac", "heart"), ("pulmonary", "lung"), ("organ", "organ") })
            {
                if (organs.Contains(word, StringComparison.Ordinal) && !c.Found.OfType<OrganFunctionConstraint>().Any(f => f.Measure == organ))
                {
                    c.Add(new OrganFunctionConstraint(organ, null) { Span = CriterionContext.Span(m) }, claim: false);
                }
            }
        }
    }

    [GeneratedRegex(@"(?<ef>\bLVEF\b|\bleft\s+ventricular\s+ejection\s+fraction\b|\bejection\s+fraction\b|\bEF\b|\bMUGA\b)|(?<qt>\bQTc[FB]?\b|\bQT\s*c\b|\bcorrected\s+QT(?:\s+interval)?\b|\bQT\s+interval\b|\bQTcF\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Measure();

    [GeneratedRegex(CriterionContext.Operator + @"\s*" + CriterionContext.NumberPattern + @"\s*(?:%|ms|msec|milliseconds)?|" + CriterionContext.NumberPattern + @"\s*(?:%|ms|msec)?(?<tail>\s*(?:or|and)\s+(?:more|greater|higher|above|less|lower|below))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundPattern();

    [GeneratedRegex(@"\b(?:adequate|normal|sufficient|acceptable|satisfactory|inadequate|impaired|poor)\s+(?<organs>(?:(?:bone\s+marrow|marrow|hematologic(?:al)?|haematologic(?:al)?|liver|hepatic|renal|kidney|cardiac|pulmonary|end[- ]organ|organ|and|or|,|/|\s)+))\s*(?:function|reserve|status)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Adequate();
}
