using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Parsing;

/// <summary>One criterion with the typed constraints read from it.</summary>
/// <param name="Constraints">Empty when nothing was understood: the criterion is then free text, shown and asked as written.</param>
public sealed record ParsedCriterion(CriterionSegment Segment, IReadOnlyList<EligibilityConstraint> Constraints)
{
    /// <summary>True when the rule itself was not understood (its scope may have been).</summary>
    public bool IsFreeText => Constraints.Count == 0;

    /// <summary>Who the rule applies to, when the text limits it ("For patients aged 50-65, ...", "Group A: ..."), or null for everyone.</summary>
    public CriterionScope? Scope { get; init; }
}

/// <summary>
/// The subgroup a criterion is limited to: a cohort, part or arm ("Part B", "Group 1"), or people described by age,
/// sex or a condition ("Patients with ER-positive disease must ..."). A patient outside it is not concerned
/// (NotApplicable); one whose membership is unknown cannot fail it (a question instead).
/// </summary>
/// <param name="Label">The subgroup as written.</param>
/// <param name="Constraints">What membership needs, when the words say it (all must hold); empty for a cohort label.</param>
/// <param name="Healthy">True when the subgroup is healthy volunteers or controls, which a patient with a recorded disease is not.</param>
/// <param name="OtherPerson">True when the rule is about someone other than the patient (a donor, a parent, a partner).</param>
public sealed record CriterionScope(string Label, IReadOnlyList<EligibilityConstraint> Constraints, bool Healthy = false, bool OtherPerson = false);

/// <summary>
/// Turns one criterion into typed constraints by running every constraint family's parser in a fixed order: the
/// specific families first (they claim their words), general-medicine concepts last.
/// </summary>
public sealed partial class CriterionParser(OncologyVocabulary vocabulary)
{
    private static readonly Action<CriterionContext>[] Families =
    [
        BoilerplateParser.Parse,
        OtherMalignancyParser.Parse,
        PerformanceStatusParser.Parse,
        LifeExpectancyParser.Parse,
        AgeParser.Parse,
        MeasurableDiseaseParser.Parse,
        OrganFunctionParser.Parse,
        InfectionParser.Parse,
        LaboratoryParser.Parse,
        ReproductiveParser.Parse,
        MetastasisParser.Parse,
        BiomarkerParser.Parse,
        StageParser.Parse,
        CancerTypeParser.Parse,
        PriorTherapyParser.Parse,
        SexParser.Parse,
        ConditionParser.Parse,
        NamedMeasureParser.Parse,
        UnlistedConceptParser.Parse,
    ];

    public static CriterionParser Default { get; } = new(OncologyVocabulary.BuiltIn);

    public OncologyVocabulary Vocabulary { get; } = vocabulary;

    public ParsedCriterion Parse(CriterionSegment segment)
    {
        var context = new CriterionContext(segment.Text, segment.Role, Vocabulary, segment.Section, segment.Lead);
        foreach (var family in Families)
        {
            family(context);
        }

        var found = QualifyStudyRecords(context, QualifyLabels(context, QualifyPermissions(context, ReadInclusionStatingExclusion(context, ReadExclusionListedAsRequirement(context)))));
        PriorTherapyParser.ExceptNamedDrugs(context, found);
        ConditionParser.ExceptNamedConditions(context, found);

        // "Participation in a clinical trial of another investigational drug within 30 days", "currently receiving
        // treatment in another investigational study": the investigational agent is the other trial's, settled at
        // enrolment with it, not a treatment to look for in the record.
        if (found.Exists(f => f is BoilerplateConstraint { Boilerplate: BoilerplateKind.StudyConduct }))
        {
            found.RemoveAll(f => f is PriorTherapyConstraint { Agent: "investigational agent" });
        }

        DropExplanations(context, found);
        ReadTreatmentsOfAnotherCancer(context, found);

        // "Premenopausal women must use effective contraception", "women of childbearing potential (including those less
        // than 12 months after menopause)": the menopausal status says whom a pregnancy rule is for; it is not required.
        if (found.Exists(f => f is ReproductiveConstraint))
        {
            for (var i = 0; i < found.Count; i++)
            {
                if (found[i] is ConditionConstraint { Concept: "premenopause" or "perimenopause" or "menopause" } status)
                {
                    found[i] = status with { Qualifies = true };
                }
            }
        }
        for (var i = 0; i < found.Count; i++)
        {
            if (!found[i].Qualifies && (context.IsAftermathAt(found[i].Span.Start) || IsAnyStatus(context, found[i])))
            {
                found[i] = found[i] with { Qualifies = true };
            }

            if (found[i] is PriorTherapyConstraint { AgentKind: not TherapyAgentKind.Modality } therapy
                && SystemicRouteBefore().IsMatch(context.Lower.AsSpan()[Math.Max(0, therapy.Span.Start - 40)..Math.Min(therapy.Span.Start, context.Lower.Length)]))
            {
                found[i] = therapy with { SystemicOnly = true };
            }
        }

        var (scope, body) = ScopeOf(segment, found);
        return new ParsedCriterion(segment, body) { Scope = scope };
    }

