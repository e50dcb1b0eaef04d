using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Readings that keep a criterion from asking for something it does not ask for: a candidacy is not a treatment had,
/// a hedged aside on a disease's cause is no rule, another disease's scale is no cancer stage, a heading or an event
/// during the study asks nothing at entry; and a cancer's stage asked of a patient with no cancer at all.
/// </summary>
public class CandidacyAndAsideReadingTests
{
    private static IReadOnlyList<EligibilityConstraint> Read(string criterion, CriterionRole role = CriterionRole.Inclusion) =>
        CriterionParser.Default.Parse(criterion, role).Constraints;

    private static readonly PatientProfile WithoutCancer = Note("A 45-year-old man with type 2 diabetes mellitus and hypertension, on metformin and lisinopril.");

    private static readonly PatientProfile WithLungCancer = Note("A 61-year-old woman with metastatic lung adenocarcinoma to the liver, on carboplatin and pemetrexed.");

    [Theory]
    [InlineData("Eligible for allogeneic peripheral blood stem cell or bone marrow transplantation")]
    [InlineData("Candidate for treatment with docetaxel/trastuzumab")]
    [InlineData("Be eligible for apheresis, as determined by the Stem Cell Transplant team")]
    [InlineData("Complete all 4 cycles of run-in chemotherapy")]
    [InlineData("Predicted treatment must include the use of an intravenous opiate")]
    [InlineData("Patients must be anticipated to complete at least 2 cycles of chemotherapy")]
    [InlineData("Expected to receive at least 4 cycles of chemotherapy")]
    public void ACandidacyOrAStudyTreatment_IsNoTreatmentTheRecordMustShow(string criterion)
    {
        Read(criterion).OfType<PriorTherapyConstraint>().Should().BeEmpty();

        var evaluation = Evaluate(criterion, WithoutCancer);
        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown, "a candidacy is a clinical judgement no history answers");
    }

    [Theory]
    [InlineData("Subjects not willing to or otherwise unable to use CPAP for treatment of OSA.")]
    [InlineData("Uncontrolled serious infection, i.e. not responding to antimicrobial therapy.")]
    [InlineData("Patients not tolerating metformin")]
    public void AnInabilityOrAFailedResponse_DoesNotNegateTheTreatment(string criterion)
    {
        // Not being able to use CPAP, or an infection not responding to antibiotics, says nothing of a patient who never had either.
        Evaluate(criterion, WithoutCancer, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
        Read(criterion, CriterionRole.Exclusion).Where(c => c is PriorTherapyConstraint or ConditionConstraint { ConceptKind: TrialAccess.Vocabulary.MedicalConceptKind.Procedure })
            .Should().NotContain(c => c.Negated);
    }

    [Theory]
    [InlineData("Able to have an MRI scan (no pacemakers or history of claustrophobia)")]
    [InlineData("Capable of lying still for an MRI (no pacemaker or claustrophobia)")]
    public void ARequirementListedAmongExclusions_IsAQuestion_NotAnExclusionMet(string criterion)
    {
        var evaluation = Evaluate(criterion, WithoutCancer, CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().Contain("reads as a requirement");
        Evaluate("Unable to have an MRI scan (pacemaker or claustrophobia)", WithoutCancer, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("MRI scan demonstrating no structural lesions: stroke, tumor or hydrocephalus")]
    [InlineData("Patients must not have received any anti-CD20 antibody products in the past 30 days")]
    [InlineData("Patients must not have any evidence of bleeding diathesis")]
    public void AnExclusionMetOnlyThroughPresumedAbsence_ReadsAsARequirement_AndIsAQuestion(string criterion)
    {
        var evaluation = Evaluate(criterion, WithoutCancer, CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().Contain("reads as a requirement");
    }

    [Fact]
    public void AnExclusionWhosePresenceIsRecorded_StillExcludes()
    {
        Evaluate("History of stroke", Note("A 70-year-old man with a stroke two years ago and hypertension."), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("More than one previous episode of CDAD in the 3-month period prior to randomization.")]
    [InlineData("Subject has experienced more than 2 previous episodes of CDI in the 3 months prior to study enrolment")]
    [InlineData("Has continued CDI diarrhea despite being on a course of antibiotics prescribed for CDI treatment.")]
    public void ACountOrCourseOfTheDiseaseThePatientHas_IsAQuestion_NotAnExclusionMet(string criterion)
    {
        var patient = Note("A 60-year-old woman admitted with Clostridium difficile colitis, her first episode, on oral vancomycin.");
        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void ADiseaseNamingAnotherStudy_IsNotThePatients()
    {
        var patient = Note("A 60-year-old woman admitted with Clostridium difficile colitis, on oral vancomycin.");
        Evaluate("Subject has previously participated in a CDI vaccine study", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void WhatAntibodiesAreAgainst_IsAnAntigen_NotATreatment()
    {
        Read("Antibodies to mouse immunoglobulins leading to an artifactual elevation in the TSH assay").Should().NotContain(c => c is PriorTherapyConstraint);
        Read("Prior treatment with intravenous immunoglobulins", CriterionRole.Exclusion).Should().Contain(c => c is PriorTherapyConstraint);
    }

    [Theory]
    [InlineData("(Note: The prednisone dose must be stable as defined in the prednisone only group)")]
    [InlineData("NOTE: Positive nodes refers to H&E visible nodal metastases")]
    public void ANoteOnAnotherCriterion_DoesNotFailOnAPresumption(string criterion)
    {
        Evaluate(criterion, WithoutCancer).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("documented HgbSS, SC or HgbS-beta0 thalassemia")]
    [InlineData("Patients with Hb SS, Sbeta-thal, SD, or SO-Arab")]
    public void SickleGenotypes_AreSickleCellDisease(string criterion)
    {
        Evaluate(criterion, Note("A 34-year-old man with sickle cell disease and recurrent pain crises.")).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void CriteriaGivenElsewhere_AreAQuestion()
    {
        var evaluation = Evaluate("Criteria as indicated in Study Population Description (i.e., criteria based on familial relationships, hypertension and antihypertensive medication status)", WithoutCancer with { Conditions = [], Therapies = [] });
        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().Contain("elsewhere");
    }

    [Fact]
    public void ARadiationFieldToCome_IsNoRadiotherapyHad()
    {
        Read("Resectable malignancy must be located in a region that can be encompassed by a radiation port of 20 x 20 cm").Should().NotContain(c => c is PriorTherapyConstraint);
    }

    [Fact]
    public void NodeStagesAlone_AreAskedOfAMetastaticCancer_NotFailed()
    {
        var evaluation = Evaluate("Subjects must be either lymph node-positive (pN1-3) or lymph node-negative (pN0) with high-risk features", WithLungCancer);
        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void ATreatmentHadBesideACandidacy_IsStillRead()
    {
        Read("Eligible for surgery and prior chemotherapy with cisplatin").OfType<PriorTherapyConstraint>().Select(t => t.Agent)
            .Should().Contain("cisplatin");
        Read("No chemotherapy within 4 weeks before the first dose of study drug or radiotherapy").OfType<PriorTherapyConstraint>().Select(t => t.Agent)
            .Should().Contain("radiotherapy");
    }

    [Theory]
    [InlineData("as determined by the Stem Cell Transplant team")]
    [InlineData("Included in the Scandinavian Obesity Surgery Registry")]
    public void ATeamOrRegisterNamedAfterATreatment_IsNoTreatment(string criterion) =>
        Read(criterion).OfType<PriorTherapyConstraint>().Should().BeEmpty();

    [Fact]
    public void AHedgedAsideOnACause_IsNoRule_AndTheDiseaseBeforeItStands()
    {
        Read("Subacute thyroiditis (SAT), a painful inflammation thought to result from viral infection with Coxsackie, as well as other viruses;")
            .Should().BeEmpty();
        Read("Graves' disease (GD) thought to result from thyroid-stimulating immunoglobulins").Select(c => c.Describe())
            .Should().ContainSingle().Which.Should().Contain("Graves");
        Read("Secondary (or pituitary) hypothyroidism, usually resulting from tumors of the pituitary gland, or their treatment with surgery and/or radiotherapy;")
            .Should().OnlyContain(c => c.Kind == ConstraintKind.Condition);
    }

    [Fact]
    public void ACauseStatedAsARule_IsStillRead() =>
        Read("Hypothyroidism due to prior radiotherapy to the neck").OfType<PriorTherapyConstraint>().Should().NotBeEmpty();

    [Theory]
    [InlineData("Hoehn & Yahr Stage I-III inclusive")]
    [InlineData("Patients with Hohen and Yahr stage II-IV")]
    [InlineData("Pubertal stage II")]
    [InlineData("Stage 3 chronic kidney disease")]
    [InlineData("NYHA stage III heart failure")]
    public void AnotherDiseasesScale_IsNoCancerStage(string criterion) =>
        Read(criterion).OfType<StageConstraint>().Where(s => s.Groups.Count > 0).Should().BeEmpty();

    [Fact]
    public void ACancerStage_IsStillRead() =>
        Read("Stage III or IV non-small cell lung cancer").OfType<StageConstraint>().Should().ContainSingle()
            .Which.Groups.Should().Contain(["III", "IV"]);

    [Theory]
    [InlineData("Advanced or metastatic disease (stage IIIB/IV)")]
    [InlineData("T2-T4c, any N, M0 disease")]
    [InlineData("At least one measurable lesion exists (RECIST 1.1).")]
    public void ACancersSpecific_AskedOfAPatientWithNoCancer_IsNotMetPresumed(string criterion)
    {
        var evaluation = Evaluate(criterion, WithoutCancer);
        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
        evaluation.Evidence.Should().Contain("no cancer recorded");

        Evaluate(criterion, WithoutCancer with { CompleteHistory = false }).Outcome.Should().Be(CriterionOutcome.Unknown, "nothing is presumed from an incomplete history");
    }

    [Theory]
    [InlineData("Patients with recurrent paroxysmal atrial fibrillation for at least 3 months")]
    [InlineData("Most will have relatively advanced disease with motor response complications")]
    [InlineData("At least one measurable lesion")]
    public void WordsOtherDiseasesShare_AreNotPresumedFromNoCancer(string criterion) =>
        Evaluate(criterion, WithoutCancer).Evidence.Should().NotContain("no cancer recorded");

    [Fact]
    public void ACancersSpecific_AskedOfAPatientWithCancer_IsReadFromTheRecord()
    {
        Evaluate("Advanced or metastatic disease (stage IIIB/IV)", WithLungCancer).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("At least one measurable lesion exists (RECIST 1.1).", WithLungCancer).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("Sub-study I & II", CriterionRole.Exclusion)]
    [InlineData("Elimination Criteria", CriterionRole.Exclusion)]
    [InlineData("Historical control group", CriterionRole.Inclusion)]
    [InlineData("Failure to meet the Inclusion Criteria.", CriterionRole.Exclusion)]
    [InlineData("Lost to follow up.", CriterionRole.Exclusion)]
    [InlineData("Failure to continue with the study medication", CriterionRole.Exclusion)]
    [InlineData("If serious side effects appear, the investigator decides the study drug should not be continued.", CriterionRole.Exclusion)]
    public void AHeadingOrAnEventDuringTheStudy_AsksNothingAtEntry(string criterion, CriterionRole role)
    {
        var evaluation = Evaluate(criterion, WithoutCancer, role);
        evaluation.Outcome.Should().Be(CriterionOutcome.NotApplicable);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Fact]
    public void AShortRuleThatIsNoHeading_IsStillARule() =>
        Evaluate("Pancreatitis", WithoutCancer, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.NotMet);

    [Fact]
    public void AnInabilityToTakeTheTreatmentAtEntry_IsStillARule() =>
        Evaluate("Unable to swallow oral medication", WithoutCancer, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.NotApplicable);

    [Theory]
    [InlineData("No stage I disease", "A 40-year-old woman with stage III breast cancer.", CriterionOutcome.Met)]
    [InlineData("No low-risk disease defined as completely resected stage I disease", "A 14-year-old girl with stage III anaplastic large cell lymphoma.", CriterionOutcome.Met)]
    [InlineData("Stage I disease", "A 60-year-old man with stage IV colon cancer.", CriterionOutcome.NotMet)]
    [InlineData("Stage I disease", "A 60-year-old man with stage II colon cancer.", CriterionOutcome.NotMet)]
    [InlineData("Stage III disease", "A 60-year-old man with stage IIIB colon cancer.", CriterionOutcome.Met)]
    [InlineData("Stage IIIB or IIIC disease", "A 60-year-old man with stage III colon cancer.", CriterionOutcome.Unknown)]
    public void AStageGroup_AdmitsItsSubStagesOnly_NotTheGroupsWhoseNumeralItBegins(string criterion, string note, CriterionOutcome expected)
    {
        Evaluate(criterion, Note(note)).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("Histologically confirmed primary squamous, basaloid, or cloacogenic carcinoma of the anal canal, other than carcinoma in situ")]
    [InlineData("Squamous cell carcinoma of the anal canal other than in situ disease")]
    public void WhatOtherThanExcepts_IsNoOtherCancer_AndTheStudiedCancerIsRead(string criterion)
    {
        Read(criterion).Should().NotContain(c => c is OtherMalignancyConstraint);

        var evaluation = Evaluate(criterion, Note("A 61-year-old woman with a squamous cell carcinoma of the anal canal, T3 N1 M0."));
        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
    }
}
