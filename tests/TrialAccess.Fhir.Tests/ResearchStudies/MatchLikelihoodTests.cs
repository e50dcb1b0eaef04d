using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Fhir.ResearchStudies;

namespace TrialAccess.Fhir.Tests.ResearchStudies;

public sealed class MatchLikelihoodTests
{
    [Theory]
    [InlineData(TrialVerdict.Eligible, 0.90, 1.00)]
    [InlineData(TrialVerdict.PossiblyEligible, 0.35, 0.70)]
    [InlineData(TrialVerdict.Ineligible, 0.00, 0.10)]
    public void Score_AnyCountsAndRelevance_StaysInTheVerdictsBand(TrialVerdict verdict, double low, double high)
    {
        foreach (var relevance in new[] { 0, 0.5, 3, 12, 40, 1e6, double.NaN, double.PositiveInfinity, -1 })
        {
            foreach (var counts in new[] { new CriteriaCounts(0, 0, 0), new CriteriaCounts(12, 0, 0), new CriteriaCounts(3, 0, 9), new CriteriaCounts(5, 2, 4), new CriteriaCounts(0, 7, 0) })
            {
                MatchLikelihood.Score(verdict, relevance, counts).Should().BeInRange(low, high, $"{verdict} {relevance} {counts}");
            }
        }
    }

    [Fact]
    public void Score_HighLikelihoodThreshold_IsReachedOnlyWithoutOpenQuestionsOrFailures()
    {
        MatchLikelihood.Score(TrialVerdict.Eligible, 0, new CriteriaCounts(1, 0, 0)).Should().BeGreaterThanOrEqualTo(0.75);
        MatchLikelihood.Score(TrialVerdict.PossiblyEligible, 1e6, new CriteriaCounts(40, 0, 1)).Should().BeLessThan(0.75);
        MatchLikelihood.Score(TrialVerdict.Ineligible, 1e6, new CriteriaCounts(40, 1, 0)).Should().BeLessThan(0.75);
    }

    [Fact]
    public void Score_PossiblyEligible_RisesWithTheShareOfCriteriaMet()
    {
        var few = MatchLikelihood.Score(TrialVerdict.PossiblyEligible, 10, new CriteriaCounts(1, 0, 9));
        var most = MatchLikelihood.Score(TrialVerdict.PossiblyEligible, 10, new CriteriaCounts(9, 0, 1));

        most.Should().BeGreaterThan(few);
        few.Should().Be(0.35 + (0.35 * ((0.8 * 0.1) + (0.2 * 0.5))));
    }

    [Fact]
    public void Score_SamePatientFacts_GiveTheSameScoreWhateverElseIsInTheList()
    {
        // Absolute: a function of this trial's verdict, counts and relevance only (no list maximum involved).
        MatchLikelihood.Score(TrialVerdict.Eligible, 10, new CriteriaCounts(8, 0, 0)).Should().Be(0.99);
        MatchLikelihood.Score(TrialVerdict.Ineligible, 10, new CriteriaCounts(8, 1, 0)).Should().Be(0.05);
        MatchLikelihood.Score(TrialVerdict.Ineligible, 10, new CriteriaCounts(8, 3, 0)).Should().BeLessThan(0.05);
    }
}
