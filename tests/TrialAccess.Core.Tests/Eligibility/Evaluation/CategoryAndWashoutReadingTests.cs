using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Readings of an organ-system category ("cardiovascular disease", "neurological disorder") against the forms of it a
/// record names, with its exceptions and "other"; of washouts that cover a whole list; of what a patient who presents
/// with a symptom and no diagnosis may have; and of grants, plans and independence written around a drug.
/// </summary>
public sealed class CategoryAndWashoutReadingTests
{
    [Fact]
    public void Categories_NameOnlyConditionsTheVocabularyKnows()
    {
        var concepts = OncologyVocabulary.BuiltIn.Concepts;
        foreach (var (category, members) in MedicalConceptCatalog.Categories)
        {
            foreach (var member in members)
            {
                concepts.IsWithin(member, category).Should().BeTrue($"{member} is listed under {category}");
            }
        }
    }

    [Theory]
    [InlineData("A 65-year-old man with a myocardial infarction two years ago.", "History of cardiovascular disease")]
    [InlineData("A 40-year-old woman with relapsing multiple sclerosis.", "Any neurological disorder")]
    [InlineData("A 50-year-old woman with rheumatoid arthritis on methotrexate.", "History of autoimmune disease")]
    [InlineData("A 30-year-old man with bipolar disorder.", "Psychiatric illness")]
    public void Evaluate_ACategory_IsMetByARecordedFormOfIt(string note, string criterion)
    {
        Evaluate(criterion, Note(note), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ACategory_WithAQualifierTheRecordDoesNotGive_IsAQuestion()
    {
        var patient = Note("A 35-year-old woman with asthma since childhood.");

        Evaluate("Significant, non-reversible, pulmonary disease (e.g., COPD, cystic fibrosis)", patient, CriterionRole.Exclusion)
            .Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_ACategoryLessItsException_IsNotMetByTheException()
    {
        var patient = Note("A 44-year-old woman with migraines and hypertension.");

        Evaluate("Any neurologic disorder except migraine headaches", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Prior history of head injury, stroke, or other neurological disease")]
    [InlineData("Chronic psychiatric or neurologic disorder other than MG that can produce weakness")]
    [InlineData("Other hemodynamically relevant stenotic or regurgitant neurological diseases")]
    public void Evaluate_AnOtherCondition_MetOnlyByAFormThePatientHas_IsAQuestion(string criterion)
    {
        var patient = Note("A 40-year-old woman with breast cancer and myasthenia gravis, on pyridostigmine.");

        Evaluate(criterion, patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_AnOtherCondition_IsNotThePatientsOwnMainProblem()
    {
        var patient = Note("A 40-year-old woman, known case of myasthenia gravis, on pyridostigmine.");

        Evaluate("Chronic psychiatric or neurologic disorder other than MG that can produce weakness", patient, CriterionRole.Exclusion)
            .Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ACategory_ForAPatientWithNoFormOfIt_IsPresumedAbsent()
    {
        var patient = Note("A 50-year-old man with type 2 diabetes on metformin.");

        var evaluation = Evaluate("History of cardiovascular disease", patient, CriterionRole.Exclusion);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Presumed.Should().BeTrue();
    }

    [Theory]
    [InlineData("At least 4 weeks since cyclosporine, methotrexate, azathioprine, or other GVHD prophylaxis")]
    [InlineData("At least 2 months since prior standard therapy (including over the counter drugs)")]
    [InlineData("Biologic therapy: At least 1 week since prior interferon Other: At least 4 weeks since prior investigational agents")]
    public void Evaluate_AWashoutOverAList_IsMetWhenNoneWasGiven(string criterion)
    {
        var patient = Note("A 45-year-old man with chronic myeloid leukemia, otherwise healthy.");

        var evaluation = Evaluate(criterion, patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Constraints.Where(c => c.Constraint is PriorTherapyConstraint).Should().OnlyContain(c => c.Constraint.Negated);
    }

    [Fact]
    public void Parse_SeveralWashouts_EachAgentTakesItsOwn()
    {
        var therapies = CriterionParser.Default.Parse(
            "PRIOR CONCURRENT THERAPY: Biologic therapy: At least 1 week since prior interferon Chemotherapy: At least 4 weeks since prior chemotherapy",
            CriterionRole.Inclusion).Constraints.OfType<PriorTherapyConstraint>().ToList();

        therapies.Should().Contain(t => t.Agent == "interferon" && t.WithinDays == 7 && t.Negated);
        therapies.Should().Contain(t => t.Agent == "chemotherapy" && t.WithinDays == 28 && t.Negated);
    }

    [Fact]
    public void Evaluate_AWashoutOverAList_FailsForADrugGivenInTheInterval()
    {
        var patient = Note("A 45-year-old man after an allogeneic transplant, currently on cyclosporine.");

        Evaluate("At least 4 weeks since cyclosporine, methotrexate, or azathioprine", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_ACountIndependentOfTransfusion_IsNotATransfusionRequired()
    {
        var patient = Note("A 70-year-old man with chronic lymphocytic leukemia.");

        Evaluate("Platelets >= 50,000/mm^3 independent of transfusion support", patient)
            .Constraints.Should().Contain(c => c.Constraint is PriorTherapyConstraint && c.Constraint.Negated);
    }

    [Theory]
    [InlineData("Candidate for treatment with docetaxel/trastuzumab")]
    [InlineData("Willingness to discontinue sex hormonal therapy, e.g., birth control pills")]
    public void Evaluate_ATreatmentPlannedOrToBeStopped_IsNotPresumedAbsent(string criterion)
    {
        var patient = Note("A 48-year-old woman with HER2-positive metastatic breast cancer.");

        Evaluate(criterion, patient).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AGrantWrittenAfterTheDrug_IsNotARule()
    {
        var patient = Note("A 30-year-old man with sickle cell disease.");

        Evaluate("No aspirin or NSAIDs the day of the study. Patients on opiates and acetaminophen will not be excluded.", patient, CriterionRole.Exclusion)
            .Constraints.Where(c => c.Constraint is PriorTherapyConstraint { Agent: "acetaminophen" or "opioids" })
            .Should().OnlyContain(c => c.Check.Outcome == CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_ACurrentCondition_AgainstAPastOne_IsAQuestion()
    {
        var patient = Note("A 44-year-old woman with a history of viral encephalitis ten years ago.");

        Evaluate("Any current neurologic disorder", patient, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_AConditionAsked_OfAPatientWhoPresentsWithASymptomAndNoDiagnosis_IsAQuestion()
    {
        var patient = Note("A 57-year-old man presents with abdominal pain and vomiting that started 20 hours ago, radiating to his back.");

        var evaluation = Evaluate("Acute pancreatitis", patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().Contain(q => q.Contains("abdominal pain", StringComparison.Ordinal));
    }

    /// <summary>
    /// The symptom question is narrow: a note that names a diagnosis beside the symptoms, or any diagnosis, keeps the
    /// presumption of a complete history; and symptoms leave the diagnosis open, not the history of treatment.
    /// </summary>
    [Theory]
    [InlineData("A 33-year-old woman complained of fatigue and weight gain. She was diagnosed with Hashimoto's thyroiditis.", "Acute pancreatitis")]
    [InlineData("A 60-year-old man with metastatic prostate adenocarcinoma.", "Acute pancreatitis")]
    [InlineData("A 57-year-old man presents with abdominal pain and vomiting that started 20 hours ago.", "Prior cholecystectomy")]
    public void Evaluate_OutsideTheSymptomQuestion_AnUnmentionedInclusionIsPresumedFailed(string note, string criterion)
    {
        var evaluation = Evaluate(criterion, Note(note));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Presumed.Should().BeTrue();
    }

    [Fact]
    public void Parse_ACancerScreenedFor_IsNotADiagnosis()
    {
        CriterionParser.Default.Parse("Physically able to undergo routine cervical cancer screening", CriterionRole.Inclusion)
            .Constraints.OfType<CancerTypeConstraint>().Should().BeEmpty();
        CriterionParser.Default.Parse("Histologically confirmed cervical cancer", CriterionRole.Inclusion)
            .Constraints.OfType<CancerTypeConstraint>().Should().ContainSingle();
    }

    [Fact]
    public void EvaluateTrial_ItemsUnderALeadThatIncludesButIsNotLimitedTo_AreAlternatives()
    {
        var patient = Note("A 45-year-old woman with Graves disease and weight loss.");

        var evaluation = EvaluateTrial("""
            Inclusion Criteria:
            Hyperthyroid states include but are not restricted to:
              1. Graves disease
              2. Subacute thyroiditis
              3. Toxic multinodular goiter
            """, patient);

        evaluation.Criteria.Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Have adequate peripheral venous access", CriterionRole.Inclusion)]
    [InlineData("Lack of peripheral venous access", CriterionRole.Exclusion)]
    public void Evaluate_VenousAccess_IsNeverPresumed(string criterion, CriterionRole role)
    {
        var patient = Note("A 30-year-old man with myasthenia gravis on prednisone.");

        Evaluate(criterion, patient, role).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_IntensiveCareDuringAStay_IsNotMetByTheStay()
    {
        var patient = Note("A 24-year-old man with type 1 diabetes admitted to the hospital with diabetic ketoacidosis.");

        Evaluate("Patients that required ICU care during the hospital admission.", patient, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void MainProblem_IsNotAStateOrHabit()
    {
        var patient = Note("A 67-year-old healthy woman came for her flu shot. She is menopausal and smokes. She has hypertension.");

        MainProblem.Of(patient)!.Concept.Should().Be("hypertension");
    }
}
