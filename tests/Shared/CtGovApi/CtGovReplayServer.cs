using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace TrialAccess.Testing.CtGovApi;

/// <summary>One response the replay server sends instead of (or before) a recorded page.</summary>
/// <param name="RetryAfter">The <c>Retry-After</c> header value (seconds or an HTTP date), or null for none.</param>
internal sealed record ReplayResponse(int Status, string Body = "", string ContentType = "application/json", string? RetryAfter = null)
{
    public static ReplayResponse Json(string body) => new(200, body);
}

/// <summary>A request the replay server received: its path, decoded query parameters and the page it asked for.</summary>
internal sealed record ReplayRequest(string Path, IReadOnlyDictionary<string, string> Query, int Page);

/// <summary>
/// A stand-in for the ClinicalTrials.gov API v2 on 127.0.0.1: serves <c>GET /api/v2/studies</c> from studies split
/// into pages at start, linked by <c>nextPageToken</c> values <c>p2</c>, <c>p3</c>, ...; records every request. Scripted
/// responses (errors, broken bodies) can be queued for a page; they are sent, in order, before the page itself.
/// </summary>
internal sealed class CtGovReplayServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly List<string> _pages;
    private readonly ConcurrentDictionary<int, ConcurrentQueue<ReplayResponse>> _scripts = new();
    private readonly List<ReplayRequest> _requests = [];
    private readonly Task _serving;

    private CtGovReplayServer(HttpListener listener, int port, List<string> pages)
    {
        _listener = listener;
        _pages = pages;
        Root = new Uri($"http://127.0.0.1:{port}/");
        BaseAddress = new Uri(Root, "api/v2/");
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, without the API path (a wrong base address).</summary>
    public Uri Root { get; }

    /// <summary>What a client's base address should be: <c>http://127.0.0.1:port/api/v2/</c>.</summary>
    public Uri BaseAddress { get; }

    public int PageCount => _pages.Count;

    public IReadOnlyList<ReplayRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts serving the studies (raw JSON objects) in pages of <paramref name="pageSize"/>.</summary>
    public static CtGovReplayServer Start(IReadOnlyList<string> studies, int pageSize)
    {
        var pages = studies.Chunk(pageSize).Select((chunk, i) =>
        {
            var next = (i + 1) * pageSize < studies.Count ? $", \"nextPageToken\": \"p{i + 2}\"" : "";
            return $"{{\"studies\": [{string.Join(",\n", chunk)}]{next}}}";
        }).ToList();
        if (pages.Count == 0)
        {
            pages.Add("{\"studies\": []}");
        }

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new CtGovReplayServer(listener, port, pages);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>The study objects of a recorded API v2 file (a JSON array of studies), as raw JSON.</summary>
    public static List<string> StudiesFrom(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray().Select(study => study.GetRawText()).ToList();
    }

    /// <summary>A port nobody listens on at the moment it is returned.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The body served for page <paramref name="page"/> (1-based).</summary>
    public string PageBody(int page) => _pages[page - 1];

    /// <summary>Queues responses for the next requests of page <paramref name="page"/> (1-based), sent before the page itself.</summary>
    public void Script(int page, params ReplayResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(page, _ => new ConcurrentQueue<ReplayResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await RespondAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in context.Request.QueryString.AllKeys.OfType<string>())
        {
            query[key] = context.Request.QueryString[key] ?? "";
        }

        var path = context.Request.Url!.AbsolutePath;
        var token = query.GetValueOrDefault("pageToken");
        var page = token is null ? 1
            : token.StartsWith('p') && int.TryParse(token.AsSpan(1), out var n) && n >= 1 && n <= _pages.Count ? n
            : 0;
        lock (_requests)
        {
            _requests.Add(new ReplayRequest(path, query, page));
        }

        var response = path != "/api/v2/studies" ? new ReplayResponse(404, "Not Found", "text/plain")
            : page == 0 ? new ReplayResponse(400, $"pageToken: '{token}' is not a page token", "text/plain")
            : _scripts.TryGetValue(page, out var queue) && queue.TryDequeue(out var scripted) ? scripted
            : ReplayResponse.Json(_pages[page - 1]);

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.RetryAfter is not null)
        {
            context.Response.AddHeader("Retry-After", response.RetryAfter);
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
