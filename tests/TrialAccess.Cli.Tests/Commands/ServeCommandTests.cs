using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

public partial class ServeCommandTests
{
    [GeneratedRegex(@"open (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex OpenLine();

    [Fact]
    public async Task Serve_EmptyDatabase_SeedsTheDemoSetAndServesThePagesAndApiAtThePrintedAddress()
    {
        using var folder = new TempFolder();
        using var process = Process.Start(CliRunner.StartInfo("serve", "--db", folder.File("serve.db"), "--urls", "http://127.0.0.1:0"))!;
        try
        {
            var printed = new List<string>();
            string? url = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (url is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                printed.Add(line);
                url = OpenLine().Match(line) is { Success: true } match ? match.Groups[1].Value : null;
            }

            url.Should().NotBeNull(string.Join("\n", printed));
            printed.Should().Contain("The database was empty: seeded 16 demo trials (fictional, ids NCT99xxxxxx).");
            using var http = new HttpClient { BaseAddress = new Uri(url!) };
            var health = JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement;
            health.GetProperty("trials").GetInt64().Should().Be(16);
            (await http.GetAsync("/?cancer=lung&place=Boston&distance=any")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await http.GetAsync("/api/trials/NCT99000001")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_AddressInUse_FailsWithExitCode1()
    {
        using var folder = new TempFolder();
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync("serve", "--db", folder.File("serve.db"), "--urls", $"http://127.0.0.1:{port}");

        result.ExitCode.Should().Be(1, result.StdErr);
        result.StdErr.Should().Contain($"error: cannot listen on http://127.0.0.1:{port}");
    }
}
