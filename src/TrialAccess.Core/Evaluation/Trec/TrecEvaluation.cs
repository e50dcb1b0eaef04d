using TrialAccess.Trials;

namespace TrialAccess.Evaluation.Trec;

/// <summary>How the trials to rank are chosen for each topic.</summary>
public enum TrecProtocol
{
    /// <summary>Rank only the topic's judged trials that are in the database (the TrialGPT paper's protocol).</summary>
    Judged,

    /// <summary>Rank the whole database and keep the best 1,000.</summary>
    Full,
}

/// <summary>Ranks trials for a patient description; implemented by the BM25 baseline and the full matcher.</summary>
public interface ITrialRanker
{
    /// <summary>A short name for reports ("bm25", "full").</summary>
    string Name { get; }

    /// <summary>Ranks the candidates (or, when null, the whole database) for the patient, best first, at most <paramref name="top"/>.</summary>
    IReadOnlyList<NctId> Rank(string patientText, IReadOnlyCollection<NctId>? candidates, int top);
}

/// <summary>The measures of one topic, with how many of its judged trials could be scored.</summary>
/// <param name="RelevantWithText">Judged eligible or excluded trials that are in the database; a topic without any is not averaged.</param>
public sealed record TopicResult(string Topic, int Judged, int JudgedWithText, int RelevantWithText, int Ranked, TrecMeasures Measures, double? Top10JudgedShare);

/// <summary>A whole evaluation run.</summary>
/// <param name="Mean">
/// Mean over the topics with at least one relevant (eligible or excluded) judged trial in the database: for the others
/// every ranking scores zero, so they measure coverage, not ranking.
/// </param>
/// <param name="MeanAllTopics">Mean over every topic with a judged trial in the database, the others counting zero.</param>
/// <param name="JudgedPairs">Judged (topic, trial) pairs over the evaluated topics.</param>
/// <param name="JudgedPairsWithText">Of those, the pairs whose trial is in the database: only these can be scored.</param>
public sealed record TrecRun(
    TrecProtocol Protocol,
    string Ranker,
    IReadOnlyList<TopicResult> Topics,
    TrecMeasures Mean,
    TrecMeasures MeanAllTopics,
    int JudgedPairs,
    int JudgedPairsWithText,
    double? MeanTop10JudgedShare);

/// <summary>
/// Runs a ranker over TREC topics and scores it. Judged trials whose text is not in the database are left out of the
/// judgements before scoring (they can be neither retrieved nor missed), and the run says how many there were.
/// </summary>
public static class TrecEvaluation
{
    public const int FullDepth = 1000;

    public static TrecRun Run(
        IReadOnlyList<TrecTopic> topics,
        RelevanceJudgements judgements,
        ITrialRanker ranker,
        TrecProtocol protocol,
        Func<string, bool> hasText,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(judgements);
        ArgumentNullException.ThrowIfNull(ranker);
        var scorable = judgements.Where(hasText);
        var results = new List<TopicResult>();
        var pairs = 0;
        var pairsWithText = 0;
        foreach (var topic in topics)
        {
            var judged = judgements.For(topic.Number);
            var judgedWithText = scorable.For(topic.Number);
            pairs += judged.Count;
            pairsWithText += judgedWithText.Count;
            if (judgedWithText.Count == 0)
            {
                progress?.Report(results.Count);
                continue;
            }

            IReadOnlyList<string> ranking;
            double? judgedShare = null;
            if (protocol == TrecProtocol.Judged)
            {
                var candidates = judgedWithText.Keys.Select(NctId.Parse).ToList();
                ranking = ranker.Rank(topic.Text, candidates, candidates.Count).Select(id => id.Value).ToList();
            }
            else
            {
                ranking = ranker.Rank(topic.Text, null, FullDepth).Select(id => id.Value).ToList();
                var top10 = ranking.Take(10).ToList();
                judgedShare = top10.Count == 0 ? 0 : (double)top10.Count(judged.ContainsKey) / top10.Count;
            }

            var relevant = judgedWithText.Count(j => j.Value != RelevanceGrade.NotRelevant);
            results.Add(new TopicResult(topic.Number, judged.Count, judgedWithText.Count, relevant, ranking.Count, TrecMetrics.Measure(ranking, judgedWithText), judgedShare));
            progress?.Report(results.Count);
        }

        return new TrecRun(
            protocol,
            ranker.Name,
            results,
            TrecMeasures.Mean(results.Where(r => r.RelevantWithText > 0).Select(r => r.Measures).ToList()),
            TrecMeasures.Mean(results.Select(r => r.Measures).ToList()),
            pairs,
            pairsWithText,
            protocol == TrecProtocol.Full && results.Count > 0 ? results.Average(r => r.Top10JudgedShare ?? 0) : null);
    }
}
