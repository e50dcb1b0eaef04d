using System.Text.Json;
using TrialAccess.Patients.Fhir;
using TrialAccess.Patients.Json;
using TrialAccess.Patients.Notes;
using TrialAccess.Decoding;

namespace TrialAccess.Patients;

/// <summary>
/// The one entry point for patient data: detects whether the input is a FHIR bundle, structured JSON or a note, and
/// reads it into a <see cref="PatientProfile"/>. Bad input gives a result with errors; it never throws.
/// </summary>
public static class PatientIntake
{
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
        catch (JsonException)
        {
            return LooksLikeJson(trimmed) ? PatientInputKind.StructuredJson : PatientInputKind.Note;
        }
    }

    /// <summary>Reads one patient from text in any supported form.</summary>
    /// <param name="input">The whole input (file contents or standard input).</param>
    /// <param name="id">An identifier to put on the profile when the input has none.</param>
    public static PatientIntakeResult Read(string input, string? id = null)
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
            PatientInputKind.FhirBundle => ReadFhir(input),
            PatientInputKind.StructuredJson => PatientJsonReader.Read(input),
            PatientInputKind.Note => NoteReader.Read(input),
        };

        return result.Profile is { Id: null } profile && id is not null
            ? PatientIntakeResult.Success(result.Kind, profile with { Id = id }, result.Warnings)
            : result;
    }

    /// <summary>
    /// A FHIR bundle is checked against the JSON decoding policy (<see cref="StrictJson"/>) before the bundle reader
    /// sees it. The reader expects each element to have the JSON kind FHIR gives it; one of another kind (a number
    /// where an object belongs) makes it throw <see cref="InvalidOperationException"/>, which is turned here into a
    /// named failure rather than escaping to the caller.
    /// </summary>
    private static PatientIntakeResult ReadFhir(string input)
    {
        var (document, error) = StrictJson.Parse(input, maxDepth: 64, allowComments: true);
        if (error is not null)
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, [new PatientIntakeIssue(error.Path.Length == 0 ? null : error.Path, error.Message)]);
        }

        document!.Dispose();
        try
        {
            return FhirBundleReader.Read(input);
        }
        catch (InvalidOperationException)
        {
            return PatientIntakeResult.Failure(PatientInputKind.FhirBundle, "The bundle holds a value of the wrong JSON kind (for example a number where FHIR has an object or text); it was not read.");
        }
    }

    private static bool LooksLikeJson(ReadOnlySpan<char> trimmed)
    {
        var end = trimmed.TrimEnd();
        return (end.Length > 0 && end[^1] == '}') || (trimmed[1..].TrimStart() is { Length: > 0 } rest && rest[0] == '"');
    }
}
