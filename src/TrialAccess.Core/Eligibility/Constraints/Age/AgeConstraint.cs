using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>An age range in years: "aged 18 to 75", "≥ 18 years", "under 70". Bounds are whole-year ages.</summary>
/// <param name="Minimum">Lower bound, or null.</param>
/// <param name="Maximum">Upper bound, or null.</param>
/// <param name="MinimumInclusive">False for "older than 18".</param>
/// <param name="MaximumInclusive">False for "younger than 70".</param>
public sealed record AgeConstraint(decimal? Minimum, decimal? Maximum, bool MinimumInclusive = true, bool MaximumInclusive = true) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Age;

    public override string Describe() => (Minimum, Maximum) switch
    {
        ({ } lo, { } hi) => $"age {Number(lo)}-{Number(hi)} years",
        ({ } lo, null) => $"age {(MinimumInclusive ? ">=" : ">")} {Number(lo)} years",
        (null, { } hi) => $"age {(MaximumInclusive ? "<=" : "<")} {Number(hi)} years",
        _ => "age",
    };

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        if (patient.AgeOn(context.Today) is not { } age)
        {
            return ConstraintCheck.Unknown("How old is the patient?", "no birth date or age recorded");
        }

        var fits = (Minimum is not { } lo || (MinimumInclusive ? age >= lo : age > lo))
            && (Maximum is not { } hi || (MaximumInclusive ? age <= hi : age < hi));
        return ConstraintCheck.Of(fits, $"age {Number(age)} on {context.Today:yyyy-MM-dd}");
    }
}

/// <summary>Reads ages: "age ≥ 18 years", "18 years of age or older", "between 18 and 75 years", "aged 18-70", and "18 and over" under an "Age" heading.</summary>
public static partial class AgeParser
{
    public static void Parse(CriterionContext c)
    {
        if (AnyAge().Match(c.Text) is { Success: true } any)
        {
            c.Add(new AgeConstraint(null, null) { Span = CriterionContext.Span(any) });
            return;
        }

        var ageContext = c.SectionIs("age") || AgeWord().IsMatch(c.Lower);
        if (!ageContext)
        {
            return;
        }

        foreach (Match m in RangePattern().Matches(c.Text))
        {
            var lo = CriterionContext.ParseNumber(m.Groups["lo"].Value);
            var hi = CriterionContext.ParseNumber(m.Groups["hi"].Value);
            if (lo is { } a && hi is { } b && a < b && b <= 120 && !c.IsClaimed(m.Index, m.Index + m.Length))
            {
                c.Add(new AgeConstraint(a, b) { Span = CriterionContext.Span(m) });
                return;
            }
        }

        foreach (Match m in BoundPattern().Matches(c.Text))
        {
            var value = CriterionContext.ParseNumber(m.Groups["num"].Value);
            if (value is not { } v || v > 120 || c.IsClaimed(m.Index, m.Index + m.Length))
            {
                continue;
            }

            var comparison = m.Groups["op"].Success ? CriterionContext.ParseComparison(m.Groups["op"].Value) : CriterionContext.ParseTrailing(m.Groups["tail"].Value);
            if (comparison is null && m.Groups["older"].Success)
            {
                comparison = m.Groups["older"].Value.StartsWith("old", StringComparison.OrdinalIgnoreCase) ? Comparison.GreaterThan : Comparison.LessThan;
            }

            AgeConstraint? constraint = comparison switch
            {
                Comparison.AtLeast => new AgeConstraint(v, null),
                Comparison.GreaterThan => new AgeConstraint(v, null, MinimumInclusive: false),
                Comparison.AtMost => new AgeConstraint(null, v),
                Comparison.LessThan => new AgeConstraint(null, v, MaximumInclusive: false),
                _ => null,
            };
            if (constraint is not null)
            {
                c.Add(constraint with { Span = CriterionContext.Span(m) });
                return;
            }
        }
    }

    [GeneratedRegex(@"\b(?:any\s+age|all\s+ages|no\s+age\s+(?:limit|restriction)s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyAge();

    [GeneratedRegex(@"\b(?:age|aged|ages|years?\s+old|yrs?\s+old|years?\s+of\s+age|year-old|years\s+or\s+(?:older|younger)|adults?\s+(?:aged|over|between)|older\s+than|younger\s+than)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeWord();

    [GeneratedRegex(@"(?<lo>\d{1,3})\s*(?:years?|yrs?)?\s*(?:-|–|to|and|through)\s*(?<hi>\d{1,3})(?!\s*(?:%|mg|kg|cm|ml|x|months|weeks|days))\s*(?:years?|yrs?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"(?:" + CriterionContext.Operator + @"\s*(?:(?:the\s+)?age(?:\s+of)?\s+)?(?<num>\d{1,3})(?!\d)(?!\s*(?:%|mg|kg|cm|ml|x\b|months|weeks|days|hours))|(?<num>\d{1,3})(?!\d)\s*(?:years?|yrs?|y)?(?:\s*(?:of\s+age|old))?(?<tail>\s*(?:or|and)\s+(?:older|over|above|more|greater|younger|less|under|below)|\s*\+)|(?<older>older|younger)\s+than\s+(?<num>\d{1,3}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundPattern();
}
