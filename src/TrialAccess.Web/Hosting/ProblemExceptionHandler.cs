using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// The one exception path of every endpoint. It logs the failure without anything the request carried (the route
/// pattern, the exception types and their stack traces; never an exception message, which can quote a submitted
/// value), then answers: under <c>/api</c> problem details, under <c>/fhir</c> an OperationOutcome, a bad request
/// the server detected (body too large, unreadable body) keeping its 4xx status and anything else a 500 that says
/// only that the fault is ours. Page requests go on to the HTML error page. The framework's own exception logging is
/// switched off (<see cref="SuppressFrameworkLogging"/>) because it writes the message.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>For <see cref="ExceptionHandlerOptions.SuppressDiagnosticsCallback"/>: this handler has logged it already.</summary>
    public static bool SuppressFrameworkLogging(ExceptionHandlerSuppressDiagnosticsContext context) => true;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var aborted = exception is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested;
        // The route pattern (the handler clears the endpoint; the feature keeps it), never the path with its values.
        var endpoint = (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.DisplayName ?? "(no endpoint)";
        if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, endpoint, bad.StatusCode);
        }
        else if (!aborted)
        {
            LogFailure(logger, endpoint, Describe(exception));
        }

        if (!ErrorResponses.IsApi(httpContext))
        {
            return false;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Request body too large", "The request body is larger than this endpoint accepts."),
            BadHttpRequestException b => (b.StatusCode, "Bad request", "The request could not be read."),
            _ when aborted => (499, "Request cancelled", "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "Something went wrong on our side. The error was logged."),
        };

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        await ErrorResponses.WriteAsync(httpContext, status, title, detail);
        return true;
    }

    /// <summary>The exception's type and stack trace, and those of its inner exceptions: where it failed, never what it was given.</summary>
    internal static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append("\n ---> ");
            }

            text.Append(e.GetType().FullName).Append('\n').Append(e.StackTrace);
        }

        return text.ToString();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Request to {Endpoint} failed: {Failure}")]
    private static partial void LogFailure(ILogger logger, string endpoint, string failure);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Request to {Endpoint} refused with {Status}")]
    private static partial void LogBadRequest(ILogger logger, string endpoint, int status);
}
