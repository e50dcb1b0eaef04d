using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of where a cancer is and how far it has spread, of what is planned rather than given, of a title that names
/// one sex, of trials of recurrent or advanced disease or of a transplant, and of section-numbered criteria. Each case is
/// invented text.
/// </summary>
public sealed class OrganSpreadAndSexTests
{
    private static TrialEvaluation Evaluate(string title, string note, string condition, string? officialTitle = null) =>
        ReadingTestKit.EvaluateTitled(title, note, condition, officialTitle);

    [Theory]
    [InlineData("Endoscopy: ulcerated lesion of the gastric body; biopsies show poorly cohesive adenocarcinoma with signet ring cells.", "STOMACH")]
    [InlineData("Colonoscopy found a fungating lesion in the sigmoid colon. Biopsy: adenocarcinoma.", "BOWEL")]
    public void Extract_ALesionSeenAtEndoscopy_AndTheBiopsy_NameTheCancer(string note, string tissue)
    {
        var cancer = NoteReader.Extract("A 58-year-old man. " + note).Diagnoses.Should().ContainSingle(d => d.Certainty == Certainty.Asserted).Subject;

        TrialAccess.Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes.TissueOf(cancer.OncoTreeCode!).Should().Be(tissue);
    }

    [Fact]
    public void Extract_ALesionWithoutTheLookOfATumour_PlacesNoCancer()
    {
        NoteReader.Extract("A 58-year-old man with a lesion of the gastric body on endoscopy. Biopsy shows adenocarcinoma.")
            .Diagnoses.Should().NotContain(d => d.OncoTreeCode == "STAD");
    }

    [Theory]
    [InlineData("Staging PET-CT and marrow biopsies found no disease outside the femur.")]
    [InlineData("Staging is complete, so the tumour is localised.")]
    public void Extract_DiseaseSaidToBeLocalised_IsNotMetastatic(string sentence)
    {
        var ewing = NoteReader.Extract("A 15-year-old boy has Ewing sarcoma of the left femur. " + sentence).Diagnoses.Single(d => d.OncoTreeCode == "ES");

        ewing.Stage!.Metastatic.Should().BeFalse();
    }

    [Fact]
    public void Extract_ANoteSayingNothingOfSpread_LeavesItUnknown()
    {
        NoteReader.Extract("A 15-year-old boy has Ewing sarcoma of the left femur. The tumour is painful.").Diagnoses.Single(d => d.OncoTreeCode == "ES")
            .Stage?.Metastatic.Should().BeNull();
    }

    [Fact]
    public void Extract_OneCancerNamedTwice_KeepsTheStageTheSecondNameGives()
    {
        var cancer = NoteReader.Extract("Core biopsy showed invasive ductal carcinoma of the breast. This is de novo stage IV breast cancer.")
            .Diagnoses.Should().ContainSingle().Subject;

        cancer.OncoTreeCode.Should().Be("IDC");
        cancer.Stage!.Group.Should().Be("IV");
    }

    [Theory]
    [InlineData("CT and bone scan show multiple sclerotic metastases in the spine, pelvis and ribs.")]
    [InlineData("MRI shows vertebral metastases at T8 and L2.")]
    public void Extract_MetastasesInTheSkeleton_AreBoneMetastases(string sentence)
    {
        NoteReader.Extract("A 68-year-old man with breast cancer. " + sentence).Metastases.Should().Contain(m => m.Site == "bone" && m.Certainty == Certainty.Asserted);
    }

    [Fact]
    public void Extract_MetastasesRuledOutInTheSpine_AreNotStated()
    {
        NoteReader.Extract("A 68-year-old man with breast cancer. MRI shows no metastases in the spine.").Metastases.Should().NotContain(m => m.Certainty == Certainty.Asserted);
    }

    [Theory]
    [InlineData("Strong oestrogen receptor expression on immunohistochemistry.")]
    [InlineData("Her testosterone levels are normal.")]
    public void Extract_AHormonesReceptorOrLevel_IsNoDrugGiven(string sentence)
    {
        NoteReader.Extract("A 63-year-old woman with endometrial cancer. " + sentence).Therapies.Should().NotContain(t => t.Kind == TherapyKind.Drug);
    }

    [Theory]
    [InlineData("He has not yet had any chemotherapy; induction chemotherapy will precede local surgery.")]
    [InlineData("Radiotherapy will be given afterwards.")]
    public void Extract_ATreatmentThatWillBeGiven_IsNotRecordedAsGiven(string sentence)
    {
        NoteReader.Extract("A 15-year-old boy with Ewing sarcoma. " + sentence).Therapies
            .Should().NotContain(t => t.Certainty == Certainty.Historical || t.Certainty == Certainty.Asserted);
    }

