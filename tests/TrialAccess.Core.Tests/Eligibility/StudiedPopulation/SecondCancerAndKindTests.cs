using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of a note that names a second cancer (whose stage and remission are its own), of a prognostic group, of a
/// serology stated negative after the test's name, of a limit on how far an earlier radiotherapy reached, and of kinds
/// of one cancer that exclude each other (a MALT lymphoma is no splenic one; a medullary thyroid cancer no differentiated
/// one). Each case is invented text.
/// </summary>
public sealed class SecondCancerAndKindTests
{
    private const string SecondLeukaemia = "A 59-year-old woman has acute myeloid leukaemia diagnosed five days ago, three years after adjuvant epirubicin and docetaxel for stage IIA breast cancer, which remains in remission. She has had no treatment for the leukaemia.";

    [Fact]
    public void Extract_AStageWrittenBeforeTheSecondCancer_IsThatCancers()
    {
        var patient = ReadingTestKit.Note(SecondLeukaemia);

        patient.Diagnoses.Should().Contain(d => d.OncoTreeCode == "AML" && d.Stage == null);
        patient.Diagnoses.Should().Contain(d => d.Text.Contains("breast", StringComparison.Ordinal) && d.Stage!.Group == "IIA");
    }

    [Fact]
    public void Treatment_TheRemissionOfAnotherCancer_IsNotTheMainCancers()
    {
        var patient = ReadingTestKit.Note(SecondLeukaemia);

        patient.Settings.Should().NotContain(s => s.Setting == DiseaseSetting.FirstRemission);
        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.NewlyDiagnosed);
    }

    [Fact]
    public void EvaluateTitled_ATrialOfLeukaemiaInRemission_IsAPresumedFailureForAnUntreatedOne()
    {
        var evaluation = ReadingTestKit.EvaluateTitled("Maintenance Vaccine in Treating Patients With Acute Myeloid Leukemia in First Complete Remission", SecondLeukaemia, "Leukemia");

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.StartsWith("studied population", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void Treatment_OneCancerInRemission_IsStillInRemission()
    {
        var patient = ReadingTestKit.Note("A 45-year-old man with acute myeloid leukaemia is in first complete remission after induction with daunorubicin and cytarabine.");

        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.FirstRemission);
    }

    [Fact]
    public void Treatment_TheSameCancerNamedByItsFamily_KeepsItsSettings()
    {
        var patient = ReadingTestKit.Note("A 10-year-old boy has Burkitt lymphoma of the abdomen. He had a Wilms tumour removed in infancy, and for the lymphoma he has had no chemotherapy.");

        patient.Settings.Should().Contain(s => s.Setting == DiseaseSetting.Untreated);
        PatientSetting.Treatment(patient)!.Presumed.Should().BeFalse();
    }

    [Theory]
    [InlineData("A 50-year-old man with diffuse large B-cell lymphoma diagnosed ten days ago.")]
    [InlineData("A 50-year-old man with diffuse large B-cell lymphoma diagnosed last week.")]
    public void Settings_DiagnosedDaysAgo_IsNewlyDiagnosed(string note)
    {
        ReadingTestKit.Note(note).Settings.Should().Contain(s => s.Setting == DiseaseSetting.NewlyDiagnosed);
    }

    [Fact]
    public void Settings_ARelapseDiagnosedLastWeek_IsNotNewlyDiagnosed()
    {
        ReadingTestKit.Note("A 50-year-old man with diffuse large B-cell lymphoma treated with R-CHOP in 2023; the relapse was diagnosed last week.")
            .Settings.Should().NotContain(s => s.Setting == DiseaseSetting.NewlyDiagnosed);
    }

    private const string GoodPrognosisSeminoma = "A 31-year-old man had an orchiectomy for pure seminoma. CT shows bulky retroperitoneal nodes, stage IIC, with normal AFP, which places him in the good-prognosis group. He has had no chemotherapy.";

    [Theory]
    [InlineData("Cisplatin-Based Chemotherapy in Patients With Poor Prognosis Germ Cell Cancer")]
    [InlineData("Paclitaxel Plus BEP in Intermediate or Poor Prognosis Germ Cell Tumours")]
    public void EvaluateTitled_ATrialOfAnotherPrognosticGroup_IsAPresumedFailure(string title)
    {
        var evaluation = ReadingTestKit.EvaluateTitled(title, GoodPrognosisSeminoma, "Testicular Germ Cell Tumor");

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.StartsWith("studied population", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void EvaluateTitled_ATrialOfTheSamePrognosticGroup_DoesNotFail()
    {
        var evaluation = ReadingTestKit.EvaluateTitled("Three Cycles of BEP in Good Prognosis Germ Cell Tumours", GoodPrognosisSeminoma, "Testicular Germ Cell Tumor");

        evaluation.Criteria.Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Hepatitis B surface antigen negative and hepatitis C antibody negative")]
    [InlineData("HCV RNA negative")]
    [InlineData("Hepatitis B core antibody negative")]
    public void Evaluate_ASerologyNegativeAfterTheTest_IsMetByNoInfection(string criterion)
    {
        var evaluation = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note("A 48-year-old woman with resected stage IIC melanoma and hypothyroidism."));

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_ASerologyNegativeAfterTheTest_FailsAnInfectionOnRecord()
    {
        ReadingTestKit.Evaluate("Hepatitis B surface antigen negative", ReadingTestKit.Note("A 48-year-old woman with melanoma and chronic hepatitis B on entecavir."))
            .Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    private const string NoRadiotherapy = "A 60-year-old man with metastatic colorectal adenocarcinoma after FOLFOX.";
    private const string Irradiated = "A 60-year-old man with metastatic rectal adenocarcinoma after pelvic radiotherapy and FOLFOX.";

    [Theory]
    [InlineData("Prior radiotherapy to less than 25% of the bone marrow")]
    [InlineData("Prior radiotherapy to no greater than 50% of nodal groups")]
    public void Evaluate_AnUpperLimitOnEarlierRadiotherapy_IsMetByNone(string criterion)
    {
        ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(NoRadiotherapy)).Outcome.Should().Be(CriterionOutcome.Met);
        ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(Irradiated)).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_ALowerLimitOnEarlierRadiotherapy_IsAQuestionWhenSomeWasGiven()
    {
        ReadingTestKit.Evaluate("Prior radiotherapy to more than 25% of bone marrow", ReadingTestKit.Note(Irradiated), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
        ReadingTestKit.Evaluate("Prior radiotherapy to more than 25% of bone marrow", ReadingTestKit.Note(NoRadiotherapy), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AMaltLymphomaRule_IsNotMetByASplenicMarginalZoneLymphoma()
    {
        var patient = ReadingTestKit.Note("A 71-year-old woman has splenic marginal zone lymphoma with splenomegaly. She has had no treatment.");

        ReadingTestKit.Evaluate("Documented gastric MALT lymphoma, stage IE", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
        ReadingTestKit.Evaluate("Marginal zone lymphoma of any subtype", patient).Outcome.Should().Be(CriterionOutcome.Met);
    }

    private const string Medullary = "A 52-year-old man has medullary thyroid carcinoma with liver and lung metastases, RET M918T. He has had no systemic therapy.";

    [Fact]
    public void Evaluate_ADifferentiatedThyroidCancerRule_IsAPresumedFailureForAMedullaryOne()
    {
        var evaluation = ReadingTestKit.Evaluate("Total thyroidectomy for papillary or follicular thyroid cancer", ReadingTestKit.Note(Medullary));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        ReadingTestKit.Evaluate("Differentiated thyroid cancer", ReadingTestKit.Note(Medullary)).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void EvaluateTitled_ARuleLeavingOutThePatientsKindByName_StaysAFailureInATrialOfTheOrgan()
    {
        var evaluation = ReadingTestKit.EvaluateTitled(
            "Radioiodine Uptake After Recombinant TSH",
            Medullary,
            "Thyroid Cancer",
            criteria: "Inclusion Criteria:\n* Adults with well-differentiated, non-medullary thyroid cancer\n* Age 18 or older");

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.Contains("non-medullary", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_AKarnofskyRule_IsAnsweredByALanskyPlayScore()
    {
        var patient = ReadingTestKit.Note("A 9-year-old boy with newly diagnosed Burkitt lymphoma. His Lansky play score is 70.");

        patient.PerformanceStatuses.Should().ContainSingle(p => p.Scale == PerformanceScale.Lansky && p.Value == 70);
        ReadingTestKit.Evaluate("Karnofsky 70-100%", patient).Outcome.Should().Be(CriterionOutcome.Met);
        ReadingTestKit.Evaluate("Karnofsky at least 80%", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AStageIIIOrIVRule_IsAPresumedFailureForASmallNodeNegativeTumourByTnm()
    {
        var evaluation = ReadingTestKit.Evaluate("Completely resected stage III or stage IV renal cell carcinoma", ReadingTestKit.Note("A 79-year-old man has clear cell renal cell carcinoma, cT1a N0 M0, on active surveillance."));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_AStageIIIRule_StaysAQuestionForAProstateCancerByTnm()
    {
        ReadingTestKit.Evaluate("Stage III prostate cancer", ReadingTestKit.Note("A 70-year-old man has prostate adenocarcinoma, cT2 N0 M0, Gleason 9, PSA 34."))
            .Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void EvaluateTitled_ATransplantTrial_IsAPresumedFailureForAnUntreatedLymphoma()
    {
        var evaluation = ReadingTestKit.EvaluateTitled(
            "Bone Marrow Transplantation in Treating Patients With Hematologic Cancer",
            "A 10-year-old girl has Burkitt lymphoma with extensive abdominal disease, Murphy stage III. She has had no chemotherapy.",
            "Lymphoma");

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.StartsWith("studied population", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void EvaluateTitled_ATransplantTrial_StandsForARelapsedLymphoma()
    {
        var evaluation = ReadingTestKit.EvaluateTitled(
            "Bone Marrow Transplantation in Treating Patients With Hematologic Cancer",
            "A 58-year-old man has diffuse large B-cell lymphoma that relapsed a year after six cycles of R-CHOP.",
            "Lymphoma");

        evaluation.Criteria.Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }
}
