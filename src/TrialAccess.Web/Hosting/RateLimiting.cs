using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrialAccess.Web.Hosting;

/// <summary>
/// A fixed-window limit per client address on the API (<see cref="WebAppOptions.RateLimitPermits"/> per
/// <see cref="WebAppOptions.RateLimitWindowSeconds"/>); a refused request gets 429 problem details with Retry-After.
/// </summary>
internal static class RateLimiting
{
    public const string ApiPolicy = "api";

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
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var options = context.RequestServices.GetRequiredService<IOptions<WebAppOptions>>().Value;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"At most {options.RateLimitPermits} requests per {options.RateLimitWindowSeconds} s are accepted from one client. Try again shortly.",
                    },
                });
            };
        });
}
