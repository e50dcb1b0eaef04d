using Spectre.Console;
using TrialAccess.Ingestion;

namespace TrialAccess.Cli.Terminal;

/// <summary>
/// Shows ingest progress: a Spectre.Console progress bar when a person watches a terminal, plain lines on standard
/// error when output is redirected (CI logs, pipes).
/// </summary>
internal static class IngestProgressDisplay
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static Task<T> RunAsync<T>(string description, Func<IProgress<IngestProgress>, Task<T>> work) =>
        RunAsync(description, work, new PlainLines(), (task, p) =>
        {
            if (p.FilesTotal > 0)
            {
                task.MaxValue = p.FilesTotal;
                task.Value = p.FilesDone;
            }
            else
            {
                task.IsIndeterminate = true;
            }

            return $"{p.RecordsRead} records, {p.Failed} failed";
        });

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on a terminal, each report applied by <paramref name="update"/>
    /// (which returns the counts shown after the description), or with <paramref name="plain"/> lines otherwise.
    /// </summary>
    public static async Task<T> RunAsync<TProgress, T>(string description, Func<IProgress<TProgress>, Task<T>> work, IProgress<TProgress> plain, Func<ProgressTask, TProgress, string> update)
    {
        if (!IsInteractive)
        {
            return await work(plain);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(TerminalText.Markup(description), maxValue: 1);
                result = await work(new Progress<TProgress>(p => task.Description = TerminalText.Markup($"{description}: {update(task, p)}")));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    /// <summary>One line about every ten per cent of the files (or every thousand records from a live source).</summary>
    private sealed class PlainLines : IProgress<IngestProgress>
    {
        private int _lastDecile = -1;
        private int _lastRecords;

        public void Report(IngestProgress value)
        {
            if (value.FilesTotal > 0)
            {
                var decile = value.FilesDone * 10 / value.FilesTotal;
                if (decile == _lastDecile)
                {
                    return;
                }

                _lastDecile = decile;
                Console.Error.WriteLine($"progress: {value.FilesDone}/{value.FilesTotal} files, {value.RecordsRead} records read, {value.Failed} failed");
            }
            else if (value.RecordsRead - _lastRecords >= 1000 || value.RecordsRead < _lastRecords)
            {
                _lastRecords = value.RecordsRead;
                Console.Error.WriteLine($"progress: {value.RecordsRead} records read, {value.Failed} failed");
            }
        }
    }
}
