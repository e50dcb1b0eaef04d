using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Readings of habits in an amount, of vaccines, of procedures that are not transplants, of a condition named both
/// absent and present, and of lists whose lead asks for one item among several.
/// </summary>
public sealed class HabitVaccineAndProcedureReadingTests
{
    [Theory]
    [InlineData("Transfusion within 2 weeks")]
    [InlineData("Requires dialysis")]
    public void Evaluate_TransfusionOrDialysis_IsNotMetByAStemCellTransplant(string criterion)
    {
        var patient = new PatientProfile
        {
            CompleteHistory = true,
            Therapies = [new Therapy { Name = "autologous stem cell transplant", Kind = TherapyKind.Procedure, Certainty = Certainty.Historical }],
        };

        var evaluation = Evaluate(criterion, patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
        evaluation.Evidence.Should().NotContain("transplant");
    }

    [Fact]
    public void Evaluate_Dialysis_IsMetByHemodialysis()
    {
        var patient = new PatientProfile { Therapies = [new Therapy { Name = "hemodialysis", Kind = TherapyKind.Procedure, Certainty = Certainty.Historical }] };

        Evaluate("Patients on dialysis", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Known hypersensitivity to components of the study vaccine")]
    [InlineData("Any condition that would make vaccination unsafe")]
    [InlineData("Chronic condition for which influenza vaccine is normally recommended")]
    [InlineData("History of severe reactions following previous immunization with influenza vaccines")]
    public void Parse_VaccineThatIsNotOneThePatientHad_IsNoPriorTherapy(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.PriorTherapyConstraint>().Should().NotContain(c => c.Agent == "vaccine");
    }

    [Fact]
    public void Evaluate_VaccinationOfUnknownKindAndDate_IsAQuestionForASeasonalVaccineRule()
    {
        var patient = new PatientProfile { CompleteHistory = true, Therapies = [new Therapy { Name = "vaccination", Kind = TherapyKind.Procedure, Certainty = Certainty.Historical }] };

        var evaluation = Evaluate("Receipt of seasonal influenza vaccine this season", patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("No daily alcohol use > 3 standard drinks per day", CriterionRole.Inclusion, "He drinks alcohol occasionally.")]
    [InlineData("Smoking history of at least 20 pack years", CriterionRole.Inclusion, "He smokes 10 cigarettes per day.")]
    [InlineData("Alcohol intake of more than 14 units per week", CriterionRole.Exclusion, "He consumes alcohol occasionally.")]
    public void Evaluate_HabitInAnAmount_IsAQuestionWhenTheRecordGivesNoAmount(string criterion, CriterionRole role, string note)
    {
        var evaluation = Evaluate(criterion, Note("A 50-year-old man. " + note), role);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_HabitWithoutAnAmount_IsSettledByTheRecord()
    {
        Evaluate("Current smoker", Note("A 60-year-old man. He smokes 20 cigarette per day.")).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("Current smoker", Note("A 60-year-old man. He does not smoke.")).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ConditionNamedAbsentAndPresentAsAlternatives_RequiresNothing()
    {
        var smoker = Note("A 60-year-old man with COPD. He smokes 20 cigarettes per day.");

        Evaluate("Never smoker, current smoker, or quit smoking at least 5 years ago", smoker).Fails.Should().BeFalse();
    }

    [Fact]
    public void Parse_NeverSmoker_NegatesOnlyItself()
    {
        var parsed = CriterionParser.Default.Parse("Never smokers with asthma", CriterionRole.Inclusion);

        parsed.Constraints.OfType<TrialAccess.Eligibility.Constraints.ConditionConstraint>().Should().Contain(c => c.Concept == "asthma" && !c.Negated);
    }

    [Fact]
    public void Evaluate_ItemsUnderAtLeastOneOfLead_AreAlternatives()
    {
        var patient = new PatientProfile
        {
            CompleteHistory = true,
            Conditions = [new Condition { Text = "night sweats", Concept = "night sweats", Certainty = Certainty.Asserted }],
        };

        var trial = EvaluateTrial("""
            Inclusion Criteria:
            * Active disease meeting at least 1 of the 2008 criteria for requiring treatment:
              * Massive, progressive or symptomatic splenomegaly
              * Night sweats without evidence of infection
              * Progressive lymphadenopathy
            """, patient);

        trial.Failing.Should().BeEmpty();
    }
    [Theory]
    [InlineData("A 45-year-old postmenopausal woman with asthma.")]
    [InlineData("A 40-year-old woman with asthma, s/p total hysterectomy.")]
    public void Evaluate_PregnancyOfAWomanWhoCannotBePregnant_IsNotMetOnTheRecord(string note)
    {
        var patient = Note(note);

        var pregnancy = Evaluate("Pregnant or breastfeeding", patient, CriterionRole.Exclusion);
        var contraception = Evaluate("Women of childbearing potential must use effective contraception", patient);

        pregnancy.Outcome.Should().Be(CriterionOutcome.NotMet);
        pregnancy.Basis.Should().Be(OutcomeBasis.Recorded);
        contraception.Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Theory]
    [InlineData("Diabetic nephropathy", "A 60-year-old man with type 2 diabetes on metformin.", CriterionOutcome.Unknown)]
    [InlineData("Diabetic nephropathy", "A 60-year-old man with asthma.", CriterionOutcome.NotMet)]
    [InlineData("Hypertensive crisis", "A 60-year-old man with hypertension on amlodipine.", CriterionOutcome.Unknown)]
    [InlineData("Diabetic patients", "A 60-year-old man with type 2 diabetes on metformin.", CriterionOutcome.Met)]
    public void Evaluate_AConditionsAdjectiveNamingAComplication_IsNotMetByTheConditionAlone(string criterion, string note, CriterionOutcome expected)
    {
        Evaluate(criterion, Note(note), CriterionRole.Exclusion).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("Premenopausal women", "A 64-year-old postmenopausal woman with breast cancer.", CriterionOutcome.NotMet)]
    [InlineData("Less than 12 months from last menstrual period or premenopausal estradiol within the past 12 months", "A 64-year-old postmenopausal woman with breast cancer.", CriterionOutcome.NotMet)]
    [InlineData("Postmenopausal women", "A 44-year-old premenopausal woman with breast cancer.", CriterionOutcome.NotMet)]
    [InlineData("Postmenopausal women", "A 64-year-old postmenopausal woman with breast cancer.", CriterionOutcome.Met)]
    [InlineData("Premenopausal women", "A 44-year-old woman with breast cancer.", CriterionOutcome.Unknown)]
    public void Evaluate_AMenopausalStatus_IsNotMetByAWomanRecordedInAnother(string criterion, string note, CriterionOutcome expected)
    {
        var evaluation = Evaluate(criterion, Note(note));

        evaluation.Outcome.Should().Be(expected);
        if (expected == CriterionOutcome.NotMet)
        {
            evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
        }
    }

    [Fact]
    public void Evaluate_PregnancyOfAPremenopausalWoman_StaysAQuestion()
    {
        Evaluate("Pregnant or breastfeeding", Note("A 35-year-old woman with asthma."), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_InclusionSayingTheProtocolExcludesSomething_IsAnExclusion()
    {
        var evaluation = Evaluate(
            "Pregnancy or lactation at the time of randomization. This protocol excludes pregnant or lactating women because the effects of the drug on the fetus are unknown.",
            Note("A 60-year-old postmenopausal woman with breast cancer."));

        evaluation.Fails.Should().BeFalse();
        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
    }
    [Theory]
    [InlineData("Hamilton Depression Rating Scale-17 (HAM-D-17) of 19 or more")]
    [InlineData("Girls: above 9.0 years and below or equal to 17.0 years at screening")]
    public void Parse_TheNumber17_IsNotTheTranslocation15To17(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.BiomarkerConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_Translocation15To17_IsPmlRara()
    {
        CriterionParser.Default.Parse("Acute promyelocytic leukemia with t(15;17)", CriterionRole.Inclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.BiomarkerConstraint>().Should().Contain(b => b.Marker == "PML-RARA");
    }

    [Theory]
    [InlineData("≥ 18 years", 18)]
    [InlineData("at least 21 years.", 21)]
    [InlineData("18 years and over", 18)]
    public void Parse_BareLowerAgeBound_IsAnAge(string criterion, int minimum)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.AgeConstraint>().Should().ContainSingle().Which.Minimum.Should().Be(minimum);
    }
    [Fact]
    public void Evaluate_TimeSinceACondition_IsMetByAPatientWhoNeverHadIt()
    {
        var evaluation = Evaluate("At least 6 months since prior cerebrovascular accident or seizure", Note("A 34-year-old man with sickle cell disease."));

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_TimeSinceACondition_AsksWhenForAPatientWhoHadIt()
    {
        Evaluate("At least 6 months since prior stroke", Note("A 70-year-old man with a history of stroke.")).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("Otherwise healthy")]
    [InlineData("Medically healthy males or females aged 18-65")]
    public void Evaluate_OtherwiseHealthy_AsksForNoOtherSeriousIllnessNotAHealthyVolunteer(string criterion)
    {
        var evaluation = Evaluate(criterion, Note("A 46-year-old woman with major depressive disorder."));

        evaluation.Fails.Should().BeFalse();
        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_HealthyVolunteers_StillRequiresHealth()
    {
        Evaluate("Healthy volunteers", Note("A 46-year-old woman with major depressive disorder.")).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("FEV1/FVC ratio < 0.70 following 2 puffs of albuterol")]
    [InlineData("Pre-bronchodilator FEV1 of at least 60% of predicted")]
    [InlineData("FEV1 reversibility of <15% after inhaled beta2-agonists")]
    public void Parse_DrugGivenForAMeasurement_IsNotATreatmentRequirement(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.PriorTherapyConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_DrugAfterWhichDiseaseProgressed_StaysATreatmentRequirement()
    {
        CriterionParser.Default.Parse("Disease progression after docetaxel", CriterionRole.Inclusion).Constraints
            .OfType<TrialAccess.Eligibility.Constraints.PriorTherapyConstraint>().Should().NotBeEmpty();
    }
    [Fact]
    public void Evaluate_RuleForASubgroupThePatientIsNotIn_IsNotApplicableEvenWhenTheRuleIsUnread()
    {
        var patient = new PatientProfile
        {
            CompleteHistory = true,
            Therapies = [new Therapy { Name = "fluticasone", Classes = ["corticosteroid"], IsCurrent = true, Certainty = Certainty.Asserted }],
        };

        var evaluation = Evaluate("For subjects not regularly using inhaled corticosteroids, FEV1 40% of predicted, methacholine PC20 8 mg/ml or 12% and 200 ml", patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }
    private static PatientProfile OnLevodopa() => new()
    {
        CompleteHistory = true,
        Conditions = [new Condition { Text = "Parkinson's disease", Concept = "Parkinson disease", Certainty = Certainty.Asserted }],
        Therapies = [new Therapy { Name = "levodopa", Classes = ["antiparkinsonian"], IsCurrent = true, Certainty = Certainty.Asserted }],
    };

    [Theory]
    [InlineData("Absence or loss of levodopa response")]
    [InlineData("Levodopa treated and responsive")]
    [InlineData("Limited response to levodopa")]
    public void Evaluate_ResponseToADrugThePatientTakes_IsAQuestion(string criterion)
    {
        Evaluate(criterion, OnLevodopa(), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_DrugThePatientTakes_StillMeetsAPlainExclusion()
    {
        Evaluate("Treatment with levodopa", OnLevodopa(), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_CurrentTreatmentRule_IsNotMetByATreatmentThatEnded()
    {
        var patient = new PatientProfile
        {
            CompleteHistory = true,
            Therapies = [new Therapy { Name = "antibiotics", Classes = ["antibiotic"], IsCurrent = false, Certainty = Certainty.Historical }],
        };

        Evaluate("Current antibiotic treatment", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Patient has a predominant symptom of abdominal pain")]
    [InlineData("Resting ECG with new ST changes or tachyarrhythmia")]
    [InlineData("Ventricular tachycardia inducible at the end of the ablation")]
    [InlineData("Migraine headache on the day of study drug administration")]
    public void Evaluate_ConditionInAFormOrAtATimeTheRecordDoesNotGive_IsAQuestion(string criterion)
    {
        var patient = new PatientProfile
        {
            CompleteHistory = true,
            Conditions =
            [
                new Condition { Text = "abdominal pain", Concept = "abdominal pain", Certainty = Certainty.Asserted },
                new Condition { Text = "VT", Concept = "ventricular tachycardia", Certainty = Certainty.Historical },
                new Condition { Text = "migraine", Concept = "migraine", Certainty = Certainty.Historical },
            ],
        };

        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_SymptomNamedAsWhatAnotherDisorderCanProduce_IsNotARequirement()
    {
        var patient = new PatientProfile { CompleteHistory = true, Conditions = [new Condition { Text = "fatigue", Concept = "fatigue", Certainty = Certainty.Asserted }] };

        Evaluate("A history of chronic neurologic disorder other than myasthenia gravis that can produce weakness or fatigue", patient, CriterionRole.Exclusion)
            .Outcome.Should().NotBe(CriterionOutcome.Met);
    }
    [Theory]
    [InlineData("received, or may have received, an allogeneic and/or autologous transplant.")]
    [InlineData("Patients may have had prior radiotherapy.")]
    public void Evaluate_MayHaveReceived_PermitsWithoutRequiring(string criterion)
    {
        var evaluation = Evaluate(criterion, Note("A 64-year-old woman with multiple myeloma."));

        evaluation.Fails.Should().BeFalse();
        evaluation.Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }
    [Theory]
    [InlineData("If female, has a negative serum or urine pregnancy test and is not lactating.", "A 30-year-old man with appendicitis.")]
    [InlineData("Women must not be pregnant.", "A 55-year-old man with hepatitis C.")]
    [InlineData("Premenopausal women: aged 18 to 45 years,", "A 53-year-old man with breast cancer.")]
    [InlineData("Males must be surgically sterile, abstinent or using an acceptable contraceptive method", "A 45-year-old woman with obesity.")]
    [InlineData("Men must agree to abstain from donating semen during the study", "A 64-year-old woman with multiple myeloma.")]
    public void Evaluate_RuleForTheOtherSex_IsNotApplicable(string criterion, string note)
    {
        Evaluate(criterion, Note(note)).Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_RuleForThePatientsSex_IsEvaluated()
    {
        Evaluate("If female, has a negative serum or urine pregnancy test.", Note("A 30-year-old woman with asthma.")).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void IsPermission_ConditionAfterTheGrant_DoesNotMakeItARule()
    {
        EligibilityEvaluator.IsPermission("Brain metastases are allowed, given that they are clinically stable and the patient does not present neurological symptoms").Should().BeTrue();
        EligibilityEvaluator.IsPermission("No brain metastases allowed").Should().BeFalse();
        EligibilityEvaluator.IsPermission("Brain metastases allowed only if treated").Should().BeFalse();
    }
    [Fact]
    public void Evaluate_RuleForAnAgeGroupThePatientIsNotIn_IsNotApplicable()
    {
        var adult = Note("A 45-year-old man with anaplastic astrocytoma.");

        Evaluate("Lansky 50-100% if 10 years of age or under", adult).Outcome.Should().Be(CriterionOutcome.NotApplicable);
        Evaluate("Lansky 50-100% if 10 years of age or under", Note("A 6-year-old boy with medulloblastoma.")).Outcome.Should().Be(CriterionOutcome.Unknown);
    }
    [Fact]
    public void Evaluate_ListOfAlternativesOfDifferentKinds_HoldsWhenAnyMightHold()
    {
        var woman = Note("A 35-year-old woman with multiple sclerosis.");

        Evaluate("Females must be either post-menopausal, surgically incapable of bearing children, or practicing a medically accepted method of birth control.", woman)
            .Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_NeitherOfTwoConditions_StaysAConjunction()
    {
        var diabetic = Note("A 50-year-old man with type 2 diabetes mellitus.");

        Evaluate("No diabetes mellitus, hypertension or fasting glucose greater than or equal to 120 mg/dl.", diabetic).Outcome.Should().Be(CriterionOutcome.NotMet);
    }
}
