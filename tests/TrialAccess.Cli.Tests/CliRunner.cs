using System.Diagnostics;
using System.Text;

namespace TrialAccess.Cli.Tests;

/// <summary>Runs the real command line (the built <c>trialaccess.dll</c>) as a child process.</summary>
internal static class CliRunner
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "trialaccess.dll");

    public sealed record Output(int ExitCode, string StdOut, string StdErr);

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TRIALACCESS_DB");
        info.Environment.Remove("TRIALACCESS_CTGOV_URL");
        return info;
    }

    public static Task<Output> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with these environment variables set for the child process only.</summary>
    public static Task<Output> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(TimeSpan.FromMinutes(5), environment, args);

    /// <summary>Runs with a longer limit than the default 5 minutes (whole-corpus evaluations on a busy machine).</summary>
    public static Task<Output> RunAsync(TimeSpan timeout, params string[] args) => RunAsync(timeout, new Dictionary<string, string>(), args);

    private static async Task<Output> RunAsync(TimeSpan limit, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return new Output(process.ExitCode, await stdout, await stderr);
    }
}
