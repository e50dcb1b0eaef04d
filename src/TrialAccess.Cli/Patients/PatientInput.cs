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

    /// <summary>
    /// Reads a patient file as UTF-8 (a byte-order mark allowed). Bytes that are not UTF-8 are refused by name, as
    /// ingest refuses them (the decoding rule of <see cref="Decoding.StrictJson"/>), rather than read as U+FFFD.
    /// </summary>
    public static async Task<(string? Text, string? Error)> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var content = bytes.AsSpan(start);
        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            var valid = 0;
            while (valid < content.Length && System.Text.Unicode.Utf8.IsValid(content[..(valid + 1)]))
            {
                valid++;
            }

            return (null, $"'{path}' is not valid UTF-8 text (at byte {start + valid + 1}); save it as UTF-8");
        }

        return (System.Text.Encoding.UTF8.GetString(content), null);
    }

    /// <summary>Reads a patient given as a JSON element (a batch line's "patient": an object, or a string holding a note).</summary>
    public static (PatientProfile? Patient, string? Error) Read(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Read(element.GetString() ?? string.Empty) : Read(element.GetRawText());
}
