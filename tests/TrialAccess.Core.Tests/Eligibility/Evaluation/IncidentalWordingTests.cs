using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Words that name a condition, drug or procedure without asking the history for it: alternatives wrapped over lines, a
/// treatment that may also be given when the study starts, a synonym after a slash, an abbreviation the criterion
/// defines as something else, the goal of an intervention, the sign a score rates and the procedure a measurement is taken by.
/// </summary>
public sealed class IncidentalWordingTests
{
    private static readonly PatientProfile YoungWoman = Note("A 24-year-old woman with relapsing multiple sclerosis diagnosed last year, on no treatment. No other illness.");

    private static readonly PatientProfile OlderMan = Note("A 70-year-old man with an enlarged prostate and difficulty passing urine for a year. No other illness.");

    [Theory]
    [InlineData("Women must be postmenopausal, surgically sterile, or using an accepted method of contraception.")]
    [InlineData("Women must be postmenopausal, surgically sterile, or\n        using an accepted method of contraception.")]
    [InlineData("Women must be postmenopausal, surgically incapable of bearing children, or\n        using an accepted method of contraception.")]
    public void Evaluate_AlternativesWrappedOverLines_AreStillAlternatives(string criterion)
    {
        var evaluation = Evaluate(criterion, YoungWoman);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Evidence.Should().Contain("contraception");
    }

