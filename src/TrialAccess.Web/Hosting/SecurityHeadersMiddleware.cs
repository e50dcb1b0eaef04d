using System.Globalization;
using Microsoft.Extensions.Options;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// Headers on every response: a content security policy that allows only this site's own scripts, styles and images
/// (no inline script, no framing), no MIME sniffing, no referrer (a trial page's address can reveal a diagnosis);
/// <c>Cache-Control: no-store</c> on everything but the stylesheets (answers are derived from what a person typed:
/// a note, an age, a town); <c>Strict-Transport-Security</c> when the request came over HTTPS
/// (<see cref="WebAppOptions.HstsMaxAgeDays"/>); and no <c>Server</c> header.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<WebAppOptions> options)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
            headers.Remove("Server");
            if (!context.Request.Path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            if (context.Request.IsHttps && options.Value.HstsMaxAgeDays > 0)
            {
                var seconds = (long)options.Value.HstsMaxAgeDays * 24 * 3600;
                headers.StrictTransportSecurity = $"max-age={seconds.ToString(CultureInfo.InvariantCulture)}{(options.Value.HstsIncludeSubDomains ? "; includeSubDomains" : string.Empty)}";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
