using System.Text.Json;
using TrialAccess.Fhir.Patients;
using TrialAccess.Patients;

namespace TrialAccess.Cli.Patients;

/// <summary>
/// Reads a patient given on the command line through <see cref="PatientIntake"/>: a clinical note, structured JSON
/// (docs/patient-json.md) or a FHIR bundle, detected.
/// </summary>
internal static class PatientInput
{
    /// <summary>The intake every command uses: notes, structured JSON, and FHIR through the mCODE reader.</summary>
    public static PatientIntake Intake { get; } = new(new McodePatientReader());

    /// <summary>Reads a patient from its text; input that gives no patient returns the reasons instead.</summary>
    public static (PatientProfile? Patient, string? Error) Read(string text)
    {
        var result = Intake.Read(text);
        return result.Profile is { } profile
            ? (profile, null)
            : (null, string.Join("; ", result.Errors.Select(e => e.ToString())));
    }

    /// <summary>Reads a patient given as a JSON element (a batch line's "patient": an object, or a string holding a note).</summary>
    public static (PatientProfile? Patient, string? Error) Read(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Read(element.GetString() ?? string.Empty) : Read(element.GetRawText());
}