    [Fact]
    public void Evaluate_ATreatmentThatMayAlsoBeGivenAtTheStart_IsNotPresumedMissing()
    {
        Evaluate("Vaccinated against pneumococcus within the last 5 years, or at the time of starting the study treatment", YoungWoman).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("Vaccinated against pneumococcus within the last 5 years, or before randomization", YoungWoman).Outcome.Should().Be(CriterionOutcome.Unknown);

        var past = Evaluate("Vaccinated against pneumococcus within the last 5 years", YoungWoman);
        past.Outcome.Should().Be(CriterionOutcome.NotMet);
        past.Presumed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ADrugToSwitchToNamedWithItsSynonym_IsAPlan()
    {
        var evaluation = Evaluate("Must be able to replace their inhaler with albuterol/salbutamol for the whole study.", YoungWoman);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AnAbbreviationTheCriterionDefinesAsSomethingElse_IsNotTheConceptItSpells()
    {
        Evaluate("Confirmed Richter syndrome on biopsy (Richter Transformation - RT) with large cell histology", YoungWoman)
            .Evidence.Should().NotContain("radiotherapy");
        Evaluate("Previous tumour response to chemotherapy (treatment response - TR)", YoungWoman)
            .Evidence.Should().NotContain("tricuspid");

        // Written out as itself, the abbreviation still means the concept.
        var radiotherapy = Evaluate("Prior radiation therapy (RT) to the pelvis", YoungWoman, CriterionRole.Exclusion);
        radiotherapy.Outcome.Should().Be(CriterionOutcome.NotMet);
        radiotherapy.Evidence.Should().Contain("radiotherapy");
    }

    [Fact]
    public void Evaluate_TheGoalOfAnIntervention_IsNotTheSymptom()
    {
        Evaluate("Approved by the family doctor for the weight loss programme", YoungWoman).Outcome.Should().NotBe(CriterionOutcome.NotMet);

        var symptom = Evaluate("Unintentional weight loss of more than 10% in 6 months", YoungWoman, CriterionRole.Exclusion);
        symptom.Evidence.Should().NotBeNullOrEmpty();
        symptom.Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_TheSignAScoreRates_IsAskedByTheScore()
    {
        var evaluation = Evaluate("Severity score of at least 2 for redness and a score of at least 2 for itching at the treated site", YoungWoman);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Presumed.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AProcedureAMeasurementIsTakenBy_IsNotAPriorProcedure()
    {
        var evaluation = Evaluate("Prostate volume 40-80 ml by transrectal ultrasound or 35-70 mm length measured by cystoscopy", OlderMan);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Presumed.Should().BeFalse();

        var prior = Evaluate("Cystoscopy within the last 3 months", OlderMan);
        prior.Outcome.Should().Be(CriterionOutcome.NotMet);
        prior.Presumed.Should().BeTrue();
    }

    [Fact]
    public void EvaluateTrial_ItemsUnderALeadToAvoidThem_AreMetWhenAbsent()
    {
        const string criteria = """
            Inclusion Criteria:

              -  Age 18 years or older.
              -  Participants willing to avoid the following medicines during the study:
                   -  oral fluconazole
                   -  loperamide
            """;

        var evaluation = EvaluateTrial(criteria, Note("A 45-year-old man with watery diarrhoea for three days after antibiotics. No other illness, no regular medicines."));

        evaluation.Criteria.Where(c => c.Criterion.Segment.Depth > 0).Should().OnlyContain(c => c.Outcome == CriterionOutcome.Met);
        evaluation.Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void EvaluateTrial_ANameListedWithoutItsLead_IsAQuestion()
    {
        const string criteria = """
            Inclusion Criteria:

              -  Age 18 years or older.
              -  Stool test positive for the toxin within 2 days before enrolment.
                   -  oral fluconazole
                   -  loperamide
            """;

        var evaluation = EvaluateTrial(criteria, Note("A 45-year-old man with watery diarrhoea for three days after antibiotics. No other illness, no regular medicines."));

        evaluation.Criteria.Where(c => c.Criterion.Segment.Depth > 0).Should().OnlyContain(c => c.Outcome == CriterionOutcome.Unknown);
        evaluation.Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_AConditionRequiringAStay_IsAFormOfTheCondition()
    {
        var withPancreatitis = Note("A 50-year-old man with a history of gallstone pancreatitis two years ago, now with type 2 diabetes.");

        // A recorded pancreatitis does not say whether it needed a stay: a question, never an exclusion met.
        Evaluate("Pancreatitis requiring hospitalisation within the last 5 years", withPancreatitis, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
        var absent = Evaluate("Pancreatitis requiring hospitalisation within the last 5 years", OlderMan, CriterionRole.Exclusion);
        absent.Outcome.Should().Be(CriterionOutcome.NotMet);
        absent.Presumed.Should().BeTrue();

        var crises = Note("A 28-year-old woman with sickle cell disease and frequent vaso-occlusive crises since childhood.");
        Evaluate("At least two painful crises in the past year, each requiring hospital admission", crises).Outcome.Should().Be(CriterionOutcome.Unknown);

        var asthmatic = Note("A 40-year-old woman with asthma since childhood, using an inhaler.");
        Evaluate("Asthma requiring intubation or mechanical ventilation", asthmatic, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("Asthma", asthmatic, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void EvaluateTrial_ItemsThatDoNotCountTowardsARule_AreExceptions()
    {
        const string criteria = """
            Inclusion Criteria:

              -  Measurable disease on CT or MRI.
              -  The following may not be used as the only site of measurable disease:
                   -  pleural effusion
                   -  bone metastases
            """;

        var evaluation = EvaluateTrial(criteria, Note("A 55-year-old woman with diffuse large B-cell lymphoma, relapsed after R-CHOP, with enlarged abdominal nodes."));

        evaluation.Criteria.Where(c => c.Criterion.Segment.Depth > 0).Should().NotBeEmpty().And.OnlyContain(c => c.Outcome == CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_MeetingAnyOfNumberedConditions_IsAChoice()
    {
        var patient = Note("A 68-year-old man seen in the emergency department with urinary retention for a day. CT shows a large prostate.");

        var evaluation = Evaluate("Meet any conditions (1) chronic prostatitis. (2) complications of benign prostatic hyperplasia (bladder stones, urinary retention)", patient);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.NotMet);
        patient.Conditions.Should().Contain(c => c.Concept == "benign prostatic hyperplasia");
    }

    [Fact]
    public void Evaluate_ARuleForSomeSitesOnly_IsAQuestion()
    {
        var siteRule = Evaluate("A hearing test before registration, only for those centres that chose cisplatin as their platinum drug.", YoungWoman);
        siteRule.Outcome.Should().Be(CriterionOutcome.Unknown);
        siteRule.Questions.Should().Contain(q => q.Contains("site", StringComparison.Ordinal));

        var patientRule = Evaluate("Prior treatment with cisplatin", YoungWoman);
        patientRule.Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Zorbafenide, within 24 weeks")]
    [InlineData("Participation in the zorbafenide registry in the past 3 months.")]
    public void Evaluate_AnUnreadExclusionDatedByATimeWindow_IsStillPresumedAbsent(string criterion)
    {
        var evaluation = Evaluate(criterion, YoungWoman, CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Presumed.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_AnUnreadExclusionWithAValue_IsNotPresumed()
    {
        Evaluate("Zorbafenide level above 24 within 3 months", YoungWoman, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }
}
