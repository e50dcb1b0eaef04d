using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrialAccess.Decoding;
using TrialAccess.Geography;
using TrialAccess.Ingestion;
using TrialAccess.Trials;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Api;

/// <summary><c>/api/trials</c>: search the stored trials and read one.</summary>
public static class TrialsApi
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static IEndpointRouteBuilder MapTrialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/trials").WithTags("Trials").RequireRateLimiting(RateLimiting.ApiPolicy);

        api.MapGet("/", SearchAsync)
            .WithName("SearchTrials")
            .WithSummary("Search trials by words, status, phase, condition, age and distance")
            .WithDescription("With near, each trial reports its nearest RECRUITING site and the distance to it, and results are nearest first; with radiusKm too, trials without such a site within the radius (or with no site coordinates) are left out.");

        api.MapPost("/search", SearchWithBodyAsync)
            .WithName("SearchTrialsWithBody")
            .WithSummary("The same search with a JSON body")
            .WithDescription("For clients that prefer a body to a query string. Unknown fields are refused. Bodies over 2 MiB get 413.")
            .Accepts<TrialSearchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/{nctId}", GetAsync)
            .WithName("GetTrial")
            .WithSummary("One trial's full record")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    internal static async Task<Results<Ok<TrialSearchResponse>, ValidationProblem>> SearchAsync(
        [AsParameters] TrialSearchQueryParameters query, TrialFinder finder, PlaceDirectory places, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = TrialSearchValidation.FromQuery(query, errors);
        return await RunAsync(request, errors, finder, places, cancellationToken);
    }

    internal static async Task<Results<Ok<TrialSearchResponse>, ValidationProblem, ProblemHttpResult>> SearchWithBodyAsync(
        HttpRequest httpRequest, TrialFinder finder, PlaceDirectory places, CancellationToken cancellationToken)
    {
        if (!httpRequest.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the search as JSON with Content-Type: application/json.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TrialSearchRequest? request = null;
        using var body = new MemoryStream();
        await httpRequest.Body.CopyToAsync(body, cancellationToken);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (StrictJson.Check(bytes.Span, BodyOptions.MaxDepth) is { } invalid && !invalid.Message.StartsWith("not valid JSON", StringComparison.Ordinal))
        {
            TrialSearchValidation.Add(errors, invalid.Path.Length == 0 ? "body" : invalid.Path, char.ToUpperInvariant(invalid.Message[0]) + invalid.Message[1..] + ".");
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid");
        }

        try
        {
            request = JsonSerializer.Deserialize<TrialSearchRequest>(bytes.Span, BodyOptions);
            if (request is null)
            {
                TrialSearchValidation.Add(errors, "body", "The body is null; send a JSON object.");
            }
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : string.Empty;
            TrialSearchValidation.Add(errors, field, $"Not valid JSON for this field{where}: malformed JSON, a value of the wrong type, or a field this endpoint does not know.");
        }

        if (request is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid");
        }

        var result = await RunAsync(request, errors, finder, places, cancellationToken);
        return result.Result switch
        {
            Ok<TrialSearchResponse> ok => ok,
            ValidationProblem problem => problem,
            _ => throw new InvalidOperationException("Unexpected search result."),
        };
    }

    internal static async Task<Results<Ok<ClinicalTrial>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string nctId, ITrialStore store, CancellationToken cancellationToken)
    {
        var (trial, invalid, notFound) = await FindAsync(nctId, store, cancellationToken);
        return invalid is not null ? invalid : notFound is not null ? notFound : TypedResults.Ok(trial!);
    }

    /// <summary>One stored trial by the id in the path, or the problem to answer: 400 naming <c>nctId</c>, or 404.</summary>
    internal static async Task<(ClinicalTrial? Trial, ValidationProblem? Invalid, ProblemHttpResult? NotFound)> FindAsync(
        string nctId, ITrialStore store, CancellationToken cancellationToken)
    {
        if (!NctId.TryParse(nctId, out var id))
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["nctId"] = ["An NCT id is the letters NCT followed by 8 digits, e.g. NCT04280705."] },
                title: "The trial id is not valid"), null);
        }

        var trial = await store.FindAsync(id, cancellationToken);
        return trial is null
            ? (null, null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Trial not found", detail: $"No trial {id} is stored in this database."))
            : (trial, null, null);
    }

    private static async Task<Results<Ok<TrialSearchResponse>, ValidationProblem>> RunAsync(
        TrialSearchRequest request, Dictionary<string, string[]> errors, TrialFinder finder, PlaceDirectory places, CancellationToken cancellationToken)
    {
        var resolver = string.IsNullOrWhiteSpace(request.Near) ? PlaceResolver.Default : await places.GetAsync(cancellationToken);
        var (filter, origin) = TrialSearchValidation.Validate(request, resolver, errors);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid");
        }

        var found = await finder.FindAsync(filter, cancellationToken);
        var summaries = found.Select(f => TrialSearchValidation.Summarize(f, origin is not null)).ToList();
        return TypedResults.Ok(new TrialSearchResponse(origin, summaries.Count, summaries));
    }
}