    [Fact]
    public void Extract_ACentralLineBookedForNextWeek_IsPlanned()
    {
        NoteReader.Extract("A 15-year-old boy with Ewing sarcoma. A central line is booked for next week.").Therapies
            .Should().ContainSingle(t => t.Name == "central line").Which.Certainty.Should().Be(Certainty.Hypothetical);
    }

    [Fact]
    public void Extract_ATreatmentGiven_StaysGiven()
    {
        NoteReader.Extract("A 61-year-old man with pancreatic cancer. He received FOLFIRINOX and the tumour will be restaged next month.").Therapies
            .Should().Contain(t => t.Certainty == Certainty.Historical);
    }

    private const string MaleBreast = "A 68-year-old man has invasive ductal carcinoma of the breast, ER positive, HER2 negative, with bone metastases.";

    [Theory]
    [InlineData("Endocrine Response in Women With Invasive Lobular Breast Cancer")]
    [InlineData("Fulvestrant in Treating Postmenopausal Women With Metastatic Breast Cancer")]
    [InlineData("Tamoxifen Versus Toremifene in Premenopausal Patients With ER-positive Breast Cancer")]
    public void ATitleNamingWomen_PresumesAManIneligible(string title)
    {
        var evaluation = Evaluate(title, MaleBreast, "Breast Cancer");

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Criteria.Should().Contain(c => c.Outcome == CriterionOutcome.NotMet && c.Presumed && (c.Evidence ?? string.Empty).Contains("the patient is male"));
    }

    [Theory]
    [InlineData("Palbociclib in Men and Women With Metastatic Breast Cancer")]
    [InlineData("Palbociclib in Patients With Metastatic Breast Cancer")]
    [InlineData("Abemaciclib in Male and Female Patients With Metastatic Breast Cancer")]
    public void ATitleNamingBothSexesOrNeither_SaysNothingOfSex(string title)
    {
        Evaluate(title, MaleBreast, "Breast Cancer").Criteria.Should().NotContain(c => (c.Evidence ?? string.Empty).Contains("the patient is male"));
    }

    [Fact]
    public void ATitleNamingWomen_TakesAWoman()
    {
        Evaluate("Fulvestrant in Treating Postmenopausal Women With Metastatic Breast Cancer", MaleBreast.Replace("man", "woman", StringComparison.Ordinal), "Breast Cancer")
            .Criteria.Should().NotContain(c => (c.Evidence ?? string.Empty).Contains("the patient is"));
    }

