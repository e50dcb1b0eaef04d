using System.Text;
using TrialAccess.Patients;

namespace TrialAccess.Matching;

/// <summary>
/// The text a patient is searched with: the clinical note when there is one, otherwise the facts of the profile
/// written out (diagnoses with histology and stage, metastatic sites, biomarkers, therapies, other conditions).
/// Negated and family-history facts are left out: they describe what the patient does not have.
/// </summary>
public static class PatientQuery
{
    public static string From(PatientProfile patient, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (!string.IsNullOrWhiteSpace(note))
        {
            return note;
        }

        if (!string.IsNullOrWhiteSpace(patient.SourceText))
        {
            return patient.SourceText;
        }

        var text = new StringBuilder();
        void Add(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append(value).Append('\n');
            }
        }

        foreach (var diagnosis in patient.Diagnoses.Where(d => Counts(d.Certainty)))
        {
            // Diagnoses weigh twice: they say which trials are about this patient.
            Add(diagnosis.Text);
            Add(diagnosis.Text);
            Add(diagnosis.Histology);
            if (diagnosis.Stage is { } stage)
            {
                Add(stage.Group is null ? null : $"stage {stage.Group}");
                Add(stage.Metastatic == true ? "metastatic" : null);
                Add(stage.LocallyAdvanced == true ? "locally advanced" : null);
                Add(stage.Recurrent == true ? "recurrent" : null);
            }
        }

        foreach (var site in patient.Metastases.Where(m => Counts(m.Certainty)))
        {
            Add($"{site.Site} metastases");
        }

        foreach (var marker in patient.Biomarkers.Where(b => Counts(b.Certainty) && b.Status is BiomarkerStatus.Positive or BiomarkerStatus.Low))
        {
            Add($"{marker.Marker} {marker.Alteration}");
        }

        foreach (var therapy in patient.Therapies.Where(t => Counts(t.Certainty)))
        {
            Add(therapy.Name);
        }

        foreach (var condition in patient.Conditions.Where(c => Counts(c.Certainty)))
        {
            Add(condition.Text);
        }

        return text.ToString();
    }

    private static bool Counts(Certainty certainty) => certainty is Certainty.Asserted or Certainty.Historical;
}
