using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of a disease responding to its first treatment, of one never treated, of its extent (extensive stage, borderline
/// resectable, a staging that names the sites it found clear) and of types that exclude each other by definition. Each
/// case is invented text.
/// </summary>
public sealed class ResponseAndExtentTests
{
    private const string OnMaintenance = "A 64-year-old man was found two months ago to have extensive-stage small cell lung cancer with liver metastases. He has completed four cycles of carboplatin and etoposide with durvalumab, and the restaging scan shows a partial response. He started maintenance durvalumab last week.";

    private const string NeverTreated = "A 72-year-old woman presented with abdominal distension. CT shows an omental cake and bilateral pleural effusions, and cytology confirms high-grade serous carcinoma of the ovary, FIGO stage IVA. The tumour board advised neoadjuvant carboplatin and paclitaxel, with surgery to be considered after three cycles. She has not started any treatment.";

    [Fact]
    public void Treatment_APartialResponseThenMaintenance_IsResponding()
    {
        var patient = ReadingTestKit.Note(OnMaintenance);

        patient.Settings.Should().Contain(s => s.Setting == DiseaseSetting.Responding);
        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.Responding);
    }

    [Fact]
    public void Treatment_AResponseTheNoteLaterSaysEnded_IsNotResponding()
    {
        var patient = ReadingTestKit.Note("A 64-year-old man with extensive-stage small cell lung cancer had a partial response to carboplatin and etoposide. Four months later the liver metastases have progressed.");

        PatientSetting.Treatment(patient)!.Value.Should().NotBe(TreatmentState.Responding);
    }

    private const string LungAdenocarcinoma = "A 58-year-old woman with stage IV lung adenocarcinoma and bone metastases.";

    /// <summary>Rules of another course, extent or type than the note's: each a presumed failure, to confirm.</summary>
    [Theory]
    [InlineData("Recurrent or refractory small cell lung cancer", OnMaintenance)]
    [InlineData("Relapsed small cell lung cancer after first-line chemotherapy", OnMaintenance)]
    [InlineData("Disease progression on or after platinum-based chemotherapy", OnMaintenance)]
    [InlineData("Histologically confirmed non-small cell lung cancer", OnMaintenance)]
    [InlineData("Histologically confirmed small cell lung cancer", LungAdenocarcinoma)]
    [InlineData("Recurrent epithelial ovarian cancer", NeverTreated)]
    [InlineData("Platinum-resistant ovarian cancer that progressed within 6 months of platinum", NeverTreated)]
    [InlineData("Locally advanced unresectable pancreatic adenocarcinoma", Borderline)]
    [InlineData("Newly diagnosed diffuse intrinsic pontine glioma", HemisphericGlioma)]
    [InlineData("Brain stem glioma", HemisphericGlioma)]
    [InlineData("Visual pathway glioma", HemisphericGlioma)]
    public void Evaluate_ARuleOfAnotherCourseExtentOrType_IsPresumedNotMet(string criterion, string note)
    {
        var evaluation = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(note));

        (evaluation.Outcome, evaluation.Basis).Should().Be((CriterionOutcome.NotMet, OutcomeBasis.Presumed));
    }

    [Fact]
    public void Evaluate_RecurrentOrExtensiveStage_IsMetByExtensiveStageDisease()
    {
        ReadingTestKit.Evaluate("Confirmed recurrent or extensive stage small cell lung cancer", ReadingTestKit.Note(OnMaintenance)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("The tumour board advised neoadjuvant carboplatin and paclitaxel.", "carboplatin")]
    [InlineData("Her oncologist has mentioned consolidative thoracic radiotherapy.", "radiotherapy")]
    [InlineData("Interval cytoreductive surgery is to be considered after three cycles of chemotherapy.", "tumor resection")]
    public void Extract_ATreatmentAdvisedMentionedOrToBeConsidered_IsNotGiven(string sentence, string therapy)
    {
        var patient = NoteReader.Extract("A 60-year-old woman with ovarian cancer. " + sentence);

        patient.Therapies.Where(t => t.Name == therapy).Should().NotBeEmpty().And.OnlyContain(t => t.Certainty == Certainty.Hypothetical);
    }

    [Fact]
    public void Evaluate_ARelapseAskedFor_StaysOpenForASpreadCancerWithAnEarlierOperation()
    {
        var patient = ReadingTestKit.Note("A 72-year-old woman had a hysterectomy and bilateral salpingo-oophorectomy for ovarian cancer in 2019. She now has stage IV disease with liver metastases and has not started any treatment.");

        ReadingTestKit.Evaluate("Recurrent epithelial ovarian cancer", patient).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    private const string Borderline = "A 61-year-old man has ductal adenocarcinoma of the head of the pancreas abutting the superior mesenteric vein. CT of the chest, abdomen and pelvis shows no liver, lung or peritoneal metastases. The multidisciplinary meeting called the tumour borderline resectable and recommended chemotherapy first.";

    [Fact]
    public void Evaluate_BorderlineResectableOrUnresectable_IsMetByABorderlineResectableCancer()
    {
        ReadingTestKit.Evaluate("Borderline resectable or unresectable pancreatic adenocarcinoma", ReadingTestKit.Note(Borderline)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_MetastaticAskedOfACancerWhoseStagingListsTheSitesClear_IsNotMet()
    {
        ReadingTestKit.Evaluate("Metastatic adenocarcinoma of the pancreas", ReadingTestKit.Note(Borderline)).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Extract_OneSiteClear_DoesNotMakeTheCancerNonMetastatic()
    {
        var patient = NoteReader.Extract("A 61-year-old man with pancreatic adenocarcinoma. MRI shows no brain metastases.");

        patient.Diagnoses.Should().NotContain(d => d.Stage != null && d.Stage.Metastatic == false);
    }

    private const string HemisphericGlioma = "A 15-year-old girl had a subtotal resection of a right frontal lobe mass. Histology shows a diffuse hemispheric glioma, H3 G34R-mutant, CNS WHO grade 4. Focal radiotherapy is planned.";

    [Fact]
    public void Evaluate_APaediatricHighGradeGlioma_IsMetByADiffuseHemisphericGlioma()
    {
        ReadingTestKit.Evaluate("Pediatric high-grade glioma", ReadingTestKit.Note(HemisphericGlioma)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Extract_ACystoprostatectomy_IsACystectomy()
    {
        NoteReader.Extract("A 66-year-old man with bladder cancer underwent radical cystoprostatectomy six weeks ago.").Therapies
            .Should().Contain(t => t.Name == "cystectomy" && t.Kind == TherapyKind.Surgery);
    }

    [Fact]
    public void Extract_AListOfInfectionTestsWithOneNegativeResult_NegatesEach()
    {
        var patient = NoteReader.Extract("A 70-year-old man with Hodgkin lymphoma. HIV, hepatitis B and C negative.");

        patient.Conditions.Where(c => c.Text is "HIV" or "hepatitis B").Should().HaveCount(2).And.OnlyContain(c => c.Certainty == Certainty.Negated);
    }

    [Fact]
    public void Extract_AListOfDiseasesEndingInATestResult_DoesNotNegateTheDiseases()
    {
        var patient = NoteReader.Extract("A 70-year-old woman with diabetes, hypertension and HER2-negative breast cancer.");

        patient.Conditions.Should().Contain(c => c.Concept == "diabetes mellitus" && c.Certainty == Certainty.Asserted);
    }

    [Theory]
    [InlineData("Bleomycin is considered unsafe because of his lung function.")]
    [InlineData("Bleomycin is contraindicated given his lung function.")]
    public void Extract_ADrugRuledOut_IsNotGiven(string sentence)
    {
        var patient = NoteReader.Extract("A 70-year-old man with Hodgkin lymphoma. " + sentence);

        patient.Therapies.Where(t => t.Name == "bleomycin").Should().NotBeEmpty().And.OnlyContain(t => t.Certainty == Certainty.Hypothetical);
    }

    private const string UntreatedHodgkin = "A 70-year-old man has classical Hodgkin lymphoma, Ann Arbor stage IIIB. He has had no treatment.";

    [Fact]
    public void Evaluate_FamilyWordsEndingUnknownNamesBesideAMember_AreThatMembersKind()
    {
        var evaluation = ReadingTestKit.Evaluate(
            "Stage III or IV indolent B-cell lymphoma Diffuse small cleaved cell lymphoma Follicular mixed cell lymphoma",
            ReadingTestKit.Note(UntreatedHodgkin));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AFamilyWordAfterASetting_StaysTheWholeFamily()
    {
        ReadingTestKit.Evaluate("Relapsed B-cell lymphoma or lymphoma of any kind", ReadingTestKit.Note("A 70-year-old man has classical Hodgkin lymphoma that relapsed after ABVD."))
            .Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void EvaluateTrial_AnItemUnderADiagnosis_IsNoCohortBesideIt()
    {
        const string criteria = "Inclusion Criteria:\n- Pathologically confirmed non-Hodgkin's lymphoma with intracranial lesions\n  - Intraocular lymphoma eligible, if not sole site of disease\n- Age 60 or older";

        var evaluation = ReadingTestKit.EvaluateTrial(criteria, ReadingTestKit.Note(UntreatedHodgkin));

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.StartsWith("Pathologically confirmed", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("He had an excellent response to fludarabine, cyclophosphamide and rituximab and was watched off treatment. Two years later he received four cycles of bendamustine.")]
    [InlineData("He had an excellent response to fludarabine, cyclophosphamide and rituximab. Two years later he presented with a rising white count and worsening nodes.")]
    public void Treatment_AResponseFollowedByALaterLineOrWorsening_IsNotResponding(string sentences)
    {
        var patient = ReadingTestKit.Note("A 57-year-old man with chronic lymphocytic leukaemia. " + sentences);

        PatientSetting.Treatment(patient)?.Value.Should().NotBe(TreatmentState.Responding);
    }

    [Fact]
    public void EvaluateTrial_KindsListedUnderABroaderCancer_AreCohorts()
    {
        const string criteria = "Inclusion Criteria:\n- Confirmed hematologic malignancy\n  - Chronic myelogenous leukemia\n  - Acute myeloid leukemia, myelodysplasia, or lymphoma\n- Age 18 or older";

        var evaluation = ReadingTestKit.EvaluateTrial(criteria, ReadingTestKit.Note("A 44-year-old woman with Burkitt lymphoma found in a pericardial effusion."));

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.StartsWith("Chronic myelogenous", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void EvaluateTrial_TheSameCancerListedUnderItself_StaysACohort()
    {
        const string criteria = "Inclusion Criteria:\n- Histologically proven myeloma\n  - Multiple myeloma\n  - Smoldering myeloma\n- Age 18 or older";

        var evaluation = ReadingTestKit.EvaluateTrial(criteria, ReadingTestKit.Note("A 63-year-old man with high-risk smouldering multiple myeloma. He has had no treatment."));

        evaluation.Criteria.Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("A 66-year-old man with muscle-invasive urothelial carcinoma of the bladder, cT3 N0 M0, before cystectomy.")]
    [InlineData("A 66-year-old man had a radical cystoprostatectomy for urothelial carcinoma of the bladder, ypT3a N1.")]
    public void EvaluateTitled_ANonMuscleInvasiveTrial_IsAPresumedFailureForAMuscleInvasiveCancer(string note)
    {
        var evaluation = ReadingTestKit.EvaluateTitled("Intravesical Gemcitabine in Non-Muscle Invasive Bladder Cancer", note, "Bladder Cancer");

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.Contains("non-muscle-invasive", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void EvaluateTitled_ANonMuscleInvasiveTrial_TakesANonMuscleInvasiveCancer()
    {
        var evaluation = ReadingTestKit.EvaluateTitled("Intravesical Gemcitabine in Non-Muscle Invasive Bladder Cancer", "A 66-year-old man with high-grade non-muscle-invasive urothelial carcinoma of the bladder, pT1, after TURBT.", "Bladder Cancer");

        evaluation.Criteria.Should().NotContain(c => c.Criterion.Segment.Text.Contains("non-muscle-invasive", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet);
    }

    [Fact]
    public void EvaluateTitled_ATrialAfterSurgeryNamingTheStage_IsAPresumedFailureBeforeTheOperation()
    {
        const string note = "A 52-year-old man has a palpable axillary node; core biopsy shows metastatic melanoma. Staging shows no other disease: clinical stage IIIB, judged resectable. The team recommends neoadjuvant immunotherapy before axillary lymph node dissection.";

        var evaluation = ReadingTestKit.EvaluateTitled("Interferon Alfa Following Surgery in Treating Patients With Stage III Melanoma", note, "Melanoma");

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Section == "registry" && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }
}
