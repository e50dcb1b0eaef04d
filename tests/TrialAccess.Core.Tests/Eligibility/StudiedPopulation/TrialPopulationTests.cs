using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.StudiedPopulation;
using TrialAccess.Patients;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

public class TrialPopulationTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    private static ClinicalTrial Trial(string title, string[] conditions, bool? healthy = null) => new()
    {
        NctId = NctId.Parse("NCT09000001"),
        BriefTitle = title,
        Conditions = conditions,
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* Age 18 or older", AcceptsHealthyVolunteers = healthy },
    };

    private static TrialPopulation Read(string title, params string[] conditions) => TrialPopulationReader.Read(Trial(title, conditions), OncologyVocabulary.BuiltIn);

    private static PatientProfile Breast(BiomarkerStatus her2, bool metastatic = true) => new()
    {
        Age = new Fact<decimal>(62),
        Sex = new Fact<PatientSex>(PatientSex.Female),
        Diagnoses = [new Diagnosis { Text = "breast cancer", OncoTreeCode = "BRCA", Stage = metastatic ? new Stage { Group = "IV", Metastatic = true } : new Stage { Group = "IIA" } }],
        Biomarkers =
        [
            new Biomarker { Marker = "ERBB2", Status = her2 },
            new Biomarker { Marker = "ESR1", Status = BiomarkerStatus.Positive },
        ],
    };

    private static PatientProfile Lung(bool? brainTreated = true, bool progressed = true) => new()
    {
        Age = new Fact<decimal>(58),
        Sex = new Fact<PatientSex>(PatientSex.Female),
        Diagnoses = [new Diagnosis { Text = "lung adenocarcinoma", OncoTreeCode = "LUAD", Stage = new Stage { Group = "IV", Metastatic = true } }],
        Metastases = brainTreated is null ? [] : [new MetastaticSite { Site = "brain", TreatedAndStable = brainTreated }],
        Biomarkers = [new Biomarker { Marker = "EGFR", Alteration = "exon 19 deletion" }],
        Therapies = progressed ? [new Therapy { Name = "osimertinib", Line = 1, ProgressedOn = true }] : [],
    };

    private static TrialEvaluation Evaluate(ClinicalTrial trial, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), patient, Context);

    /// <summary>The studied-population items of a trial with these title and conditions for the patient a note describes.</summary>
    private static List<CriterionEvaluation> PopulationFor(string note, string title, string[] conditions, bool complete = true) =>
        Population(Evaluate(Trial(title, conditions), TrialAccess.Patients.Notes.NoteReader.Extract(note) with { CompleteHistory = complete }));

    private static List<CriterionEvaluation> Population(TrialEvaluation evaluation) =>
        evaluation.Criteria.Where(c => c.Criterion.Segment.Text.StartsWith("studied population", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData("Ductal Carcinoma In Situ", PopulationAxis.Extent, "InSitu")]
    [InlineData("Neoadjuvant Chemotherapy for Operable Breast Cancer", PopulationAxis.Extent, "Early")]
    [InlineData("Adjuvant Therapy in Resected Pancreatic Cancer", PopulationAxis.Extent, "LocallyAdvanced")]
    [InlineData("Drug X in Locally Advanced or Metastatic Breast Cancer", PopulationAxis.Extent, "Metastatic")]
    [InlineData("Chemotherapy in Patients With Stage IIIB or Stage IV Non-small Cell Lung Cancer", PopulationAxis.Extent, "Metastatic")]
    [InlineData("Radiotherapy for Stage III Non-small Cell Lung Cancer", PopulationAxis.Extent, "LocallyAdvanced")]
    [InlineData("Drug Y in Newly Diagnosed Multiple Myeloma", PopulationAxis.PriorTreatment, "newly diagnosed")]
    [InlineData("First-Line Drug Z in Advanced NSCLC", PopulationAxis.PriorTreatment, "untreated")]
    [InlineData("Drug W in Relapsed or Refractory Diffuse Large B-cell Lymphoma", PopulationAxis.PriorTreatment, "previously treated")]
    [InlineData("Radiosurgery for Patients With Brain Metastases From Lung Cancer", PopulationAxis.BrainMetastases, "untreated")]
    [InlineData("Drug V for Previously Treated Brain Metastases of Breast Cancer", PopulationAxis.BrainMetastases, "treated")]
    [InlineData("Prophylactic Cranial Irradiation in Small Cell Lung Cancer", PopulationAxis.BrainMetastases, "none")]
    public void Read_FindsTheSettingTheTitleStates(string title, PopulationAxis axis, string value)
    {
        var population = Read(title, "Cancer");

        population.Traits.Should().Contain(t => t.Axis == axis && t.Value == value);
        population.Traits.First(t => t.Axis == axis && t.Value == value).Evidence.Field.Should().Be("title");
    }

    [Fact]
    public void Read_DoesNotTakeUnresectableForOperable_NorNonMetastaticForMetastatic()
    {
        Read("Chemoradiation for Unresectable Locally Advanced Non-Small Cell Lung Cancer", "Lung Cancer").Traits.Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Should().OnlyContain(v => v == "LocallyAdvanced");
        Read("Drug X in Unresectable Hepatocellular Carcinoma", "HCC").Traits.Should().Contain(t => t.Axis == PopulationAxis.Extent && t.Value == "Metastatic");
        Read("Neoadjuvant Trastuzumab for Ductal Carcinoma In Situ of the Breast", "Ductal Carcinoma In Situ").Traits.Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Should().OnlyContain(v => v == "InSitu");
        Read("Drug in Unresectable Hepatocellular Carcinoma", "HCC").Traits.Should().NotContain(t => t.Value == "Early");
        Read("Radiotherapy for Non-metastatic Prostate Cancer", "Prostate Cancer").Traits.Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Distinct().Should().BeEquivalentTo(["Early", "LocallyAdvanced"]);
        Read("Chemoradiation for Limited-Stage Small Cell Lung Cancer", "Small Cell Lung Cancer").Traits
            .Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Distinct().Should().BeEquivalentTo(["Early", "LocallyAdvanced"]);
        Read("Drug X in Extensive Stage Small Cell Lung Cancer", "Small Cell Lung Cancer").Traits
            .Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Distinct().Should().BeEquivalentTo(["Metastatic"]);
        Read("Liver Resection Followed by Chemotherapy in Treating Patients With Liver Metastases From Colorectal Cancer", "Colorectal Cancer").Traits
            .Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Distinct().Should().BeEquivalentTo(["Metastatic"]);
        Read("Chemoradiation in Treating Patients With Nonmetastatic Biliary Tract Cancer That Cannot Be Removed By Surgery", "Gallbladder Cancer").Traits
            .Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Should().NotContain("Metastatic").And.Contain("LocallyAdvanced");
    }

    [Theory]
    [InlineData("Trastuzumab in HER2-Positive Breast Cancer", "ERBB2", BiomarkerStatus.Positive)]
    [InlineData("Drug in HR+/HER2- Advanced Breast Cancer", "ERBB2", BiomarkerStatus.Negative)]
    [InlineData("Drug in HR+/HER2- Advanced Breast Cancer", "HR", BiomarkerStatus.Positive)]
    [InlineData("Drug in HER2-negative Metastatic Breast Cancer", "ERBB2", BiomarkerStatus.Negative)]
    [InlineData("Chemotherapy in Triple-Negative Breast Cancer", "HR", BiomarkerStatus.Negative)]
    [InlineData("Drug in EGFR Wild-type Non-small Cell Lung Cancer", "EGFR", BiomarkerStatus.WildType)]
    [InlineData("Drug in EGFR-mutant Non-small Cell Lung Cancer", "EGFR", BiomarkerStatus.Positive)]
    [InlineData("Drug in ALK-positive NSCLC", "ALK", BiomarkerStatus.Positive)]
    [InlineData("Pembrolizumab in MSI-H Colorectal Cancer", "MSI", BiomarkerStatus.Positive)]
    public void Read_FindsTheBiomarkerPopulation(string title, string marker, BiomarkerStatus status)
    {
        Read(title, "Cancer").Traits.Should().Contain(t => t.Axis == PopulationAxis.Biomarker && t.Value == marker && t.Status == status);
    }

    [Fact]
    public void Read_FirstLineTreatmentOfARecurrence_IsForRecurrentDisease()
    {
        Read("First Line Chemotherapy With Temozolomide in Recurrent Oligodendroglial Tumors", "Brain Tumors").Traits
            .Where(t => t.Axis == PopulationAxis.PriorTreatment).Select(t => t.Value).Should().BeEquivalentTo(["recurrent"]);
        Read("First-line Chemotherapy for Untreated Advanced Lung Cancer", "Lung Cancer").Traits
            .Should().Contain(t => t.Axis == PopulationAxis.PriorTreatment && t.Value == "untreated");
    }

    [Fact]
    public void Read_UnresectableWithANumberedStage_IsThatStage()
    {
        Read("Chemoradiotherapy for Unresectable Stage III Non-small Cell Lung Cancer", "Lung Cancer").Traits
            .Where(t => t.Axis == PopulationAxis.Extent && t.Value != "LocallyAdvanced").Select(t => t.Label + " " + t.Evidence).Should().BeEmpty();
    }

    [Theory]
    [InlineData("A Phase II Study of Patients With Unresectable Metastatic Adenocarcinoma of the Colon or Rectum")]
    [InlineData("Chemotherapy for Inoperable Liver Metastases From Colorectal Cancer")]
    public void Read_UnresectableQualifyingTheMetastases_IsMetastaticOnly(string title)
    {
        Read(title, "Colorectal Cancer").Traits.Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Distinct().Should().BeEquivalentTo(["Metastatic"]);
    }

    [Fact]
    public void Read_UnresectableOrMetastatic_StaysTwoAlternatives()
    {
        Read("Drug in Unresectable or Metastatic Melanoma", "Melanoma").Traits.Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value).Distinct()
            .Should().BeEquivalentTo(["LocallyAdvanced", "Metastatic"]);
    }

    [Theory]
    [InlineData("Study of Tamoxifen and Raloxifene (STAR) for the Prevention of Breast Cancer in Postmenopausal Women")]
    [InlineData("Breast Imaging Studies in Women at High Genetic Risk of Breast Cancer")]
    [InlineData("Lung Cancer Screening With Low-Dose CT")]
    public void Read_PreventionScreeningOrRisk_IsAPopulationAtRisk(string title)
    {
        Read(title, "Breast Cancer").Traits.Should().Contain(t => t.Axis == PopulationAxis.AtRisk);
    }

    [Theory]
    [InlineData("Prevention of Lymphedema in Breast Cancer")]
    [InlineData("Exercise to Prevent Breast Cancer Recurrence")]
    [InlineData("Celecoxib in Preventing Second Primary Lung Cancer in Patients With Resected Stage I NSCLC")]
    [InlineData("Tamoxifen in Treating Women With High-Risk Breast Cancer")]
    public void Read_PreventionForPeopleWhoHadTheCancer_IsNoPopulationAtRisk(string title)
    {
        Read(title, "Breast Cancer").Traits.Should().NotContain(t => t.Axis == PopulationAxis.AtRisk);
    }

    [Fact]
    public void APreventionTrial_FailsAPatientWithTheCancer_OnAPresumption()
    {
        var evaluation = Evaluate(Trial("Study of Tamoxifen and Raloxifene for the Prevention of Breast Cancer in Postmenopausal Women", ["Breast Cancer"]), Breast(BiomarkerStatus.Negative, metastatic: false));

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Should().ContainSingle(c => c.Fails).Which.Evidence.Should().Contain("Prevention of Breast Cancer").And.Contain("breast cancer");
    }

    [Fact]
    public void Read_ReadsNoSettingForATrialThatStudiesNoCancer()
    {
        Read("First-line Treatment of Newly Diagnosed Hypertension", "Hypertension").Traits.Should().BeEmpty();
    }

    [Fact]
    public void HerTwoPositiveTitle_AgainstARecordedNegative_IsIneligible_WithBothSidesEvidence()
    {
        var evaluation = Evaluate(Trial("Trastuzumab Deruxtecan in HER2-Positive Metastatic Breast Cancer", ["Breast Cancer"]), Breast(BiomarkerStatus.Negative));

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
        var item = Population(evaluation).Should().ContainSingle().Subject;
        item.Basis.Should().Be(OutcomeBasis.Recorded);
        item.Evidence.Should().Contain("HER2-Positive").And.Contain("title").And.Contain("HER2 is negative");
    }

    [Fact]
    public void HerTwoNegativeTitle_AgainstARecordedNegative_SaysNothing()
    {
        Population(Evaluate(Trial("Drug in HR-positive, HER2-negative Metastatic Breast Cancer", ["Breast Cancer"]), Breast(BiomarkerStatus.Negative))).Should().BeEmpty();
    }

    [Fact]
    public void HerTwoNegativeTitle_AgainstARecordedPositive_IsIneligible()
    {
        Evaluate(Trial("Drug in HER2-negative Metastatic Breast Cancer", ["Breast Cancer"]), Breast(BiomarkerStatus.Positive)).Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void BothStatusesNamed_AreAlternatives_NotAContradiction()
    {
        Population(Evaluate(Trial("Lapatinib in HER2-negative Metastatic Breast Cancer With HER2-positive Circulating Tumor Cells", ["Breast Cancer"]), Breast(BiomarkerStatus.Negative))).Should().BeEmpty();
    }

    [Fact]
    public void TripleNegativeTitle_AgainstAHormoneReceptorPositivePatient_IsIneligible()
    {
        Evaluate(Trial("Chemotherapy in Metastatic Triple-Negative Breast Cancer", ["Triple Negative Breast Cancer"]), Breast(BiomarkerStatus.Negative)).Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void UnrecordedBiomarker_NeverFails()
    {
        var patient = Breast(BiomarkerStatus.Negative) with { Biomarkers = [] };
        Population(Evaluate(Trial("Trastuzumab in HER2-Positive Metastatic Breast Cancer", ["Breast Cancer"]), patient)).Should().BeEmpty();
    }

    [Fact]
    public void InSituCondition_AgainstRecordedMetastaticDisease_IsIneligible()
    {
        var evaluation = Evaluate(Trial("Radiotherapy After Lumpectomy", ["Ductal Carcinoma In Situ"]), Breast(BiomarkerStatus.Negative));

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
        Population(evaluation).Single().Evidence.Should().Contain("Ductal Carcinoma In Situ").And.Contain("metastatic");
    }

    [Fact]
    public void OperableSettingInTheTitle_AgainstMetastaticDisease_IsLikelyIneligible()
    {
        var evaluation = Evaluate(Trial("Neoadjuvant Chemotherapy for Operable Breast Cancer", ["Breast Cancer"]), Breast(BiomarkerStatus.Negative));

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Theory]
    [InlineData("Drug X in Treating Patients With Recurrent or Advanced Cancer of the Cervix")]
    [InlineData("Drug X in Women Who Have Advanced or Persistent Cancer of the Cervix")]
    public void AdvancedBesideARecurrence_IsTheIncurableSetting_NotLocallyAdvancedDiseaseUnderCurativeTreatment(string title)
    {
        Stage? stage = new Stage { Group = "IIIC1", Metastatic = false };
        PatientProfile Cervix(bool recurred) => new()
        {
            Age = new Fact<decimal>(44),
            Sex = new Fact<PatientSex>(PatientSex.Female),
            Diagnoses = [new Diagnosis { Text = "squamous cell carcinoma of the cervix", OncoTreeCode = "CESC", Stage = stage }],
            Settings = recurred ? [new SettingStatement(DiseaseSetting.Relapsed)] : [new SettingStatement(DiseaseSetting.NewlyDiagnosed)],
            Therapies = recurred ? [new Therapy { Name = "cisplatin", Kind = TherapyKind.Drug }] : [],
        };

        Evaluate(Trial(title, ["Cervical Cancer"]), Cervix(recurred: false)).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(Evaluate(Trial(title, ["Cervical Cancer"]), Cervix(recurred: true))).Should().BeEmpty();

        // "Advanced" alone still takes locally advanced disease.
        Population(Evaluate(Trial("Drug X in Advanced Cancer of the Cervix", ["Cervical Cancer"]), Cervix(recurred: false))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("A 76-year-old man with myelodysplastic syndrome, IPSS-R low risk, transfusion dependent.", "Drug X in High-Risk Myelodysplastic Syndromes", true)]
    [InlineData("A 76-year-old man with lower-risk myelodysplastic syndrome.", "Drug X in Higher-Risk MDS", true)]
    [InlineData("A 76-year-old man with lower-risk myelodysplastic syndrome.", "Drug X in Lower-Risk Myelodysplastic Syndromes", false)]
    [InlineData("A 76-year-old man with high-risk myelodysplastic syndrome.", "Drug X in Low- or High-Risk Myelodysplastic Syndromes", false)]
    [InlineData("A 76-year-old man with myelodysplastic syndrome.", "Drug X in High-Risk Myelodysplastic Syndromes", false)]
    public void ATrialOfTheOtherRiskGroup_FailsOnAPresumption_WhenTheRecordStatesOne(string note, string title, bool fails)
    {
        PopulationFor(note, title, ["Myelodysplastic Syndromes"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 9-year-old boy with alveolar rhabdomyosarcoma, intermediate risk by COG criteria, untreated.", "Chemotherapy in Children With High-Risk Rhabdomyosarcoma", true)]
    [InlineData("A 9-year-old boy with alveolar rhabdomyosarcoma, intermediate risk by COG criteria, untreated.", "Chemotherapy in Children With Low-Risk Rhabdomyosarcoma", true)]
    [InlineData("A 9-year-old boy with alveolar rhabdomyosarcoma, intermediate risk by COG criteria, untreated.", "Chemotherapy in Children With Intermediate-Risk Rhabdomyosarcoma", false)]
    [InlineData("A 9-year-old boy with alveolar rhabdomyosarcoma, intermediate risk by COG criteria, untreated.", "Chemotherapy in Intermediate- or High-Risk Rhabdomyosarcoma", false)]
    [InlineData("A 9-year-old boy with high-risk alveolar rhabdomyosarcoma, untreated.", "Chemotherapy in Children With Intermediate-Risk Rhabdomyosarcoma", true)]
    public void AnIntermediateRiskGroup_FailsATrialOfEitherEnd(string note, string title, bool fails)
    {
        PopulationFor(note, title, ["Rhabdomyosarcoma"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Virotherapy of Newly Diagnosed Malignant Glioma", "Malignant Glioma", true)]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Drug X in Glioblastoma", "Glioblastoma", true)]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Drug X in Low-Grade Glioma", "Low Grade Glioma", false)]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Drug X in Low- and High-Grade Gliomas", "Glioma", false)]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Drug X in Adult Brain Tumours", "Adult Glioblastoma;Adult Anaplastic Astrocytoma;Adult Diffuse Astrocytoma", false)]
    [InlineData("A 58-year-old man with a newly diagnosed glioblastoma.", "Drug X in Paediatric Low-Grade Glioma", "Low-grade Glioma", true)]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Drug X in Newly Diagnosed Malignant Glioma", "Glioma;Anaplastic Astrocytoma;Glioblastoma", true)]
    [InlineData("A 34-year-old man with an IDH-mutant astrocytoma, CNS WHO grade 2, after subtotal resection.", "Drug X in Gliomas", "Glioblastoma;Anaplastic Astrocytoma", false)]
    [InlineData("A 34-year-old man with an astrocytoma after subtotal resection.", "Drug X in High-Grade Glioma", "High Grade Glioma", false)]
    public void ATrialOfTheOtherGrade_FailsOnAPresumption_WhenTheRecordStatesOne(string note, string title, string conditions, bool fails)
    {
        PopulationFor(note, title, conditions.Split(';')).Where(p => (p.Evidence ?? string.Empty).Contains("-grade", StringComparison.Ordinal)).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 52-year-old woman with chronic-phase chronic myeloid leukaemia after imatinib.", "Drug X in Accelerated Phase Chronic Myelogenous Leukemia", true)]
    [InlineData("A 52-year-old woman with chronic-phase chronic myeloid leukaemia after imatinib.", "Drug X in Chronic Myeloid Leukemia in Blast Crisis", true)]
    [InlineData("A 52-year-old woman with chronic-phase chronic myeloid leukaemia after imatinib.", "Drug X in Chronic, Accelerated or Blast Phase CML", false)]
    [InlineData("A 52-year-old woman with chronic myeloid leukaemia in myeloid blast crisis.", "Drug X in Chronic Phase Chronic Myeloid Leukemia", true)]
    [InlineData("A 52-year-old woman with chronic myeloid leukaemia after imatinib.", "Drug X in Accelerated Phase Chronic Myelogenous Leukemia", false)]
    public void ATrialOfTheOtherPhase_FailsOnAPresumption_WhenTheRecordStatesOne(string note, string title, bool fails)
    {
        PopulationFor(note, title, ["Chronic Myeloid Leukemia"]).Where(p => (p.Evidence ?? string.Empty).Contains("phase", StringComparison.Ordinal)).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 52-year-old woman with chronic myeloid leukaemia started imatinib 400 mg daily 15 months ago.", "Drug X in Newly Diagnosed Chronic Myeloid Leukemia", true)]
    [InlineData("A 52-year-old woman with chronic myeloid leukaemia started imatinib 400 mg daily 15 months ago.", "Drug X in Chronic Myeloid Leukemia After Imatinib", false)]
    [InlineData("A 52-year-old woman with chronic myeloid leukaemia, on ondansetron for nausea.", "Drug X in Newly Diagnosed Chronic Myeloid Leukemia", false)]
    public void ATrialOfUntreatedDisease_FailsOnAPresumption_ForAPatientReceivingAnAnticancerDrug(string note, string title, bool fails)
    {
        PopulationFor(note, title, ["Chronic Myeloid Leukemia"], complete: false).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 71-year-old man with marginal zone lymphoma had six cycles of bendamustine and rituximab four years ago.", "Drug X in Previously Untreated Marginal Zone Lymphoma", true)]
    [InlineData("A 71-year-old man with marginal zone lymphoma had six cycles of bendamustine and rituximab four years ago.", "Drug X in Relapsed Marginal Zone Lymphoma", false)]
    [InlineData("A 71-year-old man with marginal zone lymphoma, on metformin for diabetes.", "Drug X in Previously Untreated Marginal Zone Lymphoma", false)]
    [InlineData("A 55-year-old woman had a mastectomy and adjuvant docetaxel for breast cancer, now with new lung nodules.", "Drug X in Previously Untreated Metastatic Breast Cancer", false)]
    public void FinishedCancerDrugs_WithNoOperationOrRadiotherapyAroundThem_MakeTheDiseasePreviouslyTreated(string note, string title, bool fails)
    {
        var population = PopulationFor(note, title, ["Lymphoma"]);
        population.Should().HaveCount(fails ? 1 : 0);
        if (fails)
        {
            population[0].Presumed.Should().BeTrue();
            population[0].Evidence.Should().Contain("presumed previously treated");
        }
    }

    [Theory]
    [InlineData("A 34-year-old man had a subtotal resection of a grade 2 astrocytoma; no radiotherapy or chemotherapy; on levetiracetam for seizures.", "Drug X in Recurrent Glioma", true)]
    [InlineData("A 34-year-old man had a subtotal resection of a grade 2 astrocytoma; no radiotherapy or chemotherapy.", "Drug X in Relapsed or Refractory Glioma", true)]
    [InlineData("A 34-year-old man had a subtotal resection of a grade 2 astrocytoma; no radiotherapy or chemotherapy.", "Drug X in Newly Diagnosed or Recurrent Glioma", false)]
    [InlineData("A 34-year-old man had a subtotal resection of a grade 2 astrocytoma, then radiotherapy, then temozolomide followed by irinotecan.", "Drug X in Recurrent Glioma", false)]
    [InlineData("A 34-year-old man had a resection of a grade 2 astrocytoma; the tumour has recurred.", "Drug X in Recurrent Glioma", false)]
    public void ACancerTreatedOnlyLocally_WithNoRelapseRecorded_FailsATrialOnlyOfRecurrentDisease(string note, string title, bool fails)
    {
        PopulationFor(note, title, ["Glioma"]).Where(p => p.Criterion.Segment.Text.Contains("recurrent", StringComparison.Ordinal) || p.Criterion.Segment.Text.Contains("previously treated", StringComparison.Ordinal))
            .Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 52-year-old woman had primary debulking surgery for a stage IIIC high-grade serous ovarian carcinoma; she has not yet started chemotherapy.", "Drug X in Recurrent Ovarian Carcinoma", "Ovarian Carcinoma", true)]
    [InlineData("A 52-year-old woman had primary debulking surgery for a stage IIIC high-grade serous ovarian carcinoma; she has not yet started chemotherapy.", "Drug X for Ovarian Carcinoma in First Complete Remission", "Ovarian Carcinoma", true)]
    [InlineData("A 52-year-old woman had primary debulking surgery for a stage IIIC high-grade serous ovarian carcinoma; she has not yet started chemotherapy.", "Drug X in Newly Diagnosed or Recurrent Ovarian Carcinoma", "Ovarian Carcinoma", false)]
    [InlineData("A 52-year-old woman had a hysterectomy and bilateral salpingo-oophorectomy for an ovarian carcinoma five years ago; she now has liver metastases and has had no treatment for them.", "Drug X in Recurrent Ovarian Carcinoma", "Ovarian Carcinoma", false)]
    [InlineData("A 24-year-old woman with stage IIA classical Hodgkin lymphoma has not started any treatment; she has asked about fertility preservation.", "Drug X in Recurrent or Refractory Hodgkin Lymphoma", "Hodgkin Lymphoma", true)]
    public void AnUntreatedCancerNeverSaidToHaveComeBack_FailsATrialOfRecurrentDiseaseOrOfRemission(string note, string title, string condition, bool fails)
    {
        PopulationFor(note, title, [condition]).Where(p => p.Criterion.Segment.Text.Contains("recurrent", StringComparison.Ordinal) || p.Criterion.Segment.Text.Contains("maintenance", StringComparison.Ordinal))
            .Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Chemoradiation in Stage III Non-small Cell Lung Cancer That Cannot Be Removed by Surgery", true)]
    [InlineData("Drug X in Stage III Non-small Cell Lung Cancer That Can Not Be Surgically Removed", true)]
    [InlineData("Drug X in Resectable or Unresectable Stage III Non-small Cell Lung Cancer", false)]
    [InlineData("Adjuvant Drug X After Resection of Stage III Non-small Cell Lung Cancer", false)]
    public void ATrialOfDiseaseThatCannotBeRemoved_FailsACancerAlreadyResected(string title, bool fails)
    {
        PopulationFor(
            "A 63-year-old woman had a right upper lobectomy four weeks ago for a lung adenocarcinoma, pT2b N2 M0, stage IIIA, with clear margins.",
            title,
            ["Non-small Cell Lung Cancer"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Drug X in Stage IIIB or Stage IV Non-small Cell Lung Cancer", "stage IIIA", true)]
    [InlineData("Drug X in Stage III Non-small Cell Lung Cancer", "stage IIIA", false)]
    [InlineData("Drug X in Stage IIIA Non-small Cell Lung Cancer", "stage III", false)]
    [InlineData("Drug X in Stage II-IIIB Non-small Cell Lung Cancer", "stage IIIA", false)]
    [InlineData("Drug X in Stage IIIB or Stage IV Non-small Cell Lung Cancer", "stage IIIB", false)]
    public void ATrialNamingOnlyOtherStages_FailsTheRecordedStageGroupOnAPresumption(string title, string stage, bool fails)
    {
        var population = PopulationFor($"A 63-year-old woman with lung adenocarcinoma, {stage}, no distant metastases.", title, ["Non-small Cell Lung Cancer"], complete: false);
        population.Should().HaveCount(fails ? 1 : 0);
        if (fails)
        {
            population[0].Presumed.Should().BeTrue();
        }
    }

    [Theory]
    [InlineData("has been judged not fit for an allogeneic transplant", "Chemotherapy Followed by Peripheral Stem Cell Transplantation in Myelofibrosis", true)]
    [InlineData("has been judged not fit for an allogeneic transplant", "GVHD Prevention After Haploidentical Transplant in Myelofibrosis", true)]
    [InlineData("has been judged not fit for an allogeneic transplant", "Drug X in Transplant-Ineligible Myelofibrosis", false)]
    [InlineData("has been judged not fit for an allogeneic transplant", "Drug X in Myelofibrosis", false)]
    [InlineData("is transplant-eligible", "Drug X in Myelofibrosis Not Eligible for Stem Cell Transplantation", true)]
    [InlineData("is transplant-eligible", "Chemotherapy Followed by Peripheral Stem Cell Transplantation in Myelofibrosis", false)]
    [InlineData("is transplant-eligible", "Drug X Versus Non-Transplant Therapy in Myelofibrosis", false)]
    public void TransplantFitness_RecordedInTheNote_FailsATrialOfTheOtherSide(string fitness, string title, bool fails)
    {
        PopulationFor($"A 68-year-old woman with primary myelofibrosis {fitness}.", title, ["Myelofibrosis"], complete: false)
            .Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Adjuvant Chemotherapy After Complete Resection of Locally Advanced Urothelial Carcinoma", true)]
    [InlineData("Adjuvant Chemotherapy After Cystectomy for Bladder Cancer", true)]
    [InlineData("Drug X in Locally Advanced or Metastatic Urothelial Carcinoma", true)]
    [InlineData("Neoadjuvant Chemotherapy Before Cystectomy for Muscle-Invasive Bladder Cancer", false)]
    [InlineData("Drug X in Operable or Locally Advanced Bladder Cancer", false)]
    public void ACancerToBeOperatedOn_FailsTrialsAfterSurgeryOrOfAnotherExtent_EvenMixed(string title, bool fails)
    {
        PopulationFor(
            "A 66-year-old man has a urothelial carcinoma of the bladder invading the muscularis propria, cT2 N0 M0; a radical cystectomy is planned.",
            title,
            ["Bladder Cancer"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("A 62-year-old woman had a lumpectomy for a grade 2 invasive ductal carcinoma of the left breast, pT2 pN1a.", true)]
    [InlineData("A 62-year-old woman had a lumpectomy for breast cancer, pT2 pN1a.", true)]
    [InlineData("A 62-year-old woman had a lumpectomy for breast cancer.", false)]
    public void AnInSituTrial_FailsInvasiveDiseaseTheNoteNamesWithoutAStageGroup(string note, bool fails)
    {
        PopulationFor(note, "Drug X in Women With DCIS", ["Ductal Breast Carcinoma In Situ"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Perioperative Drug X in Resectable Pancreatic Adenocarcinoma", true)]
    [InlineData("Neoadjuvant Drug X Before Surgery for Pancreatic Cancer", true)]
    [InlineData("Drug X in Stage IV Pancreatic Cancer", true)]
    [InlineData("Adjuvant Drug X After Resection of Pancreatic Cancer", false)]
    [InlineData("Drug X in Pancreatic Cancer", false)]
    public void ATrialBeforeSurgeryOrOfMetastaticDisease_FailsACancerResectedWithNothingLeft(string title, bool fails)
    {
        PopulationFor(
            "A 61-year-old woman had a pancreaticoduodenectomy for a ductal adenocarcinoma of the pancreatic head, pT2 N1, R0 with clear margins; CT shows no residual disease.",
            title,
            ["Pancreatic Cancer"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Perioperative Cancer Cell Dissemination in Resectable Pancreatic Adenocarcinoma", true)]
    [InlineData("Neoadjuvant Drug X for Pancreatic Cancer", true)]
    [InlineData("Adjuvant Drug X After Resection of Pancreatic Cancer", true)]
    [InlineData("Drug X in Locally Advanced, Unresectable Pancreatic Cancer", false)]
    [InlineData("Drug X in Resectable or Locally Advanced Pancreatic Cancer", false)]
    [InlineData("Drug X in Pancreatic Cancer", false)]
    public void ACancerRecordedAsUnresectable_FailsTrialsOnlyOfDiseaseToBeOrAlreadyOperatedOn(string title, bool fails)
    {
        PopulationFor(
            "A 66-year-old man with pancreatic ductal adenocarcinoma encasing the superior mesenteric artery; no metastases. So the tumour is locally advanced and unresectable.",
            title,
            ["Pancreatic Cancer"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Chemoradiation in Locally Advanced Cervical Cancer", "Cervical Cancer", true)]
    [InlineData("Topical Drug X for High-Grade Cervical Intraepithelial Neoplasia", "Cervical Intraepithelial Neoplasia", false)]
    public void APreInvasiveCervicalLesion_IsInSituDisease(string title, string condition, bool fails)
    {
        PopulationFor("A 31-year-old woman; colposcopic biopsies show cervical intraepithelial neoplasia grade 3 (CIN3) with no invasion.", title, [condition])
            .Should().HaveCount(fails ? 1 : 0);
    }

    [Theory]
    [InlineData("Drug X in Advanced Gastric Cancer", true)]
    [InlineData("Drug X in Metastatic Gastric Cancer", true)]
    [InlineData("Adjuvant Drug X in Gastric Cancer", true)]
    [InlineData("Perioperative Drug X in Locally Advanced Gastric Cancer", false)]
    [InlineData("Drug X in Locally Advanced or Metastatic Gastric Cancer", false)]
    [InlineData("Drug X in Gastric Cancer", false)]
    public void ACancerToBeOperatedOn_FailsATrialOnlyOfAdvancedDisease_OrOnlyAfterSurgery(string title, bool fails)
    {
        PopulationFor(
            "A 62-year-old woman with adenocarcinoma of the stomach, cT3 N1 M0, which the surgeons consider resectable. She has had no treatment yet.",
            title,
            ["Gastric Cancer"]).Should().HaveCount(fails ? 1 : 0);
    }

    [Fact]
    public void Read_MetastaticInOneTitle_NarrowsAdvancedInTheOther()
    {
        var trial = Trial("Drug X in Metastatic or Recurrent Colorectal Cancer", ["Colorectal Cancer"]) with { OfficialTitle = "A Phase II Trial of Drug X in Previously Untreated Advanced Colorectal Cancer" };
        var extents = TrialPopulationReader.Read(trial, OncologyVocabulary.BuiltIn).Traits.Where(t => t.Axis == PopulationAxis.Extent).Select(t => t.Value);
        extents.Should().OnlyContain(v => v == "Metastatic");

        var both = Trial("Drug X in Advanced or Metastatic Colorectal Cancer", ["Colorectal Cancer"]) with { OfficialTitle = "Drug X in Metastatic Colorectal Cancer" };
        TrialPopulationReader.Read(both, OncologyVocabulary.BuiltIn).Traits.Should().Contain(t => t.Axis == PopulationAxis.Extent && t.Value == "LocallyAdvanced");
    }

    [Theory]
    [InlineData("Screening Women at High Risk of Breast Cancer")]
    [InlineData("Vaccine for High-Risk HPV Infection in Cervical Cancer")]
    [InlineData("Surgery in Patients at High Risk for Recurrence of Breast Cancer")]
    public void Read_ARiskOfGettingSomething_IsNoRiskGroup(string title)
    {
        Read(title, "Breast Cancer").Traits.Should().NotContain(t => t.Axis == PopulationAxis.Risk);
    }

    [Fact]
    public void MetastaticTitle_AgainstCancerSaidToBeEarly_IsLikelyIneligible()
    {
        var patient = new PatientProfile
        {
            Age = new Fact<decimal>(69),
            Sex = new Fact<PatientSex>(PatientSex.Male),
            Diagnoses = [new Diagnosis { Text = "urothelial carcinoma", OncoTreeCode = "BLCA", Stage = new Stage { Early = true } }],
        };

        var evaluation = Evaluate(Trial("Drug X in Metastatic Bladder Cancer", ["Bladder Cancer"]), patient);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Evidence.Should().Contain("early");
    }

    [Fact]
    public void MetastaticTitle_AgainstStageTwoDisease_IsLikelyIneligible_AndAgainstMetastatic_SaysNothing()
    {
        var trial = Trial("Drug in Metastatic Breast Cancer", ["Breast Cancer"]);
        Evaluate(trial, Breast(BiomarkerStatus.Negative, metastatic: false)).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(Evaluate(trial, Breast(BiomarkerStatus.Negative))).Should().BeEmpty();
    }

    [Fact]
    public void FirstLineTitle_AgainstDiseaseThatProgressedOnTreatment_IsLikelyIneligible()
    {
        var evaluation = Evaluate(Trial("First-line Osimertinib Plus Chemotherapy in EGFR-mutant NSCLC", ["Non-small Cell Lung Cancer"]), Lung());

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Evidence.Should().Contain("osimertinib");
    }

    [Fact]
    public void RadiosurgeryForBrainMetastases_AgainstTreatedStableBrainMetastases_IsLikelyIneligible()
    {
        var evaluation = Evaluate(Trial("Stereotactic Radiosurgery in Treating Patients With Brain Metastases", ["Metastatic Cancer"]), Lung(brainTreated: true));

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Evidence.Should().Contain("treated and stable");
    }

    [Fact]
    public void RadiosurgeryForBrainMetastases_AgainstActiveBrainMetastases_SaysNothing()
    {
        Population(Evaluate(Trial("Stereotactic Radiosurgery in Treating Patients With Brain Metastases", ["Metastatic Cancer"]), Lung(brainTreated: false))).Should().BeEmpty();
    }

    [Fact]
    public void EgfrWildTypeTitle_AgainstAnEgfrMutantPatient_IsIneligible()
    {
        Evaluate(Trial("Drug in EGFR Wild-type Advanced Non-small Cell Lung Cancer", ["Non-small Cell Lung Cancer"]), Lung()).Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void AnotherDisease_IsLikelyIneligible_WithTheMainProblemAsEvidence()
    {
        var evaluation = Evaluate(Trial("Amlodipine in Hypertension", ["Hypertension"]), Lung());

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Evidence.Should().Contain("Hypertension").And.Contain("lung adenocarcinoma");
    }

    [Fact]
    public void AnotherDisease_ThePatientDoesHave_IsNotAMismatch()
    {
        var patient = Lung() with { Conditions = [new Condition { Text = "hypertension", Concept = "hypertension" }] };
        Population(Evaluate(Trial("Amlodipine in Hypertension", ["Hypertension"]), patient)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Chronic Hepatitis C")]
    [InlineData("HCV Infection")]
    public void StudiedDisease_NamedAsTheInfectionOrItsVirus_IsTheSameDisease(string studied)
    {
        var patient = new PatientProfile
        {
            Age = new Fact<decimal>(50),
            Sex = new Fact<PatientSex>(PatientSex.Male),
            CompleteHistory = true,
            Conditions = [new Condition { Text = "chronic HCV infection", Concept = "hepatitis c", Certainty = Certainty.Asserted }],
        };

        Population(Evaluate(Trial("Peginterferon in Hepatitis C", [studied]), patient)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Diarrhea", "Cholera")]
    [InlineData("shortness of breath", "Heart Failure")]
    public void AnotherDisease_WhenThePatientPresentsWithASymptom_IsAQuestionNotAMismatch(string symptom, string studied)
    {
        // No working diagnosis yet: the disease studied may be what causes the symptom.
        var patient = new PatientProfile
        {
            Age = new Fact<decimal>(40),
            Sex = new Fact<PatientSex>(PatientSex.Male),
            CompleteHistory = true,
            Conditions = [new Condition { Text = symptom, Concept = symptom.Contains("breath", StringComparison.Ordinal) ? "dyspnea" : "diarrhea", Certainty = Certainty.Asserted }],
        };

        var evaluation = Evaluate(Trial($"A Study in {studied}", [studied]), patient);

        Population(evaluation).Should().BeEmpty();
        evaluation.Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void AnotherDisease_WhenThePatientPresentsWithADiagnosis_StaysAMismatch()
    {
        var patient = new PatientProfile
        {
            Age = new Fact<decimal>(40),
            Sex = new Fact<PatientSex>(PatientSex.Male),
            CompleteHistory = true,
            Conditions = [new Condition { Text = "pneumonia", Concept = "pneumonia", Certainty = Certainty.Asserted }],
        };

        Evaluate(Trial("A Study in Heart Failure", ["Heart Failure"]), patient).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void AnotherDisease_InATrialOfHealthyVolunteers_IsNotAMismatch()
    {
        Population(Evaluate(Trial("Amlodipine in Hypertension", ["Hypertension"], healthy: true), Lung())).Should().BeEmpty();
    }

    [Fact]
    public void UnknownConditions_GiveNoJudgement()
    {
        Population(Evaluate(Trial("Quality of Life Study", ["Zzyzx Of The Left Elbow"]), Lung())).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Type 3 Choroidal Neovascularization")]
    [InlineData("Polypoidal Choroidal Vasculopathy")]
    [InlineData("Gyrate Atrophy")]
    [InlineData("Zzyzx Syndrome Of The Left Elbow")]
    public void ADiseaseTheVocabularyDoesNotKnow_NamedAsADisease_FailsAPatientWithCancer_OnAPresumption(string studied)
    {
        var evaluation = Evaluate(Trial($"Drug X for {studied}", [studied]), Lung());

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Population(evaluation).Single().Evidence.Should().Contain(studied).And.Contain("lung adenocarcinoma");
    }

    [Fact]
    public void ADiseaseTheVocabularyDoesNotKnow_IndexedUnderItsOwnMeshHeading_IsADisease()
    {
        var trial = Trial("Evaluation of Inflammatory Eye Disease", ["Choroiditis", "Iritis"]) with { ConditionMeshTerms = ["Choroiditis", "Iritis"] };
        Population(Evaluate(trial, Lung())).Should().ContainSingle();

        // Without the registry's heading, a name that does not say it is a disease is not judged.
        Population(Evaluate(Trial("Evaluation of Inflammatory Eye Disease", ["Choroiditis", "Iritis", "Zzyzx"]), Lung())).Should().BeEmpty();
    }

    [Fact]
    public void ADiseaseTheVocabularyDoesNotKnow_IsNotJudged_WhenThePatientsRecordNamesIt_OrTheRecordNamesACancer_OrTheMainProblemIsNotCancer()
    {
        var withIt = Lung() with { SourceText = "Lung adenocarcinoma. Also has gyrate atrophy of the retina." };
        Population(Evaluate(Trial("Drug X for Gyrate Atrophy", ["Gyrate Atrophy"]), withIt)).Should().BeEmpty();

        // A supportive-care trial in people with cancer, and a cancer the vocabulary does not know.
        Population(Evaluate(Trial("Drug X for Zzyzx Syndrome in Patients With Cancer", ["Zzyzx Syndrome"]), Lung())).Should().BeEmpty();
        Population(Evaluate(Trial("Drug X for Zzyzx Tumors", ["Zzyzx Tumors"]), Lung())).Should().BeEmpty();

        var notCancer = new PatientProfile
        {
            Age = new Fact<decimal>(40),
            Sex = new Fact<PatientSex>(PatientSex.Male),
            CompleteHistory = true,
            Conditions = [new Condition { Text = "pneumonia", Concept = "pneumonia", Certainty = Certainty.Asserted }],
        };
        Population(Evaluate(Trial("Drug X for Gyrate Atrophy", ["Gyrate Atrophy"]), notCancer)).Should().BeEmpty();
    }

    [Fact]
    public void ACancerInTheConditions_RelatedInTheTree_IsNotAMismatch()
    {
        // A broader cancer (lung cancer) and generic cancer both cover the patient's lung adenocarcinoma.
        Population(Evaluate(Trial("Exercise During Treatment", ["Lung Cancer", "Hypertension"]), Lung(progressed: false, brainTreated: null))).Should().BeEmpty();
        Population(Evaluate(Trial("Exercise During Treatment", ["Solid Tumor", "Hypertension"]), Lung(progressed: false, brainTreated: null))).Should().BeEmpty();
    }

    [Fact]
    public void AnotherCancerBesideAnotherDisease_IsAMismatch()
    {
        Population(Evaluate(Trial("Exercise During Treatment", ["Prostate Cancer", "Hypertension"]), Lung(progressed: false, brainTreated: null))).Should().ContainSingle();
    }
}
