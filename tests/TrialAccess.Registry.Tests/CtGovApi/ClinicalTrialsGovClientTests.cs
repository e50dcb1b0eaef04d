using System.Net;
using System.Text;
using TrialAccess.Ingestion;
using TrialAccess.Registry.CtGovApi;
using TrialAccess.Registry.Tests.Sources;
using TrialAccess.Testing;
using TrialAccess.Testing.CtGovApi;
using TrialAccess.Trials;

namespace TrialAccess.Registry.Tests.CtGovApi;

public sealed class ClinicalTrialsGovClientTests : IDisposable
{
    /// <summary>The spacing at 3 requests per second, as Task.Delay asks for it: in whole milliseconds.</summary>
    private static readonly TimeSpan Third = TimeSpan.FromMilliseconds(333);

    private static readonly Lazy<List<string>> RecordedStudies =
        new(() => CtGovReplayServer.StudiesFrom(SharedData.PathTo("trials/ctgov-v2/nsclc-100.json")));

    private static readonly ClinicalTrialsGovQuery Nsclc = new()
    {
        Condition = "non-small cell lung cancer",
        Statuses = [RecruitmentStatus.Recruiting, RecruitmentStatus.NotYetRecruiting],
    };

    private readonly FastForwardTimeProvider _clock = new();
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private ClinicalTrialsGovClient Client(Uri baseAddress, int pageSize = 30, int maxRetries = 5, HttpClient? http = null) =>
        new(http ?? _http, new ClinicalTrialsGovOptions { BaseAddress = baseAddress, PageSize = pageSize, MaxRetries = maxRetries, RequestsPerSecond = 3, TimeProvider = _clock });

    private static CtGovReplayServer RecordedNsclcServer() => CtGovReplayServer.Start(RecordedStudies.Value, pageSize: 30);

    private static List<string> HandMadeStudies(int count) =>
        Enumerable.Range(1, count).Select(i => SampleRecords.V2Study($"NCT{90000000 + i}")).ToList();

    private static async Task<List<TrialReadResult>> ReadAllAsync(IAsyncEnumerable<TrialReadResult> results, CancellationToken cancellationToken = default)
    {
        var list = new List<TrialReadResult>();
        await foreach (var result in results.WithCancellation(cancellationToken))
        {
            list.Add(result);
        }

        return list;
    }

    private static List<string> RecordedIds(int take) =>
        RecordedStudies.Value.Take(take).Select(s => System.Text.Json.JsonDocument.Parse(s).RootElement
            .GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!).ToList();

    [SharedDataFact]
    public async Task SearchStudiesAsync_RecordedPages_ReadsAllStudiesAcrossPagesAndSendsTheQuery()
    {
        using var server = RecordedNsclcServer();
        var query = Nsclc with { Term = "EGFR & ALK", Location = "Boston, Massachusetts" };

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(query));

        results.Should().HaveCount(100).And.OnlyContain(r => r.IsSuccess);
        results.Select(r => r.Trial!.NctId.Value).Should().Equal(RecordedIds(100));
        var requests = server.Requests;
        requests.Select(r => r.Page).Should().Equal(1, 2, 3, 4);
        requests.Should().OnlyContain(r => r.Path == "/api/v2/studies");
        requests.Should().OnlyContain(r =>
            r.Query["query.cond"] == "non-small cell lung cancer"
            && r.Query["query.term"] == "EGFR & ALK"
            && r.Query["query.locn"] == "Boston, Massachusetts"
            && r.Query["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING"
            && r.Query["pageSize"] == "30");
        requests[0].Query.Should().NotContainKey("pageToken");
        requests.Skip(1).Select(r => r.Query["pageToken"]).Should().Equal("p2", "p3", "p4");
    }

    [SharedDataFact]
    public async Task SearchStudiesAsync_ThreeRequestsPerSecond_SpacesRequestsAThirdOfASecondApart()
    {
        using var server = RecordedNsclcServer();

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(100);
        _clock.Delays.Should().HaveCount(3).And.OnlyContain(d => d == Third);
    }

    [SharedDataFact]
    public async Task SearchStudiesAsync_429WithRetryAfterSeconds_WaitsAsLongAsAskedThenReadsOn()
    {
        using var server = RecordedNsclcServer();
        server.Script(2, new ReplayResponse(429, "Too many requests", "text/plain", RetryAfter: "7"));

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(100).And.OnlyContain(r => r.IsSuccess);
        server.Requests.Select(r => r.Page).Should().Equal(1, 2, 2, 3, 4);
        _clock.Delays.Should().Equal(Third, TimeSpan.FromSeconds(7), Third, Third);
    }

