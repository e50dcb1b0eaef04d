using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>Another (prior or concurrent) malignancy, optionally within a number of years: "no other malignancy within 5 years".</summary>
/// <param name="WithinYears">The look-back in years, or null for ever.</param>
/// <param name="AllowsLowRisk">True when the criterion excepts the usual low-risk cancers (non-melanoma skin cancer, carcinoma in situ).</param>
public sealed record OtherMalignancyConstraint(decimal? WithinYears, bool AllowsLowRisk) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.OtherMalignancy;

    /// <summary>
    /// Set when the rule is about a treatment given for the other cancer ("no chemotherapy for any other prior
    /// malignancy"): the treatment named. The treatments of the patient's own cancer do not count; another cancer
    /// recorded leaves open whether it was so treated.
    /// </summary>
    public string? TreatedWith { get; init; }

    public override string Describe() => (WithinYears is { } y ? $"other malignancy within {Number(y)} years" : "other malignancy") + (TreatedWith is { } t ? $" treated with {t}" : string.Empty);

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var known = patient.Diagnoses.Where(d => d.Certainty != Certainty.Negated && d.Certainty != Certainty.FamilyHistory).ToList();

        // With no diagnosis marked primary, the first one recorded is the cancer the patient seeks a trial for.
        var main = known.FirstOrDefault(d => d.IsPrimary) ?? known.FirstOrDefault();
        var others = known.Where(d => !d.IsPrimary && !ReferenceEquals(d, main)).ToList();
        if (others.Count == 0)
        {
            return NotRecorded(
                patient,
                patient.Diagnoses.Count > 0
                    ? ConstraintCheck.Unknown("Has the patient had any other cancer?", "no other cancer recorded (absence is not stated)")
                    : ConstraintCheck.Unknown("Has the patient had any other cancer?", "no diagnoses recorded"),
                "other cancer");
        }

        var cutoff = WithinYears is { } years ? context.DaysBefore(years * 365.25m) : DateOnly.MinValue;
        var recent = others.Where(d => d.DiagnosedOn is null || d.DiagnosedOn >= cutoff).ToList();
        if (recent.Count == 0)
        {
            return ConstraintCheck.NotMet($"other cancer {others[0].Text} diagnosed {others[0].DiagnosedOn:yyyy-MM-dd}, before the look-back");
        }

        if (TreatedWith is { } treatment)
        {
            return ConstraintCheck.Unknown($"Was the patient's {recent[0].Text} treated with {treatment}?", $"other cancer: {recent[0].Text}");
        }

        var dated = recent.FirstOrDefault(d => d.DiagnosedOn is not null);
        return dated is not null || WithinYears is null
            ? ConstraintCheck.Met($"other cancer: {(dated ?? recent[0]).Text}")
            : ConstraintCheck.Unknown($"When was the patient's {recent[0].Text} diagnosed?", $"other cancer {recent[0].Text}, date unknown");
    }
}

/// <summary>Reads "other malignancy within 5 years", "prior or concurrent malignancy", "second primary cancer", "history of another cancer".</summary>
public static partial class OtherMalignancyParser
{
    public static void Parse(CriterionContext c)
    {
        var m = c.Contains(PhraseFragments) ? Phrase().Match(c.Text) : Match.Empty;
        if (!m.Success && c.Role == CriterionRole.Exclusion && (c.Lower.Contains("malignan", StringComparison.Ordinal) || c.Lower.Contains("cancer", StringComparison.Ordinal) || c.Lower.Contains("neoplas", StringComparison.Ordinal)))
        {
            // An exclusion that opens with a malignancy in general ("Malignancy", "Cancer within 5 years of enrolment",
            // "Subject has a history of neoplastic disease"): any cancer other than one the trial studies.
            m = GeneralMalignancy().Match(c.Text);
        }

        if (!m.Success)
        {
            return;
        }

        // An inclusion asking for "a diagnosis of cancer" asks for the cancer the trial studies, not for another one.
        if (c.Role == CriterionRole.Inclusion && !c.IsNegatedAt(m.Index) && StudiedCancer().IsMatch(m.Value))
        {
            return;
        }

        // "Life expectancy of at least 10 years, excluding diagnosis of cancer": a cancer named as the exception.
        if (c.IsExceptedAt(m.Index))
        {
            c.Claim(m.Index, m.Index + m.Length);
            return;
        }

        decimal? years = null;
        var end = m.Index + m.Length;
        var within = Within().Match(c.Text, m.Index);
        if (within.Success && CriterionContext.ParseNumber(within.Groups["num"].Value) is { } n)
        {
            years = within.Groups["unit"].Value.StartsWith('m') ? Math.Round(n / 12m, 2) : n;
            end = Math.Max(end, within.Index + within.Length);
        }

        var lowRisk = LowRisk().IsMatch(c.Lower);
        c.Add(new OtherMalignancyConstraint(years, lowRisk) { Span = CriterionContext.Span(m.Index, end), Negated = c.IsNegatedAt(m.Index) });
        if (LowRisk().Match(c.Lower, m.Index) is { Success: true } exceptions)
        {
            // The excepted cancers ("non-melanoma skin cancer, carcinoma in situ of the cervix") are not cancer-type requirements.
            var clauseEnd = c.Lower.IndexOfAny([';', '.'], exceptions.Index);
            c.Claim(m.Index, clauseEnd < 0 ? c.Text.Length : clauseEnd);
        }
    }

