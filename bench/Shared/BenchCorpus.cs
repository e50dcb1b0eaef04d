using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;

namespace TrialAccess.Bench;

/// <summary>
/// Where the benchmarks find the repository, the shared data (<c>../shared/data</c>, read in place) and their SQLite
/// database of the shared corpus (kept between runs in the temporary folder).
/// </summary>
internal static class BenchCorpus
{
    /// <summary>The folder the benchmarks keep their databases in: <c>trialaccess-bench</c> under the temporary folder.</summary>
    public static string WorkFolder { get; } = Path.Combine(Path.GetTempPath(), "trialaccess-bench");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>../shared/data</c> beside the repository root.</summary>
    public static string SharedData { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>The TREC 2021 topics file in the shared data.</summary>
    public static string Topics2021 => Path.Combine(SharedData, "benchmarks", "trec2021", "topics2021.xml");

    /// <summary>The SQLite database of the whole shared corpus, shared by the benchmarks.</summary>
    public static string SharedDatabase => Path.Combine(WorkFolder, "shared.db");

    /// <summary>Fills <paramref name="path"/> with the shared corpus (ctgov-xml, ctgov-v2, trialgpt-format) unless it already holds trials.</summary>
    public static async Task EnsureSharedDatabaseAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var store = new SqliteTrialStore(path);
        await store.InitializeAsync();
        if ((await store.GetStatisticsAsync()).Trials > 0)
        {
            return;
        }

        Console.Error.WriteLine($"ingesting the shared corpus into {path}...");
        var (files, _) = TrialSources.Expand(new[] { "ctgov-xml", "ctgov-v2", "trialgpt-format" }.Select(f => Path.Combine(SharedData, "trials", f)));
        await new TrialIngestor(store).IngestFilesAsync(files);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrialAccess.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
