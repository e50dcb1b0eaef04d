using System.Globalization;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Patients.Evaluation;

/// <summary>
/// One fact about a patient flattened for scoring: a kind ("age", "condition", "lab"...), a normalised value and a
/// certainty. See <c>tests/TrialAccess.Core.Tests/Patients/Gold/README.md</c> for how each kind's value is written.
/// </summary>
public sealed record PatientFact(string Kind, string Value, Certainty Certainty = Certainty.Asserted)
{
    /// <summary>The kinds scored, in report order.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["age", "sex", "cancer", "stage", "metastasis", "biomarker", "performance", "therapy", "lab", "vital", "condition", "pregnancy", "breastfeeding"];

    /// <summary>
    /// What must agree for two facts to match: the kind, the value (case and spacing ignored) and the certainty class.
    /// Asserted and historical are one class (the patient has or had it); negated, family history and hypothetical are one each.
    /// </summary>
    public (string Kind, string Value, Certainty Class) Key =>
        (Kind.ToLowerInvariant(), string.Join(' ', Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), Certainty == Certainty.Historical ? Certainty.Asserted : Certainty);

    public override string ToString() => Certainty == Certainty.Asserted ? $"{Kind}: {Value}" : $"{Kind}: {Value} ({Certainty})";

    /// <summary>Every fact in a profile, as the scorer sees it.</summary>
    public static IReadOnlyList<PatientFact> From(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var facts = new List<PatientFact>();
        if (profile.Age is { } age)
        {
            facts.Add(new("age", Number(age.Value), age.Certainty));
        }

        if (profile.Sex is { } sex)
        {
            facts.Add(new("sex", sex.Value.ToString().ToLowerInvariant(), sex.Certainty));
        }

        foreach (var d in profile.Diagnoses)
        {
            facts.Add(new("cancer", NoteReader.CanonicalCancer(d.Text), d.Certainty));
            if (d.Stage?.Group is { } group)
            {
                facts.Add(new("stage", group, d.Certainty));
            }
        }

        facts.AddRange(profile.Metastases.Select(m => new PatientFact("metastasis", m.Site, m.Certainty)));
        facts.AddRange(profile.Biomarkers.Select(b => new PatientFact("biomarker", $"{b.Marker} {Status(b.Status)}", b.Certainty)));
        facts.AddRange(profile.PerformanceStatuses.Select(p => new PatientFact("performance", $"{p.Scale.ToString().ToLowerInvariant()} {p.Value}")));
        facts.AddRange(profile.Therapies.Select(t => new PatientFact("therapy", t.Name, t.Certainty)));
        // Vital signs and body measurements are kept with the laboratory results (the engine compares both) but scored apart.
        facts.AddRange(profile.LabResults.Select(l => new PatientFact(VitalSignExtractor.Analytes.Contains(l.Analyte) ? "vital" : "lab", l.Unit is null ? $"{l.Analyte} {Number(l.Value)}" : $"{l.Analyte} {Number(l.Value)} {l.Unit}")));
        facts.AddRange(profile.Conditions.Select(c => new PatientFact("condition", c.Concept ?? c.Text, c.Certainty)));
        if (profile.Pregnant is { } pregnant)
        {
            facts.Add(new("pregnancy", "pregnant", pregnant.Value ? pregnant.Certainty : Certainty.Negated));
        }

        if (profile.Breastfeeding is { } feeding)
        {
            facts.Add(new("breastfeeding", "breastfeeding", feeding.Value ? feeding.Certainty : Certainty.Negated));
        }

        return facts;
    }

    /// <summary>A number as the gold file writes it: invariant, no trailing zeros ("0.5", "135", "0.01").</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Status(BiomarkerStatus status) => status switch
    {
        BiomarkerStatus.Positive => "positive",
        BiomarkerStatus.Negative => "negative",
        BiomarkerStatus.WildType => "wild type",
        BiomarkerStatus.Low => "low",
        BiomarkerStatus.Equivocal => "equivocal",
    };
}
