namespace TrialAccess.Testing;

/// <summary>
/// Locates the real public data in <c>../shared/data</c> beside the project's root (or <c>TRIALACCESS_SHARED_DATA</c>).
/// Tests that need it are marked <see cref="SharedDataFactAttribute"/> and skip, saying why, where it is absent.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? Root { get; } = FindSharedData();

    public static bool IsAvailable => Root is not null;

    public const string MissingMessage = "Shared data not found: expected ../shared/data beside the project root (or set TRIALACCESS_SHARED_DATA).";

    public static string PathTo(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException(MissingMessage), relative);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrialAccess.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (TrialAccess.slnx) above " + AppContext.BaseDirectory);
    }

    private static string? FindSharedData()
    {
        var configured = Environment.GetEnvironmentVariable("TRIALACCESS_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}

/// <summary>A fact that needs <c>../shared/data</c>; skipped with a clear message where it is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.MissingMessage;
        }
    }
}

/// <summary>A theory that needs <c>../shared/data</c>; skipped with a clear message where it is absent.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.MissingMessage;
        }
    }
}

/// <summary>A temporary folder deleted at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "trialaccess-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
