using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TrialAccess.Decoding;
using TrialAccess.Ingestion;
using TrialAccess.Registry.CtGovJson;
using TrialAccess.Trials;

namespace TrialAccess.Registry.CtGovApi;

/// <summary>
/// Reads studies from the ClinicalTrials.gov API v2 (<c>GET studies</c>) page by page, following
/// <c>nextPageToken</c>, and maps each with <see cref="CtGovJsonStudyMapper"/>.
/// </summary>
/// <remarks>
/// <para>
/// Requests are spaced by <see cref="ClinicalTrialsGovOptions.RequestsPerSecond"/>, shared by every read made
/// through one client. A request answered with 408, 429 or a 5xx status, one that runs past
/// <see cref="HttpClient.Timeout"/>, or one that fails on the network is retried with exponential backoff and
/// jitter; on 429 and 503 the wait is the one the <c>Retry-After</c> header asks for, when there is one.
/// </para>
/// <para>
/// Any other failure (400 with the API's explanation, 404, a page that is not valid JSON) or running out of retries
/// ends the stream with one failure result saying what happened, after every study already read has been yielded.
/// Cancelling the token throws <see cref="OperationCanceledException"/> as usual.
/// </para>
/// </remarks>
public sealed class ClinicalTrialsGovClient
{
    private const int MaxMessageLength = 300;

    private readonly HttpClient _http;
    private readonly ClinicalTrialsGovOptions _options;
    private readonly RequestPacer _pacer;
    private readonly Uri _studies;

