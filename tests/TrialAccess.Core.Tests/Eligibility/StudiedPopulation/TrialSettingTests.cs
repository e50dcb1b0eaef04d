using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.StudiedPopulation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>The trial's line and setting (first line, relapsed, castration and platinum sensitivity, liver-directed) against the patient's.</summary>
public class TrialSettingTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    private static ClinicalTrial Trial(string title, params string[] conditions) => new()
    {
        NctId = NctId.Parse("NCT09000002"),
        BriefTitle = title,
        Conditions = conditions,
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* Age 18 or older" },
    };

    private static IEnumerable<PopulationTrait> Traits(string title, PopulationAxis axis) =>
        TrialPopulationReader.Read(Trial(title, "Cancer"), OncologyVocabulary.BuiltIn).Traits.Where(t => t.Axis == axis);

    private static TrialEvaluation Evaluate(ClinicalTrial trial, string note) =>
        EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), NoteReader.Extract(note), Context);

    private static List<CriterionEvaluation> Population(TrialEvaluation evaluation) =>
        evaluation.Criteria.Where(c => c.Criterion.Segment.Text.StartsWith("studied population", StringComparison.Ordinal)).ToList();

    private const string NewlyDiagnosedGlioblastoma = "64-year-old man with a newly diagnosed glioblastoma. He had a gross total resection and is about to start radiotherapy with temozolomide. No prior treatment.";
    private const string LymphomaAfterTwoLines = "A 59-year-old woman with diffuse large B-cell lymphoma relapsed after R-CHOP. She has received two prior lines of therapy.";
    private const string UntreatedMetastaticLung = "A 45-year-old man with stage IV non-small cell lung cancer. He has received no systemic therapy yet.";

    [Theory]
    [InlineData("Bortezomib in Treating Patients With Recurrent Glioma", "recurrent")]
    [InlineData("Drug Y in Newly Diagnosed Multiple Myeloma", "newly diagnosed")]
    [InlineData("CMA-676 in Patients With Acute Myeloid Leukemia in First Relapse", "previously treated")]
    [InlineData("Second Line Therapy in Small Cell Lung Cancer", "previously treated")]
    public void Read_FindsTheLine(string title, string value)
    {
        Traits(title, PopulationAxis.PriorTreatment).Select(t => t.Value).Should().Contain(value);
    }

    [Theory]
    [InlineData("Drug in Recurrent or Metastatic Head and Neck Cancer")]
    [InlineData("First-line Chemotherapy in Stage IV or Recurrent Non-small Cell Lung Cancer")]
    [InlineData("Drug in Locally Recurrent or Metastatic Bladder Cancer")]
    public void Read_RecurrentAsAnAlternativeToAnExtent_IsNoLine(string title)
    {
        Traits(title, PopulationAxis.PriorTreatment).Should().NotContain(t => t.Value == "recurrent");
    }

    [Fact]
    public void Read_FirstLineNamedAsWhatCameBefore_IsNotAFirstLineTrial()
    {
        Traits("Oral Topotecan for Patients Who Have Relapsed After Completion of First Line Therapy", PopulationAxis.PriorTreatment)
            .Select(t => t.Value).Should().BeEquivalentTo(["previously treated"]);
    }

    [Theory]
    [InlineData("Chemotherapy in Androgen Independent Prostate Cancer", "resistant")]
    [InlineData("Enzalutamide in Metastatic Castration-Resistant Prostate Cancer", "resistant")]
    [InlineData("Docetaxel in Metastatic Hormone-Sensitive Prostate Cancer", "sensitive")]
    public void Read_FindsTheCastrationSetting(string title, string value)
    {
        Traits(title, PopulationAxis.Castration).Select(t => t.Value).Should().BeEquivalentTo([value]);
    }

    [Theory]
    [InlineData("Weekly Paclitaxel in Ovarian Cancer Refractory to Paclitaxel and Platinum", "resistant")]
    [InlineData("Drug in Platinum-Resistant Ovarian Cancer", "resistant")]
    [InlineData("Olaparib Maintenance in Platinum-Sensitive Relapsed Ovarian Cancer", "sensitive")]
    public void Read_FindsThePlatinumSetting(string title, string value)
    {
        Traits(title, PopulationAxis.Platinum).Select(t => t.Value).Should().BeEquivalentTo([value]);
    }

    [Fact]
    public void Read_LiverDirectedTherapy_IsDiseaseConfinedToTheLiver()
    {
        Traits("Transarterial Chemoembolization for Hepatocellular Carcinoma", PopulationAxis.Extent).Select(t => t.Value)
            .Should().BeEquivalentTo(["Early", "LocallyAdvanced"]);
    }

    [Theory]
    [InlineData("Prospective Randomized Trial Comparing Robotic Versus Open Radical Prostatectomy", true)]
    [InlineData("Sentinel Node Biopsy Before Mastectomy in Breast Cancer", true)]
    [InlineData("VATS Lobectomy Versus Open Lobectomy for Lung Cancer", true)]
    [InlineData("Exercise for Shoulder Function After Mastectomy", false)]
    [InlineData("Pain Management Following Radical Prostatectomy", false)]
    [InlineData("Cytoreductive Radical Prostatectomy in Oligometastatic Prostate Cancer", false)]
    public void Read_ACurativeResectionUnderStudy_IsLocalisedDisease(string title, bool localised)
    {
        var extents = Traits(title, PopulationAxis.Extent).Where(t => t.Label.StartsWith("curative resection", StringComparison.Ordinal)).Select(t => t.Value);
        if (localised)
        {
            extents.Should().BeEquivalentTo(["Early", "LocallyAdvanced"]);
        }
        else
        {
            extents.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("Drug X in EGFR-Mutant NSCLC Progressing on Osimertinib", "Osimertinib")]
    [InlineData("Sorafenib in Advanced Hepatocellular Carcinoma Treated After Transcatheter Arterial Chemoembolization (TACE)", "Transcatheter Arterial Chemoembolization (TACE)")]
    [InlineData("Nilotinib in GIST Refractory to Imatinib", "Imatinib")]
    public void Read_FindsTheNamedTherapyThePopulationHadBefore(string title, string named)
    {
        Traits(title, PopulationAxis.AfterTherapy).Select(t => t.Value).Should().Contain(named);
    }

    [Theory]
    [InlineData("Sorafenib After TACE in Hepatocellular Carcinoma")]
    [InlineData("Capecitabine in Colon Cancer Treated After Surgery")]
    public void Read_ABareAfterOrASurgery_IsNoNamedTherapy(string title)
    {
        Traits(title, PopulationAxis.AfterTherapy).Should().BeEmpty();
    }

    [Fact]
    public void ATrialAfterANamedTherapy_AgainstAPatientWithoutIt_IsLikelyIneligible_AndWithIt_IsNotFailed()
    {
        var trial = Trial("Drug X in EGFR-Mutant NSCLC Progressing on Osimertinib", "Non-small Cell Lung Cancer");

        var without = Evaluate(trial, "A 60-year-old woman with metastatic EGFR exon 19 deleted lung adenocarcinoma who progressed on erlotinib.");
        without.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        var item = Population(without).Should().ContainSingle().Subject;
        item.Basis.Should().Be(OutcomeBasis.Presumed);
        item.Evidence.Should().Contain("Osimertinib").And.Contain("presumed absent");

        var with = Evaluate(trial, "A 60-year-old woman with metastatic EGFR exon 19 deleted lung adenocarcinoma who progressed on osimertinib.");
        Population(with).Should().BeEmpty();
    }

    [Fact]
    public void ATrialAfterAGeneralTherapy_IsLeftToTheLineAxis()
    {
        Population(Evaluate(Trial("Drug X in Lung Cancer Refractory to Standard Therapy", "Non-small Cell Lung Cancer"), UntreatedMetastaticLung))
            .Should().NotContain(c => c.Evidence != null && c.Evidence.Contains("named therapy"));
    }

    [Fact]
    public void ARadicalProstatectomyTrial_AgainstAMetastaticPatient_IsLikelyIneligible_AndStillShown()
    {
        var trial = Trial("Robotic Versus Open Radical Prostatectomy", "Prostate Cancer");
        var evaluation = Evaluate(trial, "A 66-year-old man with prostate adenocarcinoma metastatic to bone, on androgen deprivation.");

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Should().ContainSingle().Which.Evidence.Should().Contain("Radical Prostatectomy").And.Contain("metastatic");
        Evaluate(trial, "A 61-year-old man with localised prostate adenocarcinoma, Gleason 7.").Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Read_AdvancedInAnAdjuvantTrial_IsTheResectedTumoursStage()
    {
        Traits("Adjuvant Chemotherapy in Advanced Bladder Cancer", PopulationAxis.Extent).Should().NotContain(t => t.Value == "Metastatic");
        Traits("Chemotherapy in Advanced Bladder Cancer", PopulationAxis.Extent).Should().Contain(t => t.Value == "Metastatic");
    }

    [Fact]
    public void Read_NodalMetastases_AreNotDistantMetastases()
    {
        Traits("Adjuvant Interferon in Patients With Nodal Metastasis From Cutaneous Melanoma", PopulationAxis.Extent).Should().NotContain(t => t.Value == "Metastatic");
    }

    [Fact]
    public void RecurrentTrial_AgainstANewlyDiagnosedPatient_IsLikelyIneligible_WithBothSidesEvidence()
    {
        var evaluation = Evaluate(Trial("Bortezomib in Treating Patients With Recurrent Glioma", "Glioblastoma"), NewlyDiagnosedGlioblastoma);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        var item = Population(evaluation).Should().ContainSingle().Subject;
        item.Basis.Should().Be(OutcomeBasis.Presumed);
        item.Evidence.Should().Contain("Recurrent").And.Contain("newly diagnosed");
    }

    [Fact]
    public void NewlyDiagnosedTrial_AgainstANewlyDiagnosedPatient_SaysNothing()
    {
        Population(Evaluate(Trial("Temozolomide and Radiotherapy in Newly Diagnosed Glioblastoma", "Glioblastoma"), NewlyDiagnosedGlioblastoma)).Should().BeEmpty();
        Population(Evaluate(Trial("Drug in Newly Diagnosed or Recurrent Glioblastoma", "Glioblastoma"), NewlyDiagnosedGlioblastoma)).Should().BeEmpty();
    }

    [Fact]
    public void PreviouslyUntreatedTrial_AgainstAnUntreatedPatient_SaysNothing_AndARelapsedTrialFails()
    {
        Population(Evaluate(Trial("Drug in Previously Untreated Advanced Non-small Cell Lung Cancer", "NSCLC"), UntreatedMetastaticLung)).Should().BeEmpty();
        Evaluate(Trial("Second-line Docetaxel in Previously Treated Non-small Cell Lung Cancer", "NSCLC"), UntreatedMetastaticLung)
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void NewlyDiagnosedTrial_AgainstAPatientAfterTwoLines_IsLikelyIneligible_NamingTheLines()
    {
        var evaluation = Evaluate(Trial("R-CHOP in Previously Untreated Diffuse Large B-cell Lymphoma", "Diffuse Large B-Cell Lymphoma"), LymphomaAfterTwoLines);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Evidence.Should().Contain("2 prior lines");
    }

    [Fact]
    public void RelapsedTrial_AgainstAPatientAfterTwoLines_SaysNothing()
    {
        Population(Evaluate(Trial("Drug in Relapsed or Refractory Diffuse Large B-cell Lymphoma", "Diffuse Large B-Cell Lymphoma"), LymphomaAfterTwoLines)).Should().BeEmpty();
    }

    [Fact]
    public void FirstLineTrial_AgainstARecurrenceAfterSurgeryOnly_SaysNothing()
    {
        const string Note = "A 60-year-old man with colon cancer resected three years ago now has a liver recurrence.";
        Population(Evaluate(Trial("First-line FOLFOX in Metastatic Colorectal Cancer", "Colorectal Cancer"), Note)).Should().BeEmpty();
        Evaluate(Trial("Drug in Newly Diagnosed Colorectal Cancer", "Colorectal Cancer"), Note).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void MaintenanceTrial_AgainstAnUntreatedPatient_IsLikelyIneligible_ButInductionAndMaintenanceSaysNothing()
    {
        Evaluate(Trial("Maintenance Pemetrexed in Advanced Non-small Cell Lung Cancer", "NSCLC"), UntreatedMetastaticLung).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(Evaluate(Trial("Induction and Maintenance Therapy in Advanced Non-small Cell Lung Cancer", "NSCLC"), UntreatedMetastaticLung)).Should().BeEmpty();
        Population(Evaluate(Trial("Maintenance Rituximab in Diffuse Large B-cell Lymphoma", "Diffuse Large B-Cell Lymphoma"), LymphomaAfterTwoLines)).Should().BeEmpty();
    }

    [Fact]
    public void ResistantOrRecurrent_IsPreviouslyTreated()
    {
        Traits("Melphalan for Resistant or Recurrent High-Risk Neuroblastoma", PopulationAxis.PriorTreatment).Select(t => t.Value).Should().Contain("previously treated");
    }

    [Fact]
    public void NothingStated_NeverFails()
    {
        var patient = new PatientProfile
        {
            Age = new Fact<decimal>(60),
            Sex = new Fact<PatientSex>(PatientSex.Male),
            Diagnoses = [new Diagnosis { Text = "glioblastoma", OncoTreeCode = "GB" }],
        };
        Population(EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(Trial("Drug in Recurrent Glioblastoma", "Glioblastoma")), patient, Context)).Should().BeEmpty();
    }

    [Fact]
    public void CastrationResistantTrial_AgainstANewlyDiagnosedProstateCancer_IsLikelyIneligible_AndAgainstMcrpc_SaysNothing()
    {
        var trial = Trial("Chemotherapy in Androgen Independent Prostate Cancer", "Prostate Cancer");

        var evaluation = Evaluate(trial, "A 63-year-old man was just diagnosed with prostate adenocarcinoma with bone metastases.");
        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Should().Contain(c => c.Evidence != null && c.Evidence.Contains("castration-resistant", StringComparison.Ordinal));
        Population(Evaluate(trial, "A 71-year-old man with metastatic castration-resistant prostate cancer. His PSA rose on abiraterone.")).Should().BeEmpty();
    }

    [Fact]
    public void PlatinumResistantTrial_AgainstAPlatinumSensitiveRelapse_IsLikelyIneligible_AndWithoutTheInterval_SaysNothing()
    {
        var trial = Trial("Drug in Platinum-Resistant Ovarian Cancer", "Ovarian Cancer");

        Evaluate(trial, "58-year-old woman with high-grade serous ovarian carcinoma. CT shows peritoneal recurrence 30 months after her last platinum dose.")
            .Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(Evaluate(trial, "58-year-old woman with high-grade serous ovarian carcinoma. CT shows peritoneal recurrence.")).Should().BeEmpty();
    }

    [Fact]
    public void LiverDirectedTrial_AgainstHccWithLungMetastases_IsLikelyIneligible_AndAgainstUnstagedHcc_SaysNothing()
    {
        var trial = Trial("Transarterial Chemoembolization for Hepatocellular Carcinoma", "Hepatocellular Carcinoma");

        Evaluate(trial, "A 66-year-old man with hepatocellular carcinoma with lung metastases.").Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(Evaluate(trial, "A 66-year-old man with hepatocellular carcinoma.")).Should().BeEmpty();
    }

    [Fact]
    public void InSituTitle_AgainstStatedInvasiveDisease_IsIneligible_ButPremalignantIsAPresumption()
    {
        const string Note = "49-year-old woman with a newly diagnosed invasive ductal carcinoma of the breast, clinical stage IIB.";

        var evaluation = Evaluate(Trial("Radiation Therapy in Treating Women With Ductal Carcinoma in Situ", "Breast Cancer"), Note);
        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
        Population(evaluation).Single().Evidence.Should().Contain("Ductal Carcinoma in Situ").And.Contain("IIB");
        Evaluate(Trial("Chemoprevention in Women With Premalignant Breast Lesions", "Breast Cancer"), Note).Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }

    private const string RecurrentEndometrial = "A 65-year-old woman with endometrioid endometrial carcinoma treated with hysterectomy two years ago now has recurrence in the pelvis. ECOG 1.";

    [Theory]
    [InlineData("Radiation Therapy Following Surgery in Treating Patients With Stage I or Stage II Endometrial Cancer")]
    [InlineData("Adjuvant Chemotherapy in Early Stage Endometrial Cancer")]
    public void AnEarlyOrCurativeSettingTrial_FailsARecurrentCancer_OnAPresumption(string title)
    {
        var evaluation = Evaluate(Trial(title, "Endometrial Cancer"), RecurrentEndometrial);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Should().ContainSingle(c => c.Fails).Which.Evidence.Should().Contain("recurred");
    }

    [Theory]
    [InlineData("Surgery for Resectable Locally Recurrent Endometrial Cancer")]
    [InlineData("Chemotherapy in Stage III or IV Endometrial Cancer")]
    public void ATrialThatSpeaksOfRecurrenceOrLaterStages_SaysNothingAgainstIt(string title)
    {
        Population(Evaluate(Trial(title, "Endometrial Cancer"), RecurrentEndometrial)).Should().NotContain(c => c.Fails && c.Evidence!.Contains("recurred", StringComparison.Ordinal));
    }

    [Fact]
    public void MetastaticTrial_ForMetastasesResectedWithNothingLeft_IsNotFailedOnItsSetting()
    {
        const string Note = "A 58-year-old man with adenocarcinoma of the sigmoid colon and three liver metastases had a colectomy and a liver resection. "
            + "All liver disease was removed with clear margins; the postoperative CT shows no residual or new disease.";
        var trial = Trial("Chemotherapy in Treating Patients With Resected Liver Metastases From Colon Cancer", "Colorectal Cancer", "Metastatic Cancer");

        Population(Evaluate(trial, Note)).Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }

    [Fact]
    public void MetastaticTrial_ForAPrimaryResectedWithNothingLeft_IsPresumedFailed()
    {
        const string Note = "A 58-year-old man had a colectomy for adenocarcinoma of the sigmoid colon, stage III; margins clear, no residual disease.";
        var trial = Trial("Chemotherapy in Treating Patients With Metastatic Colorectal Cancer", "Colorectal Cancer", "Metastatic Cancer");

        Population(Evaluate(trial, Note)).Should().Contain(c => c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Theory]
    [InlineData("Preoperative Immunotherapy Plus Chemoradiotherapy for Locally Advanced Squamous Cell Carcinoma of the Esophagus")]
    [InlineData("Neoadjuvant Chemotherapy for Locally Advanced Esophageal Cancer")]
    public void SurgicalTrial_ForAPatientWhoCannotHaveTheOperation_IsPresumedFailed(string title)
    {
        const string Note = "A 67-year-old man with squamous cell carcinoma of the oesophagus, cT3 N1 M0, stage III. Not fit for oesophagectomy (severe COPD). Plan: definitive chemoradiotherapy.";

        Population(Evaluate(Trial(title, "Esophageal Cancer"), Note)).Should().Contain(c => c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void NonSurgicalTrial_ForAPatientWhoCannotHaveTheOperation_IsNotFailedOnItsSetting()
    {
        const string Note = "A 67-year-old man with squamous cell carcinoma of the oesophagus, cT3 N1 M0, stage III. Not fit for oesophagectomy (severe COPD). Plan: definitive chemoradiotherapy.";

        Population(Evaluate(Trial("Chemoradiotherapy in Treating Patients With Locally Advanced Cancer of the Esophagus", "Esophageal Cancer"), Note))
            .Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }
}
