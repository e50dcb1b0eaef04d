using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Trials;

namespace TrialAccess.Evaluation.Trec;

/// <summary>
/// How often the engine's verdicts contradict the judges: of the pairs judged eligible, the share it calls Ineligible
/// (false exclusions, the error that hides a trial from a patient who could join); of the pairs judged excluded, the
/// share it calls Ineligible (exclusions it catches).
/// </summary>
public sealed record TrecSafety(int EligiblePairs, int FalseExclusions, int ExcludedPairs, int ExcludedCalledIneligible)
{
    public double FalseExclusionRate => EligiblePairs == 0 ? 0 : (double)FalseExclusions / EligiblePairs;

    public double ExcludedCaughtRate => ExcludedPairs == 0 ? 0 : (double)ExcludedCalledIneligible / ExcludedPairs;

    /// <param name="verdict">The engine's verdict for (topic, trial), or null when it gave none.</param>
    public static TrecSafety Compute(IEnumerable<TrecTopic> topics, RelevanceJudgements judgements, Func<TrecTopic, NctId, TrialVerdict?> verdict)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(judgements);
        ArgumentNullException.ThrowIfNull(verdict);
        int eligible = 0, falseExclusions = 0, excluded = 0, caught = 0;
        foreach (var topic in topics)
        {
            foreach (var (trial, grade) in judgements.For(topic.Number))
            {
                if (grade == RelevanceGrade.NotRelevant || !NctId.TryParse(trial, out var id) || verdict(topic, id) is not { } given)
                {
                    continue;
                }

                var ineligible = given == TrialVerdict.Ineligible;
                if (grade == RelevanceGrade.Eligible)
                {
                    eligible++;
                    falseExclusions += ineligible ? 1 : 0;
                }
                else
                {
                    excluded++;
                    caught += ineligible ? 1 : 0;
                }
            }
        }

        return new TrecSafety(eligible, falseExclusions, excluded, caught);
    }
}
