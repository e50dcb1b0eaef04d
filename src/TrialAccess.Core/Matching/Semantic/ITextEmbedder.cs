namespace TrialAccess.Matching.Semantic;

/// <summary>
/// Turns text into a fixed-length vector whose dot product with another says how close their meanings are: the port a
/// sentence-embedding adapter implements (Core keeps no ML dependency; hosts compose).
/// </summary>
/// <remarks>Vectors are unit length, so the dot product of two is their cosine similarity.</remarks>
public interface ITextEmbedder
{
    /// <summary>
    /// Names the model and everything about its use that changes the vectors (for example its token limit): vectors
    /// stored under another name are stale.
    /// </summary>
    string Model { get; }

    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>One unit vector per text, in the order given. CPU-bound; a text past the token limit is cut there.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
