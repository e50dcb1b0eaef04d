using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of a cancer's cell type against the one a rule names, of a cancer to be operated on or already removed
/// against unresectable disease, of a liver tumour in the portal vein, of an early-stage trial, and of the note's words
/// for results, plans and denials they rest on. Each case is invented text.
/// </summary>
public sealed class HistologyAndSettingTests
{
    [Theory]
    [InlineData("A 57-year-old man had a parotidectomy for adenoid cystic carcinoma of the parotid gland; he now has lung metastases.", "Histologically proven squamous cell carcinoma of the head and neck")]
    [InlineData("A 41-year-old woman had a total thyroidectomy for papillary thyroid carcinoma.", "Histologically proven medullary thyroid carcinoma")]
    public void Evaluate_ACellTypeTheRuleNames_IsPresumedNotMetByAnotherRecordedOne(string note, string criterion)
    {
        var evaluation = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(note));

        (evaluation.Outcome, evaluation.Basis).Should().Be((CriterionOutcome.NotMet, OutcomeBasis.Presumed));
    }

    [Theory]
    [InlineData("A 60-year-old man with lung adenocarcinoma, stage IV.", "Non small cell lung cancer")]
    [InlineData("A 60-year-old man with squamous cell carcinoma of the lung, stage IV.", "Non-small cell lung cancer of any histology")]
    public void Evaluate_ANonSmallCellRule_IsNoSmallCellHistology(string note, string criterion)
    {
        ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(note)).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Extract_AdenoidCysticCarcinoma_IsASalivaryCarcinoma()
    {
        NoteReader.Extract("A 52-year-old man had a submandibular gland excision for adenoid cystic carcinoma in 2019.")
            .Diagnoses.Should().Contain(d => d.OncoTreeCode == "ACYC");
    }

    private const string Operable = "A 66-year-old man has a 4.6 cm squamous cell carcinoma of the left lower lobe with one involved subcarinal node; the stage is IIIA (cT2b N2 M0). The thoracic surgeon considers a lobectomy feasible, and the plan is neoadjuvant chemo-immunotherapy followed by surgery; he has had no treatment yet.";

    [Fact]
    public void Extract_TheStageWrittenAfterIs_AndAnOperationThoughtFeasible_AreReadAsSuch()
    {
        var patient = NoteReader.Extract(Operable);

        patient.Diagnoses.Should().Contain(d => d.Stage != null && d.Stage.Group == "IIIA");
        patient.Therapies.Should().Contain(t => t.Name == "lobectomy" && t.Certainty == Certainty.Hypothetical);
    }

    // Alone, and inside a run-together block read whole (as a single criterion is).
    [Theory]
    [InlineData("Inoperable stage IIIA or IIIB disease")]
    [InlineData("DISEASE CHARACTERISTICS: Histologically proven non-small cell lung cancer Stages II-IIIB Medically inoperable stage II and IIIA Unresectable stage IIIB Pleural effusion allowed if cytologically negative")]
    public void Evaluate_InoperableStageIII_IsPresumedNotMetByACancerToBeOperatedOn(string criterion)
    {
        var evaluation = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(Operable));

        (evaluation.Outcome, evaluation.Basis).Should().Be((CriterionOutcome.NotMet, OutcomeBasis.Presumed));
    }

    [Fact]
    public void Evaluate_InoperableStageIIIA_IsMetByAStageIIIANobodyPlansToOperateOn()
    {
        var patient = ReadingTestKit.Note("A 66-year-old man has squamous cell carcinoma of the lung, stage IIIA.");

        ReadingTestKit.Evaluate("Stage IIIA or IIIB disease", patient).Outcome.Should().Be(CriterionOutcome.Met);
        ReadingTestKit.Evaluate("Inoperable stage IIIA or IIIB disease", patient).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AnAdvancedOrRecurrentTrial_IsLikelyIneligibleForACancerToBeOperatedOn()
    {
        ReadingTestKit.EvaluateTitled("Bevacizumab With Chemotherapy in Patients With Advanced or Recurrent Non-Squamous Cell Lung Cancer", Operable, "Lung Cancer")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_LocallyAdvancedUnresectableDisease_IsPresumedNotMetByACancerRemovedWithNothingLeft()
    {
        var patient = ReadingTestKit.Note("A 62-year-old man underwent a pancreaticoduodenectomy six weeks ago for a distal cholangiocarcinoma, pT2 N1, with clear (R0) margins. Postoperative CT shows no residual disease.");

        var evaluation = ReadingTestKit.Evaluate("Histologically confirmed locally advanced, unresectable carcinoma of the biliary tree. Metastatic disease allowed on a case by case basis", patient);

        (evaluation.Outcome, evaluation.Basis).Should().Be((CriterionOutcome.NotMet, OutcomeBasis.Presumed));
    }

    private const string PortalVein = "A 64-year-old man with cirrhosis has a 9 cm hepatocellular carcinoma with tumour thrombus in the right portal vein and no extrahepatic spread. He has had no treatment for the cancer.";

    [Fact]
    public void Evaluate_AChemoembolisationTrial_IsLikelyIneligibleForATumourInThePortalVein()
    {
        ReadingTestKit.EvaluateTitled("Transarterial Chemoembolization for Hepatocellular Carcinoma", PortalVein, "Hepatocellular Carcinoma")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("Transarterial Chemoembolization for Hepatocellular Carcinoma With Portal Vein Tumor Thrombus", PortalVein)]
    [InlineData("Transarterial Chemoembolization for Hepatocellular Carcinoma", "A 64-year-old man with cirrhosis has a 6 cm hepatocellular carcinoma without portal vein invasion. He has had no treatment for the cancer.")]
    public void Evaluate_AChemoembolisationTrial_IsNotFailed_WhenItTakesTheVeinOrTheVeinIsFree(string title, string note)
    {
        ReadingTestKit.EvaluateTitled(title, note, "Hepatocellular Carcinoma").Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    private const string Maintenance = "A 49-year-old woman with stage IIIC high-grade serous carcinoma of the ovary received six cycles of carboplatin and paclitaxel around interval debulking surgery. CT shows no evidence of disease, a complete response to first-line platinum chemotherapy. Bevacizumab was not given. She is not pregnant or breastfeeding.";

    [Fact]
    public void Extract_ACompleteResponseToFirstLineTreatment_IsAFirstRemission()
    {
        PatientSetting.Treatment(ReadingTestKit.Note(Maintenance))!.Value.Should().Be(TreatmentState.FirstRemission);
    }

    [Fact]
    public void Extract_ADrugNotGiven_AndBreastfeedingDeniedWithPregnancy_AreDenied()
    {
        var patient = NoteReader.Extract(Maintenance);

        patient.Therapies.Should().Contain(t => t.Name == "bevacizumab" && t.Certainty == Certainty.Negated);
        patient.Breastfeeding!.Value.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AnEarlyStageTrial_IsLikelyIneligibleForAStageIIICCancer_ButEarlyBreastCancerTakesStageIIIA()
    {
        ReadingTestKit.EvaluateTitled("Adjuvant Chemotherapy Compared With Observation in Patients With Resected Early Stage Ovarian Cancer", Maintenance, "Ovarian Cancer")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        ReadingTestKit.EvaluateTitled("Adjuvant Trastuzumab in Early Breast Cancer", "A 50-year-old woman had a mastectomy for a stage IIIA HER2-positive breast cancer.", "Breast Cancer")
            .Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Theory]
    [InlineData("A 49-year-old woman with a germline BRCA1 pathogenic variant and ovarian cancer.", true)]
    [InlineData("A 49-year-old woman with ovarian cancer; a BRCA2 variant of uncertain significance was found.", false)]
    public void Extract_APathogenicVariant_IsAPositiveResult_AVariantOfUncertainSignificanceIsNot(string note, bool positive)
    {
        NoteReader.Extract(note).Biomarkers.Any(b => b.Marker.StartsWith("BRCA", StringComparison.Ordinal) && b.Status == BiomarkerStatus.Positive).Should().Be(positive);
    }

    [Fact]
    public void Extract_PdL1ExpressedOnAShareOfCells_IsItsValue()
    {
        NoteReader.Extract("A 66-year-old man with lung cancer. PD-L1 is expressed on 20% of tumour cells.")
            .Biomarkers.Should().Contain(b => b.Marker == "PD-L1" && b.Value == 20m);
    }

    [Fact]
    public void Extract_Ca199_IsNoCalcium()
    {
        NoteReader.Extract("A 62-year-old man with cholangiocarcinoma; CA 19-9 has fallen to 28 U/mL.")
            .LabResults.Should().NotContain(l => l.Analyte == "calcium");
    }

    [Theory]
    [InlineData("Patients must have a histologically proven Her2 overexpressing malignancy as determined by any standardized assay")]
    [InlineData("Her2 overexpressing breast cancer")]
    public void Parse_AHer2ResultAskedFor_IsABiomarkerRule_WhateverTheCaseOrTheAssayWords(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.Should().Contain(c => c is BiomarkerConstraint);
    }

    [Fact]
    public void Parse_WithNoPreviousTreatment_IsATreatmentNaiveRule()
    {
        CriterionParser.Default.Parse("with no previous treatment", CriterionRole.Inclusion).Constraints.Should().Contain(c => c is PriorTherapyConstraint);
    }

    [Theory]
    [InlineData("Must have failed at least 1 standard therapy")]
    [InlineData("No more than 2 prior therapies")]
    public void Parse_TherapiesCounted_AreLinesOfTherapy(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.OfType<PriorTherapyConstraint>()
            .Should().ContainSingle(c => c.MinimumLines != null || c.MaximumLines != null);
    }

    [Fact]
    public void Evaluate_UndergoingRadiotherapy_IsNotMetByRadiotherapyYearsAgo()
    {
        var patient = ReadingTestKit.Note("A 52-year-old man had surgery and postoperative radiotherapy for a tongue cancer in 2019.");

        ReadingTestKit.Evaluate("Head and neck cancer undergoing definitive radiotherapy", patient).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Parse_NotCurableByRadiotherapy_IsNoHistoryOfIt()
    {
        CriterionParser.Default.Parse("Patients must be incurable and not be potentially curable by radiation therapy", CriterionRole.Inclusion)
            .Constraints.Should().NotContain(c => c is PriorTherapyConstraint);
    }

    [Fact]
    public void Evaluate_ARunTogetherBlock_ThatConfirmsADiagnosisBeforeAGrant_IsARequirement()
    {
        var patient = ReadingTestKit.Note("A 62-year-old man with metastatic pancreatic adenocarcinoma.");

        ReadingTestKit.Evaluate("DISEASE CHARACTERISTICS: Histologically confirmed carcinoma of the biliary tree Metastatic disease allowed on a case by case basis", patient)
            .Outcome.Should().NotBe(CriterionOutcome.NotApplicable);
    }
}
