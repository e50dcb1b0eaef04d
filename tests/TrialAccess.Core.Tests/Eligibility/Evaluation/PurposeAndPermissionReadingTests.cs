using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Readings where the words beside a drug, operation or condition carry the requirement: what a treatment was given
/// for, what a patient may take, an action on a condition, a substance measured, a lead that negates its list, a named
/// operation, a suspected condition, a cohort of another disease, and which transplant or cause a note names.
/// </summary>
public sealed class PurposeAndPermissionReadingTests
{
    private static readonly PatientProfile AntibioticsForPneumonia =
        Note("A 60-year-old woman with Clostridium difficile colitis after a course of intravenous antibiotics for aspiration pneumonia.");

    [Fact]
    public void Evaluate_ADrugGivenForAnotherPurpose_IsAQuestionNotAFailure()
    {
        var evaluation = Evaluate("Subjects who have not received antibacterials (vancomycin, metronidazole) aiming at CDAD treatment before the study", AntibioticsForPneumonia);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Constraints.Should().Contain(c => c.Check.Question != null && c.Check.Question.Contains("given for CDAD treatment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Antibiotics for the treatment of pneumonia", "pneumonia")]
    [InlineData("Corticosteroids to treat asthma", "asthma")]
    [InlineData("Antibiotics for more than 7 days", null)]
    [InlineData("Antibiotics for any reason within 2 weeks", null)]
    [InlineData("Chemotherapy for breast cancer", "breast cancer")]
    public void Parse_ThePurposeOfADrug_IsKeptBesideIt(string criterion, string? purpose)
    {
        var therapies = CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints.OfType<PriorTherapyConstraint>().ToList();

        therapies.Should().NotBeEmpty();
        therapies[0].Purpose.Should().Be(purpose);
    }

    [Fact]
    public void Evaluate_ACancerDrugWithItsPurpose_StaysRecorded()
    {
        // A cancer drug in a cancer patient's record was given for the cancer: the purpose asks nothing more.
        var patient = Note("A 52-year-old woman with breast cancer treated with doxorubicin and cyclophosphamide.");

        Evaluate("No prior chemotherapy for breast cancer", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ADrugThePatientMayStayOn_IsNotARule()
    {
        var patient = Note("A 57-year-old man with Parkinson's disease on levodopa.");

        Evaluate("Freezing of gait unresponsive to treatment, but may be on levodopa or other dopaminergic medications", patient, CriterionRole.Exclusion)
            .Constraints.Should().NotContain(c => c.Constraint is PriorTherapyConstraint && c.Check.Outcome == CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Unable to terminate VT during the procedure")]
    [InlineData("Failure to control seizures with two drugs")]
    public void Evaluate_AnActionOnAConditionThePatientHas_IsAQuestion(string criterion)
    {
        var patient = Note("A 65-year-old man with ventricular tachycardia and a seizure disorder.");

        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("Clonality as evidenced by kappa or lambda light chain restriction (typically dim immunoglobulin expression)")]
    [InlineData("Thyroid hormone levels within the normal range")]
    [InlineData("Generalised resistance to thyroid hormone")]
    [InlineData("Pituitary adenoma with hypersecretion of growth hormone")]
    [InlineData("Adults with growth hormone deficiency since childhood")]
    [InlineData("Thyroid hormone receptor defects")]
    public void Parse_ASubstanceMeasuredOrStained_IsNotATreatment(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.OfType<PriorTherapyConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_AProcedureThePatientCouldHave_NamedBeforeAmenable_IsNotAProcedureHad()
    {
        var patient = Note("A 50-year-old woman with multicentric breast cancer.");

        Evaluate("Patients with diffuse tumors that would not be considered surgically amenable to lumpectomy.", patient, CriterionRole.Exclusion)
            .Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_AListAfterAnException_IsNegatedAgain()
    {
        var patient = Note("A 53-year-old man with chronic hepatitis C. No other medical history.");

        var evaluation = Evaluate("Patients must not have significant systemic illnesses other than liver disease, including congestive heart failure, renal failure, uncontrolled diabetes mellitus, or pulmonary disease", patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Constraints.Where(c => c.Constraint is ConditionConstraint { Concept: "heart failure" or "chronic kidney disease" }).Should().OnlyContain(c => c.Constraint.Negated);
    }

    [Theory]
    [InlineData("Patients must receive radiotherapy after randomization (not before)")]
    [InlineData("Must receive concurrent prednisone of a dose no greater than 0.25 mg/kg")]
    public void Parse_ATreatmentTheStudyWillGive_IsNotATreatmentHad(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.OfType<PriorTherapyConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Life expectancy of at least 10 years, excluding diagnosis of cancer")]
    [InlineData("All previous cancer therapy must have been discontinued at least 2 weeks prior to registration")]
    public void Parse_CancerAsAnExceptionOrAsTheTherapysObject_IsNotAnotherMalignancy(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.OfType<OtherMalignancyConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_TherapyDiscontinuedWeeksBefore_IsAWashout_ButCompletedWithinIsNot()
    {
        CriterionParser.Default.Parse("All prior chemotherapy must have been discontinued >= 2 weeks prior to study registration", CriterionRole.Inclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle(t => t.Negated && t.WithinDays == 14);
        CriterionParser.Default.Parse("Prior chemotherapy completed within 6 months", CriterionRole.Inclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle(t => !t.Negated);
    }

    [Fact]
    public void Evaluate_MenopauseInADefinitionOfChildbearingPotential_AsksNothingOfAMan()
    {
        var patient = Note("A 57-year-old man with chronic lymphocytic leukemia.");

        Evaluate("Female patients of childbearing potential (including those < 1 year post-menopausal) and male patients must agree to use contraception.", patient)
            .Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Parse_AllergicRhinitisToPollen_IsTheConditionNotADrugAllergy()
    {
        var constraints = CriterionParser.Default.Parse("History of seasonal allergic rhinitis symptoms to pollen", CriterionRole.Inclusion).Constraints.OfType<ConditionConstraint>().ToList();

        constraints.Should().Contain(c => c.Concept == "allergic rhinitis");
        constraints.Should().NotContain(c => c.Concept == "drug allergy");
    }

    [Fact]
    public void Evaluate_ANamedOperation_IsThatOperation_AndAnUnnamedOneIsAQuestion()
    {
        var lumpectomy = Note("A 42-year-old woman with breast cancer treated with lumpectomy.");
        var unnamed = Note("A 42-year-old woman with a pelvic tumour, s/p tumor resection in 2020.");
        const string Criterion = "Women who have not had an oophorectomy";

        Evaluate(Criterion, lumpectomy).Outcome.Should().NotBe(CriterionOutcome.NotMet);
        Evaluate("No prior mastectomy", Note("A 42-year-old woman with breast cancer treated with a modified radical mastectomy.")).Outcome.Should().Be(CriterionOutcome.NotMet);
        Evaluate("Prior oophorectomy", unnamed).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("Surgical resection of thyroid tissue", CriterionOutcome.Unknown)]
    [InlineData("Prior thyroid surgery", CriterionOutcome.Unknown)]
    [InlineData("Prior breast surgery", CriterionOutcome.Met)]
    public void Evaluate_AnOperationOnAnOrgan_IsMetOnlyByAnOperationOnThatOrgan(string criterion, CriterionOutcome expected)
    {
        Evaluate(criterion, Note("A 42-year-old woman with breast cancer treated with lumpectomy."), CriterionRole.Exclusion).Outcome.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_SurgeryInGeneral_IsAQuestionWhenTheRecordNamesAnOperation_NeverAPresumedAbsence()
    {
        var lumpectomy = Note("A 42-year-old woman with breast cancer treated with lumpectomy.");

        Evaluate("Primary breast carcinoma that has been surgically resected", lumpectomy).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("Surgical resection of thyroid tissue", lumpectomy, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
        Evaluate("Major surgery within 4 weeks before enrolment", lumpectomy, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
        Evaluate("Primary breast carcinoma that has been surgically resected", Note("A 42-year-old woman with breast cancer.")).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Stroke isolated to the brainstem.")]
    [InlineData("Participants presented with acute myocardial infarction or stroke in the previous three months.")]
    public void Evaluate_AConditionNarrowedBySiteOrByAnIntervalInWords_IsAQuestionForAPatientWhoHasIt(string criterion)
    {
        var patient = Note("A 70-year-old man with an ischemic stroke.");

        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_AnOperationExceptedInAParenthesis_IsNotARequirement()
    {
        var patient = Note("A 65-year-old man with coronary artery disease, s/p CABG in 2010.");

        Evaluate("Cardiac surgery involving cardiotomy (not CABG) within the past 2 months", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Parse_HowLongATreatmentLasted_IsNotAWashout()
    {
        CriterionParser.Default.Parse("Insulin treated for at least 12 months", CriterionRole.Inclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle(t => !t.Negated);
    }

    [Theory]
    [InlineData("Men and women who are overweight or obese (BMI >= 25 kg/m2).")]
    [InlineData("Age greater than 50 years and amenorrhea for 1 year")]
    public void Evaluate_AMeasurementOrAReproductiveState_IsNeverPresumedAbsent(string criterion)
    {
        var patient = Note("A 64-year-old woman with type 2 diabetes and hypertension.");

        Evaluate(criterion, patient).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_FebrileConvulsionsOrPulmonaryEdema_AreNotMetByFeverOrLegEdema()
    {
        var patient = Note("A 30-year-old man admitted with fever 38.5 C, cough and leg edema.");

        Evaluate("Children with simple febrile convulsions", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
        Evaluate("Non-cardiogenic pulmonary edema", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void EvaluateTrial_ACohortItemOfAnotherDisease_SaysNothingOfThePatient_WhateverElseItAsks()
    {
        var patient = Note("A 64-year-old woman with multiple myeloma treated with melphalan and prednisone, then VAD chemotherapy.");

        var evaluation = EvaluateTrial("""
            Inclusion Criteria:
              -  Multiple myeloma
              -  Acute myeloid leukemia in first complete remission
              -  Diffuse large B-cell lymphoma relapsing with no prior chemotherapy
              -  Chronic myeloid leukemia in chronic phase
            """, patient);

        evaluation.Criteria.Single(c => c.Criterion.Segment.Text.StartsWith("Diffuse", StringComparison.Ordinal)).Outcome.Should().Be(CriterionOutcome.NotApplicable);
        evaluation.Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }

    [Theory]
    [InlineData("Suspected acute appendicitis")]
    [InlineData("Clinical suspicion of appendicitis as the primary or differential diagnosis")]
    public void Evaluate_AnInclusionAskingForASuspectedCondition_IsAQuestionNotAPresumedFailure(string criterion)
    {
        var patient = Note("A 31-year-old woman complaining of abdominal pain localized to the right lower quadrant, with focal tenderness and guarding.");

        Evaluate(criterion, patient).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void NoteReader_ACirrhosisNamedByItsCause_RecordsTheCauseToo()
    {
        var patient = Note("60 yo M with Hep C cirrhosis and grade II esophageal varices.");

        Evaluate("Positive for hepatitis C.", patient).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("Clinical diagnosis of cirrhosis", patient).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void NoteReader_KeepsTheKindOfEachTransplant()
    {
        var patient = Note("64yo woman with multiple myeloma, s/p allogeneic transplant with recurrent disease. Initially treated with melphalan, followed by autologous stem cell transplant.");

        Evaluate("Previously treated with autologous stem cell transplantation", patient).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("Must have received prior allogeneic bone marrow transplantation", patient).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("No prior allogeneic transplant", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void NoteReader_AnAutologousTransplantAlone_IsNotAllogeneic()
    {
        var patient = Note("58-year-old man with multiple myeloma after an autologous stem cell transplant.");

        Evaluate("No prior allogeneic stem cell transplant", patient).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    private static readonly PatientProfile MelanomaWithoutBrainMetastases =
        Note("A 58-year-old woman with metastatic uveal melanoma in the liver. No brain metastases on MRI. No systemic treatment so far.");

    [Theory]
    [InlineData("Stable brain metastases by CT or MRI scan")]
    [InlineData("Treated and stable CNS metastases")]
    public void Evaluate_AnInclusionThatOnlyNamesTreatedStableMetastases_AllowsThem_RatherThanRequiringThem(string criterion)
    {
        Evaluate(criterion, MelanomaWithoutBrainMetastases).Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_TreatedStableMetastasesThePatientMustHave_StayARequirement()
    {
        Evaluate("Patients must have treated, stable brain metastases", MelanomaWithoutBrainMetastases).Outcome.Should().Be(CriterionOutcome.NotMet);
    }
}
