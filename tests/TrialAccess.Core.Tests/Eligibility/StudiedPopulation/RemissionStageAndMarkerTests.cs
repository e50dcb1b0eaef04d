using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.StudiedPopulation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of a patient's place in the course of the cancer and of trials' populations: a first remission, a stage IVA
/// that stays regional, a non-invasive bladder cancer, castration resistance, gene-defined leukaemia populations, a
/// transplant in a title, "never had" and "the plan is". Each case is invented text.
/// </summary>
public sealed class RemissionStageAndMarkerTests
{
    private const string FirstRemission = "A 70-year-old woman with acute myeloid leukaemia, FLT3-ITD and TKD negative, NPM1 wild-type, had induction with daunorubicin and cytarabine and reached complete remission. She remains in first complete remission after consolidation. She is not a candidate for allogeneic transplant.";

    private static TrialEvaluation Evaluate(string title, string note, string condition, string? officialTitle = null) =>
        ReadingTestKit.EvaluateTitled(title, note, condition, officialTitle);

    [Theory]
    [InlineData("She remains in first complete remission.", DiseaseSetting.FirstRemission)]
    [InlineData("She achieved CR1 after one course of induction.", DiseaseSetting.FirstRemission)]
    [InlineData("She is now in second complete remission after salvage.", DiseaseSetting.Relapsed)]
    [InlineData("Marrow confirms CR2.", DiseaseSetting.Relapsed)]
    public void Extract_ARemission_IsReadWithItsOrder(string sentence, DiseaseSetting expected)
    {
        NoteReader.Extract("A 50-year-old woman with acute myeloid leukemia. " + sentence).Settings.Should().Contain(s => s.Setting == expected);
    }

    [Theory]
    [InlineData("She failed to achieve remission after two courses.")]
    [InlineData("Induction aims to put her into remission.")]
    [InlineData("Creatinine rose after the contrast, with a rise in Cr of 0.4.")]
    public void Extract_ARemissionNotReached_OrAnotherCr_IsNotARemission(string sentence)
    {
        NoteReader.Extract("A 50-year-old woman with acute myeloid leukemia. " + sentence).Settings.Should().NotContain(s => s.Setting == DiseaseSetting.FirstRemission);
    }

    [Fact]
    public void Treatment_InFirstRemission_IsNeitherUntreatedNorRelapsed()
    {
        PatientSetting.Treatment(NoteReader.Extract(FirstRemission))!.Value.Should().Be(TreatmentState.FirstRemission);
    }

    [Fact]
    public void Treatment_ARemissionThatEnded_IsNotAFirstRemission()
    {
        const string note = "A 66-year-old man with chronic lymphocytic leukaemia had six cycles of fludarabine, cyclophosphamide and rituximab in 2018 and stayed in complete remission for five years. He now has progressive disease needing treatment.";

        PatientSetting.Treatment(NoteReader.Extract(note))!.Value.Should().NotBe(TreatmentState.FirstRemission);
    }

    [Theory]
    [InlineData("Idasanutlin in Relapsed or Refractory Acute Myeloid Leukemia")]
    [InlineData("Gemtuzumab in Older Patients With Acute Myeloid Leukemia in First Relapse")]
    [InlineData("Intensive Induction for Newly Diagnosed Acute Myeloid Leukemia")]
    public void APatientInFirstRemission_AgainstARelapsedOrInductionTrial_IsLikelyIneligible(string title)
    {
        var evaluation = Evaluate(title, FirstRemission, "Acute Myeloid Leukemia");

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Evidence.Should().Contain("is in first remission");
    }

    [Fact]
    public void APatientInFirstRemission_AgainstAMaintenanceTrial_IsNotFailedOnItsSetting()
    {
        Evaluate("Oral Azacitidine Maintenance for Acute Myeloid Leukemia in First Complete Remission", FirstRemission, "Acute Myeloid Leukemia")
            .Failing.Should().BeEmpty();
    }

    [Fact]
    public void Extract_FlT3AlterationsTestedTogether_ShareOneResult()
    {
        var profile = NoteReader.Extract(FirstRemission);

        profile.Biomarkers.Should().Contain(b => b.Marker == "FLT3" && b.Status == BiomarkerStatus.Negative);
        profile.Biomarkers.Should().Contain(b => b.Marker == "NPM1" && b.Status == BiomarkerStatus.WildType);
    }

