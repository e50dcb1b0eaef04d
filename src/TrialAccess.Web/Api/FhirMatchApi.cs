using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using TrialAccess.Fhir;
using TrialAccess.Fhir.Matching;
using TrialAccess.Fhir.Patients;
using TrialAccess.Fhir.ResearchStudies;
using TrialAccess.Geography;
using TrialAccess.Ingestion;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Trials;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Matching;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Api;

/// <summary>
/// The HL7 CodeX trial-matching service, under <see cref="WebAppOptions.FhirBasePath"/>:
/// <c>POST {base}/getClinicalTrial</c> (the CodeX app's call: a Bundle whose first entry is a Parameters resource with
/// <c>zipCode</c> and <c>travelRadius</c> in miles, then the patient's mCODE resources) and
/// <c>POST {base}/ResearchStudy/$match</c> (a Parameters resource with <c>trialMatchClinicalData</c> and the same
/// parameters). Both answer the same <c>searchset</c> Bundle of ResearchStudy resources for the same patient, or an
/// OperationOutcome (400) naming where the request is at fault. FHIR is read and written with the Firely SDK
/// (<c>TrialAccess.Fhir</c>); cross-origin browsers are served as <see cref="WebAppOptions.CorsOrigins"/> allows.
/// </summary>
public static class FhirMatchApi
{
    /// <summary>The CORS policy of the FHIR endpoints.</summary>
    public const string CorsPolicy = "fhir";

    /// <summary>How many studies a search returns at most.</summary>
    public const int MaxStudies = 50;

    private const double KmPerMile = 1.609344;

    private static readonly McodePatientReader PatientReader = new();

    public static IEndpointRouteBuilder MapFhirMatchApi(this IEndpointRouteBuilder app, string basePath)
    {
        var fhir = app.MapGroup(basePath).WithTags("FHIR").RequireCors(CorsPolicy).RequireRateLimiting(RateLimiting.ApiPolicy);
        fhir.MapPost("/ResearchStudy/$match", MatchAsync)
            .WithName("ResearchStudyMatch")
            .WithSummary("HL7 CodeX ResearchStudy/$match: a Parameters resource in, a searchset Bundle of ResearchStudy out");
        fhir.MapPost("/getClinicalTrial", GetClinicalTrialAsync)
            .WithName("GetClinicalTrial")
            .WithSummary("HL7 CodeX matching service: a Bundle (Parameters first, then the mCODE patient) in, a searchset Bundle of ResearchStudy out");
        return app;
    }

    /// <summary>Whether a request path is one of the FHIR endpoints under <paramref name="basePath"/>.</summary>
    public static bool IsFhirPath(PathString path, string basePath) =>
        path.StartsWithSegments(basePath.TrimEnd('/') + "/ResearchStudy", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(basePath.TrimEnd('/') + "/getClinicalTrial", StringComparison.OrdinalIgnoreCase);

    internal static async Task<IResult> MatchAsync(HttpRequest request, MatchService matcher, ITrialStore store, PlaceDirectory places, IOptions<WebAppOptions> options, CancellationToken cancellationToken) =>
        await SearchAsync(CodexRequest.FromParameters(await ReadBodyAsync(request, cancellationToken)), request, matcher, store, places, options.Value, cancellationToken);

    internal static async Task<IResult> GetClinicalTrialAsync(HttpRequest request, MatchService matcher, ITrialStore store, PlaceDirectory places, IOptions<WebAppOptions> options, CancellationToken cancellationToken) =>
        await SearchAsync(CodexRequest.FromBundle(await ReadBodyAsync(request, cancellationToken)), request, matcher, store, places, options.Value, cancellationToken);

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static async Task<IResult> SearchAsync(
        CodexRequestResult parsed, HttpRequest request, MatchService matcher, ITrialStore store, PlaceDirectory places, WebAppOptions options, CancellationToken cancellationToken)
    {
        if (parsed.Search is not { } search)
        {
            return Fhir(Outcomes.Invalid(parsed.Errors), StatusCodes.Status400BadRequest);
        }

        var intake = PatientReader.Read(search.Patient, search.SkipEntries.ToHashSet());
        if (intake.Profile is not { } patient)
        {
            return Fhir(Outcomes.Invalid(intake.Errors.Select(e => new FhirIssue(Within(search.PatientPath, e.Field), e.Message))), StatusCodes.Status400BadRequest);
        }

        var warnings = search.Warnings.Concat(intake.Warnings.Select(w => new FhirIssue(Within(search.PatientPath, w.Field), w.Message))).ToList();
        var resolver = await places.GetAsync(cancellationToken);
        var near = Near(search, patient.Location, resolver, warnings);
        if (search.TravelRadiusMiles is not null && near is null)
        {
            warnings.Add(new FhirIssue(null, "travelRadius was given but no place is known (no zipCode, location or patient address that resolves): distances are not filtered."));
        }

        var result = await matcher.MatchAsync(new MatchRequest
        {
            Patient = patient,
            Top = MaxStudies,
            // As the CodeX app expects: every study that passes the search, its likelihood in the score (ineligible
            // ones last, below 0.10, their failing criteria in the assessment extension).
            IncludeIneligible = true,
            Filters = new MatchFilters
            {
                RecruitingOnly = search.Statuses.Count == 0 || search.Statuses.All(s => s is "active" or "approved"),
                IncludeNotYetRecruiting = search.Statuses.Contains("approved"),
                Near = near,
                RadiusKm = near is null ? null : search.TravelRadiusMiles * KmPerMile,
                Phases = search.Phases,
            },
        }, store, cancellationToken);

        var studies = search.Statuses.Count == 0
            ? result.Trials
            : result.Trials.Where(m => search.Statuses.Contains(ResearchStudyCodes.StatusCode(m.Trial.OverallStatus))).ToList();
        return Fhir(SearchSetBuilder.Build(studies, ServiceBase(request, options.FhirBasePath), warnings), StatusCodes.Status200OK);
    }

    /// <summary>The place to measure from: the request's location or ZIP code, else the patient's address (coordinates or US ZIP code).</summary>
    private static GeoPoint? Near(CodexSearch search, TrialAccess.Patients.PatientLocation? home, PlaceResolver resolver, List<FhirIssue> warnings)
    {
        foreach (var (name, value) in new[] { ("location", search.Location), ("zipCode", search.ZipCode) })
        {
            if (value is null)
            {
                continue;
            }

            var resolved = resolver.Resolve(value);
            if (resolved.IsResolved)
            {
                return resolved.Point;
            }

            warnings.Add(new FhirIssue(search.ParameterLocation(name), $"{name} '{value}' could not be resolved ({resolved.Error}): distances are not filtered."));
            return null;
        }

        if (home?.Coordinates is { } point)
        {
            return point;
        }

        return home?.PostalCode is { } zip && UsZipCodes.TryFind(zip, out var centre) ? centre : null;
    }

    private static string Within(string root, string? field) => field is null ? root : $"{root}.{field}";

    /// <summary>The absolute base URL of the FHIR service as the client reached it.</summary>
    private static Uri ServiceBase(HttpRequest request, string basePath) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{basePath.TrimEnd('/')}/");

    private static IResult Fhir(Resource resource, int status) => Results.Text(FhirJson.Write(resource), FhirJson.MediaType, statusCode: status);
}
