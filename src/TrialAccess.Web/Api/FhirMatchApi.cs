using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// <c>POST /fhir/ResearchStudy/$match</c>, the HL7 CodeX trial-matching operation: a <c>Parameters</c> resource with
/// <c>trialMatchClinicalData</c> (an mCODE Bundle), <c>zipCode</c> or <c>location</c>, <c>travelRadius</c> (miles,
/// as the operation defines it), <c>phase</c> and <c>recruitmentStatus</c>; answers a <c>searchset</c> Bundle of
/// ResearchStudy resources with the match score and their sites as contained Locations, or an OperationOutcome.
/// </summary>
public static class FhirMatchApi
{
    private const string FhirJson = "application/fhir+json";
    private const double KmPerMile = 1.609344;

    public static IEndpointRouteBuilder MapFhirMatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/fhir/ResearchStudy/$match", MatchAsync)
            .WithTags("FHIR")
            .WithName("ResearchStudyMatch")
            .WithSummary("HL7 CodeX ResearchStudy/$match: a Parameters resource in, a searchset Bundle of ResearchStudy out")
            .RequireRateLimiting(RateLimiting.ApiPolicy);
        return app;
    }

    internal static async Task<IResult> MatchAsync(HttpRequest request, MatchService matcher, ITrialStore store, PlaceDirectory places, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Outcome(StatusCodes.Status400BadRequest, "structure", $"The body is not valid JSON (line {e.LineNumber + 1}).", "Parameters");
        }

        if (body is not JsonObject parameters || (string?)parameters["resourceType"] != "Parameters")
        {
            var type = body is JsonObject o ? (string?)o["resourceType"] ?? "(none)" : "(not an object)";
            return Outcome(StatusCodes.Status400BadRequest, "structure", $"Expected a Parameters resource, found resourceType {type}.", "Parameters.resourceType");
        }

        var values = (parameters["parameter"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        JsonNode? Value(string name) => values.FirstOrDefault(p => (string?)p["name"] == name);

        var clinical = Value("trialMatchClinicalData")?["resource"];
        if (clinical is not JsonObject bundle || (string?)bundle["resourceType"] != "Bundle")
        {
            return Outcome(StatusCodes.Status400BadRequest, "required", "Parameter trialMatchClinicalData must hold a Bundle resource.", "Parameters.parameter[trialMatchClinicalData].resource");
        }

        var intake = PatientIntake.Read(bundle.ToJsonString());
        if (intake.Profile is null)
        {
            return Outcome(StatusCodes.Status400BadRequest, "invalid", string.Join("; ", intake.Errors), "Parameters.parameter[trialMatchClinicalData]");
        }

        var warnings = intake.Warnings.Select(w => w.ToString()).ToList();
        GeoPoint? near = intake.Profile.Location?.Coordinates;
        var place = Text(Value("location")) ?? Text(Value("zipCode"));
        if (place is not null)
        {
            var resolved = (await places.GetAsync(cancellationToken)).Resolve(place);
            if (resolved.IsResolved)
            {
                near = resolved.Point;
            }
            else
            {
                warnings.Add($"location '{place}' could not be resolved ({resolved.Error}); distances are not filtered");
            }
        }

        double? radiusKm = null;
        if (Text(Value("travelRadius")) is { } radiusText)
        {
            if (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var miles) || miles <= 0)
            {
                return Outcome(StatusCodes.Status400BadRequest, "value", $"travelRadius '{radiusText}' is not a positive number of miles.", "Parameters.parameter[travelRadius]");
            }

            radiusKm = near is null ? null : miles * KmPerMile;
        }

        var phases = new List<TrialPhase>();
        foreach (var phase in values.Where(p => (string?)p["name"] == "phase").Select(Text).OfType<string>())
        {
            if (!RegistryVocabulary.TryParsePhases(phase.Replace("-", " ", StringComparison.Ordinal).Replace("phase 1 phase 2", "phase 1/phase 2", StringComparison.OrdinalIgnoreCase), out var parsed) || parsed.Count == 0)
            {
                return Outcome(StatusCodes.Status400BadRequest, "code-invalid", $"phase '{phase}' is not a ResearchStudy phase (phase-1, phase-2, phase-3, early-phase-1, phase-1-phase-2, n-a...).", "Parameters.parameter[phase]");
            }

            phases.AddRange(parsed);
        }

        var statuses = values.Where(p => (string?)p["name"] == "recruitmentStatus").Select(Text).OfType<string>().ToList();
        var unknownStatus = statuses.FirstOrDefault(s => s is not ("active" or "approved" or "in-review" or "closed-to-accrual" or "completed" or "temporarily-closed-to-accrual"));
        if (unknownStatus is not null)
        {
            return Outcome(StatusCodes.Status400BadRequest, "code-invalid", $"recruitmentStatus '{unknownStatus}' is not a ResearchStudy status.", "Parameters.parameter[recruitmentStatus]");
        }

        var result = await matcher.MatchAsync(new MatchRequest
        {
            Patient = intake.Profile,
            Top = 50,
            IncludeIneligible = false,
            Filters = new MatchFilters
            {
                RecruitingOnly = statuses.Count == 0 || statuses.All(s => s is "active" or "approved"),
                IncludeNotYetRecruiting = statuses.Contains("approved"),
                Near = near,
                RadiusKm = radiusKm,
                Phases = phases,
            },
        }, store, cancellationToken);

        return Results.Text(SearchSet(result, warnings).ToJsonString(), FhirJson);
    }

    private static JsonObject SearchSet(MatchResult result, IReadOnlyList<string> warnings)
    {
        var best = result.Trials.Count == 0 ? 1 : Math.Max(result.Trials.Max(m => m.Relevance), 1e-9);
        var entries = new JsonArray();
        foreach (var match in result.Trials)
        {
            var trial = match.Trial;
            var sites = new JsonArray();
            var contained = new JsonArray();
            for (var i = 0; i < trial.Sites.Count; i++)
            {
                var site = trial.Sites[i];
                var location = new JsonObject
                {
                    ["resourceType"] = "Location",
                    ["id"] = $"site-{i + 1}",
                    ["name"] = site.Facility,
                    ["status"] = site.Status == RecruitmentStatus.Recruiting ? "active" : "inactive",
                    ["address"] = new JsonObject { ["city"] = site.City, ["state"] = site.State, ["postalCode"] = site.PostalCode, ["country"] = site.Country },
                };
                if (site.Coordinates is { } point)
                {
                    location["position"] = new JsonObject { ["latitude"] = point.Latitude, ["longitude"] = point.Longitude };
                }

                contained.Add(location);
                sites.Add(new JsonObject { ["reference"] = $"#site-{i + 1}" });
            }

            // The score ranks verdict tiers first, as the list does: five tiers, eligible highest, each a fifth of [0, 1].
            var tier = 4 - (int)match.Verdict;
            var score = Math.Round((tier + Math.Clamp(match.Relevance / best, 0, 1)) / 5, 4);
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"ResearchStudy/{trial.NctId}",
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "ResearchStudy",
                    ["id"] = trial.NctId.Value,
                    ["contained"] = contained,
                    ["identifier"] = new JsonArray(new JsonObject { ["system"] = "http://clinicaltrials.gov", ["value"] = trial.NctId.Value }),
                    ["title"] = trial.BriefTitle,
                    ["status"] = trial.OverallStatus switch
                    {
                        RecruitmentStatus.Recruiting => "active",
                        RecruitmentStatus.NotYetRecruiting => "approved",
                        RecruitmentStatus.Completed => "completed",
                        RecruitmentStatus.Suspended => "temporarily-closed-to-accrual",
                        RecruitmentStatus.Withdrawn => "withdrawn",
                        _ => "closed-to-accrual",
                    },
                    ["phase"] = new JsonObject { ["text"] = trial.Phases.ToApiLabel() },
                    ["condition"] = new JsonArray([.. trial.Conditions.Select(c => (JsonNode)new JsonObject { ["text"] = c })]),
                    ["description"] = trial.BriefSummary,
                    ["site"] = sites,
                },
                ["search"] = new JsonObject { ["mode"] = "match", ["score"] = score },
            });
        }

        if (warnings.Count > 0)
        {
            entries.Add(new JsonObject
            {
                ["resource"] = OperationOutcome("warning", "informational", warnings, null),
                ["search"] = new JsonObject { ["mode"] = "outcome" },
            });
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = result.Trials.Count,
            ["entry"] = entries,
        };
    }

    private static string? Text(JsonNode? parameter) =>
        parameter is null ? null
            : (string?)parameter["valueString"] ?? (string?)parameter["valueCode"]
            ?? (parameter["valueDecimal"] ?? parameter["valueInteger"])?.ToJsonString();

    private static IResult Outcome(int status, string code, string message, string? expression) =>
        Results.Text(OperationOutcome("error", code, [message], expression).ToJsonString(), FhirJson, statusCode: status);

    private static JsonObject OperationOutcome(string severity, string code, IEnumerable<string> messages, string? expression) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
        {
            ["severity"] = severity,
            ["code"] = code,
            ["diagnostics"] = m,
            ["expression"] = expression is null ? null : new JsonArray(expression),
        })]),
    };
}
