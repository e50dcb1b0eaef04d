using TrialAccess.Registry.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Ingestion;

/// <summary>Counts of one ingest run, as <c>ingest</c> prints them.</summary>
/// <param name="Read">Records read successfully from the sources (a trial present in two sources counts twice).</param>
/// <param name="New">Trials stored for the first time.</param>
/// <param name="Updated">Stored trials replaced by a later version.</param>
/// <param name="Unchanged">Records not written because the stored version is as recent or more recent.</param>
/// <param name="Failed">Records or files that could not be read.</param>
/// <param name="Failures">
/// Each failure, naming the file (and record) and what was wrong: the first <see cref="TrialIngestor.MaxListedFailures"/>
/// of them, so that a run over millions of broken records holds a bounded list (<paramref name="Failed"/> counts all).
/// </param>
public sealed record IngestReport(int Read, int New, int Updated, int Unchanged, int Failed, IReadOnlyList<TrialReadError> Failures);

/// <summary>Progress of an ingest: files finished out of files found, and records so far.</summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, int RecordsRead, int Failed, string? CurrentFile);

/// <summary>
/// Reads records from sources and stores them in batches, one transaction per batch. Stopping at any point (even
/// by killing the process) loses only the batch in flight; running the same ingest again completes it.
/// </summary>
public sealed class TrialIngestor(ITrialStore store, int batchSize = 500)
{
    /// <summary>How many failures a report lists; later ones are counted in <see cref="IngestReport.Failed"/> only.</summary>
    public const int MaxListedFailures = 10_000;

    /// <summary>Ingests the given files in order (expand folders first with <see cref="TrialSources.Expand"/>).</summary>
    public async Task<IngestReport> IngestFilesAsync(
        IReadOnlyList<string> files,
        bool replaceEqual = false,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var run = new Run(store, batchSize, replaceEqual);
        for (var i = 0; i < files.Count; i++)
        {
            await foreach (var result in TrialSources.ReadFileAsync(files[i], cancellationToken))
            {
                await run.AddAsync(result, cancellationToken);
            }

            progress?.Report(new IngestProgress(i + 1, files.Count, run.Read, run.Failed, files[i]));
        }

        return await run.CompleteAsync(cancellationToken);
    }

    /// <summary>Ingests records from any source (the live ClinicalTrials.gov client, for example).</summary>
    public async Task<IngestReport> IngestAsync(
        IAsyncEnumerable<TrialReadResult> records,
        bool replaceEqual = false,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var run = new Run(store, batchSize, replaceEqual);
        await foreach (var result in records.WithCancellation(cancellationToken))
        {
            await run.AddAsync(result, cancellationToken);
            if ((run.Read + run.Failed) % 100 == 0)
            {
                progress?.Report(new IngestProgress(0, 0, run.Read, run.Failed, null));
            }
        }

        var report = await run.CompleteAsync(cancellationToken);
        progress?.Report(new IngestProgress(0, 0, run.Read, run.Failed, null));
        return report;
    }

    private sealed class Run(ITrialStore store, int batchSize, bool replaceEqual)
    {
        private readonly List<ClinicalTrial> _batch = new(batchSize);

        public List<TrialReadError> Failures { get; } = [];

        public int Failed { get; private set; }

        public int Read { get; private set; }

        public int New { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public async Task AddAsync(TrialReadResult result, CancellationToken cancellationToken)
        {
            if (!result.IsSuccess)
            {
                Failed++;
                if (Failures.Count < MaxListedFailures)
                {
                    Failures.Add(result.Error!);
                }

                return;
            }

            Read++;
            _batch.Add(result.Trial!);
            if (_batch.Count >= batchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public async Task<IngestReport> CompleteAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            return new IngestReport(Read, New, Updated, Unchanged, Failed, Failures);
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count == 0)
            {
                return;
            }

            var outcomes = await store.UpsertAsync(_batch, replaceEqual, cancellationToken);
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case IngestOutcome.New: New++; break;
                    case IngestOutcome.Updated: Updated++; break;
                    case IngestOutcome.Unchanged: Unchanged++; break;
                }
            }

            _batch.Clear();
        }
    }
}
