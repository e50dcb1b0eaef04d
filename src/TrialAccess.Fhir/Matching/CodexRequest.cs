using System.Globalization;
using Hl7.Fhir.Model;
using TrialAccess.Trials;

namespace TrialAccess.Fhir.Matching;

/// <summary>
/// A trial search as the HL7 CodeX matching protocol asks for it: the patient's mCODE bundle and the search parameters
/// (<c>zipCode</c>, <c>travelRadius</c> in miles, and the <c>$match</c> extras <c>location</c>, <c>phase</c>,
/// <c>recruitmentStatus</c>).
/// </summary>
/// <param name="Patient">The bundle holding the patient's resources.</param>
/// <param name="PatientPath">Where that bundle is in the request, to name faults inside it (<c>Bundle</c>, <c>Parameters.parameter[0].resource</c>).</param>
/// <param name="SkipEntries">Entries of <paramref name="Patient"/> that are not about the patient (the request's own Parameters).</param>
/// <param name="TravelRadiusMiles">A finite positive number of miles, or null when not given.</param>
/// <param name="Statuses">ResearchStudy status codes asked for (<c>active</c>, <c>approved</c>, ...); empty for the default (recruiting).</param>
/// <param name="Warnings">Parameters read past (unknown names), for the response's outcome entry.</param>
/// <param name="ParametersPath">Where the search parameters are in the request (<c>Parameters</c>, <c>Bundle.entry[0].resource</c>).</param>
public sealed record CodexSearch(
    Bundle Patient,
    string PatientPath,
    IReadOnlySet<int> SkipEntries,
    string? ZipCode,
    string? Location,
    double? TravelRadiusMiles,
    IReadOnlyList<TrialPhase> Phases,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<FhirIssue> Warnings,
    string ParametersPath)
{
    /// <summary>The location of a named parameter, as a FHIRPath expression.</summary>
    public string ParameterLocation(string name) => $"{ParametersPath}.parameter.where(name = '{name}')";
}

/// <summary>A <see cref="CodexSearch"/>, or the faults (with their location) that make the request unusable.</summary>
public sealed record CodexRequestResult(CodexSearch? Search, IReadOnlyList<FhirIssue> Errors)
{
    public static CodexRequestResult Failure(params FhirIssue[] errors) => new(null, errors);
}

