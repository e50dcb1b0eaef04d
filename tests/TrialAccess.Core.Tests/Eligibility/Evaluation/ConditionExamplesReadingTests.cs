using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// An exclusion naming a condition and then its forms or signs ("including", "such as", "as defined by"): a patient
/// without the condition has none of its forms, so a sign left unknown does not keep the exclusion open; a value that
/// defines the condition is never presumed.
/// </summary>
public class ConditionExamplesReadingTests
{
    private static readonly PatientProfile Healthy = Note("A 52-year-old man with asthma, on inhaled budesonide. Past history otherwise non-significant.");

    [Theory]
    [InlineData("Decompensated clinical liver disease, including a history of prolonged clotting times, hypoalbuminemia, encephalopathy, ascites or variceal bleeding")]
    [InlineData("Liver Disease: Known, pre-existing, unstable liver disease (as defined by the presence of ascites, encephalopathy, coagulopathy, hypoalbuminaemia, oesophageal or gastric varices, or persistent jaundice)")]
    public void TheFormsOfAnAbsentCondition_AreAbsentToo(string criterion)
    {
        var evaluation = Evaluate(criterion, Healthy, CriterionRole.Exclusion);
        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void AValueThatDefinesTheCondition_IsNeverPresumed() =>
        Evaluate("Renal impairment (i.e., an estimated GFR < 60 ml/min/1.73 m2) or history of renal failure", Healthy, CriterionRole.Exclusion)
            .Outcome.Should().Be(CriterionOutcome.Unknown);

    [Fact]
    public void ARecordedForm_StillExcludes()
    {
        var cirrhotic = Note("A 60-year-old man with alcoholic cirrhosis complicated by ascites and hepatic encephalopathy.");
        Evaluate("Decompensated clinical liver disease, including a history of prolonged clotting times, hypoalbuminemia, encephalopathy, ascites or variceal bleeding", cirrhotic, CriterionRole.Exclusion)
            .Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void AnInclusionListingExamplesOnly_IsAQuestion_WhenNoneIsRecorded()
    {
        var parkinson = Note("A 57-year-old man with Parkinson's disease, on levodopa.");
        var evaluation = Evaluate("Applicable disorders include but are not limited to dystonia, hemifacial spasm, tardive dyskinesia", parkinson, CriterionRole.Inclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().Contain(q => q.Contains("beyond its examples", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAbsentConditionHeadingItsExamples_StillFails()
    {
        Evaluate("Patients with chronic kidney disease, including but not limited to diabetic nephropathy", Healthy, CriterionRole.Inclusion)
            .Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void ExamplesOfAClassTheEngineCannotRead_AreAQuestion_NotAFailure()
    {
        Evaluate("Patients with SM, including mast cell leukemia (MCL).", Healthy).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("Prior chemotherapy, including a taxane", Healthy).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void AtRiskOfACondition_IsNotPresumedAbsent()
    {
        Evaluate("Presented to the emergency department with or at risk of acute stroke, TIA, or other disturbances of cerebral circulation", Healthy)
            .Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("Presented to the emergency department with acute stroke", Healthy).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void ChronicViralHepatitis_IsChronicHepatitis()
    {
        Evaluate("Evidence of chronic hepatitis", Note("A 53-year-old man with chronic HCV infection on interferon and ribavirin.")).Outcome.Should().Be(CriterionOutcome.Met);
    }
}
