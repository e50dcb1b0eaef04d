using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// Scores and tests that exist only for one disease: a lupus activity index (SLEDAI, BILAG), a psoriasis area index
/// (PASI), the multiple sclerosis disability scale (EDSS), a sweat chloride test for cystic fibrosis. A patient whose
/// complete history does not have the disease has no such score, so a threshold on it is not met, presumed (and denied
/// outright when the record denies the disease); with the disease recorded, or a presenting symptom not yet diagnosed,
/// the value stays a question like any measurement.
/// </summary>
/// <remarks>
/// Only measures that belong to one disease are listed: scales that anyone can be scored on (the Epworth sleepiness
/// scale, Glasgow coma scale, modified Rankin scale, MMSE, HbA1c, FEV1) are not, nor are the specifics of a cancer,
/// which the studied-disease families read, nor pregnancy scores (pregnancy is never presumed).
/// </remarks>
internal static partial class DiseaseMeasures
{
    private static readonly (Regex Measure, string[] Diseases)[] Table =
    [
        (Measure(@"\b(?:SLEDAI|SELENA|BILAG|SLAM)\b"), ["systemic lupus erythematosus"]),
        (Measure(@"\bsweat\s+chloride\b"), ["cystic fibrosis"]),
        (Measure(@"\bPASI\b|\bpsoriasis\s+area\b"), ["psoriasis"]),
        (Measure(@"\bEDSS\b|\bKurtzke\b|\bexpanded\s+disability\s+status\b"), ["multiple sclerosis"]),
        (Measure(@"\b(?:MDS-)?UPDRS\b|\bHoehn\s+(?:and|&)\s+Yahr\b|\bunified\s+Parkinson"), ["Parkinson disease"]),
        (Measure(@"\bMayo\s+(?:clinic\s+)?score\b|\bUCDAI\b"), ["ulcerative colitis"]),
        (Measure(@"\bHarvey[- ]Bradshaw\b|\bHBI\b|\bCrohn'?s\s+disease\s+activity\b|\bPCDAI\b"), ["Crohn disease"]),
        (Measure(@"\bADAS[- ]?Cog\b|\bclinical\s+dementia\s+rating\b|\bCDR(?:-SB)?\b"), ["dementia", "Alzheimer disease"]),
        (Measure(@"\bHAM-?D\b|\bHDRS\b|\bHamilton\s+(?:rating\s+scale\s+for\s+)?depression\b|\bMADRS\b|\bMontgomery[- ]Asberg\b|\bBeck\s+depression\b|\bBDI(?:-II)?\b"), ["depression", "bipolar disorder"]),
        (Measure(@"\bPANSS\b"), ["schizophrenia"]),
        (Measure(@"\bYMRS\b|\bYoung\s+mania\b"), ["bipolar disorder"]),
        (Measure(@"\bBASDAI\b"), ["ankylosing spondylitis"]),
        (Measure(@"\bEASI\b|\bSCORAD\b"), ["dermatitis"]),
        (Measure(@"\bAlvarado\b"), ["appendicitis"]),
        (Measure(@"\bNIHSS\b|\bNIH\s+stroke\s+scale\b"), ["stroke"]),
        (Measure(@"\bAHI\b|\bapn(?:o)?ea[- ]hypopn(?:o)?ea\s+index\b|\bRDI\b"), ["sleep apnea"]),
        (Measure(@"\bWOMAC\b|\bKOOS\b"), ["osteoarthritis"]),
        (Measure(@"\bDAS[- ]?28\b|\bSDAI\b"), ["rheumatoid arthritis"]),
        (Measure(@"\bBVAS\b|\bBirmingham\s+vasculitis\b"), ["vasculitis"]),
        (Measure(@"\bESSDAI\b"), ["Sjogren syndrome"]),
        (Measure(@"\bY-?BOCS\b"), ["obsessive-compulsive disorder"]),
        (Measure(@"\bADHD-?RS\b"), ["attention deficit hyperactivity disorder"]),
        (Measure(@"\bCAPS(?:-5)?\b|\bPCL-?5\b"), ["post-traumatic stress disorder"]),
        (Measure(@"\bACQ(?:-\d)?\b|\basthma\s+control\s+(?:test|questionnaire)\b|\bc-ACT\b|\bACT\s+score\b"), ["asthma"]),
        (Measure(@"\bMG-?ADL\b|\bQMG\b"), ["myasthenia gravis"]),
        (Measure(@"\bCOPD\s+assessment\s+test\b|\bCAT\s+score\b"), ["chronic obstructive pulmonary disease"]),
    ];

    private static readonly ConcurrentDictionary<string, string[]?> ByMeasure = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The diseases the measure belongs to (any of them gives the patient the measure), or null for a general measure.</summary>
    public static IReadOnlyList<string>? DiseasesOf(string measure)
    {
        if (ByMeasure.TryGetValue(measure, out var known))
        {
            return known;
        }

        var found = Array.Find(Table, entry => entry.Measure.IsMatch(measure)).Diseases;
        return ByMeasure.Count < 4096 ? ByMeasure.GetOrAdd(measure, found) : found;
    }

    /// <summary>
    /// Not met when the patient has none of the measure's diseases (presumed in a complete history, recorded when the
    /// record denies it); null when the measure is a general one, a disease is recorded or may be the one being worked up.
    /// </summary>
    public static ConstraintCheck? WithoutTheDisease(string measure, PatientProfile patient, EvaluationContext context)
    {
        if (DiseasesOf(measure) is not { } diseases || !patient.CompleteHistory || context.UndiagnosedSymptomOf(patient) is not null)
        {
            return null;
        }

        var presumed = false;
        foreach (var disease in diseases)
        {
            var check = new ConditionConstraint(disease, MedicalConceptKind.Condition).Check(patient, context);
            if (check.Outcome != CriterionOutcome.NotMet)
            {
                return null;
            }

            presumed |= check.Presumed;
        }

        return new ConstraintCheck(
            CriterionOutcome.NotMet,
            $"no {diseases[0]} recorded, so no {measure}{(presumed ? ": presumed absent, confirm" : string.Empty)}",
            $"Does the patient have {diseases[0]}? (the {measure} is scored only for it)") { Presumed = presumed };
    }

    private static Regex Measure(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