    [Theory]
    [InlineData("Quizartinib in FLT3-ITD Mutant Acute Myeloid Leukemia")]
    [InlineData("Enasidenib in IDH2-Mutated Acute Myeloid Leukemia")]
    public void AGeneDefinedLeukaemiaTrial_AgainstAPatientWithoutTheAlteration_Fails(string title)
    {
        const string note = "A 70-year-old woman with newly diagnosed acute myeloid leukaemia, FLT3 negative, no IDH1 or IDH2 mutation.";

        Evaluate(title, note, "Acute Myeloid Leukemia").Failing.Should().ContainSingle().Which.Evidence.Should().Contain("negative");
    }

    [Fact]
    public void ATransplantInATitle_AgainstAPatientWhoCannotHaveOne_IsLikelyIneligible()
    {
        var evaluation = Evaluate("Allogeneic HCT Using Nonmyeloablative Conditioning Versus Standard Care in AML", FirstRemission, "Acute Myeloid Leukemia");

        evaluation.Failing.Should().Contain(f => f.Evidence != null && f.Evidence.Contains("cannot have a transplant"));
    }

    private const string RegionalHeadAndNeck = "A 61-year-old man with squamous cell carcinoma of the right pyriform sinus, T3 N2b, stage IVA. PET-CT shows no distant disease. He has had no treatment.";

    [Fact]
    public void Extract_ACancerOfThePyriformSinus_IsAHeadAndNeckSquamousCancer()
    {
        NoteReader.Extract(RegionalHeadAndNeck).Diagnoses.Should().Contain(d => d.OncoTreeCode == "HNSC");
    }

    [Fact]
    public void AStageIvaCancerWithNoDistantDisease_IsRegional_AndFailsATrialOfMetastaticDisease()
    {
        var stage = NoteReader.Extract(RegionalHeadAndNeck).Diagnoses.Single(d => d.IsPrimary).Stage!;
        stage.Distant.Should().BeFalse();

        Evaluate("Fenretinide in Treating Patients With Recurrent or Metastatic Head and Neck Cancer", RegionalHeadAndNeck, "Head and Neck Cancer")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("A 66-year-old man with lung adenocarcinoma, stage IVA.")]
    [InlineData("A 66-year-old man with lung adenocarcinoma, stage IV.")]
    public void AStageIvCancer_NotRecordedAsRegional_IsStillDistant(string note)
    {
        NoteReader.Extract(note).Diagnoses.Single(d => d.IsPrimary).Stage!.Distant.Should().BeTrue();
        Evaluate("Docetaxel in Metastatic Non-Small Cell Lung Cancer", note, "Non-small Cell Lung Cancer").Failing.Should().BeEmpty();
    }

    [Fact]
    public void ANonInvasivePapillaryBladderCancer_IsConfinedToTheLining_AndFailsTrialsOfInvasiveOrMetastaticDisease()
    {
        const string note = "A 67-year-old man: transurethral resection showed high-grade non-invasive papillary urothelial carcinoma with carcinoma in situ. He has never had intravesical BCG or chemotherapy.";

        var profile = NoteReader.Extract(note);
        profile.Diagnoses.Single(d => d.IsPrimary).Stage!.Early.Should().BeTrue();
        profile.Therapies.Should().Contain(t => t.Name == "bcg" && t.Certainty == Certainty.Negated);
        Evaluate("Oxaliplatin in Treating Patients With Metastatic Bladder Cancer", note, "Bladder Cancer").Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Evaluate("Combination Chemotherapy in Treating Patients With Stage II Bladder Cancer", note, "Bladder Cancer").Failing
            .Should().ContainSingle().Which.Evidence.Should().Contain("in situ");
    }

    [Theory]
    [InlineData("Conformal Radiotherapy With Androgen Deprivation for Clinically Localized Prostate Cancer", "Prostate Cancer")]
    [InlineData("Radiotherapy for Early Prostate Cancer", "Stage I Prostate Adenocarcinoma")]
    public void ACastrationResistantPatient_AgainstATrialOfLocalisedDisease_IsLikelyIneligible(string title, string condition)
    {
        const string note = "A 76-year-old man had radiotherapy for prostate adenocarcinoma in 2018. On leuprorelin his PSA is rising: non-metastatic castration-resistant disease on CT and bone scan.";

        var evaluation = Evaluate(title, note, condition);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Evidence.Should().Contain("castration-resistant");
    }

    private const string OperatedWithResidualDisease = "A 46-year-old woman with HER2-positive invasive ductal carcinoma of the breast had neoadjuvant docetaxel and trastuzumab, then a wide local excision with axillary node clearance three weeks ago: 1.2 cm of invasive carcinoma remains.";

