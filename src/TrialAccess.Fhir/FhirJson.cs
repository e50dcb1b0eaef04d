using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace TrialAccess.Fhir;

/// <summary>Something wrong with FHIR input, with where it is (a FHIRPath-style location such as <c>Bundle.entry[2].resource</c>).</summary>
/// <param name="Location">Where the fault is; null when the input as a whole is unusable.</param>
public sealed record FhirIssue(string? Location, string Message)
{
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

/// <summary>A resource read from JSON, with what the reader had to read past; or the reason there is none.</summary>
public sealed record FhirReadResult<T>(T? Resource, IReadOnlyList<FhirIssue> Issues)
    where T : Resource
{
    public bool IsSuccess => Resource is not null;
}

/// <summary>
/// FHIR R4 JSON in and out through the Firely SDK: one deserializer and one serializer for the whole adapter.
/// </summary>
/// <remarks>
/// Input is read in the SDK's <see cref="DeserializationMode.Recoverable"/> mode: data that breaks a FHIR rule but is
/// kept whole (a <c>urn:uuid:</c> that is not a UUID, a single value where an array belongs) is accepted, because the
/// CodeX clients send such data; what the SDK still reports (it lost data, such as a duplicate property) comes back as
/// issues with their location. JSON that is not JSON, or not the expected resource, is a failure naming where.
/// </remarks>
public static class FhirJson
{
    /// <summary>The media type of FHIR JSON.</summary>
    public const string MediaType = "application/fhir+json";

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>Reads a resource of type <typeparamref name="T"/> (a Bundle, Parameters) from JSON text.</summary>
    public static FhirReadResult<T> Read<T>(string json)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        if (CheckSyntax(json) is { } syntax)
        {
            return new FhirReadResult<T>(null, [syntax]);
        }

        var expected = ModelInfo.GetFhirTypeNameForType(typeof(T)) ?? typeof(T).Name;
        Deserializer.TryDeserializeResource(json, out var resource, out var errors);
        var issues = errors.Select(Describe).ToList();
        if (resource is T typed && resource.TypeName == expected)
        {
            return new FhirReadResult<T>(typed, issues);
        }

        var found = resource?.TypeName is { Length: > 0 } name && !name.StartsWith("UnnamedResource", StringComparison.Ordinal) ? $"'{name}'" : "missing";
        return new FhirReadResult<T>(null, [new FhirIssue("resourceType", $"is {found}; a {expected} resource is expected here.")]);
    }

    /// <summary>The resource as FHIR JSON: nulls and empty arrays are never written (the SDK leaves them out).</summary>
    public static string Write(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Serializer.SerializeToString(resource);
    }

    /// <summary>Checks that the text is one JSON object, giving the line and column of the first fault.</summary>
    private static FhirIssue? CheckSyntax(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 128 });
        try
        {
            if (!reader.Read())
            {
                return new FhirIssue(null, "The body is empty; a FHIR resource (JSON object) is expected.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new FhirIssue(null, $"The body is a JSON {reader.TokenType switch { JsonTokenType.StartArray => "array", JsonTokenType.String => "string", JsonTokenType.Number => "number", _ => "value" }}; a FHIR resource (JSON object) is expected.");
            }

            reader.Skip();
            return reader.Read() ? new FhirIssue(null, $"Unexpected content after the resource (byte {reader.TokenStartIndex + 1}).") : null;
        }
        catch (JsonException e)
        {
            return new FhirIssue(null, $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
    }

    private static FhirIssue Describe(Hl7.Fhir.Utility.CodedException error)
    {
        var location = (error as Hl7.Fhir.Utility.ExtendedCodedException)?.InstancePath;
        var message = error.Message;
        var at = message.IndexOf(" At ", StringComparison.Ordinal);
        return new FhirIssue(location, at > 0 ? message[..at] : message);
    }
}
