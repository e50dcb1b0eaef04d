using Spectre.Console;
using TrialAccess.Storage.Recruitment.Import;

namespace TrialAccess.Cli.Terminal;

/// <summary>
/// Shows the progress of a recruitment log import as <see cref="IngestProgressDisplay"/> does for trials: a bar (by
/// bytes of the file read) on a terminal, plain <c>progress:</c> lines on standard error otherwise.
/// </summary>
internal static class ImportProgressDisplay
{
    public static Task<T> RunAsync<T>(string description, Func<IProgress<ImportProgress>, Task<T>> work) =>
        IngestProgressDisplay.RunAsync(description, work, new PlainLines(), (task, p) =>
        {
            if (p.BytesTotal is > 0 and { } total)
            {
                task.MaxValue = total;
                task.Value = Math.Min(p.BytesRead, total);
            }
            else
            {
                task.IsIndeterminate = true;
            }

            return $"{p.Rows:N0} rows, {p.Failed:N0} failed";
        });

    /// <summary>A line about every ten per cent of the file (every 10,000 rows when its length is unknown).</summary>
    private sealed class PlainLines : IProgress<ImportProgress>
    {
        private long _lastStep = -1;

        public void Report(ImportProgress value)
        {
            var step = value.BytesTotal is > 0 and { } total ? value.BytesRead * 10 / total : value.Rows / 10_000;
            if (step == _lastStep)
            {
                return;
            }

            _lastStep = step;
            var share = value.BytesTotal is > 0 and { } length ? $" ({value.BytesRead * 100 / length}%)" : "";
            Console.Error.WriteLine($"progress: {value.Rows:N0} rows read{share}, {value.Failed:N0} failed");
        }
    }
}
