namespace TrialAccess.Matching.Semantic;

/// <summary>How the matcher uses semantic similarity when it has vectors and an embedder.</summary>
/// <param name="Channel">
/// When ranking the whole catalog, candidates are the reciprocal-rank fusion of the BM25F top and the similarity top
/// (each as deep as the candidates asked for) instead of the BM25F top alone.
/// </param>
/// <param name="FeatureWeight">
/// 0: the order within a verdict tier is relevance alone (similarity only reported). Above 0: relevance scaled to the
/// match's best candidate, times 1 - weight, plus similarity times weight.
/// </param>
public sealed record SemanticOptions(bool Channel = false, double FeatureWeight = 0)
{
    /// <summary>Similarity reported, not used to retrieve or rank (see bench/results/embeddings.md for why).</summary>
    public static SemanticOptions Default { get; } = new();
}
