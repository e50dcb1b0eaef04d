using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// Caps request bodies: <see cref="WebAppOptions.MaxApiRequestBodyBytes"/> under <c>/api</c> and the FHIR endpoints,
/// <see cref="WebAppOptions.MaxPageRequestBodyBytes"/> elsewhere. A declared length over the cap is refused at once
/// with 413; a chunked body is cut off by the server when it passes the cap (Kestrel enforces the feature).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<WebAppOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = IsApi(context) ? options.Value.MaxApiRequestBodyBytes : options.Value.MaxPageRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body is {context.Request.ContentLength} bytes; at most {limit} bytes are accepted here.",
                },
            });
            return;
        }

        await next(context);
    }

    /// <summary>Whether the request is for the JSON API (<c>/api</c>) or the FHIR endpoints (under <see cref="WebAppOptions.FhirBasePath"/>).</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || Api.FhirMatchApi.IsFhirPath(context.Request.Path, context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value.FhirBase);
}
