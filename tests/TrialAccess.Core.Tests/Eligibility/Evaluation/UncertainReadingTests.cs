using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Where the engine's reading is not good enough to rule a patient out, it asks instead: mentions that only qualify a
/// rule, conditions it does not read, prose that contradicts the registry's limits, cancers the trial itself studies,
/// drugs that are not cancer treatment, line counts taken from an incomplete note.
/// </summary>
public class UncertainReadingTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static PatientProfile Patient(string diagnosis = "anaplastic astrocytoma", PatientSex sex = PatientSex.Male, params Therapy[] therapies) => new()
    {
        BirthDate = new DateOnly(1970, 1, 1),
        Sex = new Fact<PatientSex>(sex),
        Diagnoses = [new Diagnosis { Text = diagnosis }],
        Conditions = [new Condition { Text = "hypertension", Concept = "hypertension" }],
        Therapies = therapies,
    };

    private static CriterionEvaluation Evaluate(string text, PatientProfile patient, CriterionRole role = CriterionRole.Inclusion) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), patient, Context);

    private static TrialEvaluation EvaluateTrial(string criteria, PatientProfile patient, params string[] conditions) =>
        EligibilityEvaluator.Evaluate(
            TrialCriteriaParser.Parse(new ClinicalTrial { NctId = NctId.Parse("NCT00000001"), BriefTitle = "t", Conditions = conditions, Eligibility = new TrialEligibility { Criteria = criteria } }),
            patient,
            Context);

    [Theory]
    [InlineData("No prior chemotherapy for breast cancer")]
    [InlineData("No prior systemic therapy for advanced disease")]
    public void Parse_DiseaseATherapyWasFor_QualifiesTheRule(string text)
    {
        var parsed = CriterionParser.Default.Parse(text, CriterionRole.Inclusion);

        parsed.Constraints.Where(c => c.Kind is ConstraintKind.CancerType or ConstraintKind.Stage).Should().NotBeEmpty().And.OnlyContain(c => c.Qualifies);
        parsed.Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle().Which.Qualifies.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AnIfThatDefinesTheResult_IsNoConditionToAskAbout()
    {
        var patient = Patient("invasive ductal carcinoma of the breast", PatientSex.Female) with
        {
            Biomarkers = [new Biomarker { Marker = "ESR1", Status = BiomarkerStatus.Negative }, new Biomarker { Marker = "PGR", Status = BiomarkerStatus.Negative }],
        };

        EvaluateTrial("Inclusion Criteria:\n- The tumor must be HR-positive. HR will be considered positive if staining is 1% or greater for ER and/or PR.", patient, "Breast Cancer")
            .Verdict.Should().Be(TrialVerdict.Ineligible);
        EvaluateTrial("Inclusion Criteria:\n- Estrogen receptor positive (unless the tumor is low grade)", patient, "Breast Cancer")
            .Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Evaluate_NoPriorOperationForTheStudiedCancer_InALongBlock_FailsOnTheRecord()
    {
        var patient = Patient("prostate adenocarcinoma", PatientSex.Male, new Therapy { Name = "prostatectomy", Kind = TherapyKind.Surgery });
        const string Block = "Inclusion Criteria:\n- PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior or concurrent chemotherapy "
            + "Endocrine therapy: Prior hormonal therapy allowed Radiotherapy: No prior pelvic irradiation Surgery: No prior prostatectomy or cryosurgery for prostate cancer";

        EvaluateTrial(Block, patient, "Prostate Cancer").Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Evaluate_ConditionNamedAsAnException_DoesNotExclude()
    {
        var evaluation = Evaluate("Significant medical illness other than hypertension", Patient(), CriterionRole.Exclusion);

        evaluation.Fails.Should().BeFalse();
        evaluation.Constraints.Where(c => c.Constraint is ConditionConstraint { Concept: "hypertension" }).Should().OnlyContain(c => c.Check.Outcome == CriterionOutcome.NotApplicable);
    }

    [Theory]
    [InlineData("vancomycin", false)]
    [InlineData("metronidazole", false)]
    [InlineData("doxycycline", true)]
    public void Evaluate_ClassWithNamedExceptions_IsNotMetByAnExceptedDrug(string drug, bool fails)
    {
        var patient = Patient(therapies: new Therapy { Name = drug, Kind = TherapyKind.Drug, Classes = ["antibiotics"], Certainty = Certainty.Asserted, IsCurrent = true });

        var evaluation = Evaluate("Current antibiotic treatment other than metronidazole, vancomycin, fidaxomicin", patient, CriterionRole.Exclusion);

        evaluation.Fails.Should().Be(fails, string.Join(" / ", evaluation.Constraints.Select(c => $"{c.Constraint} {c.Check.Outcome} {c.Check.Evidence}")));
    }

    [Fact]
    public void Evaluate_TreatmentThePatientCouldHave_IsNotOneTheyHad()
    {
        var patient = Patient(therapies: new Therapy { Name = "lumpectomy", Kind = TherapyKind.Surgery, Certainty = Certainty.Historical });

        Evaluate("No diffuse tumours that would not be surgically amenable to lumpectomy", patient).Fails.Should().BeFalse();
    }

    [Fact]
    public void EvaluateTrial_RuleHangingOnAConditionItDoesNotRead_IsAQuestion()
    {
        var trial = EvaluateTrial("Inclusion Criteria:\n* Histologically confirmed breast cancer if enrolled in cohort B", Patient());

        trial.Verdict.Should().NotBe(TrialVerdict.Ineligible);
        trial.Questions.Should().Contain(q => q.Contains("cohort B", StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateTrial_ProseSexRuleWhenTheRegistryAdmitsEverySex_IsAQuestion()
    {
        var trial = EvaluateTrial("Inclusion Criteria:\n* Female subjects on a reliable method of birth control\n* Women aged 18 or older", Patient());

        trial.Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }

    [Fact]
    public void EvaluateTrial_CancerTheTrialStudiesNamedAsAnExclusion_IsAQuestion()
    {
        var patient = Patient("invasive ductal carcinoma of the breast", PatientSex.Female);

        var trial = EvaluateTrial("Exclusion Criteria:\n* Bilateral breast cancer", patient, "Breast Cancer");

        trial.Verdict.Should().Be(TrialVerdict.PossiblyEligible);
    }

    [Fact]
    public void EvaluateTrial_CohortsWithDifferentDiagnoses_AreAlternatives()
    {
        var trial = EvaluateTrial("Inclusion Criteria:\n* Chronic myeloid leukemia in chronic phase\n* Anaplastic astrocytoma, recurrent", Patient());

        trial.Failing.Should().BeEmpty();
    }

    [Fact]
    public void EvaluateTrial_NoPublishedCriteria_IsNeverEligible()
    {
        var trial = EvaluateTrial("No eligibility criteria", Patient(), "Hypertension");

        trial.Verdict.Should().Be(TrialVerdict.PossiblyEligible);
        trial.Questions.Should().Contain(q => q.Contains("no eligibility criteria", StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateTrial_StudiedConditionThePatientHas_IsMetAndAnotherKnownDisease_IsLikelyIneligibleAndAsked()
    {
        var criteria = "Inclusion Criteria:\n* Age 18 years or older";

        var hypertension = EvaluateTrial(criteria, Patient(), "Hypertension");
        var asthma = EvaluateTrial(criteria, Patient(), "Asthma");

        hypertension.Verdict.Should().Be(TrialVerdict.Eligible);
        // A known disease that is neither the patient's main problem nor another recorded condition: presumed not theirs.
        asthma.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        asthma.Questions.Should().Contain("Does the patient have asthma?");
    }

    [Fact]
    public void Evaluate_NegationInAnExclusion_StopsAtAComma()
    {
        var patient = Patient("breast cancer", PatientSex.Female) with { Pregnant = new Fact<bool>(false) };

        Evaluate("No informed consent, pregnancy, homelessness", patient, CriterionRole.Exclusion).Fails.Should().BeFalse();
    }

    [Theory]
    [InlineData("multivitamin", "supplement")]
    [InlineData("dexamethasone", "corticosteroid")]
    public void Evaluate_NoPriorSystemicTherapy_IsNotFailedByDrugsThatDoNotTreatCancer(string drug, string drugClass)
    {
        var patient = Patient(therapies: new Therapy { Name = drug, Classes = [drugClass], Kind = TherapyKind.Drug, IsCurrent = true });

        Evaluate("No prior systemic therapy", patient).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_NoPriorSystemicTherapy_IsFailedByChemotherapy()
    {
        var patient = Patient(therapies: new Therapy { Name = "carboplatin", Kind = TherapyKind.Drug, Certainty = Certainty.Historical });

        Evaluate("No prior systemic therapy", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_LinesCountedFromANote_AreAFloor()
    {
        var one = Patient(therapies: new Therapy { Name = "temozolomide", Kind = TherapyKind.Drug, Certainty = Certainty.Historical });
        var two = Patient(therapies:
        [
            new Therapy { Name = "temozolomide", Kind = TherapyKind.Drug, Certainty = Certainty.Historical, StartedOn = new DateOnly(2024, 1, 1) },
            new Therapy { Name = "lomustine", Classes = ["chemotherapy"], Kind = TherapyKind.Drug, Certainty = Certainty.Historical, StartedOn = new DateOnly(2025, 1, 1) },
        ]);

        Evaluate("At least 2 prior lines of systemic therapy", one).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("At least 2 prior lines of systemic therapy", two).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("No more than 1 prior line of systemic therapy", two).Outcome.Should().Be(CriterionOutcome.NotMet);
    }
}
