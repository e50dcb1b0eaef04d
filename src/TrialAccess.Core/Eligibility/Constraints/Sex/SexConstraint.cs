using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>The sex a criterion admits: "female patients", "men", or either ("male or female").</summary>
/// <param name="Sex">The sex admitted, or null when both are.</param>
public sealed record SexConstraint(PatientSex? Sex) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Sex;

    public override string Describe() => Sex is null ? "any sex" : $"sex {Sex}";

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        if (Sex is null)
        {
            return ConstraintCheck.Met("any sex admitted");
        }

        if (patient.Sex is not { Certainty: Certainty.Asserted } sex || sex.Value == PatientSex.Other)
        {
            return ConstraintCheck.Unknown("What is the patient's sex?", patient.Sex is null ? "no sex recorded" : $"sex {patient.Sex.Value}");
        }

        return ConstraintCheck.Of(sex.Value == Sex, $"sex {sex.Value}");
    }
}

/// <summary>Reads criteria about sex: "Female", "Women aged 18 or older", "Male or female patients", "men with ...".</summary>
public static partial class SexParser
{
    public static void Parse(CriterionContext c)
    {
        var both = Both().Match(c.Text);
        if (both.Success)
        {
            // "Fertile men or women unwilling to use contraception": both sexes named in an exclusion or about
            // childbearing qualify another rule; they admit or exclude nobody by sex.
            if (c.Role == Segmentation.CriterionRole.Exclusion || ChildbearingContext().IsMatch(c.Lower))
            {
                c.Claim(both.Index, both.Index + both.Length);
                return;
            }

            c.Add(new SexConstraint((PatientSex?)null) { Span = CriterionContext.Span(both) });
            return;
        }

        var m = OneSex().Match(c.Text);
        if (!m.Success || (m.Index > 0 && !c.SectionIs("sex", "gender") && !Lead().IsMatch(c.Text[..m.Index])))
        {
            return;
        }

        var word = m.Groups["sex"].Value.ToLowerInvariant();
        var sex = word is "female" or "females" or "women" or "woman" or "girls" ? PatientSex.Female : PatientSex.Male;
        if (ChildbearingContext().IsMatch(c.Lower))
        {
            return;
        }

        c.Add(new SexConstraint(sex) { Span = CriterionContext.Span(m) }, claim: false);
    }

    [GeneratedRegex(@"\b(?:males?\s*(?:and|or|&|/)\s*females?|females?\s*(?:and|or|&|/)\s*males?|men\s+(?:and|or|&)\s+women|women\s+(?:and|or|&)\s+men|both\s+sexes|both\s+genders|either\s+sex|any\s+(?:sex|gender))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Both();

    [GeneratedRegex(@"\b(?<sex>female|females|male|males|women|woman|men|man|girls|boys)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneSex();

    [GeneratedRegex(@"^\s*(?:(?:.*\b(?:include|includes|including|enrol\w*|recruit\w*|only|be\s+an?|must\s+be|are|is|is\s+an?)|adult|postmenopausal|post-menopausal|premenopausal|pre-menopausal|ambulatory|healthy|all|non-pregnant|nonpregnant|\d+\s*(?:-|to)\s*\d+\s*(?:year|yr)s?[- ]old)\s+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    [GeneratedRegex(@"child[- ]?bearing|contracept|pregnan|breast[- ]?feed|lactat|nursing|fertile|sexually active|partners?", RegexOptions.CultureInvariant)]
    private static partial Regex ChildbearingContext();
}
