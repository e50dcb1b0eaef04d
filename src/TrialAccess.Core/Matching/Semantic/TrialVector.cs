using TrialAccess.Trials;

namespace TrialAccess.Matching.Semantic;

/// <summary>
/// A trial's stored embedding: the model that made it, the version of <see cref="EmbeddingText"/> and the hash of the
/// text embedded (a vector whose model, text version or hash differs from today's is stale), and the unit vector.
/// </summary>
public sealed record TrialVector(NctId NctId, string Model, int TextVersion, long TextHash, float[] Vector);

/// <summary>Which vector a trial has, without the vector: what <c>index</c> compares to decide what to compute.</summary>
public sealed record TrialVectorKey(string Model, int TextVersion, long TextHash);

/// <summary>Where trial vectors are kept, beside the trials: the storage adapters implement it.</summary>
public interface ITrialVectorStore
{
    /// <summary>Stores or replaces the vectors in one transaction.</summary>
    Task UpsertVectorsAsync(IReadOnlyList<TrialVector> vectors, CancellationToken cancellationToken = default);

    /// <summary>The key of every stored vector, by trial.</summary>
    Task<IReadOnlyDictionary<NctId, TrialVectorKey>> ReadVectorKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams the stored vectors made by <paramref name="model"/> (all when null).</summary>
    IAsyncEnumerable<TrialVector> ReadVectorsAsync(string? model = null, CancellationToken cancellationToken = default);
}
