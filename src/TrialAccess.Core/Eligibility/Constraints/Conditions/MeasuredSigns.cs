using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// Conditions that a recorded vital sign shows when the record does not name them: fever (temperature of 38 °C or
/// more), tachycardia (heart rate over 100), bradycardia (under 60), tachypnoea (respiratory rate over 20), hypoxaemia
/// (oxygen saturation under 90%), hypotension (systolic under 90), obesity (see Band), hypo- and hyperthyroidism (see
/// Thyroid). These are met by the value,
/// which is their definition. A raised blood pressure is not a diagnosis of hypertension on its
/// own: it leaves the question open instead of letting the condition be presumed absent.
/// </summary>
internal static class MeasuredSigns
{
    /// <summary>What the recorded values say of <paramref name="concept"/>, or null when no value bears on it.</summary>
    public static ConstraintCheck? Of(string concept, PatientProfile patient)
    {
        // The vocabulary's canonical names are lower case; this runs for every condition a record does not name.
        switch (concept)
        {
            case "fever" or "pyrexia":
                return Above(patient, VitalSignExtractor.Temperature, 38m, "°C", concept);
            case "tachycardia":
                return Above(patient, VitalSignExtractor.HeartRate, 100.01m, "/min", concept);
            case "bradycardia":
                return Below(patient, VitalSignExtractor.HeartRate, 60m, "/min", concept);
            case "tachypnea" or "tachypnoea":
                return Above(patient, VitalSignExtractor.RespiratoryRate, 20.01m, "/min", concept);
            case "hypoxemia" or "hypoxaemia" or "hypoxia":
                return Below(patient, VitalSignExtractor.OxygenSaturation, 90m, "%", concept);
            case "hypotension":
                return Below(patient, VitalSignExtractor.SystolicBloodPressure, 90m, "mmHg", concept);
            case "obesity":
                return Band(patient, concept);
            case "hypothyroidism":
                return Thyroid(patient, concept, under: true);
            case "hyperthyroidism":
                return Thyroid(patient, concept, under: false);
            case "hypertension":
                var systolic = Latest(patient, VitalSignExtractor.SystolicBloodPressure);
                var diastolic = Latest(patient, VitalSignExtractor.DiastolicBloodPressure);
                return systolic?.Value >= 140m || diastolic?.Value >= 90m
                    ? ConstraintCheck.Unknown(
                        $"Does the patient have hypertension? (blood pressure {Number(systolic?.Value)}/{Number(diastolic?.Value)} mmHg recorded)",
                        $"blood pressure {Number(systolic?.Value)}/{Number(diastolic?.Value)} mmHg recorded; hypertension not named")
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Obesity is a BMI band, but the vocabulary's concept also carries "overweight" (25 or more) and "morbid obesity" (40
    /// or more): a BMI of 40 or more meets all three, one under 25 none of them, and one between is asked.
    /// </summary>
    private static ConstraintCheck? Band(PatientProfile patient, string concept) =>
        Latest(patient, VitalSignExtractor.BodyMassIndex) is not { } bmi ? null
        : bmi.Value >= 40m || bmi.Value < 25m ? ConstraintCheck.Of(bmi.Value >= 40m, $"{concept}: body mass index {Number(bmi.Value)} kg/m2 recorded")
        : ConstraintCheck.Unknown($"Is the patient's body mass index of {Number(bmi.Value)} kg/m2 the {concept} the trial means?", $"body mass index {Number(bmi.Value)} kg/m2 recorded");

    /// <summary>
    /// Thyroid function from its tests: a TSH of 10 mIU/L or more, or above 4.5 with a low free T4, is hypothyroidism; a
    /// TSH under 0.1 with a high free T4 is hyperthyroidism. Free T4 is read in ng/dL (normal 0.8 to 1.8) or, for values of
    /// 5 and more, pmol/L (normal 10 to 23). Normal values say nothing: a treated patient has them.
    /// </summary>
    private static ConstraintCheck? Thyroid(PatientProfile patient, string concept, bool under)
    {
        if (Latest(patient, "tsh") is not { } tsh)
        {
            return null;
        }

        var t4 = Latest(patient, "free t4");
        var t4Low = t4 is { } low && (low.Value < 5m ? low.Value < 0.8m : low.Value < 10m);
        var t4High = t4 is { } high && (high.Value < 5m ? high.Value > 1.8m : high.Value > 23m);
        var shows = under ? tsh.Value >= 10m || (tsh.Value > 4.5m && t4Low) : tsh.Value < 0.1m && t4High;
        return shows
            ? ConstraintCheck.Met($"{concept}: TSH {Number(tsh.Value)} mIU/L{(t4 is { } f ? $", free T4 {Number(f.Value)}" : string.Empty)} recorded")
            : null;
    }

    private static ConstraintCheck? Above(PatientProfile patient, string analyte, decimal threshold, string unit, string concept) =>
        Latest(patient, analyte) is { } result && result.Value >= threshold ? ConstraintCheck.Met($"{concept}: {analyte} {Number(result.Value)} {unit} recorded") : null;

    private static ConstraintCheck? Below(PatientProfile patient, string analyte, decimal threshold, string unit, string concept) =>
        Latest(patient, analyte) is { } result && result.Value < threshold ? ConstraintCheck.Met($"{concept}: {analyte} {Number(result.Value)} {unit} recorded") : null;

    /// <summary>The latest result of the analyte: the last recorded among those of the latest date.</summary>
    private static LabResult? Latest(PatientProfile patient, string analyte)
    {
        LabResult? latest = null;
        foreach (var result in patient.LabResults)
        {
            if (string.Equals(result.Analyte, analyte, StringComparison.OrdinalIgnoreCase) && (latest is null || (result.MeasuredOn ?? DateOnly.MinValue) >= (latest.MeasuredOn ?? DateOnly.MinValue)))
            {
                latest = result;
            }
        }

        return latest;
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "?";
}