    /// <summary>
    /// "No chemotherapy for treatment of any other prior malignancy": the treatment is the other cancer's, so the
    /// patient's treatments of the cancer the trial studies do not count. The treatment only qualifies; the other
    /// cancer, with the treatment named, decides.
    /// </summary>
    private static void ReadTreatmentsOfAnotherCancer(CriterionContext context, List<EligibilityConstraint> found)
    {
        for (var o = 0; o < found.Count; o++)
        {
            if (found[o] is not OtherMalignancyConstraint other)
            {
                continue;
            }

            for (var t = 0; t < found.Count; t++)
            {
                if (found[t] is PriorTherapyConstraint { Qualifies: false } therapy && therapy.Span.End <= other.Span.Start
                    && TherapyForAnother().IsMatch(context.Lower.AsSpan(therapy.Span.End, other.Span.Start - therapy.Span.End)))
                {
                    found[t] = therapy with { Qualifies = true };
                    found[o] = other = other with { TreatedWith = other.TreatedWith is { } named ? $"{named} or {therapy.Agent}" : therapy.Agent };
                }
            }
        }
    }

    [GeneratedRegex(@"^(?:\s*(?:,|or|and|and/or)?\s*[\w-]+){0,4}?\s+(?:given\s+|received\s+)?(?:for|to\s+treat|in)\s+(?:the\s+)?(?:treatment\s+of\s+)?(?:(?:any|an|a|the|their)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TherapyForAnother();

    /// <summary>
    /// What a hedged aside says of a disease's cause or company is an explanation, not a rule: "Subacute thyroiditis,
    /// a painful inflammation thought to result from viral infection", "Secondary hypothyroidism, usually resulting
    /// from tumors of the pituitary", "usually present in patients with psychiatric illness". Constraints read inside
    /// such an aside (up to the end of its clause) are dropped; the disease named before it stands.
    /// </summary>
    private static void DropExplanations(CriterionContext context, List<EligibilityConstraint> found)
    {
        if (found.Count == 0 || context.Lower.AsSpan().IndexOfAny(HedgeWords) < 0)
        {
            return;
        }

        foreach (Match aside in Explanation().Matches(context.Lower))
        {
            var start = aside.Index;
            var end = start + aside.Length;
            found.RemoveAll(f => f.Span.Start >= start && f.Span.Start < end);
        }
    }

    /// <summary>The words an explanation starts with, to pass over most criteria without running its pattern.</summary>
    private static readonly System.Buffers.SearchValues<string> HedgeWords = System.Buffers.SearchValues.Create(
        ["thought", "believed", "presumed", "felt", "considered", "usually", "probably", "possibly", "typically", "often", "commonly", "generally", "mostly", "frequently", "which may", "which can", "which might"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:(?:thought|believed|presumed|felt|considered)\s+to\s+(?:result|arise|stem|be\s+(?:caused|due|related|secondary))|(?:usually|probably|possibly|typically|often|commonly|generally|mostly|frequently)\s+(?:\w+\s+)?(?:result\w*|caus\w*|due|related|associated|present|seen|found|occurr\w*|secondary|arising|attributed)|which\s+(?:may|can|might)\s+(?:be\s+(?:present|seen|found|caused|due)|result|occur|arise))\b[^;.()]*", RegexOptions.CultureInvariant)]
    private static partial Regex Explanation();

    /// <summary>
    /// The subgroup the criterion is limited to, from its own opening words ("For patients with X, ...", "Group A: ...",
    /// "Patients aged 50-65 must ...") or a cohort in parentheses ("(phase I)") or a cohort heading above it, and the
    /// constraints of the rule itself (those read in the opening words describe the subgroup instead).
    /// </summary>
    private static (CriterionScope? Scope, IReadOnlyList<EligibilityConstraint> Body) ScopeOf(CriterionSegment segment, List<EligibilityConstraint> found)
    {
        var text = segment.Text;

        // "Donors must be HIV-negative", "Parents must agree to ...": a rule about another person than the patient.
        if (OtherPersonSubject().Match(text) is { Success: true } other)
        {
            return (new CriterionScope(other.Groups["scope"].Value.Trim(), [], OtherPerson: true), found);
        }

        // "If female, ...", "Males must ...", "Women of childbearing potential must ...", "Premenopausal women: ...": a
        // rule for one sex, which asks nothing of the other.
        if (found.Count > 0 && ScopeSex().Match(text) is { Success: true } sexScope)
        {
            var group = sexScope.Groups["scope"];
            var end = group.Index + group.Length;
            var sex = FemaleWord().IsMatch(group.Value) ? PatientSex.Female : PatientSex.Male;
            var inScope = found.Where(c => c.Span.Start < end).ToList();
            inScope.Add(new SexConstraint(sex) { Span = CriterionContext.Span(group.Index, end), Role = segment.Role });
            return (new CriterionScope(group.Value.Trim(), inScope), found.Where(c => c.Span.Start >= end).ToList());
        }

        // "Lansky 50-100% if 10 years of age or under": the age in a trailing condition says whom the rule is for.
        if (found.Count > 1 && found.Exists(c => c.Kind == ConstraintKind.Age) && AgeScopeAtEnd().Match(text) is { Success: true } ageScope
            && found.Any(c => c.Kind == ConstraintKind.Age && c.Span.Start >= ageScope.Index))
        {
            var inScope = found.Where(c => c.Kind == ConstraintKind.Age && c.Span.Start >= ageScope.Index).ToList();
            var body = found.Where(c => !inScope.Contains(c)).ToList();
            if (body.Count > 0)
            {
                return (new CriterionScope(ageScope.Groups["scope"].Value.Trim(), inScope), body);
            }
        }

        // "0.8 mg/dL (2 to 5 years of age)": an age in brackets after a value says whom the value is for. With one such
        // bracket it is the criterion's subgroup; with several ("Karnofsky 50-100% (for patients > 16 years of age) or
        // Lansky 50-100% (for patients ≤ 16 years of age)") each says whom the words before it are for.
        if (found.Exists(c => c.Kind == ConstraintKind.Age) && text.Contains('(') && BracketedAges(text, found) is { Count: > 0 } bracketed
            && bracketed.Sum(b => b.Ages.Count) == found.Count(c => c.Kind == ConstraintKind.Age))
        {
            // One bracket of ages in the criterion is its subgroup; another bracket of ages whose age the reading missed
            // makes them alternatives, each for its own ages.
            if (bracketed.Count == 1 && AgeBracket().Count(text) == 1)
            {
                var (open, close, ages, _) = bracketed[0];
                return (new CriterionScope(text[(open + 1)..close].Trim(), ages), found.Where(c => !ages.Contains(c)).ToList());
            }

            var scoped = new List<EligibilityConstraint>(found.Count);
            foreach (var constraint in found)
            {
                if (constraint is AgeConstraint && bracketed.Exists(b => b.Ages.Contains(constraint)))
                {
                    scoped.Add(constraint with { Qualifies = true });
                    continue;
                }

                var owner = bracketed.Find(b => constraint.Span.Start >= b.From && constraint.Span.Start < b.Open);
                scoped.Add(owner.Ages is { Count: > 0 } ? constraint with { AppliesAt = MergeAges(owner.Ages) } : constraint);
            }

            found = scoped;
        }

        var scopeFor = ScopeFor().Match(text);
        var opening = scopeFor.Success ? scopeFor
            : ScopeLabel().Match(text) is { Success: true } l ? l
            : ScopeSubject().Match(text) is { Success: true } j ? j
            : null;
        if (opening is not null)
        {
            var group = opening.Groups["scope"];
            var end = group.Index + group.Length;
            var inScope = found.Where(c => c.Span.Start < end).ToList();
            var body = found.Where(c => c.Span.Start >= end).ToList();

            // "Patients with measurable disease must ..." with nothing read after it: the opening words are the rule. After
            // "For subjects not using inhaled corticosteroids, FEV1 ..." the rule is what follows, read or not.
            if (body.Count > 0 || inScope.Count == 0 || (ReferenceEquals(opening, scopeFor) && text[end..].Count(char.IsWhiteSpace) >= 3))
            {
                return (new CriterionScope(group.Value.Trim(), inScope, Healthy().IsMatch(group.Value)), body);
            }
        }

        // "(stage 2 only)" is a part of the study; "lymphoma (stage II-IV)" is the cancer's stage, read as such.
        if (ScopeInParentheses().Match(text) is { Success: true } p && !CancerStageInParentheses().IsMatch(text.AsSpan(0, p.Index + p.Length))
            && !(RomanStage().IsMatch(p.Value) && CancerAfter().IsMatch(text.AsSpan(p.Index + p.Length))))
        {
            return (new CriterionScope(p.Groups["scope"].Value.Trim(), []), found.Where(c => c.Span.Start < p.Index || c.Span.Start >= p.Index + p.Length).ToList());
        }

        return segment.Cohort is { } cohort ? (new CriterionScope(cohort, [], Healthy().IsMatch(cohort)), found) : (null, found);
    }

    /// <summary>
    /// The brackets that hold only ages and follow words with a value or a constraint of their own ("0.8 mg/dL (2 to 5
    /// years of age)"), in order, each with where the words it qualifies start (after the previous bracket). Not
    /// "Children (2 to 17 years of age)" nor "Age (18-75)": there the bracket says how old the patient must be.
    /// </summary>
    private static List<(int Open, int Close, List<EligibilityConstraint> Ages, int From)> BracketedAges(string text, List<EligibilityConstraint> found)
    {
        var result = new List<(int Open, int Close, List<EligibilityConstraint> Ages, int From)>();
        var from = 0;
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            var close = text.IndexOf(')', open + 1);
            if (close < 0)
            {
                break;
            }

            // Brackets left open before one already taken ("50-((100% (over 10 years of age)") belong to it.
            if (open < from)
            {
                continue;
            }

            var inside = found.Where(c => c.Span.Start > open && c.Span.Start < close).ToList();
            if (inside.Count > 0 && inside.TrueForAll(c => c.Kind == ConstraintKind.Age) && AgeWords().IsMatch(text.AsSpan(open, close - open))
                && (found.Exists(c => c.Kind != ConstraintKind.Age && c.Span.Start >= from && c.Span.Start < open) || text.AsSpan(from, open - from).IndexOfAnyInRange('0', '9') >= 0)
                && !AgeHeadingBefore().IsMatch(text.AsSpan(from, open - from)))
            {
                result.Add((open, close, inside, from));
                from = close + 1;
            }
        }

        return result;
    }

    private static AgeConstraint MergeAges(List<EligibilityConstraint> ages) =>
        ages.Count == 1 ? (AgeConstraint)ages[0]
        : new AgeConstraint(ages.OfType<AgeConstraint>().Select(a => a.Minimum).Max(), ages.OfType<AgeConstraint>().Select(a => a.Maximum).Min())
        {
            MinimumInclusive = ages.OfType<AgeConstraint>().Where(a => a.Minimum is not null).All(a => a.MinimumInclusive),
            MaximumInclusive = ages.OfType<AgeConstraint>().Where(a => a.Maximum is not null).All(a => a.MaximumInclusive),
            Span = ages[0].Span,
        };

    [GeneratedRegex(@"\b(?:years?|yrs?|months?|age[ds]?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeWords();

    [GeneratedRegex(@"\([^()]*\d[^()]*\b(?:years?|yrs?|months?)\b[^()]*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeBracket();

    [GeneratedRegex(@"\b(?:age[ds]?|years?\s+old)\s*[:=]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeHeadingBefore();

    [GeneratedRegex(@"^\s*(?:for|in|among)\s+(?<scope>(?:the\s+|all\s+)?(?:patients?|subjects?|participants?|women|men|males?|females?|those|individuals|children|adults|adolescents|cohorts?|groups?|arms?|parts?|phase|healthy|controls?)\b[^,:;]{0,80}?)\s*[,:;]\s*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeFor();

    [GeneratedRegex(@"^\s*(?<scope>(?:groups?|cohorts?|parts?|arms?|phase|module|stratum|sub-?study)\s+[\w.-]{1,6}(?:\s*\([^)]{0,40}\))?(?:\s+only)?)\s*(?::|-\s|–|\)\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeLabel();

    [GeneratedRegex(@"^\s*(?<scope>(?:patients?|subjects?|participants?|women|men|males?|females?|individuals|children|adolescents|adults)\s+(?:(?:aged?|ages|with|who|in|of|on|from|for|receiving|undergoing|treated|enrolled|younger|older|over|under|between)\b|[<>≤≥])[^;:]{2,100}?)\s+(?:must|should|shall|will\s+(?:need|be\s+required)|need\s+to|are\s+required\s+to|is\s+required\s+to|have\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeSubject();

    [GeneratedRegex(@"^\W*(?:if\s+(?:the\s+(?:patient|subject|participant)\s+is\s+)?(?<scope>female|male|a\s+woman|a\s+man)\b|(?:for\s+)?(?<scope>(?:pre-?menopausal|peri-?menopausal|post-?menopausal|fertile|sexually\s+active)\s+(?:women|females?)|(?:women|females?|men|males?)(?:\s+(?:patients|subjects|participants))?(?:\s+of\s+(?:child-?bearing|reproductive)\s+(?:potential|age))?)(?=\s*(?::|,?\s*(?:must|should|who|will|need|agrees?|are\s+required|have\s+to)\b)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeSex();

    [GeneratedRegex(@"\b(?:if|when|for)\s+(?<scope>(?:(?:patients|subjects|participants|children)\s+)?(?:aged?\s+)?(?:[<>≤≥]=?\s*)?\d{1,3}\s*(?:years?|yrs?)(?:\s+of\s+age|\s+old)?(?:\s+(?:or|and)\s+(?:under|younger|less|below|older|over|above))?)\s*[.;)]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeScopeAtEnd();

    [GeneratedRegex(@"\b(?:female|females|women|woman)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FemaleWord();

    [GeneratedRegex(@"^\W*(?:the\s+|all\s+|potential\s+|related\s+|unrelated\s+|stem\s+cell\s+|marrow\s+|organ\s+|living\s+)*(?<scope>(?:donors?|parents?|caregivers?|care\s*givers?|(?:sexual\s+)?partners?|spouses?|siblings?|family\s+members?|(?:legal(?:ly)?\s+)?guardians?)(?:\s*(?:or|and|and/or|/)\s*(?:legal(?:ly)?\s+)?(?:guardians?|caregivers?|parents?|partners?))?(?:\s*\([^)]{0,40}\))?)\s*(?::|(?:must|should|shall|will|need|needs|are|is|has|have)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherPersonSubject();

    [GeneratedRegex(@"\((?<scope>(?:phase|part|cohort|group|arm|stage)\s+[\w.-]{1,6}(?:\s+only)?)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeInParentheses();

    /// <summary>The names of a cancer that may stand beside a stage in brackets.</summary>
    private const string CancerNoun = @"cancers?|carcinomas?|\w+omas?|leuka?emias?|tumou?rs?|malignanc(?:y|ies)|neoplasms?|NHL|NSCLC|SCLC";

    /// <summary>A cancer's stage group or range in brackets: "(stage III)", "(stages II-IV)", "(stage IIIA only)".</summary>
    private const string BracketedRomanStage = @"\(\s*stages?\s+(?:IV|I{1,3})[ABC]?(?:\s*(?:-|–|to|or|and)\s*(?:IV|I{1,3})[ABC]?)?\s*(?:only\s*)?\)";

    [GeneratedRegex(@"(?:" + CancerNoun + @"|disease|HL)\s*" + BracketedRomanStage + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancerStageInParentheses();

    [GeneratedRegex("^" + BracketedRomanStage + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RomanStage();

    /// <summary>A cancer named in the next few words, with no punctuation between: "(stage II-IV) B-cell non-Hodgkin's lymphoma".</summary>
    [GeneratedRegex(@"^[^.;:,()]{0,50}?\b(?:" + CancerNoun + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancerAfter();

    [GeneratedRegex(@"\b(?:healthy|controls?|control\s+(?:group|subjects|participants))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Healthy();

    /// <summary>
    /// An exclusion written the way requirements are ("Exclusion criteria: Not pregnant or nursing", "No myelodysplastic
    /// syndromes"), common where a protocol's characteristics were copied under an exclusion heading: the leading "no"
    /// or "not" names what excludes, it does not turn the exclusion into its opposite. Conditions, treatments and
    /// exposures only; abilities and consent ("not able to consent") keep their negation.
    /// </summary>
    private static List<EligibilityConstraint> ReadExclusionListedAsRequirement(CriterionContext context)
    {
        var found = context.Found;
        if (context.Role != CriterionRole.Exclusion || !LeadingNegation().IsMatch(context.Text))
        {
            return found;
        }

        for (var i = 0; i < found.Count; i++)
        {
            var constraint = found[i];
            if (constraint.Negated && constraint.Kind is ConstraintKind.Condition or ConstraintKind.PriorTherapy or ConstraintKind.Reproductive or ConstraintKind.Infection
                    or ConstraintKind.Metastasis or ConstraintKind.OtherMalignancy or ConstraintKind.CancerType
                && constraint.Span.Start <= context.Text.Length
                && InnerNegation().Matches(context.Lower[..constraint.Span.Start]).Count == 1)
            {
                found[i] = constraint with { Negated = false };
            }
        }

        return found;
    }

    /// <summary>
    /// An inclusion that names who may not take part ("Patients with osteoporosis are not eligible", "Smokers will be
    /// excluded") is an exclusion: what it names must be absent.
    /// </summary>
    private static List<EligibilityConstraint> ReadInclusionStatingExclusion(CriterionContext context, List<EligibilityConstraint> found)
    {
        if (context.Role != CriterionRole.Inclusion || found.Count == 0 || !(ExcludedAtEnd().IsMatch(context.Text) || ProtocolExcludes().IsMatch(context.Text)))
        {
            return found;
        }

        // Only the sentence that excludes ("Age 18 to 65. Because CLL is rare in children, children are excluded"): the
        // rules before it stand, and a reason given with "because" names no one excluded.
        // "This protocol excludes pregnant women because ..." names, after the rule, whom it excludes: all of it stands.
        var sentenceStart = 0;
        if (ExcludedAtEnd().Match(context.Text) is { Success: true } atEnd)
        {
            sentenceStart = SentenceBoundary().Match(context.Text[..atEnd.Index]) is { Success: true } boundary ? boundary.Index + boundary.Length : 0;
            if (ReasonOpening().IsMatch(context.Text.AsSpan(sentenceStart)))
            {
                return found;
            }
        }

        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Span.Start < sentenceStart)
            {
                continue;
            }

            if (found[i].Kind is ConstraintKind.Condition or ConstraintKind.PriorTherapy or ConstraintKind.Infection or ConstraintKind.Metastasis
                or ConstraintKind.OtherMalignancy or ConstraintKind.Reproductive or ConstraintKind.CancerType)
            {
                found[i] = found[i] with { Negated = !found[i].Negated };
            }
        }

        return found;
    }

    [GeneratedRegex(@"\b(?:are|is|will\s+be|shall\s+be)\s+(?:not\s+eligible|ineligible|excluded|not\s+(?:allowed|permitted|included|enrolled))\s*[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExcludedAtEnd();

    [GeneratedRegex(@"^\s*(?:because|since|as|given\s+that|due\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReasonOpening();

    /// <summary>The last end of a sentence: a semicolon, or a full stop before a capital that does not close "e.g." or "i.e.".</summary>
    [GeneratedRegex(@"(?:;|(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|al))\.\s+(?=[A-Z]))\s*", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    /// <summary>"This protocol excludes pregnant or lactating women because ...": the reason given after the rule does not make it a requirement.</summary>
    [GeneratedRegex(@"\b(?:this|the)\s+(?:protocol|study|trial)\s+(?:excludes|will\s+exclude)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolExcludes();

    /// <summary>
    /// A sentence that grants a permission ("Patients may have received ritonavir before", "prior radiotherapy is
    /// allowed") asks nothing of the patient, even inside a criterion that also states a rule: what it names only
    /// qualifies the rule. A criterion that is one permission is handled as a whole by the evaluator.
    /// </summary>
    private static List<EligibilityConstraint> QualifyPermissions(CriterionContext context, List<EligibilityConstraint> found)
    {
        if (found.Count == 0 || !PermissionWords().IsMatch(context.Text))
        {
            return found;
        }

        // "No concurrent corticosteroids (up to 10 mg prednisone a day allowed)": what the parenthesis permits.
        for (var permitted = PermittingParenthesis().Match(context.Text); permitted.Success; permitted = permitted.NextMatch())
        {
            for (var i = 0; i < found.Count; i++)
            {
                if (found[i].Span.Start > permitted.Index && found[i].Span.Start < permitted.Index + permitted.Length && !found[i].Qualifies)
                {
                    found[i] = found[i] with { Qualifies = true };
                }
            }
        }

        var sentences = SentenceEnd().Split(context.Text);
        if (sentences.Length < 2)
        {
            return found;
        }

        var start = 0;
        foreach (var sentence in sentences)
        {
            var end = start + sentence.Length;
            if ((PermissionWords().IsMatch(sentence) && !Evaluation.EligibilityEvaluator.RestrictsPermission(sentence)) || NotAnExclusion().IsMatch(sentence))
            {
                for (var i = 0; i < found.Count; i++)
                {
                    if (found[i].Span.Start >= start && found[i].Span.Start < end && !found[i].Qualifies)
                    {
                        found[i] = found[i] with { Qualifies = true };
                    }
                }
            }

            start = Math.Min(context.Text.Length, end + 1);
        }

        return found;
    }

    /// <summary>
    /// "Slides of the primary lesion will be requested; HER2 and hormone-receptor status will be recorded": a sentence
    /// that says what the study will collect, with no rule in it, asks nothing of the patient.
    /// </summary>
    private static List<EligibilityConstraint> QualifyStudyRecords(CriterionContext context, List<EligibilityConstraint> found)
    {
        if (found.Count == 0 || !StudyWillRecord().IsMatch(context.Text))
        {
            return found;
        }

        var start = 0;
        foreach (var sentence in SentenceEnd().Split(context.Text))
        {
            var end = start + sentence.Length;
            if (StudyWillRecord().IsMatch(sentence) && !RuleWords().IsMatch(sentence))
            {
                for (var i = 0; i < found.Count; i++)
                {
                    if (found[i].Span.Start >= start && found[i].Span.Start < end && !found[i].Qualifies)
                    {
                        found[i] = found[i] with { Qualifies = true };
                    }
                }
            }

            start = Math.Min(context.Text.Length, end + 1);
        }

        return found;
    }

    [GeneratedRegex(@"\bwill\s+be\s+(?:recorded|requested|collected|obtained|reviewed|documented|stored|sent|submitted|archived|noted|registered)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyWillRecord();

    [GeneratedRegex(@"\b(?:must|should|shall|required?|only|no|not|without|exclud\w*|eligible|ineligible|at\s+least)\b|[<>≤≥]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleWords();

    /// <summary>
    /// "Any hormone-receptor status", "regardless of PD-L1 expression": every status is allowed, so the marker named is
    /// not a requirement.
    /// </summary>
    private static bool IsAnyStatus(CriterionContext context, EligibilityConstraint constraint)
    {
        var before = context.Lower.AsSpan()[Math.Max(0, constraint.Span.Start - 40)..Math.Min(constraint.Span.Start, context.Lower.Length)];
        return constraint switch
        {
            BiomarkerConstraint => AnyStatusBefore().IsMatch(before),
            _ => false,
        };
    }

    [GeneratedRegex(@"\b(?:systemic|oral|intravenous|iv|depot|parenteral|intramuscular|injectable)\b[^.;]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SystemicRouteBefore();

    [GeneratedRegex(@"\b(?:any|regardless\s+of|irrespective\s+of)\s+(?:[\w-]+\s+){0,1}$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyStatusBefore();

    /// <summary>
    /// A label ending in a colon ("Chemotherapy: no prior chemotherapy", "PRIOR CONCURRENT THERAPY: Biologic therapy: ...",
    /// "Hematopoietic: ...") names the topic of the words after it; what it names is not itself a requirement.
    /// </summary>
    private static List<EligibilityConstraint> QualifyLabels(CriterionContext context, List<EligibilityConstraint> found)
    {
        if (found.Count == 0 || !context.Text.Contains(':', StringComparison.Ordinal))
        {
            return found;
        }

        for (var label = Label().Match(context.Text); label.Success; label = label.NextMatch())
        {
            var group = label.Groups["label"];
            for (var i = 0; i < found.Count; i++)
            {
                if (found[i].Span.Start >= group.Index && found[i].Span.End <= group.Index + group.Length + 1 && !found[i].Qualifies)
                {
                    found[i] = found[i] with { Qualifies = true };
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?:^|(?<=[.;:]\s))\s*(?<label>[A-Z][A-Za-z/-]*(?:\s+[A-Za-z/-]+){0,3}):(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"\b(?:allowed|permitted|acceptable|may\s+(?:have|be|receive|continue|include|participate|enrol+)|can\s+be\s+(?:included|enrolled)|are\s+eligible|is\s+eligible|(?:is|are)\s+not\s+(?:an?\s+)?exclusion(?:s|ary)?|(?:is|are)\s+not\s+excluded|(?:does|do)\s+not\s+exclude)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PermissionWords();

    [GeneratedRegex(@"(?<=[.;])\s", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>"Lactose intolerance is not an exclusion", "patients with vitiligo are not excluded": what such a sentence names is allowed.</summary>
    [GeneratedRegex(@"\b(?:is|are)\s+not\s+(?:an?\s+)?(?:exclusion(?:s|ary)?|excluded)\b|\b(?:does|do)\s+not\s+exclude\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAnExclusion();

    [GeneratedRegex(@"\([^()]*\b(?:allowed|permitted|acceptable|may\s+(?:have|be|receive|continue|include|participate|enrol+)|(?:is|are)\s+not\s+(?:an?\s+)?exclusion(?:s|ary)?|(?:is|are)\s+not\s+excluded|(?:does|do)\s+not\s+exclude)\b[^()]*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PermittingParenthesis();

    [GeneratedRegex(@"^\s*(?:no|not)\s+(?!(?:more|less|greater|higher|fewer|longer)\s+than|able|willing|capable|available|candidates?|eligible|possible|consent|amenable|suitable|fit|agree|(?:(?:confirmed|established|documented|definite|clinical|histologic(?:al)?|pathologic(?:al)?)\s+)?diagnosis\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNegation();

    [GeneratedRegex(@"\b(?:no|not|without|never|none|nor|neither)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InnerNegation();

    /// <summary>Parses a single criterion given as text (as <c>criteria evaluate --criterion</c> does).</summary>
    public ParsedCriterion Parse(string text, CriterionRole role)
    {
        var trimmed = text.Trim();
        var start = text.IndexOf(trimmed, StringComparison.Ordinal);
        return Parse(new CriterionSegment(role, 1, trimmed, new Patients.SourceSpan(Math.Max(0, start), trimmed.Length)));
    }
}
