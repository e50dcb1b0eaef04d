using TrialAccess.Eligibility.Evaluation;

namespace TrialAccess.Fhir.ResearchStudies;

/// <summary>How a trial's criteria came out for a patient, counted from the patient's side.</summary>
/// <param name="Met">Criteria in the patient's favour: inclusions met, exclusions that do not apply.</param>
/// <param name="NotMet">Criteria that rule the patient out: inclusions not met, exclusions that apply.</param>
/// <param name="Unknown">Criteria the record cannot settle.</param>
public readonly record struct CriteriaCounts(int Met, int NotMet, int Unknown)
{
    public static CriteriaCounts Of(TrialEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        int met = 0, notMet = 0, unknown = 0;
        foreach (var criterion in evaluation.Criteria)
        {
            if (criterion.Fails)
            {
                notMet++;
            }
            else if (criterion.Outcome == CriterionOutcome.Unknown)
            {
                unknown++;
            }
            else if (criterion.Outcome != CriterionOutcome.NotApplicable)
            {
                met++;
            }
        }

        return new CriteriaCounts(met, notMet, unknown);
    }
}

/// <summary>
/// The match likelihood reported as <c>search.score</c>: a number in [0, 1] that means the same for every patient and
/// every list, because it is calibrated from the eligibility verdict (which fixes the band) and moves inside the band
/// only with what this trial's own evaluation shows (how many criteria are settled) and how well its subject matches.
/// </summary>
/// <remarks>
/// <para>The bands (each verdict its own; a new verdict takes one line in <see cref="Band"/>):</para>
/// <list type="table">
/// <item><term>0.90 - 1.00</term><description>Eligible: every criterion the engine reads is met; nothing is open.</description></item>
/// <item><term>0.75 - 0.90</term><description>LikelyEligible: nothing fails, nothing is open, but some outcomes rest on presumed absence.</description></item>
/// <item><term>0.35 - 0.70</term><description>PossiblyEligible: nothing fails, some criteria are open; higher the larger the share already met.</description></item>
/// <item><term>0.15 - 0.30</term><description>LikelyIneligible: a criterion fails on a presumption only (something the history does not mention).</description></item>
/// <item><term>0.00 - 0.10</term><description>Ineligible: a criterion on record rules the patient out.</description></item>
/// </list>
/// <para>
/// So 0.75, the CodeX app's "high likelihood", means: nothing on record excludes the patient and no criterion is left
/// as a question. Inside a band the position is <c>0.8 x settled + 0.2 x subject</c>, where <c>settled</c> is the
/// share of the criteria in the patient's favour among those not failing (met / (met + unknown); 1 when there are none)
/// and <c>subject</c> is the relevance of the trial's subject to the patient mapped to [0, 1) by r / (r + 10)
/// (BM25F scores of a good match run from about 5 to 30, so a strong match gives 0.7 - 0.75). For Ineligible the
/// settled share is replaced by 1 / (1 + failures), so one failure ranks above several.
/// </para>
/// </remarks>
public static class MatchLikelihood
{
    /// <summary>Relevance at which the subject term reaches one half.</summary>
    public const double RelevanceHalf = 10;

    /// <summary>The score for a trial: see the type's remarks for the calibration.</summary>
    /// <param name="relevance">The matcher's relevance (BM25F, non-negative); the subject term.</param>
    public static double Score(TrialVerdict verdict, double relevance, CriteriaCounts counts)
    {
        var (low, high) = Band(verdict);
        var subject = double.IsFinite(relevance) && relevance > 0 ? relevance / (relevance + RelevanceHalf) : 0;
        var settled = verdict == TrialVerdict.Ineligible
            ? 1.0 / (1 + Math.Max(counts.NotMet, 1))
            : counts.Met + counts.Unknown == 0 ? 1 : (double)counts.Met / (counts.Met + counts.Unknown);
        var position = (0.8 * settled) + (0.2 * subject);
        return Math.Round(low + ((high - low) * Math.Clamp(position, 0, 1)), 4);
    }

    /// <summary>The band of scores a verdict gives, lowest and highest.</summary>
    public static (double Low, double High) Band(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.Eligible => (0.90, 1.00),
        TrialVerdict.LikelyEligible => (0.75, 0.90),
        TrialVerdict.PossiblyEligible => (0.35, 0.70),
        TrialVerdict.LikelyIneligible => (0.15, 0.30),
        TrialVerdict.Ineligible => (0.00, 0.10),
    };
}
