using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

public enum ReproductiveTopic
{
    Pregnancy,
    Breastfeeding,
    /// <summary>Use of effective contraception; applies to the sex named, or to people of childbearing potential.</summary>
    Contraception,
    /// <summary>A negative pregnancy test before enrolment.</summary>
    NegativePregnancyTest,
}

/// <summary>Pregnancy, breastfeeding and contraception, with whom the statement applies to.</summary>
/// <param name="AppliesTo">The sex the statement is conditional on ("women of childbearing potential", "men with partners"), or null for everyone.</param>
public sealed partial record ReproductiveConstraint(ReproductiveTopic Topic, PatientSex? AppliesTo = null) : EligibilityConstraint
{
    /// <summary>
    /// True when the criterion speaks only of people who could conceive ("women of childbearing potential must ...",
    /// "subjects of reproductive potential"): it does not concern anyone else (NotApplicable).
    /// </summary>
    public bool PotentialOnly { get; init; }

    public override ConstraintKind Kind => ConstraintKind.Reproductive;

    public override string Describe() => Topic switch
    {
        ReproductiveTopic.Pregnancy => "pregnant",
        ReproductiveTopic.Breastfeeding => "breastfeeding",
        ReproductiveTopic.Contraception => AppliesTo is { } s ? $"contraception ({s})" : "contraception",
        _ => "negative pregnancy test",
    };

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var sex = patient.Sex is { Certainty: Certainty.Asserted } s ? s.Value : (PatientSex?)null;
        var condition = Topic is ReproductiveTopic.Pregnancy or ReproductiveTopic.Breastfeeding;

        // A man is never pregnant or nursing (a plain exclusion of pregnant women does not apply to him: NotMet); what
        // is asked only of women (a pregnancy test, their contraception) does not concern him.
        if (sex == PatientSex.Male)
        {
            if (condition && !PotentialOnly)
            {
                return ConstraintCheck.NotMet("male");
            }

            if (condition || Topic == ReproductiveTopic.NegativePregnancyTest || AppliesTo == PatientSex.Female)
            {
                return ConstraintCheck.NotApplicable("male: asked of women only");
            }
        }
        else if (AppliesTo is { } applies && sex is { } known && known != applies)
        {
            return ConstraintCheck.NotApplicable($"sex {sex}");
        }

        // A girl under 10 or a woman of 55 or more is not of childbearing potential: pregnancy and breastfeeding are
        // absent on the record's age, and what is asked of women who could become pregnant does not apply.
        if (sex == PatientSex.Female && AgeOutsideChildbearing(patient, context) is { } age)
        {
            return condition && !PotentialOnly && age >= MinimumAgeWithoutChildbearingPotential
                ? ConstraintCheck.NotMet($"age {Number(age)}: not of childbearing potential")
                : ConstraintCheck.NotApplicable($"age {Number(age)}: not of childbearing potential");
        }

        // A woman recorded as postmenopausal, or without a uterus or both ovaries, cannot become pregnant: as for age.
        if (sex == PatientSex.Female && NotOfChildbearingPotential(patient) is { } reason)
        {
            return condition && !PotentialOnly
                ? ConstraintCheck.NotMet($"{reason}: not of childbearing potential")
                : ConstraintCheck.NotApplicable($"{reason}: not of childbearing potential");
        }