/// <summary>Reads the two request shapes of the CodeX protocol into one <see cref="CodexSearch"/>.</summary>
public static class CodexRequest
{
    /// <summary>ResearchStudy status codes a search may ask for (FHIR R4 research-study-status).</summary>
    public static readonly IReadOnlySet<string> StatusCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "active", "administratively-completed", "approved", "closed-to-accrual", "closed-to-accrual-and-intervention",
        "completed", "disapproved", "in-review", "temporarily-closed-to-accrual", "temporarily-closed-to-accrual-and-intervention", "withdrawn",
    };

    /// <summary>
    /// <c>POST {base}/getClinicalTrial</c>: a Bundle whose entries are a <c>Parameters</c> resource (the app puts it
    /// first) and the patient's resources.
    /// </summary>
    public static CodexRequestResult FromBundle(string json)
    {
        var read = FhirJson.Read<Bundle>(json);
        if (read.Resource is not { } bundle)
        {
            return new CodexRequestResult(null, read.Issues.Select(i => i with { Location = Absolute("Bundle", i.Location) }).ToList());
        }

        Parameters? parameters = null;
        var skip = new HashSet<int>();
        var parametersPath = "Bundle";
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i]?.Resource is Parameters p)
            {
                skip.Add(i);
                if (parameters is null)
                {
                    parameters = p;
                    parametersPath = $"Bundle.entry[{i}].resource";
                }
            }
        }

        return Read(parameters, parametersPath, bundle, "Bundle", skip, Lost(read.Issues, "Bundle"));
    }

    /// <summary><c>POST {base}/ResearchStudy/$match</c>: a Parameters resource whose <c>trialMatchClinicalData</c> holds the patient's Bundle.</summary>
    public static CodexRequestResult FromParameters(string json)
    {
        var read = FhirJson.Read<Parameters>(json);
        if (read.Resource is not { } parameters)
        {
            return new CodexRequestResult(null, read.Issues.Select(i => i with { Location = Absolute("Parameters", i.Location) }).ToList());
        }

        var at = parameters.Parameter.FindIndex(p => p?.Name == "trialMatchClinicalData");
        if (at < 0 || parameters.Parameter[at].Resource is not Bundle bundle)
        {
            return CodexRequestResult.Failure(new FhirIssue(
                at < 0 ? "Parameters.parameter" : $"Parameters.parameter[{at}].resource",
                "Parameter trialMatchClinicalData must hold the patient's Bundle resource."));
        }

        return Read(parameters, "Parameters", bundle, $"Parameters.parameter[{at}].resource", new HashSet<int>(), Lost(read.Issues, "Parameters"));
    }

    private static List<FhirIssue> Lost(IReadOnlyList<FhirIssue> issues, string root) =>
        issues.Select(i => new FhirIssue(Absolute(root, i.Location), i.Message + " (read past)")).ToList();

    private static CodexRequestResult Read(Parameters? parameters, string path, Bundle patient, string patientPath, HashSet<int> skip, List<FhirIssue> warnings)
    {
        var errors = new List<FhirIssue>();
        string? zip = null, location = null;
        double? radius = null;
        var phases = new List<TrialPhase>();
        var statuses = new List<string>();
        var list = parameters?.Parameter ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var parameter = list[i];
            var at = $"{path}.parameter[{i}]";
            var value = Text(parameter?.Value);
            switch (parameter?.Name)
            {
                case "trialMatchClinicalData":
                    break;
                case "zipCode":
                    zip = Required(value, at, "zipCode", errors);
                    break;
                case "location":
                    location = Required(value, at, "location", errors);
                    break;
                case "travelRadius":
                    if (Required(value, at, "travelRadius", errors) is { } text)
                    {
                        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var miles) && double.IsFinite(miles) && miles > 0)
                        {
                            radius = miles;
                        }
                        else
                        {
                            errors.Add(new FhirIssue(at + ".value", $"travelRadius '{text}' is not a finite positive number of miles."));
                        }
                    }

                    break;
                case "phase":
                    if (Required(value, at, "phase", errors) is { } phase)
                    {
                        if (ResearchStudyCodes.TryParsePhase(phase, out var parsed))
                        {
                            phases.AddRange(parsed);
                        }
                        else
                        {
                            errors.Add(new FhirIssue(at + ".value", $"phase '{phase}' is not a research-study-phase code (early-phase-1, phase-1, phase-1-phase-2, phase-2, phase-2-phase-3, phase-3, phase-4, n-a)."));
                        }
                    }

                    break;
                case "recruitmentStatus":
                    if (Required(value, at, "recruitmentStatus", errors) is { } status)
                    {
                        if (StatusCodes.Contains(status))
                        {
                            statuses.Add(status);
                        }
                        else
                        {
                            errors.Add(new FhirIssue(at + ".value", $"recruitmentStatus '{status}' is not a ResearchStudy status code."));
                        }
                    }

                    break;
                default:
                    warnings.Add(new FhirIssue(at + ".name", $"parameter '{parameter?.Name}' is not one this service uses; ignored."));
                    break;
            }
        }

        return errors.Count > 0
            ? new CodexRequestResult(null, errors)
            : new CodexRequestResult(new CodexSearch(patient, patientPath, skip, zip, location, radius, phases.Distinct().ToList(), statuses.Distinct().ToList(), warnings, path), []);
    }

    private static string? Required(string? value, string at, string name, List<FhirIssue> errors)
    {
        if (value is null)
        {
            errors.Add(new FhirIssue(at, $"{name} needs a value (valueString)."));
        }

        return value;
    }

    /// <summary>A parameter's value as text, whatever type the sender chose (string, code, decimal, integer, Coding).</summary>
    private static string? Text(DataType? value) => value switch
    {
        Coding coding => coding.CodeElement?.JsonValue?.ToString(),
        PrimitiveType primitive => primitive.JsonValue switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        },
        _ => null,
    };

    private static string Absolute(string root, string? location) =>
        location is null ? root : location == "resourceType" ? $"{root}.resourceType" : location.StartsWith(root, StringComparison.Ordinal) ? location : $"{root}.{location}";
}