    [Fact]
    public void AnAdjuvantTrialOfStagesIAndII_PresumesAStageIiiCancerIneligible()
    {
        const string note = "A 63-year-old woman had a hysterectomy five weeks ago for endometrioid adenocarcinoma of the endometrium, FIGO stage IIIC1, with no residual disease on PET-CT.";

        Evaluate("Radiation Therapy With or Without Chemotherapy Following Surgery in Treating Patients With Stage I or Stage II Endometrial Cancer", note, "Endometrial Cancer", "Adjuvant Postoperative Irradiation With or Without Chemotherapy for Endometrial Cancer")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Evaluate("Radiation Therapy With or Without Chemotherapy Following Surgery in Treating Patients With Stage III Endometrial Cancer", note, "Endometrial Cancer", "Adjuvant Postoperative Irradiation With or Without Chemotherapy for Endometrial Cancer")
            .Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Segment_SectionNumberedItems_AreCriteriaOfTheirOwn()
    {
        const string text = """
            1. Documentation of Disease:

               1.1 Diagnosis of chronic myeloid leukaemia in chronic phase.

               1.2 Patients without a detectable Philadelphia chromosome are eligible if they meet one of the following:

                 -  BCR/ABL transcripts by PCR

                 -  BCR/ABL fusion by FISH

            2. Prior Treatment:

               2.1 No previous therapy with homoharringtonine

               2.2 No more than 1.5
                   years of prior hydroxyurea
            """;

        var criteria = CriteriaSegmenter.Segment(text).Inclusion.Select(c => c.Text).ToList();

        criteria.Should().Contain("Diagnosis of chronic myeloid leukaemia in chronic phase.");
        criteria.Should().Contain("No previous therapy with homoharringtonine");
        criteria.Should().Contain(c => c.StartsWith("No more than 1.5", StringComparison.Ordinal) && c.EndsWith("years of prior hydroxyurea", StringComparison.Ordinal));
        CriteriaSegmenter.Segment(text).Inclusion.Where(c => c.Text.StartsWith("BCR/ABL", StringComparison.Ordinal))
            .Should().HaveCount(2).And.OnlyContain(c => c.Lead != null && c.Lead.StartsWith("Patients without", StringComparison.Ordinal));
    }

    [Fact]
    public void Segment_ANestedListUnderAListLead_StaysInTheOuterList()
    {
        const string text = """
            Inclusion Criteria:

              -  Patients must have active disease meeting at least 1 of the criteria for treatment:

                   -  A minimum of any one of the following symptoms:

                        -  Weight loss of more than 10% in 6 months

                        -  Night sweats

                   -  Massive or progressive splenomegaly
            """;

        CriteriaSegmenter.Segment(text).Inclusion.Should().HaveCount(3)
            .And.OnlyContain(c => c.Lead != null && c.Lead.StartsWith("Patients must have active disease", StringComparison.Ordinal));
    }

    [Fact]
    public void ATrialOfDiseaseThatHasNotRespondedToADrug_PresumesAPatientWhoNeverHadItIneligible()
    {
        const string naive = "A 44-year-old woman has chronic myeloid leukaemia in chronic phase. She has not started a tyrosine kinase inhibitor; hydroxycarbamide was begun five days ago.";
        const string treated = "A 44-year-old woman has chronic myeloid leukaemia in chronic phase. She had interferon alfa for a year without a cytogenetic response.";
        const string title = "Homoharringtonine for Chronic Myelogenous Leukemia That Has Not Responded to Interferon Alfa";

        Evaluate(title, naive, "Chronic Myelogenous Leukemia").Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Evaluate(title, treated, "Chronic Myelogenous Leukemia").Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    private const string UntreatedCervix = "A 44-year-old woman has newly diagnosed squamous cell carcinoma of the cervix, FIGO stage IIIC1, with enlarged pelvic nodes and no distant spread on PET-CT. She has had no treatment.";

    [Theory]
    [InlineData("Cisplatin in Treating Patients With Recurrent or Advanced Cancer of the Cervix", "Cisplatin in Patients With Recurrent and/or Advanced Inoperable Carcinoma of the Cervix")]
    [InlineData("Irofulven in Treating Patients With Stage IVB or Recurrent Cervical Cancer", "Irofulven in Patients With Advanced Cervical Carcinoma")]
    public void ATrialOfRecurrentOrAdvancedDisease_PresumesAnUntreatedLocalCancerIneligible(string title, string official)
    {
        Evaluate(title, UntreatedCervix, "Cervical Cancer", official).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void ATrialOfRecurrentOrAdvancedDisease_TakesARecurrence_AndATrialOfAdvancedDisease_TheUntreatedCancer()
    {
        const string recurred = "A 50-year-old woman had chemoradiation for squamous cell carcinoma of the cervix in 2023; it has now recurred in the pelvis.";

        Evaluate("Cisplatin in Treating Patients With Recurrent or Advanced Cancer of the Cervix", recurred, "Cervical Cancer").Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
        Evaluate("Chemoradiation in Treating Patients With Locally Advanced Cancer of the Cervix", UntreatedCervix, "Cervical Cancer").Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("A 7-year-old girl has a pilocytic astrocytoma of the optic chiasm.", "PAST")]
    [InlineData("A 6-year-old boy has an optic pathway glioma.", "ENCG")]
    public void Extract_ALowGradeGliomaOfChildhood_IsNamedAsSuch(string note, string code)
    {
        NoteReader.Extract(note).Diagnoses.Should().ContainSingle().Which.OncoTreeCode.Should().Be(code);
    }

    private const string TransplantTitle = "Peripheral Stem Cell Transplantation in Treating Patients With Hodgkin's Disease";

    [Fact]
    public void ATransplantTrial_PresumesAnUntreatedEarlyCancerIneligible()
    {
        const string note = "A 24-year-old woman has classical Hodgkin lymphoma, stage IIA, with no bulky disease. She has not started any treatment.";

        Evaluate(TransplantTitle, note, "Hodgkin's Disease").Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("A 24-year-old woman had ABVD for stage IIA classical Hodgkin lymphoma in 2024; it relapsed in the mediastinum this year.", "Hodgkin's Disease")]
    [InlineData("A 24-year-old woman has classical Hodgkin lymphoma, stage IVB, with marrow involvement. She has not started any treatment.", "Hodgkin's Disease")]
    [InlineData("A 58-year-old man has newly diagnosed multiple myeloma, ISS stage I, standard risk. He has not started any treatment.", "Multiple Myeloma")]
    public void ATransplantTrial_SaysNothingOfARelapsedAdvancedOrMyelomaPatient(string note, string condition)
    {
        Evaluate(TransplantTitle.Replace("Hodgkin's Disease", condition, StringComparison.Ordinal), note, condition)
            .Criteria.Should().NotContain(c => (c.Evidence ?? string.Empty).Contains("a treatment of relapsed, advanced or high-risk disease"));
    }
}
