using TrialAccess.Matching.Retrieval;

namespace TrialAccess.Matching.Semantic;

/// <summary>
/// The trial vectors of a catalog, one row per catalog document in one contiguous array (documents without a vector
/// hold none and score no similarity): 1.5 kB per trial at 384 float32 dimensions.
/// </summary>
public sealed class CatalogVectors
{
    private readonly float[] _data;
    private readonly bool[] _present;

    private CatalogVectors(string model, int dimension, float[] data, bool[] present, int count)
    {
        Model = model;
        Dimension = dimension;
        _data = data;
        _present = present;
        Count = count;
    }

    /// <summary>The model that made the vectors: a patient vector from another model cannot be compared with them.</summary>
    public string Model { get; }

    public int Dimension { get; }

    /// <summary>How many documents have a vector.</summary>
    public int Count { get; }

    /// <summary>Bytes held by the vectors.</summary>
    public long Bytes => (long)_data.Length * sizeof(float) + _present.Length;

    public bool Has(int document) => _present[document];

    public ReadOnlySpan<float> Of(int document) => _data.AsSpan(document * Dimension, Dimension);

    /// <summary>The cosine similarity of a unit query vector with a document's vector; null when it has none.</summary>
    public double? Similarity(ReadOnlySpan<float> query, int document) =>
        _present[document] ? VectorMath.Dot(query, Of(document)) : null;

    /// <summary>Similarity with every document (NaN where a document has no vector).</summary>
    public float[] ScoreAll(ReadOnlySpan<float> query)
    {
        var scores = new float[_present.Length];
        for (var d = 0; d < scores.Length; d++)
        {
            scores[d] = _present[d] ? VectorMath.Dot(query, Of(d)) : float.NaN;
        }

        return scores;
    }

    /// <summary>
    /// Aligns stored vectors with an index's documents; vectors of other models, of another dimension or of trials not
    /// in the index are left out.
    /// </summary>
    public static CatalogVectors Build(TrialSearchIndex index, string model, int dimension, IEnumerable<TrialVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(vectors);
        var data = new float[(long)index.Count * dimension];
        var present = new bool[index.Count];
        var count = 0;
        foreach (var vector in vectors)
        {
            if (vector.Model != model || vector.Vector.Length != dimension || !index.TryGetDocument(vector.NctId, out var document))
            {
                continue;
            }

            vector.Vector.CopyTo(data.AsSpan(document * dimension, dimension));
            count += present[document] ? 0 : 1;
            present[document] = true;
        }

        return new CatalogVectors(model, dimension, data, present, count);
    }

    /// <summary>Reads <see cref="Build(TrialSearchIndex, string, int, IEnumerable{TrialVector})"/>'s input from a store.</summary>
    public static async Task<CatalogVectors> LoadAsync(TrialSearchIndex index, string model, int dimension, IAsyncEnumerable<TrialVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var list = new List<TrialVector>();
        await foreach (var vector in vectors.WithCancellation(cancellationToken))
        {
            list.Add(vector);
        }

        return Build(index, model, dimension, list);
    }
}
