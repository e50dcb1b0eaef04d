using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;
using TrialAccess.Decoding;

namespace TrialAccess.Fhir;

/// <summary>Something wrong with FHIR input, with where it is (a FHIRPath-style location such as <c>Bundle.entry[2].resource</c>).</summary>
/// <param name="Location">Where the fault is; null when the input as a whole is unusable.</param>
public sealed record FhirIssue(string? Location, string Message)
{
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

/// <summary>A resource read from JSON, with the faults the reader read past; or the reason there is none.</summary>
/// <param name="Resource">The resource; null when the input cannot be read as one.</param>
/// <param name="Issues">
/// Without a resource, why (each located). With one, the faults in the JSON that the SDK read past, each located
/// (<c>Bundle.entry[2].resource.valueQuantity</c>): a value of the wrong JSON kind (a number where FHIR has text, an
/// object where it has a primitive, a list where it has one value or the reverse), a number that is not finite, a
/// property given twice (the first value is the one read). Whether a fault makes the request unusable depends on
/// where it is, so the caller decides (<see cref="Matching.CodexRequest"/>: in the search parameters yes, inside
/// one patient resource no: that resource is reported and skipped).
/// </param>
public sealed record FhirReadResult<T>(T? Resource, IReadOnlyList<FhirIssue> Issues)
    where T : Resource
{
    public bool IsSuccess => Resource is not null;
}

/// <summary>
/// FHIR R4 JSON in and out through the Firely SDK: one deserializer and one serializer for the whole adapter.
/// </summary>
/// <remarks>
/// Input is first held to the JSON decoding policy of every reader (<see cref="StrictJson"/>: well-formed JSON,
/// valid UTF-8 and Unicode, nesting at most <see cref="MaxDepth"/>; an input that breaks it is refused with the path
/// of the fault), except that a property given twice is reported where it is rather than refused, because the CodeX
/// reference bundles carry such properties. Every <c>resourceType</c> must be text (the SDK throws on some other
/// kinds). The SDK then reads in <see cref="DeserializationMode.Strict"/> mode, which keeps every value (data that
/// breaks a FHIR rule but is kept whole, such as a <c>urn:uuid:</c> that is not a UUID, is accepted as the CodeX
/// clients send it); of what it reports, the faults in the JSON itself (wrong JSON kinds, numbers out of range) come
/// back as located issues and the rest (literal formats, cardinality, unknown elements) is left to the readers.
/// </remarks>
public static partial class FhirJson
{
    /// <summary>The media type of FHIR JSON.</summary>
    public const string MediaType = "application/fhir+json";

    /// <summary>The deepest nesting accepted (objects and arrays); a CodeX request nests about 12 deep.</summary>
    public const int MaxDepth = 128;

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>
    /// The SDK's codes for faults in the JSON itself: a value of the wrong JSON kind, a null, an array in an array,
    /// a misused <c>_element</c>, a literal the element's type cannot hold (a number for text, <c>1e400</c> for a
    /// decimal), a list for one value or one value for a list, an element given twice (also as two types of one
    /// choice, <c>valueQuantity</c> and <c>valueCodeableConcept</c>). A resource without <c>resourceType</c> inside a
    /// bundle is left to the reader (an entry without a resource), since the SDK does not say where it is.
    /// </summary>
    private static readonly HashSet<string> JsonFaults = new(StringComparer.Ordinal)
    {
        FhirJsonException.RESOURCETYPE_SHOULD_BE_STRING_CODE,
        FhirJsonException.DUPLICATE_PROPERTY_CODE,
        FhirJsonException.EXPECTED_PRIMITIVE_NOT_NULL_CODE,
        FhirJsonException.NESTED_ARRAY_CODE,
        FhirJsonException.UNEXPECTED_PRIMITIVE_VALUE_FOR_NON_PRIMITIVE_CODE,
        FhirJsonException.UNEXPECTED_OBJECT_VALUE_FOR_PRIMITIVE_CODE,
        FhirJsonException.USE_OF_UNDERSCORE_WITH_NON_PRIMITIVE_CODE,
        FhirJsonException.UNDERSCORE_SHOULD_BE_OBJECT_CODE,
        FhirJsonException.PRIMITIVE_VALUE_SUPPLIED_TWICE_CODE,
        CodedValidationException.INCORRECT_LITERAL_VALUE_TYPE_CODE,
        CodedValidationException.PROPERTY_TYPE_MISMATCH_CODE,
    };

    /// <summary>Reads a resource of type <typeparamref name="T"/> (a Bundle, Parameters) from JSON text.</summary>
    public static FhirReadResult<T> Read<T>(string json)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        return StrictJson.ToUtf8(json) is { } utf8
            ? Read<T>(utf8)
            : new FhirReadResult<T>(null, [new FhirIssue(null, "The text holds an unpaired surrogate: it is not valid Unicode and was not read.")]);
    }

