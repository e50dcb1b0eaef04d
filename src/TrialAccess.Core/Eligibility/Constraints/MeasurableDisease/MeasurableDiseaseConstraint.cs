using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>Measurable (or evaluable) disease by a response standard: "measurable disease per RECIST 1.1".</summary>
/// <param name="Standard">"RECIST 1.1", "iRECIST", "RANO", "Lugano", "mRECIST", "PCWG3", "IMWG", or null when none is named.</param>
/// <param name="EvaluableSuffices">True when evaluable (non-measurable) disease is accepted.</param>
public sealed record MeasurableDiseaseConstraint(string? Standard, bool EvaluableSuffices = false) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.MeasurableDisease;

    public override string Describe() => $"{(EvaluableSuffices ? "evaluable" : "measurable")} disease{(Standard is null ? string.Empty : $" ({Standard})")}";

    /// <summary>
    /// The patient model does not record measurability; it is asked. Under a tumour response standard (RECIST, RANO,
    /// IMWG...) the disease is a cancer, which a record naming none answers; without one, "measurable lesion" may be a
    /// skin lesion or a wart, and is asked. A cancer the record says was removed with no disease left anywhere ("R0
    /// resection, no residual disease") leaves nothing to measure: presumed not met, to confirm. Clear margins alone say
    /// nothing of disease elsewhere.
    /// </summary>
    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var question = $"Does the patient have {(EvaluableSuffices ? "evaluable" : "measurable")} disease{(Standard is null ? string.Empty : $" by {Standard}")}?";
        if ((Standard is null ? null : WithoutCancer(patient, "measurable disease")) is { } noCancer)
        {
            return noCancer;
        }

        return PatientSetting.NoDiseaseLeft(patient) is { } resected
            ? new ConstraintCheck(CriterionOutcome.NotMet, $"{resected}: nothing left to measure, presumed", question) { Presumed = true }
            : ConstraintCheck.Unknown(question, "measurability is not in the patient record");
    }
}

/// <summary>Reads "measurable disease", "at least one measurable lesion", "per RECIST v1.1", "evaluable disease".</summary>
public static partial class MeasurableDiseaseParser
{
    public static void Parse(CriterionContext c)
    {
        var m = c.Contains(PhraseFragments) ? Phrase().Match(c.Text) : Match.Empty;
        var standard = c.Contains(StandardFragments) ? Standard().Match(c.Text) : Match.Empty;
        if (!m.Success && !standard.Success)
        {
            return;
        }

        var name = standard.Success ? Normalise(standard.Value) : null;
        var evaluable = m.Success && m.Value.Contains("evaluable", StringComparison.OrdinalIgnoreCase) && !m.Value.Contains("measurable", StringComparison.OrdinalIgnoreCase);
        var first = m.Success ? m : standard;
        var last = standard.Success && standard.Index > first.Index ? standard : first;
        c.Add(new MeasurableDiseaseConstraint(name, evaluable) { Span = CriterionContext.Span(first.Index, last.Index + last.Length), Negated = c.IsNegatedAt(first.Index) }, claim: false);
    }

    /// <summary>Every alternative of <see cref="Phrase"/> holds one of these (lower case); most criteria hold none.</summary>
    private static readonly SearchValues<string> PhraseFragments = SearchValues.Create(["measur", "evaluable", "target", "bidimensional", "mm", "cm"], StringComparison.Ordinal);

    /// <summary>Every alternative of <see cref="Standard"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> StandardFragments = SearchValues.Create(
        ["recist", "rano", "lugano", "cheson", "pcwg", "imwg", "gcig", "iwcll", "solid"], StringComparison.Ordinal);

    private static string Normalise(string value)
    {
        var v = value.ToUpperInvariant();
        return v.Contains("IRECIST", StringComparison.Ordinal) ? "iRECIST"
            : v.Contains("MRECIST", StringComparison.Ordinal) ? "mRECIST"
            : v.Contains("RECIST", StringComparison.Ordinal) ? (v.Contains("1.0", StringComparison.Ordinal) ? "RECIST 1.0" : "RECIST 1.1")
            : v.Contains("RANO", StringComparison.Ordinal) ? "RANO"
            : v.Contains("LUGANO", StringComparison.Ordinal) ? "Lugano"
            : v.Contains("CHESON", StringComparison.Ordinal) ? "Cheson"
            : v.Contains("PCWG", StringComparison.Ordinal) ? "PCWG3"
            : v.Contains("IMWG", StringComparison.Ordinal) ? "IMWG"
            : v.Contains("GCIG", StringComparison.Ordinal) ? "GCIG"
            : v.Contains("IWCLL", StringComparison.Ordinal) ? "iwCLL"
            : v.Contains("WHO", StringComparison.Ordinal) ? "WHO" : value;
    }

    [GeneratedRegex(@"\b(?:measurable|measureable|evaluable)\b[^.;]{0,40}?\b(?:disease|lesions?|tumou?rs?|sites?)\b|\btarget\s+lesions?\b|\bmeasurable\b|\bbidimensional(?:ly)?\s+(?:\w+\s+)?lesions?\b|\b(?:tumou?r|lesion|mass)s?\s+(?:must\s+be\s+|of\s+|measuring\s+)?(?:at\s+least|≥|>=|>)\s*\d+(?:\.\d+)?\s*(?:mm|cm)\b|\b\d+(?:\.\d+)?\s*(?:mm|cm)\s+(?:by|with|on)\s+(?:conventional|spiral|CT|MRI)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    [GeneratedRegex(@"\b(?:i|m)?RECIST(?:\s*(?:v(?:ersion)?\.?\s*)?1\.[01])?\b|\bRANO(?:-BM)?\b|\bLugano\b|\bCheson\b|\bPCWG[23]\b|\bIMWG\b|\bGCIG\b|\biwCLL\b|\bResponse\s+Evaluation\s+Criteria\s+in\s+Solid\s+Tumou?rs\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Standard();
}
