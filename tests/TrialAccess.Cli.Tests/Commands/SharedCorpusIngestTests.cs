using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;

namespace TrialAccess.Cli.Tests.Commands;

/// <summary>The acceptance runs, end to end through the command line, on the real corpus in ../shared.</summary>
public sealed class SharedCorpusIngestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string[] Sources =>
    [
        SharedData.PathTo("trials/ctgov-xml"),
        SharedData.PathTo("trials/ctgov-v2"),
        SharedData.PathTo("trials/trialgpt-format"),
    ];

    private static async Task<string> IngestAsync(string db, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["ingest", .. Sources, .. extra, "--db", db, "--format", "json"]);
        result.ExitCode.Should().Be(0, result.StdErr);
        return result.StdOut;
    }

    private static async Task<string> StatsAsync(string db)
    {
        var result = await CliRunner.RunAsync("db", "stats", "--format", "json", "--db", db);
        result.ExitCode.Should().Be(0, result.StdErr);
        return result.StdOut;
    }

    /// <summary>A digest of every stored document, in id order: equal digests mean equal databases.</summary>
    private static async Task<string> ContentDigestAsync(string db)
    {
        await using var store = new SqliteTrialStore(db);
        await store.InitializeAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var trial in store.ReadAllAsync())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Trials.TrialJson.Serialize(trial)));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    [SharedDataFact]
    public async Task Ingest_SharedCorpusTwice_StoresAll7856TrialsThenReportsAllUnchanged()
    {
        var db = _folder.File("all.db");

        using (var first = JsonDocument.Parse(await IngestAsync(db)))
        {
            first.RootElement.GetProperty("failed").GetInt32().Should().Be(0);
            first.RootElement.GetProperty("new").GetInt32().Should().Be(7856);
        }

        using (var second = JsonDocument.Parse(await IngestAsync(db)))
        {
            var read = second.RootElement.GetProperty("read").GetInt32();
            second.RootElement.GetProperty("unchanged").GetInt32().Should().Be(read);
            second.RootElement.GetProperty("new").GetInt32().Should().Be(0);
            second.RootElement.GetProperty("updated").GetInt32().Should().Be(0);
        }

        using var stats = JsonDocument.Parse(await StatsAsync(db));
        stats.RootElement.GetProperty("trials").GetInt64().Should().Be(7856);
    }

    [SharedDataFact]
    public async Task Ingest_KilledHalfWayThenRunAgain_EndsWithTheSameDatabaseAsAnUninterruptedRun()
    {
        var reference = _folder.File("reference.db");
        await IngestAsync(reference);

        var interrupted = _folder.File("interrupted.db");
        var info = CliRunner.StartInfo(["ingest", .. Sources, "--db", interrupted]);
        using (var process = Process.Start(info)!)
        {
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            // Wait until about half the files are done (progress lines come every tenth), then SIGKILL.
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("progress: ", StringComparison.Ordinal) && IsHalfWay(line))
                {
                    break;
                }
            }

            process.HasExited.Should().BeFalse("the ingest must be killed while it runs");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        (await StatsAsync(interrupted)).Should().NotBe(await StatsAsync(reference), "the kill must land before the end");
        await IngestAsync(interrupted);

        (await StatsAsync(interrupted)).Should().Be(await StatsAsync(reference));
        (await ContentDigestAsync(interrupted)).Should().Be(await ContentDigestAsync(reference));
    }

    private static bool IsHalfWay(string progressLine)
    {
        // "progress: 3400/6890 files, ..." : half-way or later.
        var counts = progressLine["progress: ".Length..].Split(' ')[0].Split('/');
        return counts.Length == 2 && int.TryParse(counts[0], out var done) && int.TryParse(counts[1], out var total) && done * 2 >= total;
    }

    [SharedDataPostgresFact]
    public async Task Ingest_SameCorpusIntoPostgres_GivesIdenticalStats()
    {
        var sqlite = _folder.File("parity.db");
        await IngestAsync(sqlite);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await IngestAsync(database.ConnectionString);

        (await StatsAsync(database.ConnectionString)).Should().Be(await StatsAsync(sqlite));
    }
}
