using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// The rules that keep the engine from ruling out a patient on words it cannot check: qualified conditions,
/// permissions, lists of exceptions and alternatives, organ names, and cancers of the same tissue.
/// </summary>
public class FalseExclusionGuardTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static readonly PatientProfile Patient = new()
    {
        BirthDate = new DateOnly(1970, 1, 1),
        Sex = new Fact<PatientSex>(PatientSex.Male),
        Diagnoses = [new Diagnosis { Text = "anaplastic astrocytoma" }],
        Conditions = [new Condition { Text = "hypertension", Certainty = Certainty.Historical }],
        Therapies = [new Therapy { Name = "dexamethasone", Classes = ["corticosteroid"], IsCurrent = true, Certainty = Certainty.Asserted }],
    };

    private static CriterionEvaluation Evaluate(string text, CriterionRole role = CriterionRole.Inclusion) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), Patient, Context);

    private static TrialEvaluation EvaluateTrial(string criteria, PatientProfile? patient = null) =>
        EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(new ClinicalTrial { NctId = NctId.Parse("NCT00000001"), BriefTitle = "t", Eligibility = new TrialEligibility { Criteria = criteria } }), patient ?? Patient, Context);

    [Fact]
    public void Evaluate_QualifiedConditionThePatientHas_IsUnknownNotFailing()
    {
        var evaluation = Evaluate("No uncontrolled hypertension");

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().Contain("uncontrolled");
    }

    [Fact]
    public void Evaluate_UnqualifiedConditionThePatientHas_StillFails()
    {
        Evaluate("No history of hypertension").Fails.Should().BeTrue();
    }

    [Theory]
    [InlineData("Concurrent corticosteroids allowed", CriterionOutcome.NotApplicable)]
    [InlineData("Prior radiotherapy permitted", CriterionOutcome.NotApplicable)]
    [InlineData("Patients after mastectomy may participate in cooperative group protocol X99, provided the requirements of this protocol are still met", CriterionOutcome.NotApplicable)]
    public void Evaluate_Permission_RulesNobodyOut(string text, CriterionOutcome expected)
    {
        Evaluate(text).Outcome.Should().Be(expected);
    }

    [Fact]
    public void IsPermission_NegatedPermission_IsARule()
    {
        EligibilityEvaluator.IsPermission("No concurrent corticosteroids allowed").Should().BeFalse();
        EligibilityEvaluator.IsPermission("Prior chemotherapy allowed except anthracyclines").Should().BeFalse();
        EligibilityEvaluator.IsPermission("Patients may participate in the study if they had a mastectomy").Should().BeFalse();
        EligibilityEvaluator.IsPermission("Prior hormonal therapy allowed (no more than 2 regimens)").Should().BeFalse();
    }

    [Fact]
    public void Evaluate_StableDoseOfADrugNotTaken_AsksNothing()
    {
        var untreated = Patient with { Therapies = [], CompleteHistory = true };

        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("Corticosteroid must be maintained at a\n        constant dose during study", CriterionRole.Inclusion), untreated, Context)
            .Outcome.Should().Be(CriterionOutcome.NotApplicable);
        Evaluate("Corticosteroid must be maintained at a constant dose during study").Fails.Should().BeFalse();
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("Prior corticosteroid therapy required", CriterionRole.Inclusion), untreated, Context).Fails.Should().BeTrue();
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("Stable dose of corticosteroids for at least 4 months required", CriterionRole.Inclusion), untreated, Context).Fails.Should().BeTrue();
    }

    [Fact]
    public void IsPermission_ObligationInAParenthesis_IsStillAPermission()
    {
        EligibilityEvaluator.IsPermission("Colony-stimulating factors allowed (use must be documented)").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_SameTissueButDifferentType_IsAQuestionNotAFailure()
    {
        var evaluation = Evaluate("Histologically confirmed glioblastoma");

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_OtherTissue_Fails()
    {
        Evaluate("Histologically confirmed breast cancer").Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Parse_OrganNameAlone_IsNotACancerType()
    {
        var parsed = CriterionParser.Default.Parse("Greater than 2/3 of one functioning kidney must be shielded during radiation therapy", CriterionRole.Inclusion);

        parsed.Constraints.Should().NotContain(c => c.Kind == TrialAccess.Eligibility.Constraints.ConstraintKind.CancerType);
    }

    [Fact]
    public void Parse_LabelEndingInColon_IsNotACancerType()
    {
        var parsed = CriterionParser.Default.Parse("Hematopoietic: WBC at least 3,000/mm3", CriterionRole.Inclusion);

        parsed.Constraints.Should().NotContain(c => c.Kind == TrialAccess.Eligibility.Constraints.ConstraintKind.CancerType);
    }

    [Fact]
    public void Evaluate_ListOfEligibleDiagnoses_FailsNobodyWhoseDiagnosisIsInTheList()
    {
        var trial = EvaluateTrial("""
            Inclusion Criteria:
            * Histologically confirmed diagnosis of one of the following:
              * Glioblastoma
              * Anaplastic astrocytoma
              * Breast cancer
            """);

        trial.Failing.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Hypertension combined with renal artery stenosis")]
    [InlineData("Hypertension with retinopathy on fundoscopy")]
    [InlineData("Hypertension requiring three or more drugs")]
    public void Evaluate_ExclusionMetInOnePartOfAConjunction_IsAQuestion(string text)
    {
        var trial = EvaluateTrial($"Exclusion Criteria:\n* {text}");

        trial.Failing.Should().BeEmpty();
        trial.Criteria.Should().ContainSingle(c => c.Criterion.Segment.Role == CriterionRole.Exclusion).Which.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_ExclusionMetWhole_StillExcludes()
    {
        EvaluateTrial("Exclusion Criteria:\n* Hypertension").Failing.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_RunOfBareConditions_IsAListOfAlternatives()
    {
        // Risk factors listed one per line with no lead: the patient has hypertension, not the others.
        var trial = EvaluateTrial("""
            Inclusion Criteria:
            * Age 40 years or older
            * Hypertension
            * Diabetes
            * Obesity (body mass index > 35)
            * Tobacco usage
            * Sleep apnea
            """, Patient with { CompleteHistory = true });

        trial.Failing.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_RunOfRequirementsNamingConditions_IsNotAList()
    {
        var trial = EvaluateTrial("""
            Inclusion Criteria:
            * Must have diabetes
            * Must have chronic kidney disease
            * Must have heart failure
            """, Patient with { CompleteHistory = true });

        trial.Failing.Should().HaveCount(3).And.OnlyContain(c => c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_ItemsUnderAnExceptLead_AreExceptionsNotRules()
    {
        var trial = EvaluateTrial("""
            Inclusion Criteria:
            * No other malignancy within 5 years except:
              * Basal cell skin cancer
              * Carcinoma in situ of the cervix
            """);

        trial.Criteria.Where(c => c.Criterion.Segment.Depth > 0).Should().OnlyContain(c => c.Outcome == CriterionOutcome.NotApplicable);
    }
}
