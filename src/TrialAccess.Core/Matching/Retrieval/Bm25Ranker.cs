using TrialAccess.Evaluation.Trec;
using TrialAccess.Trials;

namespace TrialAccess.Matching.Retrieval;

/// <summary>The baseline: plain BM25F over the trial text with the patient description as the query.</summary>
public sealed class Bm25Ranker(TrialSearchIndex index) : ITrialRanker
{
    public string Name => "bm25";

    public IReadOnlyList<NctId> Rank(string patientText, IReadOnlyCollection<NctId>? candidates, int top)
    {
        var scores = index.ScoreAll(TrialSearchIndex.Query(patientText));
        if (candidates is null)
        {
            return index.Top(scores, top).Select(s => s.NctId).ToList();
        }

        // Every candidate is ranked, zero-score ones last, so that the ranking is complete and deterministic.
        return candidates
            .Select(id => (Id: id, Score: index.TryGetDocument(id, out var d) ? scores[d] : 0f))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Id)
            .Take(top)
            .Select(c => c.Id)
            .ToList();
    }
}
