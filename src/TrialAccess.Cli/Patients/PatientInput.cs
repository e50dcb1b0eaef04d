using System.Text.Json;
using System.Text.Json.Serialization;
using TrialAccess.Patients;

namespace TrialAccess.Cli.Patients;

/// <summary>
/// Reads a patient given on the command line. Today: the JSON form of <see cref="PatientProfile"/> (camelCase, enums as
/// strings). Notes and FHIR bundles come through this same entry point once patient intake provides them.
/// </summary>
internal static class PatientInput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a patient from its text; a value that is not a patient gives the reason instead.</summary>
    public static (PatientProfile? Patient, string? Error) Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "the patient is empty");
        }

        if (!text.TrimStart().StartsWith('{'))
        {
            return (null, "only the JSON form of a patient profile is read for now (free-text notes and FHIR come with patient intake)");
        }

        try
        {
            var patient = JsonSerializer.Deserialize<PatientProfile>(text, Options);
            return patient is null ? (null, "the patient JSON is null") : (patient, null);
        }
        catch (JsonException e)
        {
            return (null, $"not a patient profile: {e.Message}");
        }
    }

    /// <summary>Reads a patient given as a JSON element (a batch line's "patient": an object, or a string holding the text).</summary>
    public static (PatientProfile? Patient, string? Error) Read(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Read(element.GetString() ?? string.Empty) : Read(element.GetRawText());
}
