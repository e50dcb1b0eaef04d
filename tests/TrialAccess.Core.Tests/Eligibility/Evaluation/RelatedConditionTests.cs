using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// A patient's condition meets a criterion about that condition or about a broader one it is a form of, never one about
/// a condition beside it: atrial flutter is an arrhythmia, not atrial fibrillation; bradycardia is not tachycardia.
/// </summary>
public class RelatedConditionTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static PatientProfile With(string condition) => new()
    {
        BirthDate = new DateOnly(1960, 1, 1),
        Conditions = [new Condition { Text = condition }],
    };

    private static CriterionOutcome Outcome(string criterion, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion), patient, Context).Outcome;

    [Theory]
    [InlineData("bradycardia", "History of tachycardia")]
    [InlineData("atrial flutter", "History of atrial fibrillation")]
    [InlineData("acromegaly", "History of diabetes insipidus")]
    [InlineData("pericarditis", "History of myocarditis")]
    [InlineData("hyponatremia", "History of hypokalemia")]
    [InlineData("ulcerative colitis", "History of Crohn's disease")]
    [InlineData("renal artery stenosis", "Coronary artery stenosis")]
    [InlineData("subdural hematoma", "History of stroke")]
    public void Evaluate_PatientWithASiblingCondition_DoesNotMeetTheCriterion(string condition, string criterion)
    {
        Outcome(criterion, With(condition)).Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("atrial flutter", "History of cardiac arrhythmia")]
    [InlineData("bradycardia", "History of arrhythmia")]
    [InlineData("left bundle branch block", "Conduction abnormalities")]
    [InlineData("hyponatremia", "Electrolyte abnormalities")]
    [InlineData("ulcerative colitis", "Inflammatory bowel disease")]
    [InlineData("renal artery stenosis", "Arterial stenosis")]
    [InlineData("MGUS", "Monoclonal gammopathy")]
    [InlineData("myocardial ischemia", "Coronary artery disease")]
    [InlineData("subdural hematoma", "Intracranial hemorrhage")]
    [InlineData("type 1 diabetes", "Diabetes mellitus")]
    [InlineData("Hashimoto's thyroiditis", "Thyroid disease")]
    [InlineData("Hashimoto's thyroiditis", "Autoimmune disease")]
    [InlineData("urinary retention", "Lower urinary tract symptoms")]
    [InlineData("acute urinary retention", "History of urinary retention")]
    public void Evaluate_PatientWithAFormOfTheCondition_MeetsTheCriterion(string condition, string criterion)
    {
        Outcome(criterion, With(condition)).Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_PatientWithTheBroaderCondition_IsAskedAboutTheForm()
    {
        Outcome("History of atrial flutter", With("arrhythmia")).Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_BareHistoryOfTheConditionTheTrialStudies_IsAQuestionNotAFailure()
    {
        var trial = new ClinicalTrial
        {
            NctId = NctId.Parse("NCT00000002"),
            BriefTitle = "t",
            Conditions = ["Acromegaly", "Growth Hormone Deficiency"],
            Eligibility = new TrialEligibility { Criteria = "Exclusion Criteria:\n- Previous history of acromegaly\n- Pregnancy" },
        };

        var evaluation = EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), With("acromegaly"), Context);

        evaluation.Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }
}
