using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Geography;
using TrialAccess.Ingestion;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Matching;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Api;

/// <summary>
/// <c>POST /api/match</c>: the trials a patient could join; <c>GET /api/trials/{nctId}/criteria</c>: a trial's parsed
/// criteria. The patient is sent as structured JSON (<c>patient</c>), a FHIR bundle (<c>fhir</c>) or a note
/// (<c>note</c>), exactly one of them; nothing of it is stored or logged.
/// </summary>
public static class MatchApi
{
    public static IEndpointRouteBuilder MapMatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/match", MatchAsync)
            .WithTags("Matching")
            .WithName("MatchPatient")
            .WithSummary("Rank the trials a patient could join, with each criterion's outcome and what is still unknown")
            .WithDescription("Body: exactly one of patient (structured JSON, docs/patient-json.md), fhir (an R4 Bundle) or note (text); filters: near (lat,lon or a place), radiusKm, includeNotYetRecruiting, anyStatus, top (1-100, default 10), includeIneligible (default true). Eligible trials come first, then possibly eligible, then ineligible with their failing criteria.")
            .Accepts<MatchApiRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireRateLimiting(RateLimiting.ApiPolicy);

        app.MapGet("/api/trials/{nctId}/criteria", CriteriaAsync)
            .WithTags("Trials")
            .WithName("GetTrialCriteria")
            .WithSummary("A trial's eligibility criteria, segmented and parsed into typed constraints")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        return app;
    }

    internal static async Task<Results<Ok<MatchReport>, ValidationProblem, ProblemHttpResult>> MatchAsync(
        HttpRequest httpRequest, MatchService matcher, ITrialStore store, PlaceDirectory places, PatientIntake patients, CancellationToken cancellationToken)
    {
        if (!httpRequest.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the request as JSON with Content-Type: application/json.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(httpRequest.Body, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException e)
        {
            Add("body", $"Not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
            return TypedResults.ValidationProblem(errors, title: "The match request is not valid");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add("body", "Send a JSON object.");
                return TypedResults.ValidationProblem(errors, title: "The match request is not valid");
            }

            var known = new HashSet<string>(StringComparer.Ordinal) { "patient", "fhir", "note", "near", "radiusKm", "top", "includeIneligible", "includeNotYetRecruiting", "anyStatus" };
            foreach (var property in root.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                Add(property.Name, "This endpoint does not know this field.");
            }

            var given = new[] { "patient", "fhir", "note" }.Where(name => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null).ToList();
            if (given.Count != 1)
            {
                Add("patient", "Send exactly one of patient (structured JSON), fhir (a FHIR R4 Bundle) or note (text).");
            }

            var top = Int(root, "top", 10, 1, 100, Add);
            var radius = Number(root, "radiusKm", Add);
            var includeIneligible = Bool(root, "includeIneligible", true, Add);
            var notYet = Bool(root, "includeNotYetRecruiting", false, Add);
            var anyStatus = Bool(root, "anyStatus", false, Add);
            if (radius is <= 0)
            {
                Add("radiusKm", "radiusKm must be positive.");
            }

            GeoPoint? near = null;
            if (root.TryGetProperty("near", out var nearElement) && nearElement.ValueKind != JsonValueKind.Null)
            {
                if (nearElement.ValueKind != JsonValueKind.String)
                {
                    Add("near", "near is text: \"lat,lon\" or a place such as \"Boston, MA\".");
                }
                else
                {
                    var resolved = (await places.GetAsync(cancellationToken)).Resolve(nearElement.GetString());
                    if (resolved.IsResolved)
                    {
                        near = resolved.Point;
                    }
                    else
                    {
                        Add("near", resolved.Error ?? "Unknown place.");
                    }
                }
            }

            if (radius is not null && near is null && !errors.ContainsKey("near"))
            {
                Add("radiusKm", "radiusKm needs near.");
            }

            PatientIntakeResult? intake = null;
            string? note = null;
            if (given.Count == 1)
            {
                var field = given[0];
                var element = root.GetProperty(field);
                if (field == "note" && element.ValueKind != JsonValueKind.String)
                {
                    Add("note", "note is text.");
                }
                else if (field != "note" && element.ValueKind != JsonValueKind.Object)
                {
                    Add(field, $"{field} is a JSON object.");
                }
                else
                {
                    var text = field == "note" ? element.GetString()! : element.GetRawText();
                    intake = patients.Read(text);
                    note = field == "note" ? text : null;
                    if (field == "fhir" && intake.Kind != PatientInputKind.FhirBundle)
                    {
                        Add("fhir", "fhir must be a FHIR resource (a Bundle with \"resourceType\": \"Bundle\").");
                    }

                    foreach (var error in intake.Errors)
                    {
                        Add(error.Field is null ? field : $"{field}.{error.Field}", error.Message);
                    }
                }
            }

            if (errors.Count > 0 || intake?.Profile is null)
            {
                return TypedResults.ValidationProblem(errors, title: "The match request is not valid");
            }

            var settings = new MatchSettings { Near = near, RadiusKm = radius, Top = top, IncludeIneligible = includeIneligible, IncludeNotYetRecruiting = notYet, AnyStatus = anyStatus };
            return TypedResults.Ok(await matcher.ReportAsync(intake.Profile, note, settings, intake.Warnings.Select(w => w.ToString()), store, cancellationToken));
        }
    }

    internal static async Task<Results<Ok<TrialCriteriaResponse>, ProblemHttpResult, ValidationProblem>> CriteriaAsync(
        string nctId, ITrialStore store, CancellationToken cancellationToken)
    {
        var (trial, invalid, notFound) = await TrialsApi.FindAsync(nctId, store, cancellationToken);
        if (trial is null)
        {
            return invalid is not null ? invalid : notFound!;
        }

        var parsed = TrialCriteriaParser.Parse(trial);
        return TypedResults.Ok(new TrialCriteriaResponse(
            trial.NctId,
            parsed.Criteria.Count,
            parsed.TypedCount,
            parsed.Criteria.Select(c => new ParsedCriterionResponse(
                c.Segment.Position,
                c.Segment.Role.ToString().ToLowerInvariant(),
                c.Segment.Text,
                c.Segment.Section,
                c.Segment.Cohort,
                c.IsFreeText,
                c.Constraints.Select(k => new ConstraintResponse(k.Kind.ToString(), k.Describe(), k.Negated)).ToList())).ToList()));
    }

    private static int Int(JsonElement root, string name, int fallback, int min, int max, Action<string, string> add)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            add(name, $"{name} must be a whole number from {min} to {max}.");
            return fallback;
        }

        return number;
    }

    private static double? Number(JsonElement root, string name, Action<string, string> add)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            add(name, $"{name} must be a number.");
            return null;
        }

        return value.GetDouble();
    }

    private static bool Bool(JsonElement root, string name, bool fallback, Action<string, string> add)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            add(name, $"{name} must be true or false.");
            return fallback;
        }

        return value.GetBoolean();
    }
}

/// <summary>The body of <c>POST /api/match</c> (documentation shape; exactly one of Patient, Fhir, Note).</summary>
public sealed record MatchApiRequest(
    JsonElement? Patient,
    JsonElement? Fhir,
    string? Note,
    string? Near,
    double? RadiusKm,
    int? Top,
    bool? IncludeIneligible,
    bool? IncludeNotYetRecruiting,
    bool? AnyStatus);

public sealed record TrialCriteriaResponse(NctId NctId, int Criteria, int Typed, IReadOnlyList<ParsedCriterionResponse> Items);

public sealed record ParsedCriterionResponse(string Position, string Role, string Text, string? Section, string? Cohort, bool FreeText, IReadOnlyList<ConstraintResponse> Constraints);

public sealed record ConstraintResponse(string Type, string Reading, bool Negated);
