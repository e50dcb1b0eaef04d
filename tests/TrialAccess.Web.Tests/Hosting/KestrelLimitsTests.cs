using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrialAccess.Web.Tests.Hosting;

/// <summary>Limits that only the real server enforces: a chunked body has no declared length to refuse up front.</summary>
public class KestrelLimitsTests(KestrelDemoApp app) : IClassFixture<KestrelDemoApp>
{
    [Fact]
    public async Task SearchWithBody_20MegabyteChunkedBody_Is413Problem()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"q\": \"" + new string('a', 20 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trials/search") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException or SocketException)
        {
            // The server may close the connection while the client is still sending; then the answer cannot be read.
            return;
        }

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task SearchWithBody_20MegabyteDeclaredBody_Is413Problem()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var content = new ByteArrayContent(new byte[20 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync("/api/trials/search", content);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException or SocketException)
        {
            return;
        }

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
