using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using TrialAccess.Fhir;
using TrialAccess.Fhir.ResearchStudies;
using TrialAccess.Web.Api;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// How an error is answered, whatever raised it (an exception, a body limit, the rate limiter, an unknown route):
/// problem details (RFC 9457) under <c>/api</c>, a FHIR OperationOutcome (built with the Firely SDK) under the FHIR
/// base path (<see cref="WebAppOptions.FhirBasePath"/>). The text says what went wrong in general terms; it never
/// repeats what the client sent.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>Whether the request is for the FHIR service (see <see cref="FhirMatchApi.IsFhirPath"/>).</summary>
    public static bool IsFhir(HttpContext context) =>
        FhirMatchApi.IsFhirPath(context.Request.Path, context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value.FhirBase);

    /// <summary>Whether the request is for the JSON API or the FHIR service, whose errors are not HTML pages.</summary>
    public static bool IsApi(HttpContext context) => RequestBodyLimitMiddleware.IsApi(context);

    public static async System.Threading.Tasks.Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (IsFhir(context))
        {
            context.Response.ContentType = FhirJson.MediaType;
            await context.Response.WriteAsync(FhirJson.Write(Outcome(status, $"{title}: {detail}")), context.RequestAborted);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>An OperationOutcome with one issue whose severity and code follow the HTTP status.</summary>
    public static OperationOutcome Outcome(int status, string diagnostics) => Outcomes.Of(
        status >= 500 ? Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Fatal : Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Error,
        status switch
        {
            StatusCodes.Status404NotFound => Hl7.Fhir.Model.OperationOutcome.IssueType.NotFound,
            StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType => Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported,
            StatusCodes.Status413PayloadTooLarge => Hl7.Fhir.Model.OperationOutcome.IssueType.TooCostly,
            StatusCodes.Status429TooManyRequests => Hl7.Fhir.Model.OperationOutcome.IssueType.Throttled,
            >= 500 => Hl7.Fhir.Model.OperationOutcome.IssueType.Exception,
            _ => Hl7.Fhir.Model.OperationOutcome.IssueType.Invalid,
        },
        [new FhirIssue(null, diagnostics)]);
}
