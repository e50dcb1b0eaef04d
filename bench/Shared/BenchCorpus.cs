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

    /// <summary>
    /// The SQLite database of all 18,158 shared trials: the older corpus of <see cref="SharedDatabase"/> and the records
    /// derived from public research datasets (<c>trials/ctgov-v2-derived</c>).
    /// </summary>
    public static string AllSharedDatabase => Path.Combine(WorkFolder, "shared-all.db");

    /// <summary>
    /// Fills <paramref name="path"/> with the shared corpus (ctgov-xml, ctgov-v2, trialgpt-format, and ctgov-v2-derived
    /// when <paramref name="withDerived"/>) unless it already holds trials.
    /// </summary>
    public static async Task EnsureSharedDatabaseAsync(string path, bool withDerived = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var store = new SqliteTrialStore(path);
        await store.InitializeAsync();
        if ((await store.GetStatisticsAsync()).Trials > 0)
        {
            return;
        }

        Console.Error.WriteLine($"ingesting the shared corpus into {path}...");
        string[] folders = withDerived ? ["ctgov-xml", "ctgov-v2", "trialgpt-format", "ctgov-v2-derived"] : ["ctgov-xml", "ctgov-v2", "trialgpt-format"];
        var (files, _) = TrialSources.Expand(folders.Select(f => Path.Combine(SharedData, "trials", f)));
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
