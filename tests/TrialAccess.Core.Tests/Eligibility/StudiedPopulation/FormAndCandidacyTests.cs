using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of a head and neck cancer named in two parts, of a treatment ruled out rather than had, of a liver-directed
/// trial after a resection, of a myeloma's response, of a rule naming the form of the studied cancer the patient is in,
/// and of an advanced trial against an early cancer to be operated on. Each case is invented text.
/// </summary>
public sealed class FormAndCandidacyTests
{
    [Theory]
    [InlineData("Biopsy of a nasopharyngeal mass shows non-keratinising carcinoma, EBER positive.", "NPC")]
    [InlineData("Biopsy of an ulcer on the lateral border of the tongue: squamous cell carcinoma. Imaging shows a 2 cm tumour of the oral tongue.", "HNSC")]
    [InlineData("Colonoscopy: a sigmoid adenocarcinoma with three liver metastases.", "COAD")]
    public void Extract_ATumourPlacedInAnOrgan_AndTheBiopsy_NameTheCancer(string note, string code)
    {
        NoteReader.Extract("A 51-year-old man. " + note).Diagnoses.Should().Contain(d => d.Certainty == Certainty.Asserted && d.OncoTreeCode == code);
    }

    [Theory]
    [InlineData("Ineligible for potentially curative surgical resection")]
    [InlineData("Unsuitable for surgical resection")]
    [InlineData("Unfit for surgery")]
    public void Evaluate_ATreatmentRuledOut_IsNotMetByTheOperationTheRecordHolds(string criterion)
    {
        var patient = ReadingTestKit.Note("A 60-year-old man had a hepatectomy for hepatocellular carcinoma last year.");

        var evaluation = ReadingTestKit.Evaluate(criterion, patient);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ACandidacyForTheTreatment_StaysAReadingOfWhatIsToCome()
    {
        var patient = ReadingTestKit.Note("A 60-year-old man had a hepatectomy for hepatocellular carcinoma last year.");

        ReadingTestKit.Evaluate("Eligible for surgical resection", patient).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    private const string Resected = "A 59-year-old man had a left hepatectomy five weeks ago for a 5 cm hepatocellular carcinoma; margins were clear (R0) and the postoperative CT shows no residual disease. No systemic therapy. ECOG 0.";

    [Theory]
    [InlineData("Chemoembolization With or Without Sorafenib for Hepatocellular Carcinoma")]
    [InlineData("Radiofrequency Ablation of Hepatocellular Carcinoma")]
    public void Evaluate_ALiverDirectedTrial_AfterAResectionWithNothingLeft_IsLikelyIneligible(string title)
    {
        ReadingTestKit.EvaluateTitled(title, Resected, "Hepatocellular Carcinoma").Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_AChemoembolisationTrial_ForACancerSpreadToTheLungs_IsLikelyIneligible()
    {
        ReadingTestKit.EvaluateTitled(
                "Chemoembolization in Treating Patients With Liver Cancer That Cannot Be Removed by Surgery",
                "A 66-year-old man with hepatocellular carcinoma, BCLC stage C with portal vein invasion and lung metastases, progressing after atezolizumab and bevacizumab.",
                "Localized Unresectable Hepatocellular Carcinoma")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("Chemoembolization After Hepatectomy for Hepatocellular Carcinoma")]
    [InlineData("Adjuvant Sorafenib After Liver Resection for Hepatocellular Carcinoma")]
    public void Evaluate_ALiverTrialAfterTheResection_IsNotFailed(string title)
    {
        ReadingTestKit.EvaluateTitled(title, Resected, "Hepatocellular Carcinoma").Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
    }

    [Theory]
    [InlineData("A 61-year-old man with IgG kappa multiple myeloma. After induction and autologous transplant he is in VGPR.")]
    [InlineData("A 61-year-old man with multiple myeloma who achieved a very good partial response after four cycles of induction.")]
    public void Extract_AMyelomaInVeryGoodPartialResponse_IsInAFirstRemission(string note)
    {
        var patient = NoteReader.Extract(note);

        patient.Settings.Should().Contain(s => s.Setting == DiseaseSetting.FirstRemission);
        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.FirstRemission);
    }

    [Fact]
    public void Extract_AVeryGoodPartialResponseNotReached_IsNoRemission()
    {
        NoteReader.Extract("A 61-year-old man with multiple myeloma who failed to achieve VGPR after induction.").Settings.Should().NotContain(s => s.Setting == DiseaseSetting.FirstRemission);
    }

    [Fact]
    public void Evaluate_ARefractoryMyelomaTrial_ForAMyelomaInVeryGoodPartialResponse_IsLikelyIneligible()
    {
        ReadingTestKit.EvaluateTitled(
                "Pomalidomide in Relapsed or Refractory Multiple Myeloma",
                "A 61-year-old man with IgA multiple myeloma, now day 100 after high-dose melphalan and autologous transplant and in VGPR; no sign of progression.",
                "Multiple Myeloma")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    private const string RelapsedAml = "A 70-year-old man with acute myeloid leukaemia treated with azacitidine and venetoclax; now relapsed with 30% marrow blasts.";

    [Theory]
    [InlineData("Inclusion Criteria:\n* Acute myeloid leukaemia\n* No relapsed AML")]
    [InlineData("Inclusion Criteria:\n* Acute myeloid leukaemia\nExclusion Criteria:\n* Relapsed or refractory AML")]
    public void Evaluate_ARuleNamingTheFormThePatientIsIn_IsAPresumedFailure(string criteria)
    {
        var trial = ReadingTestKit.EvaluateTitled("A Study of Acute Myeloid Leukemia", RelapsedAml, "Acute Myeloid Leukemia", criteria: criteria);

        trial.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_ARelapsedCancerTheRecordStates_IsRecurrentWithoutAStage()
    {
        ReadingTestKit.Evaluate("Relapsed or refractory acute myeloid leukaemia", ReadingTestKit.Note(RelapsedAml)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Recurrent supraventricular arrhythmia", CriterionRole.Exclusion)]
    [InlineData("No cardiac arrhythmias including recurrent supraventricular arrhythmia", CriterionRole.Inclusion)]
    public void Evaluate_AnotherConditionThatRecurs_IsNotTheRelapse(string criterion, CriterionRole role)
    {
        var evaluation = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(RelapsedAml), role);

        evaluation.Fails.Should().BeFalse();
    }

    private const string WithHiv = "A 34-year-old man with HIV infection on antiretroviral therapy, viral load undetectable, has Burkitt lymphoma.";

    [Theory]
    [InlineData("Severe acquired immunodeficiency syndrome (AIDS)-related wasting")]
    [InlineData("HIV-associated nephropathy")]
    [InlineData("Active inadequately treated opportunistic infection of the central nervous system")]
    [InlineData("Active infection requiring intravenous antibiotics")]
    public void Evaluate_AConditionHivCausesOrAnActiveInfection_IsNotHivItself(string exclusion)
    {
        ReadingTestKit.Evaluate(exclusion, ReadingTestKit.Note(WithHiv), CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Chemotherapy in Treating Patients With AIDS-Related Lymphoma", "A 40-year-old man with Burkitt lymphoma, stage IV, untreated.", true)]
    [InlineData("Chemotherapy in Treating Patients With AIDS-Related Lymphoma", "A 40-year-old man with Burkitt lymphoma, stage IV, untreated. HIV negative.", true)]
    [InlineData("Chemotherapy in Treating Patients With AIDS-Related Lymphoma", "A 40-year-old man with HIV infection on antiretroviral therapy has Burkitt lymphoma, stage IV, untreated.", false)]
    [InlineData("Rituximab in HIV-Negative Patients With Burkitt Lymphoma", "A 40-year-old man with Burkitt lymphoma, stage IV, untreated.", false)]
    public void Evaluate_ATrialOfPeopleWithHiv_ForAPatientWithoutIt_IsLikelyIneligible(string title, string note, bool presumedFailure)
    {
        ReadingTestKit.EvaluateTitled(title, note, "Lymphoma").Verdict.Should().Match(v => (v == TrialVerdict.LikelyIneligible) == presumedFailure);
    }

    [Theory]
    [InlineData("A 45-year-old man with nasopharyngeal carcinoma, stage III. No treatment so far; induction chemotherapy is recommended.")]
    [InlineData("A 38-year-old woman with stage II oral cavity cancer, untreated.")]
    public void Extract_ACancerSaidToBeUntreated_IsUntreated(string note)
    {
        NoteReader.Extract(note).Settings.Should().Contain(s => s.Setting == DiseaseSetting.Untreated);
    }

    [Theory]
    [InlineData("A 14-year-old girl with newly diagnosed, non-metastatic osteosarcoma of the femur.")]
    [InlineData("A 14-year-old girl with nonmetastatic osteosarcoma of the femur.")]
    public void Extract_ANonMetastaticCancer_IsNotMetastatic(string note)
    {
        NoteReader.Extract(note).Diagnoses.Single(d => d.OncoTreeCode == "OS").Stage!.Metastatic.Should().BeFalse();
    }

    [Fact]
    public void Extract_AnotherConditionLeftUntreated_SaysNothingOfTheCancer()
    {
        NoteReader.Extract("A 60-year-old man with lung cancer and hypertension, untreated for years.").Settings.Should().NotContain(s => s.Setting == DiseaseSetting.Untreated);
    }

    [Theory]
    [InlineData("A 70-year-old woman with acute myeloid leukaemia, normal karyotype, NPM1 wild-type and FLT3 negative, in first complete remission.", CriterionOutcome.NotMet)]
    [InlineData("A 70-year-old woman with acute myeloid leukaemia in first complete remission.", CriterionOutcome.Unknown)]
    [InlineData("A 40-year-old woman with acute myeloid leukaemia, FLT3 negative, PML::RARA detected.", CriterionOutcome.Unknown)]
    public void Evaluate_PromyelocyticLeukaemia_AgainstAnAmlWhoseWorkupLacksTheFusion_IsPresumedAnotherAml(string note, CriterionOutcome expected)
    {
        ReadingTestKit.Evaluate("Acute promyelocytic leukemia", ReadingTestKit.Note(note)).Outcome.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_HivNamedAsSuch_IsMetByTheRecordedInfection()
    {
        ReadingTestKit.Evaluate("Known HIV infection", ReadingTestKit.Note(WithHiv), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ARuleNamingAnotherForm_StaysAQuestion()
    {
        var trial = ReadingTestKit.EvaluateTitled("A Study of Acute Myeloid Leukemia", RelapsedAml, "Acute Myeloid Leukemia", criteria: "Inclusion Criteria:\n* Acute myeloid leukaemia\n* No secondary AML");

        trial.Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
    }

    private const string TongueToBeOperated = "A 40-year-old woman with squamous cell carcinoma of the oral tongue, cT2 N0, untreated. She is booked for partial glossectomy with neck dissection next month.";

    [Fact]
    public void Evaluate_AnInductionBeforeChemoradiationForInoperableDisease_ForACancerToBeOperatedOn_IsLikelyIneligible()
    {
        ReadingTestKit.EvaluateTitled(
                "Two Induction Regimens in Head and Neck Cancer",
                TongueToBeOperated,
                "Head and Neck Cancer",
                officialTitle: "Randomised Trial of Neoadjuvant Cisplatin and Fluorouracil With or Without Paclitaxel in Locally Advanced Inoperable Squamous Cell Carcinoma of the Head and Neck")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_ANeoadjuvantTrialBeforeSurgery_ForACancerToBeOperatedOn_IsNotFailed()
    {
        ReadingTestKit.EvaluateTitled(
                "Neoadjuvant Immunotherapy Before Surgery in Operable Oral Cavity Cancer",
                TongueToBeOperated,
                "Head and Neck Cancer")
            .Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
    }

    [Theory]
    [InlineData("Cryotherapy for Unresectable Liver Metastases From Colorectal Cancer", true)]
    [InlineData("Adjuvant Chemotherapy After Resection of Liver Metastases From Colorectal Cancer", false)]
    public void Evaluate_ATrialOfUnresectableMetastases_AfterTheMetastasesWereRemoved_IsLikelyIneligible(string title, bool presumedFailure)
    {
        ReadingTestKit.EvaluateTitled(
                title,
                "A 57-year-old man with sigmoid adenocarcinoma and three liver metastases had a sigmoid colectomy and a right hepatectomy; all margins were clear and CT now shows no residual disease.",
                "Colorectal Cancer")
            .Verdict.Should().Match(v => (v == TrialVerdict.LikelyIneligible) == presumedFailure);
    }

    [Theory]
    [InlineData("Hydroxyurea was started three days ago to bring the white count down; no tyrosine kinase inhibitor yet.", true)]
    [InlineData("She has been treated with imatinib for two years.", false)]
    public void Evaluate_ATransplantTrial_ForChronicPhaseLeukaemiaOnlyCytoreduced_IsLikelyIneligible(string treatment, bool presumedFailure)
    {
        ReadingTestKit.EvaluateTitled(
                "Allogeneic Bone Marrow Transplantation in Treating Patients With Chronic Myelogenous Leukemia",
                "A 45-year-old woman with newly found chronic myeloid leukaemia in chronic phase, BCR-ABL1 positive. " + treatment,
                "Chronic Myelogenous Leukemia")
            .Verdict.Should().Match(v => (v == TrialVerdict.LikelyIneligible) == presumedFailure);
    }

    [Theory]
    [InlineData("stage ii prostate adenocarcinoma")]
    [InlineData("Stage II Prostate Adenocarcinoma")]
    public void Evaluate_ATrialOfEarlyStagesWrittenInEitherCase_ForACastrationResistantCancer_IsLikelyIneligible(string condition)
    {
        ReadingTestKit.EvaluateTitled(
                "A Study of Prostate Cancer",
                "A 76-year-old man had radical radiotherapy for prostate adenocarcinoma eight years ago; on leuprorelin with a castrate testosterone his PSA keeps rising: non-metastatic castration-resistant disease.",
                condition)
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_AnAdvancedHeadAndNeckTrial_ForAnEarlyCancerToBeOperatedOn_IsLikelyIneligible()
    {
        ReadingTestKit.EvaluateTitled(
                "Chemotherapy Plus Radiation Therapy in Treating Patients With Advanced Head and Neck Cancer",
                "A 40-year-old woman with squamous cell carcinoma of the oral tongue, cT2 N0, stage II, untreated. She is booked for partial glossectomy with neck dissection next month.",
                "Head and Neck Cancer")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }
}