    [SharedDataFact]
    public async Task SearchStudiesAsync_503Twice_RetriesWithGrowingJitteredBackoffThenSucceeds()
    {
        using var server = RecordedNsclcServer();
        server.Script(1, new ReplayResponse(503, "", "text/plain"), new ReplayResponse(503, "", "text/plain"));

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(100).And.OnlyContain(r => r.IsSuccess);
        server.Requests.Select(r => r.Page).Should().Equal(1, 1, 1, 2, 3, 4);
        var delays = _clock.Delays;
        delays.Should().HaveCount(5);
        delays[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        delays[1].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
        delays.Skip(2).Should().OnlyContain(d => d == Third);
    }

    [SharedDataFact]
    public async Task SearchStudiesAsync_400WithErrorText_KeepsEarlierPagesAndEndsWithFailureNamingStatusAndApiMessage()
    {
        using var server = RecordedNsclcServer();
        server.Script(3, new ReplayResponse(400, "filter.overallStatus: unknown value 'RECRUTING'\n", "text/plain"));

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(61);
        results.Take(60).Select(r => r.Trial!.NctId.Value).Should().Equal(RecordedIds(60));
        var failure = results[^1].Error!;
        failure.Source.Should().Be("ctgov-api page 3");
        failure.Field.Should().BeNull();
        failure.Message.Should().StartWith("HTTP 400 (Bad Request): filter.overallStatus: unknown value 'RECRUTING' (GET http://127.0.0.1:");
        failure.Message.Should().Contain("pageToken=p3");
        server.Requests.Select(r => r.Page).Should().Equal(1, 2, 3);
    }

    [SharedDataFact]
    public async Task SearchStudiesAsync_TruncatedJsonPage_YieldsEarlierStudiesThenFailure()
    {
        using var server = RecordedNsclcServer();
        var page2 = server.PageBody(2);
        server.Script(2, ReplayResponse.Json(page2[..(page2.Length / 2)]));

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(31);
        results.Take(30).Should().OnlyContain(r => r.IsSuccess);
        results[^1].Error!.Source.Should().Be("ctgov-api page 2");
        results[^1].Error!.Message.Should().StartWith("the response is not valid JSON");
        server.Requests.Select(r => r.Page).Should().Equal(1, 2);
    }

    [Fact]
    public async Task SearchStudiesAsync_RetryAfterDate_WaitsUntilThatTimeOnTheInjectedClock()
    {
        using var server = CtGovReplayServer.Start(HandMadeStudies(2), pageSize: 5);
        var until = _clock.GetUtcNow().AddSeconds(10).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        server.Script(1, new ReplayResponse(503, "", "text/plain", RetryAfter: until));

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(2).And.OnlyContain(r => r.IsSuccess);
        _clock.Delays.Should().Equal(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SearchStudiesAsync_RetryAfterLongerThanMaxDelay_EndsWithFailureWithoutWaiting()
    {
        using var server = CtGovReplayServer.Start(HandMadeStudies(2), pageSize: 5);
        server.Script(1, new ReplayResponse(429, "", "text/plain", RetryAfter: "3600"));

        var results = await ReadAllAsync(Client(server.BaseAddress).SearchStudiesAsync(Nsclc));

        results.Should().ContainSingle().Which.Error!.Message.Should()
            .StartWith("HTTP 429 (Too Many Requests), and the server asked to wait 3600 s before trying again (Retry-After), longer than the 120 s allowed; try again later");
        _clock.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchStudiesAsync_ServerKeepsFailing_GivesUpAfterMaxRetriesKeepingWhatWasRead()
    {
        using var server = CtGovReplayServer.Start(HandMadeStudies(4), pageSize: 2);
        server.Script(2, [.. Enumerable.Repeat(new ReplayResponse(502, "", "text/plain"), 10)]);

        var results = await ReadAllAsync(Client(server.BaseAddress, pageSize: 2, maxRetries: 2).SearchStudiesAsync(Nsclc));

        results.Select(r => r.Trial?.NctId.Value).Should().Equal("NCT90000001", "NCT90000002", null);
        results[^1].Error!.Source.Should().Be("ctgov-api page 2");
        results[^1].Error!.Message.Should().StartWith("gave up after 3 attempts; the last: HTTP 502 (Bad Gateway) (GET ");
        server.Requests.Select(r => r.Page).Should().Equal(1, 2, 2, 2);
    }

    [Fact]
    public async Task SearchStudiesAsync_WrongBaseAddress_EndsWithNotFoundFailureAndAHint()
    {
        using var server = CtGovReplayServer.Start(HandMadeStudies(1), pageSize: 5);

        var results = await ReadAllAsync(Client(server.Root).SearchStudiesAsync(Nsclc));

        results.Should().ContainSingle().Which.Error!.Message.Should()
            .StartWith("HTTP 404 (Not Found): Not Found; check the base address, which should end in /api/v2/");
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task SearchStudiesAsync_NobodyListening_RetriesThenReportsTheNetworkError()
    {
        var closed = new Uri($"http://127.0.0.1:{CtGovReplayServer.FreePort()}/api/v2/");

        var results = await ReadAllAsync(Client(closed, maxRetries: 1).SearchStudiesAsync(Nsclc));

        results.Should().ContainSingle().Which.Error!.Message.Should().StartWith("gave up after 2 attempts; the last: network error:");
        _clock.Delays.Should().ContainSingle();
    }

    [Fact]
    public async Task SearchStudiesAsync_RequestTimesOut_RetriesIt()
    {
        var body = $"{{\"studies\": [{SampleRecords.V2Study("NCT90000001")}]}}";
        using var handler = new StubHandler(call => call == 1
            ? throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        using var http = new HttpClient(handler);

        var results = await ReadAllAsync(Client(ClinicalTrialsGovOptions.DefaultBaseAddress, http: http).SearchStudiesAsync(Nsclc));

        results.Should().ContainSingle().Which.IsSuccess.Should().BeTrue();
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task SearchStudiesAsync_SamePageTokenTwice_StopsWithFailureInsteadOfLooping()
    {
        var body = $"{{\"studies\": [{SampleRecords.V2Study("NCT90000001")}], \"nextPageToken\": \"again\"}}";
        using var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        using var http = new HttpClient(handler);

        var results = await ReadAllAsync(Client(ClinicalTrialsGovOptions.DefaultBaseAddress, http: http).SearchStudiesAsync(Nsclc));

        results.Should().HaveCount(3);
        results[2].Error!.Field.Should().Be("nextPageToken");
        results[2].Error!.Message.Should().StartWith("the API returned page token 'again' a second time");
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task SearchStudiesAsync_MaxRecords_StopsThereAndAsksForNoBiggerPages()
    {
        using var server = CtGovReplayServer.Start(HandMadeStudies(12), pageSize: 3);

        var results = await ReadAllAsync(Client(server.BaseAddress, pageSize: 100).SearchStudiesAsync(Nsclc with { MaxRecords = 5 }));

        results.Select(r => r.Trial!.NctId.Value).Should().Equal("NCT90000001", "NCT90000002", "NCT90000003", "NCT90000004", "NCT90000005");
        server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Query["pageSize"] == "5");
    }

    [Fact]
    public async Task SearchStudiesAsync_StudyThatDoesNotMap_IsAFailureNamingItsPositionAndReadingGoesOn()
    {
        using var server = CtGovReplayServer.Start([SampleRecords.V2Study("NCT90000001"), "{\"protocolSection\": {}}", SampleRecords.V2Study("NCT90000003")], pageSize: 2);

        var results = await ReadAllAsync(Client(server.BaseAddress, pageSize: 2).SearchStudiesAsync(Nsclc));

        results.Select(r => r.IsSuccess).Should().Equal(true, false, true);
        results[1].Error!.Source.Should().Be("ctgov-api page 1[1]");
        results[2].Trial!.NctId.Value.Should().Be("NCT90000003");
    }

    [Fact]
    public async Task SearchStudiesAsync_CallerCancels_ThrowsInsteadOfReportingAFailure()
    {
        using var server = CtGovReplayServer.Start(HandMadeStudies(4), pageSize: 2);
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var reading = async () =>
        {
            await foreach (var _ in Client(server.BaseAddress, pageSize: 2).SearchStudiesAsync(Nsclc, cancellation.Token))
            {
                if (++read == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await reading.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(2);
    }

    [Fact]
    public void SearchStudiesAsync_NotStatedStatus_IsRefused()
    {
        var client = Client(ClinicalTrialsGovOptions.DefaultBaseAddress);

        var search = () => client.SearchStudiesAsync(new ClinicalTrialsGovQuery { Statuses = [RecruitmentStatus.NotStated] });

        search.Should().Throw<ArgumentException>().WithMessage("NotStated is not a registry status*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Constructor_PageSizeOutOfRange_Throws(int pageSize)
    {
        var create = () => new ClinicalTrialsGovClient(_http, new ClinicalTrialsGovOptions { PageSize = pageSize });

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("PageSize");
    }

    [Fact]
    public void PageUri_BaseAddressWithoutTrailingSlash_KeepsItsPathAndEscapesValues()
    {
        var client = new ClinicalTrialsGovClient(_http, new ClinicalTrialsGovOptions { BaseAddress = new Uri("http://registry.test/api/v2") });
        var query = new ClinicalTrialsGovQuery { Condition = " lung cancer ", Term = "EGFR & \"exon 19\"", Statuses = [RecruitmentStatus.Recruiting, RecruitmentStatus.Recruiting] };

        var uri = client.PageUri(query, 100, "abc+/=");

        uri.AbsoluteUri.Should().Be("http://registry.test/api/v2/studies?query.cond=lung%20cancer&query.term=EGFR%20%26%20%22exon%2019%22&filter.overallStatus=RECRUITING&pageSize=100&pageToken=abc%2B%2F%3D");
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 0.999, 999.5)]
    [InlineData(3, 0.0, 4000)]
    [InlineData(10, 0.999, 29985)]
    public void Backoff_Retry_DoublesFromBaseDelayWithJitterAndIsCappedAtMaxDelay(int retry, double random, double expectedMilliseconds)
    {
        var delay = ClinicalTrialsGovClient.Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), retry, random);

        delay.TotalMilliseconds.Should().BeApproximately(expectedMilliseconds, 0.01);
    }

    private sealed class StubHandler(Func<int, HttpResponseMessage> respond) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(Interlocked.Increment(ref _calls)));
    }
}
