using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// An age range in years: "aged 18 to 75", "≥ 18 years", "under 70". Bounds are usually whole-year ages; a bound
/// written in months, weeks or days ("6 months and over", "less than 12 months of age") is the fraction of a year.
/// </summary>
/// <param name="Minimum">Lower bound, or null.</param>
/// <param name="Maximum">Upper bound, or null.</param>
/// <param name="MinimumInclusive">False for "older than 18".</param>
/// <param name="MaximumInclusive">False for "younger than 70".</param>
public sealed record AgeConstraint(decimal? Minimum, decimal? Maximum, bool MinimumInclusive = true, bool MaximumInclusive = true) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Age;

    public override string Describe() => (Minimum, Maximum) switch
    {
        ({ } lo, { } hi) when IsWhole(lo) && IsWhole(hi) => $"age {Number(lo)}-{Number(hi)} years",
        ({ } lo, { } hi) => $"age {Duration(lo)} to {Duration(hi)}",
        ({ } lo, null) => $"age {(MinimumInclusive ? ">=" : ">")} {Duration(lo)}",
        (null, { } hi) => $"age {(MaximumInclusive ? "<=" : "<")} {Duration(hi)}",
        _ => "age",
    };

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        if (patient.AgeOn(context.Today) is not { } age)
        {
            return ConstraintCheck.Unknown("How old is the patient?", "no birth date or age recorded");
        }

        var evidence = $"age {Number(age)} on {context.Today:yyyy-MM-dd}";
        var fits = (Minimum is not { } lo || (MinimumInclusive ? age >= lo : age > lo))
            && (Maximum is not { } hi || (MaximumInclusive ? age <= hi : age < hi));

        // An age in whole years is anywhere in that year of life: a child of 0 may or may not be 6 months old yet.
        if (IsWhole(age) && (Straddles(Minimum, age) || Straddles(Maximum, age)))
        {
            return ConstraintCheck.Unknown($"Is the patient {Describe()}?", evidence);
        }

        return ConstraintCheck.Of(fits, evidence);
    }

    private static bool IsWhole(decimal value) => value == decimal.Truncate(value);

    /// <summary>True when a bound given in a fraction of a year falls inside the patient's year of life.</summary>
    private static bool Straddles(decimal? bound, decimal wholeAge) => bound is { } b && !IsWhole(b) && b > wholeAge && b < wholeAge + 1;

    private static string Duration(decimal years) => IsWhole(years)
        ? $"{Number(years)} years"
        : decimal.Round(years * 12, 2) is var months && months == decimal.Round(months) ? $"{Number(months)} months" : $"{Number(decimal.Round(years * 365))} days";
}

