namespace TrialAccess.Matching.Semantic;

/// <summary>Semantic retrieval: the trials most similar to the patient, and its fusion with the lexical ranking.</summary>
public static class SemanticChannel
{
    /// <summary>The constant of reciprocal rank fusion (Cormack et al. 2009): a document at rank r scores 1 / (k + r).</summary>
    public const int FusionConstant = 60;

    /// <summary>
    /// The <paramref name="top"/> documents with a vector most similar to <paramref name="query"/> that <paramref name="keep"/>
    /// accepts, best first (equal similarity: the lower document first).
    /// </summary>
    public static List<int> Top(CatalogVectors vectors, ReadOnlySpan<float> query, int top, Func<int, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var best = new List<int>(Math.Max(0, top));
        if (top <= 0)
        {
            return best;
        }

        var scores = vectors.ScoreAll(query);
        var order = new PriorityQueue<int, (float Score, int Document)>(top + 1, Comparer<(float Score, int Document)>.Create((a, b) =>
        {
            var byScore = a.Score.CompareTo(b.Score);
            return byScore != 0 ? byScore : b.Document.CompareTo(a.Document);
        }));
        for (var d = 0; d < scores.Length; d++)
        {
            if (float.IsNaN(scores[d]) || (order.Count == top && order.TryPeek(out _, out var worst) && scores[d] <= worst.Score) || (keep is not null && !keep(d)))
            {
                continue;
            }

            order.Enqueue(d, (scores[d], d));
            if (order.Count > top)
            {
                order.Dequeue();
            }
        }

        while (order.Count > 0)
        {
            best.Add(order.Dequeue());
        }

        best.Reverse();
        return best;
    }

    /// <summary>
    /// Reciprocal rank fusion of two rankings of documents (best first), the <paramref name="top"/> best; ties go to the
    /// better lexical rank, then the lower document number.
    /// </summary>
    public static List<int> Fuse(IReadOnlyList<int> lexical, IReadOnlyList<int> semantic, int top)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(semantic);
        var fused = new Dictionary<int, (double Score, int LexicalRank)>();
        for (var r = 0; r < lexical.Count; r++)
        {
            fused[lexical[r]] = (1.0 / (FusionConstant + r + 1), r);
        }

        for (var r = 0; r < semantic.Count; r++)
        {
            var score = 1.0 / (FusionConstant + r + 1);
            fused[semantic[r]] = fused.TryGetValue(semantic[r], out var known) ? (known.Score + score, known.LexicalRank) : (score, int.MaxValue);
        }

        return fused
            .OrderByDescending(f => f.Value.Score)
            .ThenBy(f => f.Value.LexicalRank)
            .ThenBy(f => f.Key)
            .Take(top)
            .Select(f => f.Key)
            .ToList();
    }
}
