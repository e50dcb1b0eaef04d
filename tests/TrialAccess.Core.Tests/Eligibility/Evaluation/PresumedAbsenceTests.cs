using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Presumed absence: in a complete history, an unmentioned condition, treatment, procedure or exposure is absent, and
/// the outcome says it was presumed; measurements, disease specifics, pregnancy of a woman who could be pregnant and
/// logistics never are; without a complete history nothing is presumed.
/// </summary>
public class PresumedAbsenceTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static readonly PatientProfile Complete = new()
    {
        Age = new Fact<decimal>(58),
        Sex = new Fact<PatientSex>(PatientSex.Male),
        Diagnoses = [new Diagnosis { Text = "lung adenocarcinoma", OncoTreeCode = "LUAD" }],
        Conditions = [new Condition { Text = "hypertension", Certainty = Certainty.Asserted }],
        CompleteHistory = true,
    };

    private static readonly PatientProfile Partial = Complete with { CompleteHistory = false };

    private static CriterionEvaluation Evaluate(string text, CriterionRole role, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), patient, Context);

    [Theory]
    [InlineData("History of myocardial infarction")]
    [InlineData("Prior radiotherapy to the chest")]
    [InlineData("Known HIV infection")]
    [InlineData("Prior organ allograft")]
    public void Evaluate_ExclusionAboutSomethingUnmentioned_IsNotMetPresumed(string text)
    {
        var evaluation = Evaluate(text, CriterionRole.Exclusion, Complete);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
        evaluation.Evidence.Should().Contain("presumed absent");
    }

    [Theory]
    [InlineData("No prior radiotherapy")]
    [InlineData("No history of stroke")]
    public void Evaluate_NegativelyPhrasedInclusion_IsMetPresumed(string text)
    {
        var evaluation = Evaluate(text, CriterionRole.Inclusion, Complete);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_InclusionRequiringAnUnmentionedCondition_IsNotMetPresumed()
    {
        var evaluation = Evaluate("Diagnosis of type 2 diabetes mellitus", CriterionRole.Inclusion, Complete);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_ConditionTheRecordStates_IsRecorded()
    {
        var evaluation = Evaluate("History of hypertension", CriterionRole.Exclusion, Complete);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Theory]
    [InlineData("ANC >= 1.5 x 10^9/L")]
    [InlineData("ECOG performance status 0-1")]
    [InlineData("Life expectancy of at least 12 weeks")]
    [InlineData("EGFR exon 19 deletion")]
    [InlineData("Measurable disease per RECIST 1.1")]
    public void Evaluate_MeasurementsAndDiseaseSpecifics_AreNeverPresumed(string text)
    {
        var evaluation = Evaluate(text, CriterionRole.Inclusion, Complete);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Basis.Should().Be(OutcomeBasis.Unknown);
    }

    [Fact]
    public void Evaluate_PregnancyOfAWomanWhoCouldBePregnant_IsNeverPresumed()
    {
        var woman = Complete with { Age = new Fact<decimal>(34), Sex = new Fact<PatientSex>(PatientSex.Female) };

        Evaluate("Pregnant or breastfeeding women", CriterionRole.Exclusion, woman).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_PregnancyOfAWomanPastChildbearingAge_IsNotMetOnHerAge()
    {
        var woman = Complete with { Age = new Fact<decimal>(67), Sex = new Fact<PatientSex>(PatientSex.Female) };

        var evaluation = Evaluate("Pregnant or breastfeeding women", CriterionRole.Exclusion, woman);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
        Evaluate("Women of childbearing potential must use effective contraception", CriterionRole.Inclusion, woman).Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_WithoutACompleteHistory_NothingIsPresumed()
    {
        var evaluation = Evaluate("History of myocardial infarction", CriterionRole.Exclusion, Partial);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Basis.Should().Be(OutcomeBasis.Unknown);
    }

    [Fact]
    public void Evaluate_ExclusionOfARecordedAndAPresumedPart_IsRecordedWhenTheRecordedPartApplies()
    {
        var evaluation = Evaluate("History of hypertension or myocardial infarction", CriterionRole.Exclusion, Complete);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Fact]
    public void Evaluate_TrialWithOnlyAPresumedFailure_IsLikelyIneligible()
    {
        var trial = Trial("Inclusion Criteria:\n- Diagnosis of type 2 diabetes mellitus\n\nExclusion Criteria:\n- History of myocardial infarction");

        var evaluation = EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), Complete, Context);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_TrialWithOnlyPresumptionsAndRecordedFacts_IsLikelyEligible()
    {
        var trial = Trial("Inclusion Criteria:\n- Lung adenocarcinoma\n\nExclusion Criteria:\n- History of myocardial infarction");

        var evaluation = EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), Complete, Context);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyEligible);
        evaluation.Presumptions.Should().ContainSingle().Which.Criterion.Segment.Text.Should().Contain("myocardial infarction");
    }

    [Fact]
    public void Evaluate_TrialWithARecordedFailure_IsIneligibleWhateverIsPresumed()
    {
        var trial = Trial("Inclusion Criteria:\n- Diagnosis of type 2 diabetes mellitus\n\nExclusion Criteria:\n- Hypertension");

        var evaluation = EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), Complete, Context);

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
        evaluation.Failing[0].Basis.Should().Be(OutcomeBasis.Recorded);
    }

    private static ClinicalTrial Trial(string criteria) => new()
    {
        NctId = NctId.Parse("NCT00000042"),
        BriefTitle = "A test trial",
        Eligibility = new TrialEligibility { Criteria = criteria },
    };
}
