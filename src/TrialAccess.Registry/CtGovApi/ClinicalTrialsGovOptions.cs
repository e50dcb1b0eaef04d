namespace TrialAccess.Registry.CtGovApi;

/// <summary>How <see cref="ClinicalTrialsGovClient"/> talks to the ClinicalTrials.gov API v2: where, how much per page, how fast, how persistently.</summary>
public sealed record ClinicalTrialsGovOptions
{
    /// <summary>The public API root.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://clinicaltrials.gov/api/v2/");

    /// <summary>The largest page the API serves.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// The API root; studies are read from <c>studies</c> under it. A path without a trailing slash is treated as a
    /// folder. Default <see cref="DefaultBaseAddress"/>.
    /// </summary>
    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    /// <summary>Studies asked for per request (<c>pageSize</c>), 1 to <see cref="MaxPageSize"/>. Default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Attempts per page after the first one fails transiently; 0 never retries. Default 5.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>
    /// Wait before the first retry. It doubles with each further retry (up to <see cref="MaxDelay"/>) and is then
    /// scaled by a random factor between 0.5 and 1, so that clients that failed together do not retry together.
    /// Default 1 second.
    /// </summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait between two attempts. A <c>Retry-After</c> asking for longer ends the read with a failure
    /// instead of waiting. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most requests started per second, retries included; requests are spaced evenly. Default 50 a minute (one
    /// request every 1.2 s), the pace ClinicalTrials.gov asks API clients to keep to. Lower it when the registry
    /// answers 429 Too Many Requests often.
    /// </summary>
    public double RequestsPerSecond { get; init; } = 50.0 / 60;

    /// <summary>The clock every wait (request spacing, backoff, <c>Retry-After</c>) is measured on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