        return Topic switch
        {
            ReproductiveTopic.Pregnancy => patient.Pregnant is { } p
                ? ConstraintCheck.Of(p.Value && p.Certainty == Certainty.Asserted, p.Value && p.Certainty == Certainty.Asserted ? "pregnant" : "not pregnant")
                : ConstraintCheck.Unknown("Is the patient pregnant?", "pregnancy status not recorded"),
            ReproductiveTopic.Breastfeeding => patient.Breastfeeding is { } b
                ? ConstraintCheck.Of(b.Value && b.Certainty == Certainty.Asserted, b.Value && b.Certainty == Certainty.Asserted ? "breastfeeding" : "not breastfeeding")
                : ConstraintCheck.Unknown("Is the patient breastfeeding?", "breastfeeding status not recorded"),
            ReproductiveTopic.NegativePregnancyTest => patient.Pregnant is { Certainty: Certainty.Negated } or { Value: false }
                ? ConstraintCheck.Met("not pregnant")
                : patient.Pregnant is { Value: true, Certainty: Certainty.Asserted } ? ConstraintCheck.NotMet("pregnant") : ConstraintCheck.Unknown("Has the patient had a negative pregnancy test?"),
            _ => ConstraintCheck.Unknown("Will the patient use effective contraception during the study?", "agreement to contraception is asked at enrolment"),
        };
    }

    /// <summary>From this age a woman is taken as not of childbearing potential (natural menopause is over by then in nearly all women).</summary>
    public const int MinimumAgeWithoutChildbearingPotential = 55;

    private const int MaximumAgeBeforeChildbearingPotential = 10;

    /// <summary>"Postmenopausal", "s/p hysterectomy", "bilateral oophorectomy" in the record: what makes pregnancy impossible, or null.</summary>
    private static string? NotOfChildbearingPotential(PatientProfile patient)
    {
        foreach (var condition in patient.Conditions)
        {
            if (condition.Certainty is Certainty.Asserted or Certainty.Historical && string.Equals(condition.Concept, "menopause", StringComparison.OrdinalIgnoreCase))
            {
                return "postmenopausal";
            }
        }

        foreach (var therapy in patient.Therapies)
        {
            if (therapy.Certainty is Certainty.Asserted or Certainty.Historical && SterilisingProcedure().IsMatch(therapy.Name))
            {
                return therapy.Name;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:(?:total\s+|radical\s+|abdominal\s+|vaginal\s+)?hysterectomy|bilateral\s+(?:salpingo-?)?oophorectomy|BSO|TAH)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SterilisingProcedure();

    private static decimal? AgeOutsideChildbearing(PatientProfile patient, EvaluationContext context) =>
        patient.AgeOn(context.Today) is { } age && (age >= MinimumAgeWithoutChildbearingPotential || age < MaximumAgeBeforeChildbearingPotential) ? age : null;
}

/// <summary>Reads "pregnant or breastfeeding", "women of childbearing potential must use contraception", "negative serum pregnancy test".</summary>
public static partial class ReproductiveParser
{
    public static void Parse(CriterionContext c)
    {
        var before = c.Found.Count;
        var test = PregnancyTest().Match(c.Text);

        // "Pregnant, as confirmed by a serum pregnancy test", "positive urine hCG": the test shows the pregnancy; the
        // criterion is about being pregnant, not about a negative test.
        var confirming = test.Success && ConfirmingTest().IsMatch(c.Lower);
        if (test.Success && !confirming)
        {
            c.Add(new ReproductiveConstraint(ReproductiveTopic.NegativePregnancyTest, PatientSex.Female) { Span = CriterionContext.Span(test) });
        }

        var contraception = Contraception().Match(c.Text);
        if (!contraception.Success && c.Lead is { } lead && Contraception().IsMatch(lead))
        {
            // One of the methods listed under "Acceptable methods of contraception include:" ("diaphragm or cervical cap
            // with spermicide", "injectable progestogen"): the lead's requirement, met by this method among others.
            contraception = ContraceptiveMethod().Match(c.Text);
        }

        if (contraception.Success)
        {
            c.Add(new ReproductiveConstraint(ReproductiveTopic.Contraception, AppliesTo(ScopeOf(c))) { Span = CriterionContext.Span(contraception), Negated = NotUsing().IsMatch(c.Lower) });
        }

        if ((!test.Success || confirming) && !contraception.Success)
        {
            for (var m = Pregnant().Match(c.Text); m.Success; m = m.NextMatch())
            {
                if (confirming && m.Index >= test.Index && m.Index < test.Index + test.Length)
                {
                    continue;
                }

                c.Add(new ReproductiveConstraint(ReproductiveTopic.Pregnancy) { Span = CriterionContext.Span(m), Negated = c.IsNegatedAt(m.Index) ^ IsNonPrefixed(m) });
            }

            if (confirming && c.Found.Count == before)
            {
                c.Add(new ReproductiveConstraint(ReproductiveTopic.Pregnancy) { Span = CriterionContext.Span(test), Negated = c.IsNegatedAt(test.Index) });
            }
        }

        if (!contraception.Success)
        {
            for (var m = Breastfeeding().Match(c.Text); m.Success; m = m.NextMatch())
            {
                c.Add(new ReproductiveConstraint(ReproductiveTopic.Breastfeeding) { Span = CriterionContext.Span(m), Negated = c.IsNegatedAt(m.Index) ^ IsNonPrefixed(m) });
            }
        }

        // "Premenopausal women" alone is whom the trial takes (a menopausal status, read as a condition), not a rule for
        // women who could become pregnant.
        if (c.Found.Count == 0 && Childbearing().Match(c.Text) is { Success: true } cb && !MenopausalStatus().IsMatch(cb.Value))
        {
            c.Add(new ReproductiveConstraint(ReproductiveTopic.Contraception, PatientSex.Female) { Span = CriterionContext.Span(cb) });
        }

        if (c.Found.Count > before && Childbearing().IsMatch(ScopeOf(c)))
        {
            for (var i = before; i < c.Found.Count; i++)
            {
                if (c.Found[i] is ReproductiveConstraint reproductive)
                {
                    c.Found[i] = reproductive with { PotentialOnly = true };
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?:women|woman|females?|wocbp|girls)\b|child[- ]?bearing|of\s+reproductive\s+potential\s+(?:women|females)", RegexOptions.CultureInvariant)]
    private static partial Regex Female();

    [GeneratedRegex(@"\b(?:men|man|males?|boys)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Male();

    [GeneratedRegex(@"\b(?:pregnan(?:t|cy)\s+test|(?:serum|urine)\s+(?:beta[- ]?)?(?:hcg|β-hcg|pregnancy)|negative\s+(?:serum\s+|urine\s+)?(?:beta[- ]?)?hcg)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PregnancyTest();

    [GeneratedRegex(@"\bpositive\s+(?:serum\s+|urine\s+)?(?:pregnancy\s+test|(?:beta[- ]?|β-)?hcg)|\b(?:pregnan\w*|gravid)\b[^.;]{0,30}?\b(?:confirmed\s+by|on\s+the\s+basis\s+of|based\s+on|as\s+(?:shown|documented|determined|evidenced)\s+by)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmingTest();

    [GeneratedRegex(@"\b(?:contracepti\w+|pregnancy\s+prevention|prevent(?:ing)?\s+pregnancy|birth\s+control|barrier\s+method|abstinen\w+|sterili[sz]\w+|vasectom\w+|intrauterine\s+device|double[- ]barrier|methods?\s+of\s+(?:effective\s+)?(?:birth\s+control|contraception)|avoid\s+(?:becoming\s+pregnant|pregnancy|fathering)|father(?:ing)?\s+a\s+child|sperm\s+donation|donate\s+sperm)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contraception();

    [GeneratedRegex(@"\b(?:spermicid\w*|diaphragms?|cervical\s+caps?|condoms?|intrauterine\s+(?:devices?|systems?|hormon\w+)|IUDs?|IUS|(?:vaginal|contraceptive)\s+rings?|(?:injectable|implant(?:ed|able)?|oral|transdermal|combined|hormonal)\s+(?:progest\w+|contracept\w+|hormon\w+|estrogen|oestrogen|methods?|patch(?:es)?|implants?)|progest(?:ogen|in)s?(?:[- ]only)?|(?:bilateral\s+)?tubal\s+(?:ligation|occlusion)|oral\s+contraceptives?|the\s+pill|implants?|partner(?:'s)?\s+vasectomy|sexual\s+abstinence|surgical(?:ly)?\s+steril\w+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContraceptiveMethod();

    [GeneratedRegex(@"\b(?:unwilling|not\s+willing|refuse|not\s+using|not\s+agree)", RegexOptions.CultureInvariant)]
    private static partial Regex NotUsing();

    [GeneratedRegex(@"\b(?:(?:non-?\s?)?pregnan(?:t|cy|cies)|gravid|expecting\s+a\s+(?:baby|child)|planning\s+(?:to\s+become\s+pregnant|a\s+pregnancy))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pregnant();

    /// <summary>"Non-pregnant", "nonlactating": the word carries its own negation.</summary>
    /// <summary>The words that say whom the criterion is for: its own and its lead's. Read only once a constraint is found (most criteria have none).</summary>
    private static string ScopeOf(CriterionContext c) => c.Lead is null ? c.Lower : c.Lower + " " + c.Lead.ToLowerInvariant();

    /// <summary>The sex a contraception rule is for, when the scope names one sex only.</summary>
    private static PatientSex? AppliesTo(string scope) =>
        Female().IsMatch(scope) && !Male().IsMatch(scope) ? PatientSex.Female : Male().IsMatch(scope) && !Female().IsMatch(scope) ? PatientSex.Male : null;

    private static bool IsNonPrefixed(Match m) => m.Value.StartsWith("non", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:(?:non-?\s?)?breast[- ]?feeding|breast[- ]?feed|(?:non-?\s?)?lactating|lactation|nursing(?!\s+(?:home|facility|staff|care))|breastfed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Breastfeeding();

    [GeneratedRegex(@"\b(?:child[- ]?bearing\s+(?:potential|age)|wocbp|reproductive\s+(?:potential|age)|of\s+(?:child[- ]?bearing|reproductive)\s+years|fertile\s+(?:women|woman|females?|men|males?|patients|subjects)|able\s+to\s+(?:conceive|become\s+pregnant|bear\s+children)|(?:pre|peri)-?menopausal)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Childbearing();

    [GeneratedRegex(@"^(?:pre|peri)-?menopausal$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MenopausalStatus();
}
