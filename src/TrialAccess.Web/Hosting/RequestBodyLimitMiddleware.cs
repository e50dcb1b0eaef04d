using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// Caps request bodies: <see cref="WebAppOptions.MaxApiRequestBodyBytes"/> under <c>/api</c> and the FHIR endpoints,
/// <see cref="WebAppOptions.MaxUploadRequestBodyBytes"/> where documents are uploaded (<see cref="IsUpload"/>),
/// <see cref="WebAppOptions.MaxPageRequestBodyBytes"/> elsewhere. A declared length over the cap is refused at once
/// with 413; a chunked body is cut off by the server when it passes the cap (Kestrel enforces the feature).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<WebAppOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = IsUpload(context.Request.Path) ? options.Value.MaxUploadRequestBodyBytes
            : IsApi(context) ? options.Value.MaxApiRequestBodyBytes
            : options.Value.MaxPageRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body is {context.Request.ContentLength} bytes; at most {limit} bytes are accepted here.");
            return;
        }

        await next(context);
    }

    /// <summary>The paths that take documents: the nomination form and the pipeline's attachment endpoint.</summary>
    public static bool IsUpload(PathString path) =>
        path.StartsWithSegments("/pipeline/nominate", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/api/pipeline/projects", StringComparison.OrdinalIgnoreCase) && (path.Value ?? "").EndsWith("/attachments", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the request is for the JSON API (<c>/api</c>) or the FHIR endpoints (under <see cref="WebAppOptions.FhirBasePath"/>).</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || Api.FhirMatchApi.IsFhirPath(context.Request.Path, context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value.FhirBase);
}
