using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Trials;

namespace TrialAccess.Evaluation.Trec;

/// <summary>
/// How often the engine's verdicts contradict the judges, tier by tier. Of the pairs judged eligible: the share called
/// Ineligible (false exclusions, the error that hides a trial from a patient who could join) and the share called
/// Likely ineligible (shown, but below the others). Of the pairs judged excluded: the share called Ineligible or Likely
/// ineligible (exclusions it catches).
/// </summary>
/// <param name="EligibleByVerdict">Pairs judged eligible, counted by the verdict the engine gave.</param>
/// <param name="ExcludedByVerdict">Pairs judged excluded, counted by the verdict the engine gave.</param>
public sealed record TrecSafety(IReadOnlyDictionary<TrialVerdict, int> EligibleByVerdict, IReadOnlyDictionary<TrialVerdict, int> ExcludedByVerdict)
{
    public int EligiblePairs => EligibleByVerdict.Values.Sum();

    public int ExcludedPairs => ExcludedByVerdict.Values.Sum();

    /// <summary>Pairs judged eligible that the engine calls Ineligible (a recorded failure).</summary>
    public int FalseExclusions => EligibleByVerdict.GetValueOrDefault(TrialVerdict.Ineligible);

    /// <summary>Pairs judged eligible that the engine calls Likely ineligible (a presumed failure).</summary>
    public int EligibleCalledLikelyIneligible => EligibleByVerdict.GetValueOrDefault(TrialVerdict.LikelyIneligible);

    /// <summary>Pairs judged excluded that the engine calls Ineligible.</summary>
    public int ExcludedCalledIneligible => ExcludedByVerdict.GetValueOrDefault(TrialVerdict.Ineligible);

    /// <summary>Pairs judged excluded that the engine calls Ineligible or Likely ineligible.</summary>
    public int ExcludedCaught => ExcludedCalledIneligible + ExcludedByVerdict.GetValueOrDefault(TrialVerdict.LikelyIneligible);

    public double FalseExclusionRate => Rate(FalseExclusions, EligiblePairs);

    public double EligibleLikelyIneligibleRate => Rate(EligibleCalledLikelyIneligible, EligiblePairs);

    public double ExcludedCalledIneligibleRate => Rate(ExcludedCalledIneligible, ExcludedPairs);

    public double ExcludedCaughtRate => Rate(ExcludedCaught, ExcludedPairs);

    /// <param name="verdict">The engine's verdict for (topic, trial), or null when it gave none.</param>
    public static TrecSafety Compute(IEnumerable<TrecTopic> topics, RelevanceJudgements judgements, Func<TrecTopic, NctId, TrialVerdict?> verdict)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(judgements);
        ArgumentNullException.ThrowIfNull(verdict);
        var eligible = Enum.GetValues<TrialVerdict>().ToDictionary(v => v, _ => 0);
        var excluded = Enum.GetValues<TrialVerdict>().ToDictionary(v => v, _ => 0);
        foreach (var topic in topics)
        {
            foreach (var (trial, grade) in judgements.For(topic.Number))
            {
                if (grade == RelevanceGrade.NotRelevant || !NctId.TryParse(trial, out var id) || verdict(topic, id) is not { } given)
                {
                    continue;
                }

                (grade == RelevanceGrade.Eligible ? eligible : excluded)[given]++;
            }
        }

        return new TrecSafety(eligible, excluded);
    }

    private static double Rate(int count, int of) => of == 0 ? 0 : (double)count / of;
}
