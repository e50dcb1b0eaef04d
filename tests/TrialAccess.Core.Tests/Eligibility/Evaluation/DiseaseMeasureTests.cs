using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// A score that exists only for one disease (SLEDAI for lupus, EDSS for multiple sclerosis, a sweat chloride test for
/// cystic fibrosis): without the disease in a complete history there is no such score, so its threshold is not met,
/// presumed; with the disease recorded, or a symptom still being worked up, it stays a question.
/// </summary>
public class DiseaseMeasureTests
{
    private static readonly PatientProfile Parkinson = Note("A 57-year-old man with Parkinson's disease for a year, on levodopa. Past history of hypertension.");

    [Theory]
    [InlineData("SLEDAI score of 6 or more", CriterionRole.Inclusion)]
    [InlineData("EDSS score of 0 to 5.5", CriterionRole.Inclusion)]
    [InlineData("Pilocarpine sweat chloride test at least 60 mEq/L", CriterionRole.Inclusion)]
    [InlineData("PASI >= 12", CriterionRole.Inclusion)]
    [InlineData("SLEDAI score above 20", CriterionRole.Exclusion)]
    public void AScoreOfADiseaseTheHistoryDoesNotHave_IsNotMet_Presumed(string criterion, CriterionRole role)
    {
        var evaluation = Evaluate(criterion, Parkinson, role);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
        evaluation.Evidence.Should().Contain("so no");
    }

    [Fact]
    public void AScoreOfTheDiseaseThePatientHas_StaysAQuestion()
    {
        var lupus = Note("A 34-year-old woman with systemic lupus erythematosus, on hydroxychloroquine.");
        Evaluate("SLEDAI score of 6 or more", lupus).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("UPDRS part III score of at least 20", Parkinson).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void AScaleAnyoneCanBeScoredOn_IsNeverPresumed()
    {
        Evaluate("Epworth Sleepiness Scale score of 8 or greater", Parkinson).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void ADeniedDisease_DeniesItsScore_AsRecorded()
    {
        var evaluation = Evaluate("SLEDAI score of 6 or more", Note("A 40-year-old man with hypertension on amlodipine. No history of lupus."));
        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Fact]
    public void AnIncompleteHistory_LeavesTheScoreAQuestion()
    {
        Evaluate("EDSS score of 0 to 5.5", Parkinson with { CompleteHistory = false }).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("A 30-year-old man with cough. Temperature 39.2 C, heart rate 118/min, SpO2 86%.", "Fever", CriterionOutcome.Met)]
    [InlineData("A 30-year-old man with cough. Temperature 39.2 C, heart rate 118/min, SpO2 86%.", "Tachycardia", CriterionOutcome.Met)]
    [InlineData("A 30-year-old man with cough. Temperature 39.2 C, heart rate 118/min, SpO2 86%.", "Hypoxemia", CriterionOutcome.Met)]
    [InlineData("A 32-year-old woman, BMI 41.5, with sleep apnea.", "Obesity", CriterionOutcome.Met)]
    [InlineData("A 32-year-old woman, BMI 24, with sleep apnea.", "Obesity", CriterionOutcome.NotMet)]
    [InlineData("A 32-year-old woman, BMI 32, with sleep apnea.", "Morbid obesity", CriterionOutcome.Unknown)]
    [InlineData("A 19-year-old woman at 32 weeks of pregnancy with headache. BP 150/100 mmHg, urine protein 3+.", "Hypertension", CriterionOutcome.Unknown)]
    [InlineData("A 40-year-old man with knee pain. BP 118/76 mmHg.", "Hypertension", CriterionOutcome.NotMet)]
    [InlineData("A 17-year-old girl with tiredness. TSH 22 mIU/L, free T4 0.4 ng/dL.", "Hypothyroidism", CriterionOutcome.Met)]
    [InlineData("A 17-year-old girl with tiredness. TSH 6.1 mIU/L, free T4 8 pmol/L.", "Hypothyroidism", CriterionOutcome.Met)]
    [InlineData("A 17-year-old girl with tiredness. TSH 6.1 mIU/L, free T4 1.2 ng/dL.", "Hypothyroidism", CriterionOutcome.Unknown)]
    [InlineData("A 41-year-old woman with palpitations. TSH 0.02 mIU/L, free T4 3.9 ng/dL.", "Hyperthyroidism", CriterionOutcome.Met)]
    public void ASignGivenAsAValue_AnswersTheCondition(string note, string criterion, CriterionOutcome expected)
    {
        Evaluate(criterion, Note(note)).Outcome.Should().Be(expected);
    }

    [Fact]
    public void AQualifiedSignGivenAsAValue_IsAQuestion()
    {
        Evaluate("Persistent fever", Note("A 30-year-old man with cough. Temperature 39.2 C.")).Outcome.Should().Be(CriterionOutcome.Unknown);
    }
}