    /// <param name="httpClient">Sends the requests; its <see cref="HttpClient.Timeout"/> bounds each attempt. The caller owns and disposes it.</param>
    /// <param name="options">Defaults to <see cref="ClinicalTrialsGovOptions"/> with every default.</param>
    /// <exception cref="ArgumentException">An option is out of range (the caller's fault).</exception>
    public ClinicalTrialsGovClient(HttpClient httpClient, ClinicalTrialsGovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new ClinicalTrialsGovOptions();
        Validate(options);
        _http = httpClient;
        _options = options;
        _pacer = new RequestPacer(options.RequestsPerSecond, options.TimeProvider);
        var root = options.BaseAddress.AbsoluteUri;
        _studies = new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), "studies");
    }

    /// <summary>Streams every study matching the query, in the registry's order, then stops.</summary>
    /// <exception cref="ArgumentException">The query asks for a status that is not a registry status, or for fewer than one record.</exception>
    public IAsyncEnumerable<TrialReadResult> SearchStudiesAsync(ClinicalTrialsGovQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Statuses.Contains(RecruitmentStatus.NotStated))
        {
            throw new ArgumentException("NotStated is not a registry status and cannot be searched for.", nameof(query));
        }

        if (query.MaxRecords is < 1)
        {
            throw new ArgumentException($"MaxRecords must be at least 1 (was {query.MaxRecords}).", nameof(query));
        }

        return SearchCoreAsync(query, cancellationToken);
    }

    /// <summary>The request for one page: the studies endpoint with the query's parameters.</summary>
    internal Uri PageUri(ClinicalTrialsGovQuery query, int pageSize, string? pageToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add(new(name, value.Trim()));
            }
        }

        Add("query.cond", query.Condition);
        Add("query.term", query.Term);
        Add("query.locn", query.Location);
        Add("filter.overallStatus", string.Join(',', query.Statuses.Distinct().Select(s => s.ToApiName())));
        Add("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
        Add("pageToken", pageToken);
        var text = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{_studies.AbsoluteUri}?{text}");
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first), given a random draw in [0, 1).</summary>
    internal static TimeSpan Backoff(TimeSpan baseDelay, TimeSpan maxDelay, int retry, double random)
    {
        var exponential = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, retry), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + (random / 2)));
    }

    private static void Validate(ClinicalTrialsGovOptions options)
    {
        if (!options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"BaseAddress must be an absolute http or https address (was '{options.BaseAddress}').", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, ClinicalTrialsGovOptions.MaxPageSize, nameof(options.PageSize));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BaseDelay, TimeSpan.Zero, nameof(options.BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDelay, options.BaseDelay, nameof(options.MaxDelay));
        if (!(options.RequestsPerSecond > 0) || double.IsInfinity(options.RequestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RequestsPerSecond, "RequestsPerSecond must be a positive number.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
    }

    private async IAsyncEnumerable<TrialReadResult> SearchCoreAsync(ClinicalTrialsGovQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = query.MaxRecords ?? int.MaxValue;
        var pageSize = Math.Min(_options.PageSize, limit);
        var count = 0;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var page = 1; ; page++)
        {
            var source = $"ctgov-api page {page}";
            var uri = PageUri(query, pageSize, pageToken);
            var (body, fetchError) = await FetchAsync(uri, cancellationToken);
            if (fetchError is not null)
            {
                yield return TrialReadResult.Failure(source, null, $"{fetchError} (GET {uri.AbsoluteUri})");
                yield break;
            }

            var (studies, nextPageToken, pageError) = ReadPage(body!, page, limit - count);
            foreach (var study in studies)
            {
                count++;
                yield return study;
            }

            if (pageError is not null)
            {
                yield return TrialReadResult.Failure(source, null, $"{pageError} (GET {uri.AbsoluteUri})");
                yield break;
            }

            if (count >= limit || string.IsNullOrEmpty(nextPageToken))
            {
                yield break;
            }

            if (!seenTokens.Add(nextPageToken))
            {
                yield return TrialReadResult.Failure(source, "nextPageToken", $"the API returned page token '{nextPageToken}' a second time; stopped to avoid reading in a loop (GET {uri.AbsoluteUri})");
                yield break;
            }

            pageToken = nextPageToken;
        }
    }

    /// <summary>Parses one page and maps up to <paramref name="wanted"/> of its studies; a page that cannot be read is an error, not studies.</summary>
    private static (List<TrialReadResult> Studies, string? NextPageToken, string? Error) ReadPage(byte[] body, int page, int wanted)
    {
        // The page is held to the JSON decoding rule of every reader: undecodable text fails the page by name.
        var (parsed, invalid) = StrictJson.Parse(body, maxDepth: 128);
        if (invalid is not null)
        {
            return ([], null, invalid.Path.Length == 0 ? $"the response is {invalid.Message}" : $"the response is not acceptable JSON ({invalid})");
        }

        var document = parsed!;

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ([], null, $"expected a JSON object with 'studies', found {root.ValueKind}");
            }

            if (!root.TryGetProperty("studies", out var studies) || studies.ValueKind != JsonValueKind.Array)
            {
                return ([], null, "the response has no 'studies' list");
            }

            string? nextPageToken = null;
            if (root.TryGetProperty("nextPageToken", out var token))
            {
                if (token.ValueKind == JsonValueKind.String)
                {
                    nextPageToken = token.GetString();
                }
                else if (token.ValueKind != JsonValueKind.Null)
                {
                    return ([], null, $"'nextPageToken' should be a string, found {token.ValueKind}");
                }
            }

            var results = new List<TrialReadResult>();
            var index = 0;
            foreach (var study in studies.EnumerateArray())
            {
                if (results.Count >= wanted)
                {
                    break;
                }

                results.Add(CtGovJsonStudyMapper.Map(study, $"ctgov-api page {page}[{index++}]"));
            }

            return (results, nextPageToken, null);
        }
    }

    /// <summary>Gets one page's body, retrying transient failures; the error says what happened when it cannot.</summary>
    private async Task<(byte[]? Body, string? Error)> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            await _pacer.WaitTurnAsync(cancellationToken);
            var attempt = await SendOnceAsync(uri, cancellationToken);
            if (attempt.Body is not null || !attempt.IsTransient)
            {
                return (attempt.Body, attempt.Problem);
            }

            if (retry >= _options.MaxRetries)
            {
                var attempts = retry + 1;
                return (null, $"gave up after {attempts} attempt{(attempts == 1 ? "" : "s")}; the last: {attempt.Problem}");
            }

            var delay = attempt.RetryAfter ?? Backoff(_options.BaseDelay, _options.MaxDelay, retry, Random.Shared.NextDouble());
            if (delay > _options.MaxDelay)
            {
                return (null, $"{attempt.Problem}, and the server asked to wait {Describe(delay)} before trying again (Retry-After), longer than the {Describe(_options.MaxDelay)} allowed; try again later");
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _options.TimeProvider, cancellationToken);
            }
        }
    }

    private async Task<Attempt> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Attempt.Transient(_http.Timeout == Timeout.InfiniteTimeSpan ? "the request timed out" : $"no complete response within {Describe(_http.Timeout)}");
        }
        catch (HttpRequestException e) when (IsTransient(e))
        {
            return Attempt.Transient($"network error: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return Attempt.Fatal($"cannot connect to {uri.GetLeftPart(UriPartial.Authority)}: {e.Message}");
        }

        using (response)
        {
            var status = $"HTTP {(int)response.StatusCode} ({response.ReasonPhrase ?? response.StatusCode.ToString()})";
            if (response.IsSuccessStatusCode)
            {
                return Attempt.Success(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            }

            if (IsTransient(response.StatusCode))
            {
                return Attempt.Transient(status, RetryAfter(response));
            }

            var message = ApiMessage(await response.Content.ReadAsStringAsync(cancellationToken));
            var hint = response.StatusCode == HttpStatusCode.NotFound ? "; check the base address, which should end in /api/v2/" : "";
            return Attempt.Fatal(message is null ? $"{status}{hint}" : $"{status}: {message}{hint}");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool IsTransient(HttpRequestException e) => e.HttpRequestError is not (
        HttpRequestError.SecureConnectionError
        or HttpRequestError.UserAuthenticationError
        or HttpRequestError.ConfigurationLimitExceeded
        or HttpRequestError.VersionNegotiationError
        or HttpRequestError.ExtendedConnectNotSupported);

    /// <summary>The wait a 429 or 503 asks for, as seconds or as a date on <see cref="ClinicalTrialsGovOptions.TimeProvider"/>'s clock.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date - _options.TimeProvider.GetUtcNow());
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The API's explanation in an error body: plain text, or the <c>message</c> of a JSON error, on one line and cut to a readable length.</summary>
    private static string? ApiMessage(string body)
    {
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                foreach (var name in (ReadOnlySpan<string>)["message", "error", "detail", "title"])
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        text = value.GetString()!.Trim();
                        break;
                    }
                }
            }
            catch (JsonException)
            {
            }
        }

        if (text.Length == 0)
        {
            return null;
        }

        var line = new StringBuilder(Math.Min(text.Length, MaxMessageLength + 1));
        foreach (var c in text)
        {
            if (line.Length > MaxMessageLength)
            {
                break;
            }

            if (!char.IsWhiteSpace(c))
            {
                line.Append(c);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        return line.Length > MaxMessageLength ? line.ToString(0, MaxMessageLength) + "..." : line.ToString();
    }

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>One attempt: a body, or a problem that is worth retrying (maybe after a given wait) or not.</summary>
    private readonly record struct Attempt(byte[]? Body, string? Problem, bool IsTransient, TimeSpan? RetryAfter)
    {
        public static Attempt Success(byte[] body) => new(body, null, false, null);

        public static Attempt Transient(string problem, TimeSpan? retryAfter = null) => new(null, problem, true, retryAfter);

        public static Attempt Fatal(string problem) => new(null, problem, false, null);
    }
}
