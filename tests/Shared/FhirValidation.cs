#if FHIR_VALIDATION
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace TrialAccess.Testing;

/// <summary>
/// The Firely validator over the base FHIR R4 profiles (the specification package shipped with the SDK), shared by
/// the tests of one assembly: building it reads the specification once (seconds); each validation then takes
/// milliseconds. Validation is strict JSON: the text is parsed in strict mode first, so a null, an empty array or a
/// malformed value is an error before the profiles are checked.
/// </summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings());

    /// <summary>
    /// One validation at a time: the validator loads and converts profiles on first use, and two tests doing that at once
    /// have failed with "Failed to convert ElementDefinition ... Index was out of range" (a race in the shared cache).
    /// </summary>
    private static readonly Lock Gate = new();

    /// <summary>The errors (and fatal issues) in FHIR JSON: strict parsing first, then the base profiles; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        if (!Strict.TryDeserializeResource(json, out var resource, out var parseIssues))
        {
            return parseIssues.Select(i => "parse: " + i.Message).ToList();
        }

        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Instance.Value.Validate(resource!);
        }

        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {i.Code} at {string.Join(", ", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
    }

    /// <summary>Warnings the validator gives, for the report (extensions it cannot resolve, best practices).</summary>
    public static IReadOnlyList<string> Warnings(string json)
    {
        var resource = Strict.DeserializeResource(json);
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Instance.Value.Validate(resource);
        }

        return outcome.Issue
            .Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning)
            .Select(i => $"{i.Code} at {string.Join(", ", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
    }
}
#endif
