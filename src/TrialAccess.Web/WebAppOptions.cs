namespace TrialAccess.Web;

/// <summary>Settings of the web host, bound from the <c>TrialAccess</c> configuration section.</summary>
public sealed class WebAppOptions
{
    public const string Section = "TrialAccess";

    /// <summary>
    /// A SQLite file path or PostgreSQL connection string; null uses <c>TRIALACCESS_DB</c>, else the default
    /// SQLite file (the same rule as the CLI's <c>--db</c>).
    /// </summary>
    public string? Database { get; set; }

    /// <summary>
    /// Where the FHIR (HL7 CodeX) matching service is mounted: <c>{base}/getClinicalTrial</c> and
    /// <c>{base}/ResearchStudy/$match</c>. Default <c>/fhir</c>; <c>/</c> mounts them at the root, and any path
    /// (<c>/codex/trialaccess</c>) lets a deployment be one service among the CodeX app's wrappers.
    /// </summary>
    public string FhirBasePath { get; set; } = "/fhir";

    /// <summary>
    /// A learned relevance model to rank matches with (composed by the host: the CLI's <c>serve --ranker learned</c>);
    /// null ranks by the hand-written rule. Ineligible trials come last either way.
    /// </summary>
    public TrialAccess.Matching.Ranking.IRelevanceModel? RankingModel { get; set; }

    /// <summary>
    /// Origins (<c>https://app.example.org</c>) whose pages may call the FHIR endpoints from a browser. Empty by
    /// default: no cross-origin call is allowed. Preflight requests are answered for the listed origins.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>The FHIR base path in canonical form: starts with a slash, no trailing slash (the root is empty).</summary>
    internal string FhirBase => "/" + (FhirBasePath ?? "").Trim().Trim('/');

    /// <summary>The largest request body accepted under <c>/api</c> and the FHIR endpoints, in bytes. Default 2 MiB.</summary>
    public long MaxApiRequestBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The largest request body accepted elsewhere (the pages' forms), in bytes. Default 64 KiB.</summary>
    public long MaxPageRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest request body accepted where documents are uploaded (a nomination's data package), in bytes. Default 11 MiB.</summary>
    public long MaxUploadRequestBodyBytes { get; set; } = 11 * 1024 * 1024;

    /// <summary>Requests one client (by remote address) may make to <c>/api</c> and the FHIR endpoints per window. Default 300.</summary>
    public int RateLimitPermits { get; set; } = 300;

    /// <summary>The rate limit window in seconds. Default 10.</summary>
    public int RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>
    /// Requests one client may make per window to the pages that run a search or a match (the patient search and
    /// every post of the clinician view, each a full match). Default 30.
    /// </summary>
    public int PageRateLimitPermits { get; set; } = 30;

    /// <summary>
    /// The <c>max-age</c> of <c>Strict-Transport-Security</c>, in days, sent on responses to HTTPS requests (Kestrel
    /// serving TLS itself; behind a TLS proxy, only where forwarded headers make the request HTTPS). 0 sends none.
    /// Default 365.
    /// </summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Adds <c>includeSubDomains</c> to <c>Strict-Transport-Security</c>. Default false.</summary>
    public bool HstsIncludeSubDomains { get; set; }

    /// <summary>
    /// The Chromium (or Chrome) executable that renders the clinician shortlist as PDF, headless. Default
    /// <c>/usr/bin/chromium</c> (Debian's package); when it is missing, PDF export answers 503 and says so.
    /// </summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>An external OpenID Connect provider for sign-in; off unless its authority and client id are set.</summary>
    public Accounts.OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}