    /// <summary>Every alternative of <see cref="Phrase"/> holds one of these (lower case); most criteria hold none.</summary>
    private static readonly SearchValues<string> PhraseFragments = SearchValues.Create(["malignan", "cancer", "neoplasm", "carcinoma", "primary"], StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:(?:other|another|prior|previous|second|secondary|concurrent|concomitant|additional|active|synchronous|metachronous|coexisting|history\s+of)\s+(?:(?!this\b|the\b|than\b|for\b|current\b|study\b|index\b|breast\b|lung\b)\w+\s+){0,3}?(?:malignanc(?:y|ies)|malignant\s+tumou?rs?|cancers?|primary\s+(?:tumou?rs?|cancers?|malignanc(?:y|ies))|invasive\s+(?:cancers?|malignanc(?:y|ies))|neoplasms?|carcinomas?)(?![\s-]+(?:therap(?:y|ies)|treatments?|drugs?|agents?|regimens?|chemotherapy|surgery|medications?|directed)\b)|malignanc(?:y|ies)\s+(?:other\s+than|within|in\s+the\s+(?:past|last))|second\s+primary|(?:history|diagnosis)\s+of\s+(?:any\s+)?(?:other\s+)?(?:malignanc(?:y|ies)|cancer))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    [GeneratedRegex(@"^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?|individuals?)\s+(?:with|who\s+(?:have|has)|has|have)\s+)?(?:(?:a|an|any|known|active|current|concurrent|uncontrolled|untreated|progressive|personal|(?:a\s+)?(?:history|diagnosis|evidence|presence)\s+of|diagnosed\s+with)\s+)*(?<generic>malignanc(?:y|ies)|cancers?|malignant\s+(?:tumou?rs?|neoplasms?|diseases?)|neoplastic\s+diseases?|neoplasias?|neoplasms?)\b(?![\s-]+(?:therap|treat|drug|agent|regimen|chemo|surg|medic|direct|cells?\b|samples?|tissue|specimens?|screening|survivors?|patients?|related|associated|pain|cachexia|of\s+the\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GeneralMalignancy();

    [GeneratedRegex(@"^(?:history|diagnosis)\s+of\s+(?:any\s+)?(?:malignanc(?:y|ies)|cancer)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudiedCancer();

    [GeneratedRegex(@"(?:within|in\s+the\s+(?:past|last|previous|preceding)|during\s+the\s+(?:past|last)|for\s+(?:at\s+least|>|≥)?|<|≤|last|past|free\s+for)\s*(?:the\s+)?(?:past\s+|last\s+)?(?<num>\d+(?:\.\d+)?|one|two|three|five)\s*(?<unit>years?|yrs?|months?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Within();

    [GeneratedRegex(@"non-?melanoma|basal\s+cell|squamous\s+cell\s+(?:carcinoma\s+)?of\s+the\s+skin|in\s+situ|cervical\s+intraepithelial|low[- ]risk|curatively\s+treated|adequately\s+treated|cured", RegexOptions.CultureInvariant)]
    private static partial Regex LowRisk();
}
