namespace TrialAccess.Evaluation.Trec;

/// <summary>The measures of one ranking against one topic's judgements.</summary>
/// <param name="Ndcg10">NDCG at 10 with graded gains (2 eligible, 1 excluded, 0 not relevant), log2 discount, ideal from the judgements.</param>
/// <param name="Precision10">Share of the first 10 positions holding an eligible trial (positions past the end count as misses).</param>
/// <param name="ReciprocalRank">1 / rank of the first eligible trial; 0 when none is ranked.</param>
/// <param name="RPrecision">Precision at R, R being the number of relevant (eligible or excluded) judged trials.</param>
/// <param name="Recall100">Share of the relevant (eligible or excluded) judged trials found in the first 100.</param>
public sealed record TrecMeasures(double Ndcg10, double Precision10, double ReciprocalRank, double RPrecision, double Recall100)
{
    public static TrecMeasures Mean(IReadOnlyCollection<TrecMeasures> measures) => measures.Count == 0
        ? new TrecMeasures(0, 0, 0, 0, 0)
        : new TrecMeasures(
            measures.Average(m => m.Ndcg10),
            measures.Average(m => m.Precision10),
            measures.Average(m => m.ReciprocalRank),
            measures.Average(m => m.RPrecision),
            measures.Average(m => m.Recall100));
}

/// <summary>
/// Computes the TREC Clinical Trials measures as trec_eval does: unjudged trials count as not relevant, ties are not
/// reordered (the ranking is taken as given), and "relevant" means grade 1 or 2 except for P@10 and reciprocal rank,
/// which count eligible (grade 2) trials only, as the track reported them.
/// </summary>
public static class TrecMetrics
{
    public static TrecMeasures Measure(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, RelevanceGrade> judged)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(judged);
        RelevanceGrade Grade(string trial) => judged.TryGetValue(trial, out var grade) ? grade : RelevanceGrade.NotRelevant;

        var dcg = 0.0;
        for (var i = 0; i < Math.Min(10, ranking.Count); i++)
        {
            dcg += Gain(Grade(ranking[i])) / Math.Log2(i + 2);
        }

        var ideal = judged.Values.Select(Gain).Where(g => g > 0).OrderByDescending(g => g).Take(10).ToList();
        var idcg = ideal.Select((gain, i) => gain / Math.Log2(i + 2)).Sum();

        var eligibleInTop10 = ranking.Take(10).Count(t => Grade(t) == RelevanceGrade.Eligible);
        var firstEligible = -1;
        for (var i = 0; i < ranking.Count && firstEligible < 0; i++)
        {
            if (Grade(ranking[i]) == RelevanceGrade.Eligible)
            {
                firstEligible = i;
            }
        }

        var relevant = judged.Count(j => j.Value != RelevanceGrade.NotRelevant);
        var relevantInR = relevant == 0 ? 0 : ranking.Take(relevant).Count(t => Grade(t) != RelevanceGrade.NotRelevant);
        var relevantIn100 = ranking.Take(100).Count(t => Grade(t) != RelevanceGrade.NotRelevant);

        return new TrecMeasures(
            Ndcg10: idcg == 0 ? 0 : dcg / idcg,
            Precision10: eligibleInTop10 / 10.0,
            ReciprocalRank: firstEligible < 0 ? 0 : 1.0 / (firstEligible + 1),
            RPrecision: relevant == 0 ? 0 : (double)relevantInR / relevant,
            Recall100: relevant == 0 ? 0 : (double)relevantIn100 / relevant);
    }

    private static double Gain(RelevanceGrade grade) => grade switch
    {
        RelevanceGrade.Eligible => 2,
        RelevanceGrade.Excluded => 1,
        RelevanceGrade.NotRelevant => 0,
    };
}
