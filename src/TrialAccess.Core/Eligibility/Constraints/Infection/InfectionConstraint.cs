using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>An infection named by a criterion: HIV, hepatitis B, hepatitis C, tuberculosis, COVID-19, or any active infection.</summary>
/// <param name="Pathogen">"HIV", "hepatitis B", "hepatitis C", "tuberculosis", "COVID-19" or "active infection".</param>
/// <param name="ActiveOnly">True when the criterion is about active or uncontrolled infection ("active hepatitis B", "detectable viral load").</param>
/// <param name="Specifier">
/// A genotype, subtype or serotype the criterion names ("mixed genotype", "genotype 1"): only an infection of that kind
/// meets it, so a patient whose record names the infection but not its kind is a question.
/// </param>
/// <param name="UncontrolledOnly">
/// True when the criterion is about an infection that is not controlled ("uncontrolled infection", "without improvement
/// despite antibiotics"): an infection on record that is not said to be uncontrolled leaves it a question.
/// </param>
public sealed partial record InfectionConstraint(string Pathogen, bool ActiveOnly = false, string? Specifier = null, bool UncontrolledOnly = false) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Infection;

    public override string Describe() => (ActiveOnly ? $"active {Pathogen}" : Pathogen) + (Specifier is { } kind ? $" ({kind})" : string.Empty);

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        // An active infection is one being fought now (sepsis, pneumonia): HIV and chronic viral hepatitis, which rules name
        // apart, are not it.
        var synonyms = Synonyms(Pathogen);
        var match = patient.Conditions.FirstOrDefault(c => c.Concept is not (CoreAntibody or SurfaceAntibody) && synonyms.Any(s => Mentions(c.Text, s) || (c.Concept is { } k && Mentions(k, s)))
            && !(Pathogen == "active infection" && ChronicViral().IsMatch(c.Concept ?? c.Text)));
        if (match is null)
        {
            // A positive hepatitis B core antibody is a past infection, resolved or occult: whether it counts as the
            // hepatitis B a rule names is the study team's reading (many trials take it with an undetectable viral
            // load). A surface antibody alone is immunity, not infection.
            if (Pathogen == "hepatitis B" && patient.Conditions.FirstOrDefault(c => c.Concept == CoreAntibody && c.Certainty is Certainty.Asserted or Certainty.Historical) is { } core)
            {
                return ConstraintCheck.Unknown($"Does the patient's positive hepatitis B core antibody count as the {Describe()} this names (HBsAg, HBV DNA)?", $"{core.Text}: past hepatitis B infection");
            }

            return NotRecorded(patient, ConstraintCheck.Unknown($"Does the patient have {Pathogen}?", $"no {Pathogen} status recorded"), Pathogen);
        }

        if (Specifier is { } specifier && match.Certainty is Certainty.Asserted or Certainty.Historical
            && !match.Text.Contains(specifier, StringComparison.OrdinalIgnoreCase))
        {
            return ConstraintCheck.Unknown($"Is the patient's {Pathogen} of {specifier}?", $"{match.Text}; {specifier} not recorded");
        }

        if (UncontrolledOnly && match.Certainty == Certainty.Asserted && !UncontrolledWords().IsMatch(match.Text))
        {
            return ConstraintCheck.Unknown($"Is the patient's {match.Text} uncontrolled?", $"{match.Text}; not said to be uncontrolled");
        }

        return match.Certainty switch
        {
            Certainty.Negated => ConstraintCheck.NotMet($"{match.Text}: negative"),
            Certainty.Asserted => ConstraintCheck.Met(match.Text),
            Certainty.Historical when ActiveOnly => ConstraintCheck.Unknown($"Is the patient's {Pathogen} currently active?", $"history of {match.Text}"),
            Certainty.Historical => ConstraintCheck.Met($"history of {match.Text}"),
            _ => ConstraintCheck.Unknown($"Does the patient have {Pathogen}?", match.Text),
        };
    }

    [GeneratedRegex(@"\b(?:uncontrolled|refractory|resistant|persistent|worsening|not\s+(?:controlled|responding|improving))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UncontrolledWords();

    [GeneratedRegex(@"\b(?:hiv|human\s+immunodeficiency|aids|hepatitis\s+[bc]|hbv|hcv)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChronicViral();

    /// <summary>The note reader's concepts for hepatitis B serology that is not a current infection.</summary>
    private const string CoreAntibody = "hepatitis b core antibody positive";

    private const string SurfaceAntibody = "hepatitis b immunity";

    private static bool Mentions(string text, string synonym) => text.Contains(synonym, StringComparison.OrdinalIgnoreCase);

    private static string[] Synonyms(string pathogen) => pathogen switch
    {
        "HIV" => ["HIV", "human immunodeficiency virus", "AIDS"],
        "hepatitis B" => ["hepatitis B", "HBV", "HBsAg"],
        "hepatitis C" => ["hepatitis C", "HCV"],
        "tuberculosis" => ["tuberculosis", "TB"],
        "COVID-19" => ["COVID", "SARS-CoV-2"],
        _ => ["infection", "sepsis", "pneumonia"],
    };
}

/// <summary>Reads HIV, hepatitis B/C (including HBsAg, HBV DNA, anti-HCV), tuberculosis, COVID-19 and "active infection" statements.</summary>
public static partial class InfectionParser
{
    public static void Parse(CriterionContext c)
    {
        // Whether the infection is active is read once a pathogen is named (most criteria name none).
        bool? active = null;
        HashSet<string>? risked = null;
        foreach (var m in c.Contains(PathogenFragments) ? Pathogens().Matches(c.Text) : Enumerable.Empty<Match>())
        {
            if (c.IsClaimed(m.Index, m.Index + m.Length))
            {
                continue;
            }

            var pathogen = m.Groups["hiv"].Success ? "HIV" : m.Groups["hbv"].Success ? "hepatitis B" : m.Groups["hcv"].Success ? "hepatitis C"
                : m.Groups["tb"].Success ? "tuberculosis" : m.Groups["covid"].Success ? "COVID-19" : m.Groups["hep"].Success ? "hepatitis B" : "active infection";

            // "Subjects at high risk of hepatitis B virus (HBV) infection should be screened", "must be tested for HIV": a
            // risk of the infection, or a test for it, is not the infection, nor is the same pathogen named again.
            if (RiskOrTestBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Index - 50), m.Index - Math.Max(0, m.Index - 50)))
                || (risked is not null && risked.Contains(pathogen)))
            {
                (risked ??= []).Add(pathogen);
                c.Claim(m.Index, m.Index + m.Length);
                continue;
            }

            if (m.Groups["hep"].Success)
            {
                foreach (var virus in new[] { "hepatitis B", "hepatitis C" })
                {
                    c.Add(new InfectionConstraint(virus, active ??= Active().IsMatch(c.Lower)) { Span = CriterionContext.Span(m), Negated = c.IsNegatedAt(m.Index), Qualifies = c.IsQualifierAt(m.Index) });
                }

                continue;
            }

            // The same pathogen named again ("HBsAg positive or other evidence of active hepatitis B") is the same
            // constraint; its words are still the infection's, not a condition's.
            if (c.Found.OfType<InfectionConstraint>().Any(f => f.Pathogen == pathogen))
            {
                c.Claim(m.Index, m.Index + m.Length);
                continue;
            }

            // "AIDS-related wasting", "HIV-associated nephropathy": the infection names the cause of what the rule is about.
            c.Add(new InfectionConstraint(pathogen, (active ??= Active().IsMatch(c.Lower)) || pathogen == "active infection", SpecifierNear(c, m, pathogen), pathogen == "active infection" && Uncontrolled().IsMatch(c.Lower) && !ActiveOrUncontrolled().IsMatch(c.Lower)) { Span = CriterionContext.Span(m), Negated = c.IsNegatedAt(m.Index) ^ NegativeAfter().IsMatch(c.Text.AsSpan(m.Index + m.Length)), Qualifies = c.IsQualifierAt(m.Index) || (pathogen != "active infection" && CauseOfAfter().IsMatch(c.Text, m.Index + m.Length)) });
        }
    }

    /// <summary>Before the pathogen: "at high risk of", "at increased risk for developing", "screened for", "tested for".</summary>
    [GeneratedRegex(@"(?:\b(?:at|of)\s+(?:high\s+|higher\s+|increased\s+|elevated\s+)?risk\s+(?:of|for)(?:\s+(?:developing|acquiring|contracting|reactivation\s+of))?|\b(?:screened|tested|screening|testing)\s+for)\s+(?:(?:active|chronic|latent|the|an?)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RiskOrTestBefore();

    /// <summary>After the pathogen: "-related", ")-related", "-associated", "-induced", "-defining" and the condition it causes.</summary>
    [GeneratedRegex(@"\G\)?[\s-]?(?:related|associated|induced|defining)\s+(?!infection)\w", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CauseOfAfter();

    /// <summary>"Mixed genotype or non-typable HCV genotype infection", "HCV genotype 1": the kind named beside the pathogen, in its clause.</summary>
    private static string? SpecifierNear(CriterionContext c, Match pathogen, string name)
    {
        if (name == "active infection" || !c.Lower.Contains("type", StringComparison.Ordinal))
        {
            return null;
        }

        var from = Math.Max(0, pathogen.Index - 40);
        var to = Math.Min(c.Lower.Length, pathogen.Index + pathogen.Length + 40);
        var stop = c.Lower.AsSpan(from, pathogen.Index - from).LastIndexOfAny(';', '.');
        from = stop >= 0 ? from + stop + 1 : from;
        var end = c.Lower.AsSpan(pathogen.Index, to - pathogen.Index).IndexOfAny(';', '.');
        to = end >= 0 ? pathogen.Index + end : to;
        return Kind().Match(c.Lower, from, to - from) is { Success: true } kind ? kind.Value.Trim() : null;
    }

    [GeneratedRegex(@"\b(?:(?:mixed|non-?typ\w*|unknown|indeterminate)\s+(?:\w+\s+)?)?(?:geno|sero|sub)types?(?:\s*[0-9]+[a-z]?(?:\s*(?:,|or|and|/)\s*[0-9]+[a-z]?)*)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Kind();

    /// <summary>
    /// "HIV-negative", "HIV negative", "HBsAg seronegative", "hepatitis B surface antigen negative", "hepatitis C antibody
    /// negative", "HCV RNA negative": a negative result stated after the pathogen, or after the test of it.
    /// </summary>
    [GeneratedRegex(@"^\s*[-–]?\s*(?:(?:surface\s+antigen|core\s+antibod(?:y|ies)|antibod(?:y|ies)|antigen|serology|serologies|serologic\s+test|test(?:ing)?|PCR|RNA|DNA|viral\s+load|Ab|Ag)\s*(?:\([\w-]+\)\s*)?(?:test\s+)?(?:(?:is|was|must\s+be|are)\s+)?[-–]?\s*)?(?:sero-?)?negative\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeAfter();

    [GeneratedRegex(@"\b(?:uncontrolled|not\s+controlled|poorly\s+controlled|without\s+improvement|not\s+(?:responding|improving)|refractory|despite)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Uncontrolled();

    /// <summary>"Active or uncontrolled infection": either is enough, so an active infection meets it.</summary>
    [GeneratedRegex(@"\b(?:active|acute|ongoing)\s+(?:or|and/or)\s+(?:\w+\s+)?uncontrolled\b|\buncontrolled\s+(?:or|and/or)\s+(?:active|acute|ongoing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ActiveOrUncontrolled();

    [GeneratedRegex(@"\b(?:active|acute|chronic|uncontrolled|detectable|viral\s+load|replicat|untreated|ongoing|requiring)", RegexOptions.CultureInvariant)]
    private static partial Regex Active();

    /// <summary>Every alternative of <see cref="Pathogens"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> PathogenFragments = SearchValues.Create(
        ["hiv", "immun", "aids", "hepatitis", "hbv", "hbsag", "hbcab", "hbc", "hcv", "tuberculosis", "tb", "covid", "sars-cov", "coronavirus", "infection"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"(?<hiv>\bHIV(?:-?[12])?\b|human\s+immunodeficiency\s+virus|\bAIDS\b|acquired\s+immun\w+\s+deficiency)|(?<hbv>hepatitis\s+B|\bHBV\b|\bHBsAg\b|hepatitis\s+B\s+surface\s+antigen|\bHBcAb\b|anti-HBc)|(?<hcv>hepatitis\s+C|\bHCV\b|anti-HCV)|(?<hep>hepatitis\s+B\s+(?:or|and|/)\s+C|hepatitis\s+B/C|\bHBV/HCV\b|viral\s+hepatitis)|(?<tb>tuberculosis|\bTB\b)|(?<covid>COVID-?19|SARS-CoV-2|coronavirus)|(?<any>(?:active|uncontrolled|serious|severe|systemic|ongoing|significant|clinically\s+significant)\s+(?:(?!hepatitis|hbv\b|hcv\b|hiv\b|tuberculosis|tb\b|covid)\w+\s+){0,2}infections?|infections?\s+requiring\s+(?:systemic|intravenous|iv|parenteral)|(?:bacterial|viral|fungal|opportunistic)\s+infections?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pathogens();
}
