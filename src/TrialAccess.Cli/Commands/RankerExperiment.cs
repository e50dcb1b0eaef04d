using System.Globalization;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Matching;
using TrialAccess.Matching.Ranking;
using TrialAccess.Ranking;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Commands;

/// <summary>One topic's judged trials with text, each with its grade and its match (verdict, relevance, features).</summary>
internal sealed record TopicPairs(TrecTopic Topic, IReadOnlyList<(NctId Id, RelevanceGrade Grade, TrialMatch Match)> Pairs);

/// <summary>
/// The cross-validated learned ranker: per-topic rankings of held-out topics, the grid setting each fold chose (by an
/// inner cross-validation over its training topics only), each grid setting's plain cross-validated mean (for reading,
/// optimistic if one picked the best), and the feature importance averaged over the fold models.
/// </summary>
internal sealed record CrossValidation(
    int Folds,
    IReadOnlyDictionary<string, IReadOnlyList<NctId>> Rankings,
    IReadOnlyList<LambdaMartParameters> ChosenPerFold,
    IReadOnlyDictionary<string, double> GridMeans,
    IReadOnlyDictionary<string, double> FeatureImportance);

/// <summary>
/// Learning to rank on TREC topics: features extracted once per (topic, judged trial) by the full matcher, then LambdaMART
/// trained and scored in memory. Folds are fixed: topic number mod k.
/// </summary>
internal static class RankerExperiment
{
    public const string FoldRule = "topic number mod k";

