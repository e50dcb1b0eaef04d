using System.Text.Json.Nodes;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// How an error is answered, whatever raised it (an exception, a body limit, the rate limiter, an unknown route):
/// problem details (RFC 9457) under <c>/api</c>, a FHIR OperationOutcome under <c>/fhir</c>. The text says what
/// went wrong in general terms; it never repeats what the client sent.
/// </summary>
internal static class ErrorResponses
{
    public const string FhirJson = "application/fhir+json";

    public static bool IsFhir(PathString path) => path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(PathString path) => RequestBodyLimitMiddleware.IsApi(path);

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (IsFhir(context.Request.Path))
        {
            context.Response.ContentType = FhirJson;
            await context.Response.WriteAsync(OperationOutcome(status, $"{title}: {detail}").ToJsonString(), context.RequestAborted);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>An OperationOutcome with one error issue whose code follows the HTTP status.</summary>
    public static JsonObject OperationOutcome(int status, string diagnostics) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject
        {
            ["severity"] = status >= 500 ? "fatal" : "error",
            ["code"] = status switch
            {
                StatusCodes.Status404NotFound => "not-found",
                StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType => "not-supported",
                StatusCodes.Status413PayloadTooLarge => "too-costly",
                StatusCodes.Status429TooManyRequests => "throttled",
                >= 500 => "exception",
                _ => "invalid",
            },
            ["diagnostics"] = diagnostics,
        }),
    };
}
