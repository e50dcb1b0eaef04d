using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>Treatments listed under a lead that withholds them, drugs given as part of a test, another trial's agent, and "surgery" after a named procedure.</summary>
public class TreatmentWordingTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    private const string Criteria = """
        Inclusion Criteria:

        Diagnosis of persistent asthma for greater than 1 year.

        Fulfillment of washout criteria by not using any of the medications listed below for the specified times prior to Day 0:

        Oral corticosteroids for 4 weeks;

        Montelukast (Singulair) for 4 weeks;

        No history of alcohol abuse that would interfere with the protocol.
        """;

    private static TrialEvaluation Evaluate(string note) => EligibilityEvaluator.Evaluate(
        TrialCriteriaParser.Parse(new ClinicalTrial { NctId = NctId.Parse("NCT09000004"), BriefTitle = "Drug in Asthma", Conditions = ["Asthma"], Eligibility = new TrialEligibility { Criteria = Criteria } }),
        NoteReader.Extract(note),
        Context);

    private static CriterionEvaluation Item(TrialEvaluation evaluation, string start) =>
        evaluation.Criteria.Single(c => c.Criterion.Segment.Text.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void ATreatmentTheRecordDoesNotMention_MeetsTheWithholdingRule()
    {
        var evaluation = Evaluate("A 30-year-old woman with persistent asthma for 5 years, using albuterol as needed.");

        Item(evaluation, "Oral corticosteroids").Outcome.Should().Be(CriterionOutcome.Met);
        Item(evaluation, "Montelukast").Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Failing.Should().BeEmpty();
    }

    [Fact]
    public void ATreatmentThePatientTakes_IsAWashoutQuestion_NotAFailure()
    {
        var evaluation = Evaluate("A 30-year-old woman with persistent asthma for 5 years. She takes montelukast daily.");

        var item = Item(evaluation, "Montelukast");
        item.Outcome.Should().Be(CriterionOutcome.Unknown);
        item.Questions.Should().ContainSingle().Which.Should().Contain("washout");
    }

    [Fact]
    public void ARuleOfItsOwnAfterTheList_KeepsItsOwnReading()
    {
        Item(Evaluate("A 30-year-old woman with persistent asthma for 5 years."), "No history of alcohol abuse").Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Increase of at least 15% in FEV1 15 minutes after beta-2 agonist inhalation (2-4 puffs of albuterol via MDI)")]
    [InlineData("Reversibility to salbutamol per ATS/ERS criteria on spirometry")]
    public void ADrugGivenForATest_IsNoTreatmentRequirement(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints
            .Should().NotContain(c => c.Kind == TrialAccess.Eligibility.Constraints.ConstraintKind.PriorTherapy);
    }

    [Fact]
    public void TheWordSurgeryAfterANamedProcedure_IsThatProcedure_NotAnyOperation()
    {
        var constraints = CriterionParser.Default.Parse("25 years and older undergoing laparoscopic gastric bypass surgery", CriterionRole.Inclusion).Constraints;

        constraints.Should().NotContain(c => c.Kind == TrialAccess.Eligibility.Constraints.ConstraintKind.PriorTherapy);
        constraints.Should().Contain(c => c.Kind == TrialAccess.Eligibility.Constraints.ConstraintKind.Condition);
    }

    [Theory]
    [InlineData("Participation in clinical trial of another investigational drug within 1 month (30 days) prior to study entry.")]
    [InlineData("Currently receiving treatment in another investigational device or drug study.")]
    public void AnotherTrialsInvestigationalAgent_IsSettledAtEnrolment_NotLookedForInTheRecord(string criterion)
    {
        var constraints = CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints;

        constraints.Should().ContainSingle().Which.Should().BeOfType<TrialAccess.Eligibility.Constraints.BoilerplateConstraint>();
    }

    [Theory]
    [InlineData("Taxane-naive patients", "taxane")]
    [InlineData("Patients must be chemotherapy-na\u00efve", "chemotherapy")]
    [InlineData("Treatment naive to anti-PD-1 therapy", "anti-PD-1")]
    [InlineData("Metastatic melanoma that is chemotherapy\n             naive", "chemotherapy")]
    [InlineData("Chemotherapy naive", "chemotherapy")]
    public void NaiveToAnAgent_IsNeverHavingHadIt(string criterion, string agent)
    {
        var constraint = CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.PriorTherapyConstraint>().Should().ContainSingle(c => c.Agent == agent).Subject;

        constraint.Negated.Should().BeTrue();
    }

    [Fact]
    public void NaiveToAnAgent_IsMetForAPatientWhoNeverHadIt_AndNotMetForOneWhoDid()
    {
        ReadingTestKit.Evaluate("Taxane-naive patients", ReadingTestKit.Note("A 55-year-old woman with metastatic breast cancer treated with letrozole."), CriterionRole.Inclusion)
            .Outcome.Should().Be(CriterionOutcome.Met);
        ReadingTestKit.Evaluate("Taxane-naive patients", ReadingTestKit.Note("A 55-year-old woman with metastatic breast cancer treated with paclitaxel."), CriterionRole.Inclusion)
            .Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Prior solid organ transplant")]
    [InlineData("Lymphoproliferative disorders following an allogeneic organ transplant")]
    public void AnOrganTransplant_IsNoStemCellTransplant(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints.OfType<TrialAccess.Eligibility.Constraints.PriorTherapyConstraint>()
            .Should().NotContain(c => c.Agent.Contains("stem cell", StringComparison.Ordinal));
        ReadingTestKit.Evaluate("Prior solid organ transplant", ReadingTestKit.Note("A 50-year-old man with a kidney transplant in 2015, on tacrolimus."), CriterionRole.Exclusion)
            .Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Prior total body irradiation", "A 7-year-old girl with ependymoma treated by resection and focal proton radiotherapy to the tumour bed.", CriterionOutcome.Unknown)]
    [InlineData("Prior radiotherapy to the pelvis", "A 60-year-old woman with breast cancer treated by lumpectomy and breast radiotherapy.", CriterionOutcome.Unknown)]
    [InlineData("Prior pelvic radiotherapy", "A 66-year-old man with prostate cancer treated with pelvic radiotherapy in 2019.", CriterionOutcome.Met)]
    [InlineData("Prior radiotherapy", "A 7-year-old girl with ependymoma treated by resection and focal proton radiotherapy to the tumour bed.", CriterionOutcome.Met)]
    [InlineData("Prior total body irradiation", "A 50-year-old man with colon cancer treated with FOLFOX.", CriterionOutcome.NotMet)]
    public void ARadiotherapyRuleThatNamesAField_IsMetOnlyByRadiotherapyToThatField_AndAsksOfOtherRadiotherapy(string exclusion, string note, CriterionOutcome expected)
    {
        ReadingTestKit.Evaluate(exclusion, ReadingTestKit.Note(note), CriterionRole.Exclusion).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("No prior chemotherapy for metastatic disease", "A 55-year-old woman with breast cancer treated with adjuvant doxorubicin and cyclophosphamide in 2019, now with liver metastases.", CriterionOutcome.Unknown)]
    [InlineData("No prior chemotherapy for metastatic disease", "A 55-year-old woman with metastatic breast cancer treated with first-line paclitaxel.", CriterionOutcome.NotMet)]
    [InlineData("No prior chemotherapy for metastatic disease", "A 55-year-old woman with metastatic breast cancer, untreated.", CriterionOutcome.Met)]
    public void ATreatmentRuleForAdvancedDisease_AsksOfATreatmentGivenInNoStatedSetting(string inclusion, string note, CriterionOutcome expected)
    {
        ReadingTestKit.Evaluate(inclusion, ReadingTestKit.Note(note), CriterionRole.Inclusion).Outcome.Should().Be(expected);
    }
}
