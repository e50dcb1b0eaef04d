using TrialAccess.Ingestion;
using TrialAccess.Trials;

namespace TrialAccess.Matching.Semantic;

/// <summary>How far an index run has got: vectors computed of those to compute, and trials already up to date.</summary>
public sealed record IndexProgress(int Embedded, int ToEmbed, int UpToDate);

/// <summary>What an index run did: trials seen, vectors already current, vectors computed and stored.</summary>
public sealed record IndexReport(int Trials, int UpToDate, int Embedded);

/// <summary>
/// Computes the vectors of the stored trials that have none or a stale one (another model, text version or text), and
/// stores them batch by batch, each batch one transaction: an interrupted run keeps what it committed, and running it
/// again continues where it stopped.
/// </summary>
public sealed class TrialVectorIndexer(ITrialStore trials, ITrialVectorStore vectors, ITextEmbedder embedder)
{
    /// <summary>Vectors stored per transaction.</summary>
    public int CommitBatch { get; init; } = 256;

    /// <summary>Texts per call to the model (sorted by length within a commit batch, so that little is padding).</summary>
    public int EmbedBatch { get; init; } = 16;

    /// <summary>Whether a stored vector is today's for this text.</summary>
    public static bool IsCurrent(TrialVectorKey? key, string model, string text) =>
        key is not null && key.Model == model && key.TextVersion == EmbeddingText.TrialTextVersion && key.TextHash == EmbeddingText.Hash(text);

    public async Task<IndexReport> RunAsync(IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stored = await vectors.ReadVectorKeysAsync(cancellationToken);
        var stale = new List<NctId>();
        var total = 0;
        await foreach (var trial in trials.ReadAllAsync(cancellationToken))
        {
            total++;
            if (!IsCurrent(stored.GetValueOrDefault(trial.NctId), embedder.Model, EmbeddingText.OfTrial(trial)))
            {
                stale.Add(trial.NctId);
            }
        }

        var upToDate = total - stale.Count;
        var embedded = 0;
        progress?.Report(new IndexProgress(0, stale.Count, upToDate));
        foreach (var ids in stale.Chunk(CommitBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var records = await trials.FindManyAsync(ids, cancellationToken);
            var texts = records.Values
                .Select(t => (t.NctId, Text: EmbeddingText.OfTrial(t)))
                .OrderBy(t => t.Text.Length)
                .ThenBy(t => t.NctId.Value, StringComparer.Ordinal)
                .ToList();
            var batch = new List<TrialVector>(texts.Count);
            foreach (var chunk in texts.Chunk(EmbedBatch))
            {
                var computed = embedder.Embed(chunk.Select(t => t.Text).ToList(), cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    batch.Add(new TrialVector(chunk[i].NctId, embedder.Model, EmbeddingText.TrialTextVersion, EmbeddingText.Hash(chunk[i].Text), computed[i]));
                }
            }

            await vectors.UpsertVectorsAsync(batch, cancellationToken);
            embedded += batch.Count;
            progress?.Report(new IndexProgress(embedded, stale.Count, upToDate));
        }

        return new IndexReport(total, upToDate, embedded);
    }
}
