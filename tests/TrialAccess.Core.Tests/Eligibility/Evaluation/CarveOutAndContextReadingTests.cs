using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Words of a criterion that carve out, give context or name a change, not a rule about the patient: "(... are not
/// exclusions)", "another asthma-related study", "weight gain of more than 5 kg", "radiosurgery", "will be recorded",
/// "in the opinion of the investigator", "treatments for hot flashes or other menopausal symptoms", a genotype.
/// </summary>
public sealed class CarveOutAndContextReadingTests
{
    [Theory]
    [InlineData("Uncontrolled immune hemolysis or thrombocytopenia (positive direct antiglobulin test in absence of hemolysis or history of immune-mediated cytopenias are not exclusions)")]
    [InlineData("Known hypersensitivity to the study drug or its excipients, including lactose (Note: lactose intolerance is not an exclusion).")]
    public void Evaluate_WhatAParenthesisSaysIsNotAnExclusion_DoesNotExclude(string criterion)
    {
        var patient = Note("A 60-year-old woman with seasonal allergic rhinitis and lactose intolerance. Blood counts normal, no cytopenias.");

        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ASentenceSayingWhatIsNotExcluded_DoesNotExclude()
    {
        var patient = Note("A 50-year-old man with vitiligo.");

        Evaluate("Autoimmune disease requiring systemic treatment. Patients with vitiligo are not excluded.", patient, CriterionRole.Exclusion)
            .Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ParticipationInAnotherStudyOfTheSameCondition_IsNotTheCondition()
    {
        var patient = Note("A 30-year-old woman with asthma on inhaled budesonide.");

        var evaluation = Evaluate("Currently participating in another asthma-related pharmaceutical study", patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
        evaluation.Constraints.Should().NotContain(c => c.Check.Outcome == CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Weight gain or loss of greater than 5 kg within the past 3 months")]
    [InlineData("A decrease in hemoglobin of more than 2 g/dL")]
    public void Parse_ABoundOnAChange_IsNotABoundOnTheValue(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints.OfType<LaboratoryConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_BodyWeightBound_IsStillRead()
    {
        CriterionParser.Default.Parse("Body weight greater than 50 kg", CriterionRole.Inclusion).Constraints.OfType<LaboratoryConstraint>().Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_Radiosurgery_IsRadiotherapyNotSurgery()
    {
        var patient = Note("A 55-year-old man with glioblastoma, status post gross total tumor resection in March. No radiotherapy yet.");

        var evaluation = Evaluate("Patients who have received prior radiotherapy or radiosurgery", patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
        evaluation.Constraints.Select(c => c.Constraint).OfType<PriorTherapyConstraint>().Should().OnlyContain(c => c.Agent == "radiotherapy");
    }

    [Fact]
    public void Evaluate_ASentenceOfWhatTheStudyWillRecord_AsksNothing()
    {
        var patient = Note("A 45-year-old woman with invasive ductal carcinoma of the breast, ER positive, PR negative, HER2 positive.");

        var evaluation = Evaluate(
            "Appropriate slides of the primary lesion will be requested for future review. HER2, estrogen, and progesterone receptor positivity will be recorded.",
            patient,
            CriterionRole.Inclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ABiomarkerRequiredBesideAStudyRecord_IsStillARule()
    {
        var patient = Note("A 45-year-old woman with invasive ductal carcinoma of the breast, ER positive, PR negative, HER2 positive.");

        Evaluate("Tumour must be progesterone receptor positive; slides will be requested for central review.", patient, CriterionRole.Inclusion)
            .Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ATreatmentTheInvestigatorMayJudge_IsAQuestionNotAnExclusion()
    {
        var patient = Note("A 50-year-old man with chronic hepatitis C on peginterferon and ribavirin.");

        var evaluation = Evaluate(
            "Any condition or history of any illness that, in the opinion of the investigator, might confound the results of the study or pose additional risk in administering the study drugs, peg-IFN and RBV, to the participant",
            patient,
            CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().Contain(q => q.Contains("investigator", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_AConditionNamedWithoutJudgement_StillExcludes()
    {
        var patient = Note("A 50-year-old man with chronic hepatitis C on peginterferon and ribavirin.");

        Evaluate("Interferon therapy within the last 6 months", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_TreatmentsForASymptomList_DoNotRequireTheSymptom()
    {
        var patient = Note("A 52-year-old menopausal woman with hot flashes, on no medication.");

        var evaluation = Evaluate(
            "Participants must not use OTC herbal or alternative treatments for hot flashes or other menopausal symptoms within two months of study entry",
            patient,
            CriterionRole.Inclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AGenotypeTheRecordDoesNotGive_IsAQuestion()
    {
        var patient = Note("A 45-year-old man with chronic HCV infection, treatment naive.");

        var evaluation = Evaluate("Mixed genotype or non-typable HCV genotype infection", patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        CriterionParser.Default.Parse("HCV genotype 1 infection", CriterionRole.Inclusion).Constraints.OfType<InfectionConstraint>()
            .Should().ContainSingle(c => c.Specifier == "genotype 1");
    }

    [Fact]
    public void Evaluate_HepatitisCWithoutAGenotype_IsStillHepatitisC()
    {
        var patient = Note("A 45-year-old man with chronic HCV infection.");

        Evaluate("Chronic hepatitis C infection", patient, CriterionRole.Inclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ASingleSeizure_LeavesASeizureDisorderAQuestion_AndEpilepsyMeetsSeizures()
    {
        var seizure = Note("A 40-year-old woman who had a seizure during viral encephalitis two years ago.");
        var epilepsy = Note("A 40-year-old woman with epilepsy on levetiracetam.");

        Evaluate("History of seizure disorder", seizure, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
        Evaluate("History of seizures", epilepsy, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("History of seizure disorder", epilepsy, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ActiveOrUncontrolledInfection_IsMetByAnActiveInfection()
    {
        var patient = Note("A 70-year-old man with active pneumonia on intravenous ceftriaxone.");

        Evaluate("Active or uncontrolled infection", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_InfectionPersistingDespiteAntibiotics_IsAboutTheInfection()
    {
        var patient = Note("A 70-year-old man with C. difficile colitis, improving on oral metronidazole.");

        var evaluation = Evaluate(
            "Active, uncontrolled bacterial, viral, or fungal infection(s) requiring systemic therapy, defined as ongoing signs/symptoms related to the infection without improvement despite appropriate antibiotics, antiviral therapy, and/or other treatment",
            patient,
            CriterionRole.Exclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void EvaluateTrial_InclusionsNamingThreeDiseases_AreCohorts_WhenThePatientIsInOne()
    {
        const string criteria = """
            Inclusion Criteria:
            - Secondary hypothyroidism, usually resulting from tumors of the pituitary, in patients referred to the endocrine clinic
            - Graves disease with hyperthyroidism confirmed by the referring endocrinologist in the past year
            - Toxic multinodular goiter with hyperthyroidism seen on a thyroid scan at the referring hospital
            Exclusion Criteria:
            - Pregnancy
            """;
        var patient = Note("A 45-year-old man with Graves disease and weight loss.");

        var evaluation = EvaluateTrial(criteria, patient);

        evaluation.Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
        evaluation.Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }

    [Fact]
    public void EvaluateTrial_ADiseaseAndARequiredComorbidity_AreBothRequired()
    {
        const string criteria = """
            Inclusion Criteria:
            - Chronic obstructive pulmonary disease diagnosed by a pulmonologist with spirometry in the past five years
            - Congestive heart failure documented on echocardiography by a cardiologist in the past two years
            """;
        var patient = Note("A 70-year-old man with COPD on tiotropium. Past history: hypertension.");

        EvaluateTrial(criteria, patient).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void EvaluateTrial_DiseaseCohorts_NoneOfWhichThePatientHas_StillFail()
    {
        const string criteria = """
            Inclusion Criteria:
            - Secondary hypothyroidism, usually resulting from tumors of the pituitary, in patients referred to the endocrine clinic
            - Graves disease with hyperthyroidism confirmed by the referring endocrinologist in the past year
            - Toxic multinodular goiter with hyperthyroidism seen on a thyroid scan at the referring hospital
            """;
        var patient = Note("A 45-year-old man with asthma on inhaled budesonide.");

        EvaluateTrial(criteria, patient).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_AConditionNarrowedByWithout_IsAQuestionForAPatientWithTheCondition()
    {
        var patient = Note("A 21-year-old man with abdominal pain in the right lower quadrant, tender on palpation.");

        Evaluate("Abdominal pain without tenderness or rebound", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_DiarrheaDespiteATreatment_DoesNotExcludeOnTheTreatmentAlone()
    {
        var patient = Note("A 70-year-old man on oral vancomycin for a first episode of C. difficile infection, now without diarrhea.");

        var evaluation = Evaluate("Persistent diarrhea despite a course of vancomycin", patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Parse_AHemoglobinThatDecreased_IsAChangeNotALevel()
    {
        CriterionParser.Default.Parse("Spleen enlarged and Hgb level decreased 2 g/dL or more from steady-state value", CriterionRole.Exclusion)
            .Constraints.OfType<LaboratoryConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void EvaluateTrial_AnItemEndingInOr_IsAnAlternativeOfTheNext()
    {
        const string criteria = """
            Inclusion Criteria:
            - Women aged 18 to 50 years
            - Surgically sterile (tubal ligation, bilateral oophorectomy, or hysterectomy), or
            - Using an intrauterine device
            """;
        var patient = Note("A 35-year-old woman with asthma. She is using an IUD as her contraceptive method.");

        var evaluation = EvaluateTrial(criteria, patient);

        evaluation.Verdict.Should().NotBe(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().BeEmpty();
    }

    [Fact]
    public void EvaluateTrial_ItemsWithoutATrailingOr_AreEachRequired()
    {
        const string criteria = """
            Inclusion Criteria:
            - Women aged 18 to 50 years
            - Surgically sterile (tubal ligation, bilateral oophorectomy, or hysterectomy)
            - Using an intrauterine device
            """;
        var patient = Note("A 35-year-old woman with asthma. She is using an IUD as her contraceptive method.");

        EvaluateTrial(criteria, patient).Failing.Should().NotBeEmpty();
    }

    [Fact]
    public void Evaluate_HospitalizedPatients_IsAQuestionOfSettingNotPresumedAbsent()
    {
        var patient = Note("A 68-year-old man with an acute exacerbation of COPD, on prednisone and nebulised salbutamol.");

        var evaluation = Evaluate("Hospitalized patients with acute exacerbation of COPD", patient, CriterionRole.Inclusion);

        evaluation.Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AnInclusionSayingCancerPatientsAreNotEligible_IsAnExclusionOfThatCancer()
    {
        var patient = Note("A 40-year-old woman with migraine. No history of cancer.");

        Evaluate("Patients with a history of breast cancer (including DCIS) or ovarian cancer are not eligible.", patient, CriterionRole.Inclusion)
            .Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ALabelStandingAlone_AsksNothing()
    {
        var patient = Note("A 60-year-old man with multiple myeloma after VAD chemotherapy.");

        Evaluate("Biologic therapy:", patient, CriterionRole.Inclusion).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Donors must be HIV-negative, hepatitis B surface antigen negative, and hepatitis C antibody negative.")]
    [InlineData("Parents must agree to keep a diary of the child's symptoms")]
    public void Evaluate_ARuleAboutAnotherPerson_IsAQuestionAboutThem(string criterion)
    {
        var patient = Note("A 64-year-old man with multiple myeloma. HIV positive on antiretroviral therapy.");

        var evaluation = Evaluate(criterion, patient, CriterionRole.Inclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().StartWith("Does the patient's");
    }

    [Fact]
    public void Evaluate_APatientRuleNamingADonor_IsStillAboutThePatient()
    {
        var patient = Note("A 64-year-old man with multiple myeloma, no prior transplant.");

        Evaluate("Patients must have an HLA-matched sibling donor", patient, CriterionRole.Inclusion).Questions.Should().NotContain(q => q.StartsWith("Does the patient's", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ADiseaseNamedInTheReasonForExcludingOthers_IsNotExcluded()
    {
        var patient = Note("A 60-year-old man with chronic lymphocytic leukemia, Rai stage III.");

        Evaluate("Age 18 to 65 years. Because CLL is extremely rare in persons under 18 years of age, children are excluded", patient, CriterionRole.Inclusion)
            .Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ANotEligibleSentenceWithAnExampleInside_ExcludesWhatItNames()
    {
        var patient = Note("A 52-year-old woman with hot flashes, on no medication.");

        Evaluate("Participants with current use of anticoagulants (e.g. Warfarin, heparin), anti-platelet drugs or history of bleeding disorder are not eligible.", patient, CriterionRole.Inclusion)
            .Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Women with known defects of the hemostasis")]
    [InlineData("Patients >= 3 years of age that have received narcotics in the previous 24 hours")]
    public void Evaluate_AnExclusionScopedByAgeOrSex_IsNotMetByTheAgeOrSexAlone(string criterion)
    {
        var patient = Note("A 17-year-old girl with abdominal pain, taking no medications.");

        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_AgeOrPregnancyAsAlternatives_StillExcludesOnAge()
    {
        var patient = Note("A 16-year-old boy with asthma.");

        Evaluate("Age under 18 years or pregnancy", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_AStagedCancerExclusion_NeedsTheStage()
    {
        var patient = Note("A 44-year-old woman with stage IB cervical cancer.");

        Evaluate("Stage IV cervical cancer", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_SurgeryForAPatientsDisease_DoesNotRequireOnlyTheDisease()
    {
        var patient = Note("A 70-year-old man with Parkinson's disease on levodopa.");

        Evaluate("History of surgical intervention for Parkinson's Disease", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Age superior or equal to 10 years", CriterionOutcome.Met)]
    [InlineData("Age inferior to 50 years", CriterionOutcome.NotMet)]
    public void Evaluate_AgeWithSuperiorOrInferior_IsAnAgeBound(string criterion, CriterionOutcome expected)
    {
        var patient = Note("A 60-year-old man with chronic cough.");

        Evaluate(criterion, patient, CriterionRole.Inclusion).Outcome.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_ObstructiveAirwayDisease_IsMetByAsthmaOrCopd_AndPresumedAbsentOtherwise()
    {
        Evaluate("Obstructive airway disease", Note("A 30-year-old woman with asthma on inhaled budesonide."), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("Obstructive airway disease", Note("A 70-year-old man with COPD on tiotropium."), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("No obstructive airway disease", Note("A 40-year-old man with a fractured wrist."), CriterionRole.Inclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ConsentByAParent_IsSettledAtEnrolmentAsForThePatient()
    {
        var patient = Note("A 9-year-old boy with asthma.");

        Evaluate("Parents or legal guardians must sign the informed consent form", patient, CriterionRole.Inclusion)
            .Outcome.Should().NotBe(CriterionOutcome.Unknown);
        Evaluate("Parents or legal guardians must keep a daily symptom diary", patient, CriterionRole.Inclusion)
            .Questions.Should().ContainSingle().Which.Should().StartWith("Does the patient's parents or legal guardians");
    }
}