    /// <summary>Reads a resource of type <typeparamref name="T"/> (a Bundle, Parameters) from UTF-8 JSON, such as a request body.</summary>
    public static FhirReadResult<T> Read<T>(ReadOnlyMemory<byte> utf8)
        where T : Resource
    {
        var expected = ModelInfo.GetFhirTypeNameForType(typeof(T)) ?? typeof(T).Name;
        var duplicates = new List<JsonInputError>();
        if (StrictJson.Check(utf8.Span, MaxDepth, duplicateProperties: duplicates) is { } invalid)
        {
            return new FhirReadResult<T>(null, [new FhirIssue(invalid.Path.Length == 0 ? null : $"{expected}.{invalid.Path}", invalid.Message + ".")]);
        }

        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        if (Shape(document.RootElement, expected) is { } shape)
        {
            return new FhirReadResult<T>(null, [shape]);
        }

        Resource? resource;
        IEnumerable<CodedException> errors;
        try
        {
            var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
            Deserializer.TryDeserializeResource(ref reader, out resource, out errors);
        }
        catch (JsonException e)
        {
            // The SDK refusing JSON that is well formed: a shape it does not expect, named by position.
            return new FhirReadResult<T>(null, [new FhirIssue(null, $"The body could not be read as FHIR (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).")]);
        }
        catch (IndexOutOfRangeException)
        {
            // The SDK's element lookup throws on some malformed property names (found by the FHIR input fuzz test,
            // seed 938927397): a body we cannot read, reported as such rather than a server error.
            return new FhirReadResult<T>(null, [new FhirIssue(null, "The body could not be read as FHIR (a property name the FHIR reader cannot map).")]);
        }

        if (resource is not T typed || resource.TypeName != expected)
        {
            var found = resource?.TypeName is { Length: > 0 } name && !name.StartsWith("UnnamedResource", StringComparison.Ordinal) ? $"'{name}'" : "missing";
            return new FhirReadResult<T>(null, [new FhirIssue($"{expected}.resourceType", $"is {found}; a {expected} resource is expected here.")]);
        }

        // A property named twice is found by the decoding check (precisely, and also resourceType) and by the SDK (at
        // the object, and also for two types of one choice element): one issue each, the more precise one.
        var named = duplicates.Select(d => new FhirIssue($"{expected}.{d.Path}", "this property is given twice; the first value is the one read")).ToList();
        var faults = errors.Where(e => JsonFaults.Contains(e.ErrorCode)).Select(e => (Error: e, Issue: Describe(e)))
            .Where(f => f.Error.ErrorCode != FhirJsonException.DUPLICATE_PROPERTY_CODE || !named.Any(d => SameDuplicate(d, f.Issue, expected)))
            .Select(f => f.Issue)
            .Concat(named)
            .Distinct()
            .ToList();
        return new FhirReadResult<T>(typed, faults);
    }

    /// <summary>Whether the SDK's duplicate at an object (<c>Parameters.parameter[1]</c>, naming <c>'valueString'</c>) is the decoding check's <c>Parameters.parameter[1].valueString</c>.</summary>
    private static bool SameDuplicate(FhirIssue named, FhirIssue sdk, string root)
    {
        var parent = (sdk.Location ?? root) + ".";
        return named.Location!.StartsWith(parent, StringComparison.Ordinal)
            && sdk.Message.Contains($"'{named.Location[parent.Length..]}'", StringComparison.Ordinal);
    }

    /// <summary>The resource as FHIR JSON: nulls and empty arrays are never written (the SDK leaves them out).</summary>
    public static string Write(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Serializer.SerializeToString(resource);
    }

    /// <summary>The input is one JSON object and every <c>resourceType</c> in it is text; otherwise the first fault, located.</summary>
    private static FhirIssue? Shape(JsonElement root, string expected)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new FhirIssue(null, $"The body is a JSON {Kind(root.ValueKind)}; a FHIR resource (JSON object) is expected.");
        }

        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, expected));
        while (pending.Count > 0)
        {
            var (element, path) = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    pending.Push((item, $"{path}[{index++}]"));
                }

                continue;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("resourceType") && property.Value.ValueKind != JsonValueKind.String)
                {
                    return new FhirIssue($"{path}.resourceType", $"is a JSON {Kind(property.Value.ValueKind)}; a resource type is text (a JSON string).");
                }

                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    pending.Push((property.Value, $"{path}.{property.Name}"));
                }
            }
        }

        return null;
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static FhirIssue Describe(CodedException error)
    {
        var location = (error as ExtendedCodedException)?.InstancePath is { Length: > 0 } path && path != "$this" ? path : null;
        var message = error.Message;
        var at = message.IndexOf(" At ", StringComparison.Ordinal);
        if (location is not null && error.ErrorCode == CodedValidationException.PROPERTY_TYPE_MISMATCH_CODE)
        {
            // One value where FHIR has a list, or a list where it has one value: the SDK names an element; the fault
            // is the property's.
            location = TrailingIndex().Replace(location, string.Empty);
        }

        return new FhirIssue(location, at > 0 ? message[..at] : message);
    }

    /// <summary>
    /// Splits located faults into those inside one entry of a bundle (the entry is what is wrong; a reader reports
    /// and skips it or reads past the value) and the rest (the bundle or request as a whole is wrong).
    /// </summary>
    /// <param name="bundle">A regular expression for where the bundle is (<c>Bundle</c>, <c>Parameters\.parameter\[\d+\]\.resource</c>).</param>
    /// <param name="skip">Entries that are not the patient's (a CodeX request's own Parameters): their faults are the request's.</param>
    internal static (List<FhirIssue> Request, List<FhirIssue> Entries) SplitByEntry(IEnumerable<FhirIssue> faults, string bundle, IReadOnlySet<int>? skip = null)
    {
        var entry = new Regex($@"^{bundle}\.entry\[(\d+)\]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var request = new List<FhirIssue>();
        var entries = new List<FhirIssue>();
        foreach (var fault in faults)
        {
            var match = fault.Location is null ? Match.Empty : entry.Match(fault.Location);
            var inEntry = match.Success && (skip is null || !int.TryParse(match.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || !skip.Contains(index));
            (inEntry ? entries : request).Add(fault);
        }

        return (request, entries);
    }

    [GeneratedRegex(@"\[\d+\]$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingIndex();
}
