using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// A fixed-window limit per client address on the API (<see cref="WebAppOptions.RateLimitPermits"/> per
/// <see cref="WebAppOptions.RateLimitWindowSeconds"/>), and a stricter one on the pages that run searches and matches;
/// a refused request gets 429 with Retry-After (problem details, an OperationOutcome under <c>/fhir</c>, or the error page).
/// </summary>
internal static class RateLimiting
{
    public const string ApiPolicy = "api";

    /// <summary>The pages that run a search or a match (patient search, clinician view): <see cref="WebAppOptions.PageRateLimitPermits"/> per window.</summary>
    public const string PagePolicy = "pages";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ApiPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.RateLimitPermits),
                    Window = TimeSpan.FromSeconds(Math.Max(1, options.RateLimitWindowSeconds)),
                    QueueLimit = 0,
                });
            });
            limiter.AddPolicy(PagePolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.PageRateLimitPermits),
                    Window = TimeSpan.FromSeconds(Math.Max(1, options.RateLimitWindowSeconds)),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var options = context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (!ErrorResponses.IsApi(context))
                {
                    // A page: the status code page says it in words (UseStatusCodePagesWithReExecute).
                    return;
                }

                var permits = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == PagePolicy ? options.PageRateLimitPermits : options.RateLimitPermits;
                await ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", $"At most {permits} requests per {options.RateLimitWindowSeconds} s are accepted from one client. Try again shortly.");
            };
        });
}