/// <summary>
/// Reads ages: "age ≥ 18 years", "18 years of age or older", "between 18 and 75 years", "aged 18-70", "18 and over" under
/// an "Age" heading or as a criterion of its own, and infants' ages in months, weeks or days.
/// </summary>
public static partial class AgeParser
{
    public static void Parse(CriterionContext c)
    {
        if (AnyAge().Match(c.Text) is { Success: true } any)
        {
            c.Add(new AgeConstraint(null, null) { Span = CriterionContext.Span(any) });
            return;
        }

        var ageSection = c.SectionIs("age");
        if (!ageSection && !HasPatientAgeWord(c.Lower))
        {
            // "18 and over", "≥ 18 years" standing alone as a criterion is an age, as it is under an "Age" heading.
            if (BareBound().Match(c.Text) is { Success: true } bare && CriterionContext.ParseNumber(bare.Groups["num"].Value) is { } years and >= 1 and <= 120)
            {
                c.Add(new AgeConstraint(years, null) { Span = CriterionContext.Span(bare) });
                return;
            }

            // "18 to 65 years", "Adults 18-85 years", "Patients < 18 years": a criterion that is nothing but a span of years
            // (of the patients it names) is their age; "within 1-2 years" or "for at least 5 years" is not.
            if ((c.Lower.Contains("year", StringComparison.Ordinal) || c.Lower.Contains("yr", StringComparison.Ordinal)) && BareYears().Match(c.Text) is { Success: true } span)
            {
                var lo = CriterionContext.ParseNumber(span.Groups["lo"].Value);
                var hi = CriterionContext.ParseNumber(span.Groups["hi"].Value);
                if (lo is { } a && hi is { } b && a < b && b <= 120)
                {
                    c.Add(new AgeConstraint(a, b) { Span = CriterionContext.Span(span) });
                    return;
                }

                if (span.Groups["op"].Success && CriterionContext.ParseNumber(span.Groups["num"].Value) is { } v and <= 120
                    && Bounded(CriterionContext.ParseComparison(span.Groups["op"].Value), v) is { } bounded)
                {
                    c.Add(bounded with { Span = CriterionContext.Span(span) });
                    return;
                }
            }

            if (!(c.Lower.Contains(" of age", StringComparison.Ordinal) || c.Lower.Contains(" old", StringComparison.Ordinal)) || !ShortAgeUnit().IsMatch(c.Lower))
            {
                return;
            }
        }

        for (var m = RangePattern().Match(c.Text); m.Success; m = m.NextMatch())
        {
            var lo = CriterionContext.ParseNumber(m.Groups["lo"].Value);
            var hi = CriterionContext.ParseNumber(m.Groups["hi"].Value);
            if (lo is { } a && hi is { } b && a < b && b <= 120 && !c.IsClaimed(m.Index, m.Index + m.Length))
            {
                c.Add(new AgeConstraint(a, b) { Span = CriterionContext.Span(m) });
                return;
            }
        }

        for (var m = BoundPattern().Match(c.Text); m.Success; m = m.NextMatch())
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

            var constraint = Bounded(comparison, v);
            if (constraint is not null)
            {
                // "... within 10 years if the patient is at least 50 years of age": the age says when the rule applies.
                c.Add(constraint with { Span = CriterionContext.Span(m), Qualifies = ConditionalBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 40), Math.Min(40, m.Index))) });
                return;
            }
        }

        if (c.Lower.Contains("month", StringComparison.Ordinal) || c.Lower.Contains("day", StringComparison.Ordinal) || c.Lower.Contains("week", StringComparison.Ordinal))
        {
            ParseShortUnits(c, ageSection);
        }
    }

    /// <summary>
    /// Ages of infants in months, weeks or days ("6 months and over", "less than 12 months of age", "2 months to 18
    /// years"). Outside an "Age" heading the number must itself be an age ("months of age", "months old", "aged 3
    /// months"), since a criterion about age can also count months of treatment.
    /// </summary>
    private static void ParseShortUnits(CriterionContext c, bool ageSection)
    {
        for (var m = ShortUnitRangePattern().Match(c.Text); m.Success; m = m.NextMatch())
        {
            var lo = CriterionContext.ParseNumber(m.Groups["lo"].Value) is { } a ? InYears(a, m.Groups["lounit"].Success ? m.Groups["lounit"].Value : m.Groups["hiunit"].Value) : null;
            var hi = CriterionContext.ParseNumber(m.Groups["hi"].Value) is { } b ? InYears(b, m.Groups["hiunit"].Value) : null;
            if (lo is { } from && hi is { } to && from < to && to <= 120 && (ageSection || IsAnAge(c, m)) && !c.IsClaimed(m.Index, m.Index + m.Length))
            {
                c.Add(new AgeConstraint(from, to) { Span = CriterionContext.Span(m) });
                return;
            }
        }

        for (var m = ShortUnitBoundPattern().Match(c.Text); m.Success; m = m.NextMatch())
        {
            if (CriterionContext.ParseNumber(m.Groups["num"].Value) is not { } n || InYears(n, m.Groups["unit"].Value) is not { } v
                || !(ageSection || IsAnAge(c, m)) || c.IsClaimed(m.Index, m.Index + m.Length))
            {
                continue;
            }

            var comparison = m.Groups["op"].Success ? CriterionContext.ParseComparison(m.Groups["op"].Value) : CriterionContext.ParseTrailing(m.Groups["tail"].Value);
            var constraint = Bounded(comparison, v);
            if (constraint is not null)
            {
                c.Add(constraint with { Span = CriterionContext.Span(m) });
                return;
            }
        }
    }

    /// <summary>An age bound on one side from its comparison ("at least 18", "under 2"), or null when there is none.</summary>
    private static AgeConstraint? Bounded(Comparison? comparison, decimal years) => comparison switch
    {
        Comparison.AtLeast => new AgeConstraint(years, null),
        Comparison.GreaterThan => new AgeConstraint(years, null, MinimumInclusive: false),
        Comparison.AtMost => new AgeConstraint(null, years),
        Comparison.LessThan => new AgeConstraint(null, years, MaximumInclusive: false),
        _ => null,
    };

    /// <summary>
    /// True when a word about age is about the patient's age, not a reference norm ("upper limit of normal for age",
    /// "above the 95th percentile for age", "age-adjusted"), another kind of age ("gestational age", "corrected age",
    /// "bone age") or the child's in a guardian clause.
    /// </summary>
    private static bool HasPatientAgeWord(string lower)
    {
        for (var word = AgeWord().Match(lower); word.Success; word = word.NextMatch())
        {
            var before = lower.AsSpan(Math.Max(0, word.Index - 24), Math.Min(24, word.Index));
            var after = lower.AsSpan(word.Index + word.Length, Math.Min(16, lower.Length - word.Index - word.Length));
            if (!NormBefore().IsMatch(before) && !NormAfter().IsMatch(after))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:\bfor\s+(?:the\s+)?(?:patient'?s\s+|subject'?s\s+|their\s+)?|\b(?:gestational|corrected|post-?menstrual|post-?conceptional|chronological|bone|mental|developmental|skeletal|reading|mean|median)\s+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NormBefore();

    [GeneratedRegex(@"^(?:[- ](?:adjusted|appropriate|specific|matched|related|corrected|dependent|normal|equivalent)\b|\s+and\s+(?:sex|gender)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NormAfter();

    private static bool IsAnAge(CriterionContext c, Match m) =>
        m.Groups["old"].Success || AgeBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 12), Math.Min(12, m.Index)));

    private static decimal? InYears(decimal value, string unit) => unit.ToLowerInvariant() switch
    {
        var u when u.StartsWith('y') => value,
        var u when u.StartsWith('m') => decimal.Round(value / 12, 4),
        var u when u.StartsWith('w') => decimal.Round(value * 7 / 365, 4),
        var u when u.StartsWith('d') => decimal.Round(value / 365, 4),
        _ => null,
    };

    [GeneratedRegex(@"\b(?:if|when|where|unless)\s+(?:the\s+)?(?:patient|subject|participant|person|child)s?\s+(?:is|are|was|were)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionalBefore();

    [GeneratedRegex(@"\b(?:any\s+age|all\s+ages|no\s+age\s+(?:limit|restriction)s?|age\s*:\s*(?:not\s+specified|any|all|no\s+limit))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyAge();

    [GeneratedRegex(@"\b(?:age|aged|ages|years?\s+old|yrs?\s+old|years?\s+of\s+age|year-old|years\s+or\s+(?:older|younger)|adults?\s+(?:aged|over|between)|older\s+than|younger\s+than)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeWord();

    [GeneratedRegex(@"^\s*(?:(?<num>\d{1,3})\s*(?:years?|yrs?)?\s*(?:and|or)\s+(?:over|older|above)|(?:≥|>=|=>|at\s+least)\s*(?<num>\d{1,3})\s*(?:years?|yrs?))\s*[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareBound();

    [GeneratedRegex(@"^\W*(?:(?:adults?|children|patients?|subjects?|participants?|men|women|males?|females?|volunteers?|individuals?|persons?|people)\s*:?\s*(?:aged\s+)?)?(?:between\s+)?(?:(?<lo>\d{1,3})\s*(?:-|–|~|to|and)\s*(?<hi>\d{1,3})|" + CriterionContext.Operator + @"\s*(?<num>\d{1,3}))\s*[- ]?(?:years?|yrs?)(?:\s+(?:old|of\s+age))?(?:\s*,?\s*inclusive)?\s*[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareYears();

    [GeneratedRegex(@"\b(?:months?|weeks?|days?)\s+(?:of\s+age|old)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShortAgeUnit();

    [GeneratedRegex(@"\bage[sd]?\s*:?\s*(?:between|from|of)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgeBefore();

    [GeneratedRegex(@"(?<lo>\d{1,3})\s*(?<lounit>months?|weeks?|days?|years?)?\s*(?:-|–|to|and|through)\s*(?<hi>\d{1,3})\s*(?<hiunit>months?|weeks?|days?|years?)\b(?<old>\s+(?:of\s+age|old))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortUnitRangePattern();

    [GeneratedRegex(@"(?:" + CriterionContext.Operator + @"\s*(?:(?:the\s+)?age(?:\s+of)?\s+)?(?<num>\d{1,3})\s*(?<unit>months?|weeks?|days?)\b(?<old>\s+(?:of\s+age|old))?|(?<num>\d{1,3})\s*(?<unit>months?|weeks?|days?)\b(?<old>\s+(?:of\s+age|old))?(?<tail>\s*(?:or|and)\s+(?:older|over|above|more|greater|younger|less|under|below)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortUnitBoundPattern();

    [GeneratedRegex(@"(?<lo>\d{1,3})\s*(?:years?|yrs?)?\s*(?:-|–|to|and|through)\s*(?<hi>\d{1,3})(?!\d)(?!\s*(?:%|mg|kg|cm|ml|x|months|weeks|days))\s*(?:years?|yrs?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"(?:" + CriterionContext.Operator + @"\s*(?:(?:the\s+)?age(?:\s+of)?\s+)?(?<num>\d{1,3})(?!\d)(?![.,]\d)(?!\s*(?:%|mg|kg|cm|ml|x\b|months|weeks|days|hours))|(?<num>\d{1,3})(?!\d)(?![.,]\d)\s*(?:years?|yrs?|y)?(?:\s*(?:of\s+age|old))?(?<tail>\s*(?:or|and)\s+(?:older|over|above|more|greater|younger|less|under|below)|\s*\+)|(?<older>older|younger)\s+than\s+(?<num>\d{1,3}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundPattern();
}