    public static int FoldOf(string topic, int folds) =>
        (int.TryParse(topic, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : StringComparer.Ordinal.GetHashCode(topic) & int.MaxValue) % folds;

    /// <summary>The judged pairs with text of every topic, with the matches the ranker (built with features) gave them.</summary>
    public static List<TopicPairs> Extract(IReadOnlyList<TrecTopic> topics, RelevanceJudgements scorable, MatchRanker ranker)
    {
        var result = new List<TopicPairs>();
        foreach (var topic in topics)
        {
            var judged = scorable.For(topic.Number);
            if (judged.Count == 0)
            {
                continue;
            }

            var matches = ranker.MatchesFor(topic.Text);
            if (matches.Count == 0)
            {
                var ids = judged.Keys.Select(NctId.Parse).ToList();
                ranker.Rank(topic.Text, ids, ids.Count);
                matches = ranker.MatchesFor(topic.Text);
            }

            var pairs = new List<(NctId, RelevanceGrade, TrialMatch)>();
            foreach (var (trial, grade) in judged.OrderBy(j => j.Key, StringComparer.Ordinal))
            {
                if (NctId.TryParse(trial, out var id) && matches.TryGetValue(id, out var match) && match.RankingFeatures is not null)
                {
                    pairs.Add((id, grade, match));
                }
            }

            result.Add(new TopicPairs(topic, pairs));
        }

        return result;
    }

    public static IEnumerable<RankingExample> Examples(IEnumerable<TopicPairs> topics) =>
        topics.SelectMany(t => t.Pairs.Select(p => new RankingExample(t.Topic.Number, (float)(int)p.Grade, [.. p.Match.RankingFeatures!])));

    /// <summary>The learned order of a topic's pairs: Ineligible last whatever the model says, then score, relevance, id.</summary>
    public static IReadOnlyList<NctId> Rank(TopicPairs topic, IRelevanceModel model)
    {
        var scores = model.Score(topic.Pairs.Select(p => p.Match.RankingFeatures!.ToArray()).ToList());
        return topic.Pairs
            .Select((p, i) => (p, score: scores[i]))
            .OrderBy(x => x.p.Match.Verdict == TrialVerdict.Ineligible)
            .ThenByDescending(x => x.score)
            .ThenByDescending(x => x.p.Match.Relevance)
            .ThenBy(x => x.p.Id)
            .Select(x => x.p.Id)
            .ToList();
    }

    /// <summary>Mean NDCG@10 of a model over the topics that have a relevant judged trial.</summary>
    public static double MeanNdcg(IEnumerable<TopicPairs> topics, IRelevanceModel model)
    {
        var scored = topics.Where(t => t.Pairs.Any(p => p.Grade != RelevanceGrade.NotRelevant)).ToList();
        return scored.Count == 0 ? 0 : scored.Average(t =>
            TrecMetrics.Measure(Rank(t, model).Select(id => id.Value).ToList(), t.Pairs.ToDictionary(p => p.Id.Value, p => p.Grade, StringComparer.Ordinal)).Ndcg10);
    }

    /// <summary>
    /// The plain cross-validated mean NDCG@10 of one setting over the given topics (folds by <see cref="FoldOf"/>, those
    /// present), pooled over held-out topics.
    /// </summary>
    public static double CrossValidatedMean(IReadOnlyList<TopicPairs> data, int folds, LambdaMartParameters parameters)
    {
        var total = 0.0;
        var count = 0;
        foreach (var fold in data.Select(t => FoldOf(t.Topic.Number, folds)).Distinct().Order())
        {
            var train = data.Where(t => FoldOf(t.Topic.Number, folds) != fold).ToList();
            var test = data.Where(t => FoldOf(t.Topic.Number, folds) == fold && t.Pairs.Any(p => p.Grade != RelevanceGrade.NotRelevant)).ToList();
            if (train.Count == 0 || test.Count == 0)
            {
                continue;
            }

            var model = LambdaMartTrainer.Train(Examples(train).ToList(), RankingFeatures.Names, parameters);
            total += MeanNdcg(test, model) * test.Count;
            count += test.Count;
        }

        return count == 0 ? 0 : total / count;
    }

    /// <summary>The grid setting with the best plain cross-validated mean over these topics (the first on a tie).</summary>
    public static LambdaMartParameters Choose(IReadOnlyList<TopicPairs> data, int folds) =>
        LambdaMartParameters.Grid.Select(p => (p, mean: CrossValidatedMean(data, folds, p))).Aggregate((a, b) => b.mean > a.mean ? b : a).p;

    /// <summary>
    /// Nested cross-validation: each outer fold chooses its grid setting by cross-validation over its training topics
    /// only, trains on them and ranks the held-out topics.
    /// </summary>
    public static CrossValidation CrossValidate(IReadOnlyList<TopicPairs> data, int folds)
    {
        var rankings = new Dictionary<string, IReadOnlyList<NctId>>(StringComparer.Ordinal);
        var importance = RankingFeatures.Names.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        var chosen = new List<LambdaMartParameters>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = data.Where(t => FoldOf(t.Topic.Number, folds) != fold).ToList();
            var test = data.Where(t => FoldOf(t.Topic.Number, folds) == fold).ToList();
            if (test.Count == 0 || train.Count == 0)
            {
                continue;
            }

            var parameters = Choose(train, folds);
            chosen.Add(parameters);
            var model = LambdaMartTrainer.Train(Examples(train).ToList(), RankingFeatures.Names, parameters, $"cv-fold-{fold}");
            foreach (var (name, value) in model.FeatureImportance())
            {
                importance[name] += value / folds;
            }

            foreach (var topic in test)
            {
                rankings[topic.Topic.Text] = Rank(topic, model);
            }
        }

        var grid = LambdaMartParameters.Grid.ToDictionary(p => p.Describe(), p => Math.Round(CrossValidatedMean(data, folds, p), 4), StringComparer.Ordinal);
        return new CrossValidation(
            folds,
            rankings,
            chosen,
            grid,
            importance.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => Math.Round(x.Value, 4)));
    }

    /// <summary>Rankings computed beforehand, by patient description, served as a ranker to score them the usual way.</summary>
    public sealed class FixedRanker(string name, IReadOnlyDictionary<string, IReadOnlyList<NctId>> rankings) : ITrialRanker
    {
        public string Name => name;

        public IReadOnlyList<NctId> Rank(string patientText, IReadOnlyCollection<NctId>? candidates, int top) =>
            rankings.TryGetValue(patientText, out var ranking) ? ranking.Take(top).ToList() : [];
    }
}
