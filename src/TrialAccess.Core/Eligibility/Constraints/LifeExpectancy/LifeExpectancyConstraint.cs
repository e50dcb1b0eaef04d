using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>A minimum life expectancy: "life expectancy of at least 12 weeks", "> 3 months".</summary>
/// <param name="MinimumWeeks">The minimum in weeks (months count as 4.35 weeks), or null when no number is given.</param>
public sealed record LifeExpectancyConstraint(decimal? MinimumWeeks) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.LifeExpectancy;

    public override string Describe() => MinimumWeeks is { } w ? $"life expectancy >= {Number(w)} weeks" : "life expectancy";

    /// <summary>The patient model carries no life expectancy: a clinician's estimate is always asked.</summary>
    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context) =>
        ConstraintCheck.Unknown(MinimumWeeks is { } w ? $"Is the patient's life expectancy at least {Number(w)} weeks?" : "What is the patient's life expectancy?", "life expectancy is a clinician's estimate, not recorded");
}

/// <summary>Reads "life expectancy of at least 3 months", "expected survival > 12 weeks", and "at least 12 weeks" under a "Life expectancy" heading.</summary>
public static partial class LifeExpectancyParser
{
    public static void Parse(CriterionContext c)
    {
        var m = Phrase().Match(c.Text);
        if (!m.Success && !c.SectionIs("life expectancy"))
        {
            return;
        }

        var start = m.Success ? m.Index : 0;
        var duration = Duration().Match(c.Text, start);
        decimal? weeks = null;
        var end = m.Success ? m.Index + m.Length : c.Text.Length;
        if (duration.Success && duration.Index - start < 80 && CriterionContext.ParseNumber(duration.Groups["num"].Value) is { } n)
        {
            var unit = duration.Groups["unit"].Value.ToLowerInvariant();
            weeks = unit.StartsWith('m') ? Math.Round(n * 4.35m, 1) : unit.StartsWith('y') ? n * 52 : unit.StartsWith('d') ? Math.Round(n / 7m, 1) : n;
            end = duration.Index + duration.Length;
        }
        else if (!m.Success)
        {
            return;
        }

        c.Add(new LifeExpectancyConstraint(weeks) { Span = CriterionContext.Span(start, end) });
    }

    [GeneratedRegex(@"\b(?:life[-\s]+expectancy|expected\s+survival|anticipated\s+survival|estimated\s+survival|expected\s+to\s+(?:live|survive)|(?:unlikely|likely)\s+to\s+survive|survival\s+expectancy|prognosis\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)\s*(?<unit>weeks?|wks?|months?|mos?|years?|yrs?|days?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
