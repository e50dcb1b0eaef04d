using Microsoft.AspNetCore.Diagnostics;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// Turns an exception that reached the API into problem details. A bad request the server detected (body too large,
/// unreadable body) keeps its 4xx status; anything else is a 500 that says only that the fault is ours, never what it
/// was. Page requests are left to the HTML error page. (The framework's middleware logs the exception.)
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!RequestBodyLimitMiddleware.IsApi(httpContext))
        {
            return false;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, "Request body too large", "The request body is larger than this endpoint accepts."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request could not be read."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (499, "Request cancelled", "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "Something went wrong on our side. The error was logged."),
        };

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
