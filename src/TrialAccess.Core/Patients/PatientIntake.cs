using System.Text.Json;
using TrialAccess.Decoding;
using TrialAccess.Patients.Json;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Patients;

/// <summary>
/// The one entry point for patient data: detects whether the input is a FHIR bundle, structured JSON or a note, and
/// reads it into a <see cref="PatientProfile"/>. Bad input gives a result with errors; it never throws.
/// </summary>
/// <remarks>
/// FHIR is read through the <see cref="IFhirPatientReader"/> port, so that every host (the CLI, the clinician page,
/// <c>/api/match</c> and the FHIR endpoints) reads a bundle the same way. Instances are immutable and thread-safe.
/// </remarks>
public sealed class PatientIntake(IFhirPatientReader fhir)
{
    private readonly IFhirPatientReader _fhir = fhir ?? throw new ArgumentNullException(nameof(fhir));

    /// <summary>An intake for notes and structured JSON only: a FHIR bundle gives an error saying FHIR is not read here.</summary>
    public static PatientIntake WithoutFhir { get; } = new(new NoFhirReader());

    /// <summary>Largest input accepted, in characters (about 20 MB of text).</summary>
    public const int MaxInputLength = 20 * 1024 * 1024;

    /// <summary>How the input will be read: a JSON object with <c>"resourceType": "Bundle"</c> is FHIR, any other JSON object is structured JSON, everything else is a note.</summary>
    public static PatientInputKind Detect(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trimmed = input.AsSpan().TrimStart();
        if (trimmed.Length == 0 || trimmed[0] != '{')
        {
            return PatientInputKind.Note;
        }

        if (!StrictJson.IsValidText(input))
        {
            // Not valid Unicode: not parsed here; Read refuses it whatever it looks like.
            return LooksLikeJson(trimmed) ? PatientInputKind.StructuredJson : PatientInputKind.Note;
        }

        try
        {
            using var document = JsonDocument.Parse(input, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("resourceType", out var type)
                && type.ValueKind == JsonValueKind.String)
            {
                return PatientInputKind.FhirBundle;
            }

            return PatientInputKind.StructuredJson;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a property name escaping half a surrogate pair ("\ud800A"), met while looking
            // up "resourceType"; the structured reader names the fault.
            return LooksLikeJson(trimmed) ? PatientInputKind.StructuredJson : PatientInputKind.Note;
        }
    }

    /// <summary>Reads one patient from text in any supported form.</summary>
    /// <param name="input">The whole input (file contents or standard input).</param>
    /// <param name="id">An identifier to put on the profile when the input has none.</param>
    public PatientIntakeResult Read(string input, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length > MaxInputLength)
        {
            return PatientIntakeResult.Failure(PatientInputKind.Note, $"The input is {input.Length:N0} characters; the most accepted is {MaxInputLength:N0}.");
        }

        var kind = Detect(input);
        if (!StrictJson.IsValidText(input))
        {
            return PatientIntakeResult.Failure(kind, "The text holds an unpaired surrogate: it is not valid Unicode and was not read.");
        }

        var result = kind switch
        {
            PatientInputKind.FhirBundle => _fhir.Read(input),
            PatientInputKind.StructuredJson => PatientJsonReader.Read(input),
            PatientInputKind.Note => NoteReader.Read(input),
        };

        return result.Profile is { Id: null } profile && id is not null
            ? PatientIntakeResult.Success(result.Kind, profile with { Id = id }, result.Warnings)
            : result;
    }

    private static bool LooksLikeJson(ReadOnlySpan<char> trimmed)
    {
        var end = trimmed.TrimEnd();
        return (end.Length > 0 && end[^1] == '}') || (trimmed[1..].TrimStart() is { Length: > 0 } rest && rest[0] == '"');
    }

    private sealed class NoFhirReader : IFhirPatientReader
    {
        public PatientIntakeResult Read(string json) =>
            PatientIntakeResult.Failure(PatientInputKind.FhirBundle, "FHIR bundles are not read here: give the patient as a note or as structured JSON.");
    }
}