    [Theory]
    [InlineData("Pre Operative Trastuzumab in Operable Breast Cancer")]
    [InlineData("Neoadjuvant Chemotherapy for Stage II or III Breast Cancer")]
    public void APrimaryAlreadyOperatedOn_AgainstATrialBeforeSurgery_IsLikelyIneligible(string title)
    {
        var evaluation = Evaluate(title, OperatedWithResidualDisease, "Breast Cancer");

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Evidence.Should().Contain("operated on");
    }

    [Theory]
    [InlineData("Trastuzumab Emtansine for Operable Breast Cancer")]
    [InlineData("Adjuvant Trastuzumab After Surgery for Breast Cancer")]
    public void APrimaryAlreadyOperatedOn_AgainstAnOperableOrAdjuvantTrial_IsNotFailedOnItsTiming(string title)
    {
        Evaluate(title, OperatedWithResidualDisease, "Breast Cancer").Failing.Should().BeEmpty();
    }

    private const string CannotHaveTheOperation = "A 67-year-old man with squamous cell carcinoma of the mid-thoracic oesophagus, cT3 N1 M0, stage III. He is not fit for oesophagectomy because of severe COPD. Plan: definitive chemoradiotherapy.";

    [Theory]
    [InlineData("Combination Chemotherapy Plus Radiation Therapy Followed By Surgery in Treating Patients With Esophageal Cancer")]
    [InlineData("Surgery With or Without Chemotherapy in Treating Patients With Cancer of the Esophagus")]
    public void ATrialThatOperates_AgainstAPatientWhoCannotHaveTheOperation_IsLikelyIneligible(string title)
    {
        var evaluation = Evaluate(title, CannotHaveTheOperation, "Esophageal Cancer");

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().Contain(f => f.Evidence != null && f.Evidence.Contains("cannot have the operation"));
    }

    [Theory]
    [InlineData("Chemoradiotherapy Instead of Surgery for Esophageal Cancer")]
    [InlineData("Stereotactic Radiosurgery in Patients With Esophageal Cancer Who Cannot Undergo Surgery")]
    public void ATrialThatAvoidsTheOperation_AgainstAPatientWhoCannotHaveIt_IsNotFailedOnIt(string title)
    {
        Evaluate(title, CannotHaveTheOperation, "Esophageal Cancer").Failing.Should().NotContain(f => f.Evidence != null && f.Evidence.Contains("cannot have the operation"));
    }

    private const string CannotHaveCisplatin = "A 69-year-old man with metastatic urothelial carcinoma of the renal pelvis, lung metastases, no systemic therapy so far. Not fit for cisplatin: eGFR 41 mL/min.";

    [Theory]
    [InlineData("Gemcitabine and Cisplatin in Treating Patients With Metastatic Urothelial Cancer")]
    [InlineData("Avelumab in Cisplatin-Eligible Patients With Metastatic Urothelial Cancer")]
    public void ATrialThatGivesCisplatin_AgainstAPatientWhoCannotHaveIt_IsLikelyIneligible(string title)
    {
        var evaluation = Evaluate(title, CannotHaveCisplatin, "Urothelial Carcinoma");

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Evidence.Should().Contain("cannot have cisplatin");
    }

    [Theory]
    [InlineData("Pembrolizumab in Cisplatin-Ineligible Patients With Metastatic Urothelial Cancer")]
    [InlineData("Vinflunine After Cisplatin-Based Chemotherapy in Urothelial Cancer")]
    public void ATrialForPatientsWhoCannotHaveCisplatin_OrAfterIt_IsNotFailedOnIt(string title)
    {
        Evaluate(title, CannotHaveCisplatin, "Urothelial Carcinoma").Failing.Should().BeEmpty();
    }

    [Fact]
    public void ATrialForPatientsWhoCannotHaveCisplatin_AgainstAPatientWhoCan_IsLikelyIneligible()
    {
        const string note = "A 62-year-old man with metastatic urothelial carcinoma of the bladder, untreated. He is cisplatin-eligible, with eGFR 78 mL/min.";

        Evaluate("Pembrolizumab in Cisplatin-Ineligible Patients With Metastatic Urothelial Cancer", note, "Urothelial Carcinoma")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("She has never had chemotherapy.", "chemotherapy", Certainty.Negated)]
    [InlineData("The plan is neoadjuvant methotrexate, doxorubicin and cisplatin followed by surgery.", "methotrexate", Certainty.Hypothetical)]
    public void Extract_NeverHadAndThePlanIs_AreNotTreatmentsGiven(string sentence, string drug, Certainty expected)
    {
        NoteReader.Extract("A 14-year-old girl with osteosarcoma of the femur. " + sentence).Therapies
            .Should().Contain(t => t.Name == drug).Which.Certainty.Should().Be(expected);
    }
}
