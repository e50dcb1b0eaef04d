using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// General readings of criteria that unseen trials showed the engine getting wrong: what a relation word makes of an
/// agent, negation written the way requirements are, subgroups, counted alternatives, labels, permissions, results
/// stated after the pathogen, and exclusions that name the patient's own problem in a particular form.
/// </summary>
public class CriterionReadingTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static PatientProfile Note(string text) => NoteReader.Extract(text);

    private static CriterionEvaluation Evaluate(string text, CriterionRole role, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), patient, Context);

    private static IReadOnlyList<EligibilityConstraint> Parse(string text, CriterionRole role = CriterionRole.Exclusion) =>
        CriterionParser.Default.Parse(text, role).Constraints;

    [Theory]
    [InlineData("History of a known allergy to ribavirin (RBV)")]
    [InlineData("Patients with contraindications to metronidazole or vancomycin")]
    [InlineData("Previous history of intolerance of bortezomib")]
    [InlineData("History of any adverse reaction to any inhaled or systemic corticosteroid therapy")]
    public void Parse_AgentAfterAllergyOrContraindication_IsAnAllergyNotATreatment(string text)
    {
        var constraints = Parse(text);

        constraints.Should().NotContain(c => c is PriorTherapyConstraint);
        constraints.OfType<ConditionConstraint>().Should().OnlyContain(c => c.Concept.StartsWith("allergy to ", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_HypersensitivityToTheStudyDrug_IsNotMetByHayFever()
    {
        var patient = Note("A 39-year-old man with seasonal allergic rhinitis and asthma.");

        var evaluation = Evaluate("Known or suspected hypersensitivity to the investigational product or its excipients", CriterionRole.Exclusion, patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Theory]
    [InlineData("Not pregnant or nursing")]
    [InlineData("No myelodysplastic syndromes")]
    public void Parse_ExclusionWrittenAsARequirement_NamesWhatExcludes(string text)
    {
        Parse(text).Should().NotBeEmpty().And.OnlyContain(c => !c.Negated);
    }

    [Fact]
    public void Parse_ExclusionAboutAnInability_NamesTheInability()
    {
        // "Able to swallow" names the absence of malabsorption; "not able to" its presence, which excludes.
        Parse("Not able to swallow tablets").Should().ContainSingle().Which.Should().BeOfType<ConditionConstraint>()
            .Which.Should().Match<ConditionConstraint>(c => c.Concept == "malabsorption" && !c.Negated);
    }

    [Theory]
    [InlineData("Able to swallow oral medication", CriterionRole.Inclusion)]
    [InlineData("Non-smoker for at least 12 months", CriterionRole.Inclusion)]
    [InlineData("Never smoker", CriterionRole.Inclusion)]
    public void Parse_NameCarryingItsOwnNegation_IsTheAbsence(string text, CriterionRole role)
    {
        Parse(text, role).Should().NotBeEmpty().And.OnlyContain(c => c.Negated);
    }

    [Theory]
    [InlineData("No prior history of intolerance or hypersensitivity to trastuzumab")]
    [InlineData("No concurrent proton pump inhibitors (e.g., omeprazole, esomeprazole)")]
    [InlineData("No patients with a history of significant cardiac disease (myocardial infarction, arrhythmia)")]
    [InlineData("Patients with a diagnosis of osteoporosis are not eligible.")]
    public void Parse_InclusionNegatingWhatItNames_NegatesEveryPart(string text)
    {
        Parse(text, CriterionRole.Inclusion).Should().NotBeEmpty().And.OnlyContain(c => c.Negated);
    }

    [Fact]
    public void Parse_ParenthesisGrantingAnException_EndsTheNegation()
    {
        var parsed = Parse("No prior chemotherapy (prior tamoxifen allowed)", CriterionRole.Inclusion);

        parsed.OfType<PriorTherapyConstraint>().Should().Contain(c => c.Agent == "chemotherapy" && c.Negated)
            .And.Contain(c => c.Agent == "tamoxifen" && !c.Negated);
    }

    [Theory]
    [InlineData("Hospitalisation due to asthma in the past 6 months", "asthma")]
    [InlineData("Subject has attempted suicide associated with the current episode of depression", "depression")]
    [InlineData("Subjects who require other drugs to control diarrhea", "diarrhea")]
    [InlineData("With or without chronic cough", "chronic cough")]
    public void Parse_CauseOrOptionOfTheRule_OnlyQualifies(string text, string concept)
    {
        Parse(text).OfType<ConditionConstraint>().Where(c => c.Concept.Contains(concept.Split(' ')[^1], StringComparison.OrdinalIgnoreCase))
            .Should().NotBeEmpty().And.OnlyContain(c => c.Qualifies && !c.Negated);
    }

    [Fact]
    public void Parse_TherapyThatCausedAToxicity_IsNoTreatmentRule()
    {
        Parse("No grade 3 or 4 toxicity due to previous antineoplastic therapy", CriterionRole.Inclusion).OfType<PriorTherapyConstraint>()
            .Should().OnlyContain(t => t.Qualifies);
    }

    [Fact]
    public void Parse_DrugPermittedInAParenthesis_IsNoRequirement()
    {
        var parsed = Parse("No concurrent corticosteroids (up to 10 mg prednisone per day allowed)", CriterionRole.Inclusion).OfType<PriorTherapyConstraint>().ToList();

        parsed.Should().Contain(t => t.Agent == "corticosteroid" && t.Negated && !t.Qualifies);
        parsed.Where(t => t.Agent == "prednisone").Should().OnlyContain(t => t.Qualifies);
    }

    [Fact]
    public void Parse_ExclusionOfAMissingDiagnosis_KeepsItsNegation()
    {
        Parse("No diagnosis of Wilson disease").OfType<ConditionConstraint>().Should().ContainSingle().Which.Negated.Should().BeTrue();
    }

    [Theory]
    [InlineData("Pregnant on the basis of a serum pregnancy test")]
    [InlineData("Pregnancy, as confirmed by a positive urine pregnancy test")]
    [InlineData("Positive pregnancy test")]
    public void Parse_PregnancyShownByATest_IsPregnancy(string text)
    {
        Parse(text).OfType<ReproductiveConstraint>().Should().ContainSingle().Which.Should().Match<ReproductiveConstraint>(r => r.Topic == ReproductiveTopic.Pregnancy && !r.Negated);
    }

    [Theory]
    [InlineData("Corticosteroids must be stopped 6 weeks prior to transplantation", "organ transplantation")]
    [InlineData("Negative pregnancy test within 24 hours before vaccination", "vaccine")]
    public void Parse_EventTheTimingIsCountedFrom_IsNoRequirement(string text, string concept)
    {
        Parse(text, CriterionRole.Inclusion).Should().NotContain(c => c is ConditionConstraint && ((ConditionConstraint)c).Concept == concept)
            .And.NotContain(c => c is PriorTherapyConstraint && ((PriorTherapyConstraint)c).Agent == concept);
    }

    [Fact]
    public void Parse_DrugCode_IsNotTheConditionItsLettersSpell()
    {
        Parse("Adequate gastrointestinal function to allow absorption of PSC 833", CriterionRole.Inclusion).OfType<ConditionConstraint>().Should().BeEmpty();
        Parse("History of PSC").OfType<ConditionConstraint>().Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_SentenceThatOnlyPermits_RequiresNothing()
    {
        var evaluation = Evaluate("Patients with stable and treated brain lesions may be enrolled.", CriterionRole.Inclusion, Note("A 58-year-old man with gout."));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Theory]
    [InlineData("Patients may be included if they have a neurological disorder")]
    [InlineData("Active severe infection or fever above 38.5 C (subjects with tumour fever may be enrolled)")]
    [InlineData("Chemotherapy or biologic therapy (except trastuzumab) within 28 days. Hormonal therapy will be allowed.")]
    public void IsPermission_PermissionThatIsConditionalOrInAParenthesis_IsNotOne(string text)
    {
        EligibilityEvaluator.IsPermission(text).Should().BeFalse();
    }

    [Theory]
    [InlineData("Patients with treated brain metastases may be enrolled")]
    [InlineData("Prior hormonal therapy (allowed)")]
    public void IsPermission_SentenceThatGrants_IsOne(string text)
    {
        EligibilityEvaluator.IsPermission(text).Should().BeTrue();
    }

    [Theory]
    [InlineData("Willing and able to take aspirin")]
    [InlineData("Able to take oral medication")]
    public void Parse_AbilityToTakeADrug_IsNoTreatmentRequirement(string text)
    {
        Parse(text, CriterionRole.Inclusion).OfType<PriorTherapyConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_PregnancyExclusionForAMan_IsNotMetRecorded()
    {
        var evaluation = Evaluate("Pregnant or breastfeeding women", CriterionRole.Exclusion, Note("A 58-year-old man with gout."));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Theory]
    [InlineData("Women of childbearing potential must have a negative pregnancy test")]
    [InlineData("Females of reproductive potential must use two methods of contraception")]
    public void Evaluate_RuleForWomenWhoCouldConceive_DoesNotApplyToAMan(string text)
    {
        Evaluate(text, CriterionRole.Inclusion, Note("A 58-year-old man with gout.")).Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_RuleForAnAgeBandThePatientIsOutside_DoesNotApply()
    {
        var evaluation = Evaluate("Patients aged 50-65 must provide a negative colonoscopy report", CriterionRole.Inclusion, Note("A 46-year-old woman with depression."));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void Evaluate_RuleForACohortOfUnknownMembership_IsAQuestionNotAFailure()
    {
        var evaluation = Evaluate("Group A: age greater than 75", CriterionRole.Exclusion, Note("A 80-year-old man with heart failure."));

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().Contain("Group A");
    }

    [Fact]
    public void Evaluate_CountedRiskFactors_AreMetByEnoughOfThem()
    {
        var patient = Note("A 65-year-old man with hypertension and hyperlipidemia.");

        var evaluation = Evaluate("2 or more cardiac risk factors (diabetes, hypertension, hyperlipidemia, current smoker and family history of coronary artery disease)", CriterionRole.Inclusion, patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_CountedRiskFactors_AreNotMetWhenTooFewCanHold()
    {
        var patient = Note("A 65-year-old man with gout.");

        Evaluate("2 or more cardiac risk factors (diabetes, hypertension, hyperlipidemia)", CriterionRole.Inclusion, patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Parse_LabelBeforeTheRule_IsNotARequirement()
    {
        var constraints = Parse("Chemotherapy: No prior or concurrent chemotherapeutic agents", CriterionRole.Inclusion);

        constraints.Should().NotContain(c => !c.Qualifies && !c.Negated, "the label names the topic; only a negated rule may stand");
    }

    [Fact]
    public void Parse_SentenceThatGrantsAPermission_QualifiesWhatItNames()
    {
        var constraints = Parse("No previous treatment with ritonavir. Patients may have received nevirapine before.", CriterionRole.Inclusion);

        constraints.OfType<PriorTherapyConstraint>().Single(c => c.Agent == "nevirapine").Qualifies.Should().BeTrue();
    }

    [Theory]
    [InlineData("Is HIV-negative")]
    [InlineData("HIV negative")]
    public void Parse_NegativeResultAfterThePathogen_IsANegation(string text)
    {
        Parse(text, CriterionRole.Inclusion).OfType<InfectionConstraint>().Should().ContainSingle().Which.Negated.Should().BeTrue();
    }

    [Fact]
    public void Parse_RecoveredFromPriorSurgery_IsAboutTheAftermathNotTheSurgery()
    {
        Parse("Recovered from all prior surgery", CriterionRole.Inclusion).Should().OnlyContain(c => c.Qualifies);
    }

    [Fact]
    public void Evaluate_FreeTextExclusionTheNoteNeverMentions_IsPresumedNotMet()
    {
        var evaluation = Evaluate("Known extensive intra-abdominal adhesions", CriterionRole.Exclusion, Note("A 17-year-old boy with right lower quadrant pain and fever."));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_FreeTextAboutAMeasurement_IsNeverPresumed()
    {
        Evaluate("Hemoglobin A1c above 9 percent", CriterionRole.Exclusion, Note("A 50-year-old man with gout.")).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_ExclusionOfAParticularFormOfThePatientsOwnProblem_IsAQuestion()
    {
        var patient = Note("A 17-year-old boy presents with acute appendicitis confirmed on CT.");

        var evaluation = Evaluate("Perforated appendicitis with diffuse abdominal fluid on imaging and severe sepsis", CriterionRole.Exclusion, patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_ExclusionThatNamesOnlyThePatientsProblem_Applies()
    {
        var patient = Note("A 17-year-old boy presents with acute appendicitis confirmed on CT.");

        Evaluate("Appendicitis", CriterionRole.Exclusion, patient).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Extract_NoteInLayWords_ReadsTheConceptsOfGeneralMedicine()
    {
        var patient = Note("A 39-year-old man came with cough and shortness of breath. He denies fever. History of seasonal allergic rhinitis.");

        patient.Conditions.Should().Contain(c => c.Concept == "dyspnea" && c.Certainty == Certainty.Asserted);
        patient.Conditions.Should().Contain(c => c.Concept == "fever" && c.Certainty == Certainty.Negated);
        patient.Conditions.Should().Contain(c => c.Concept == "allergic rhinitis" && c.Certainty == Certainty.Historical);
    }

    [Fact]
    public void Evaluate_MaleOrNonPregnantFemale_IsMetForAMan()
    {
        var evaluation = Evaluate("Male or non-pregnant, non-lactating females 18 years of age or older", CriterionRole.Inclusion, Note("A 48-year-old man with asthma."));

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_HepatitisBExclusion_IsNotMetByHepatitisC()
    {
        var evaluation = Evaluate("Positive hepatitis B surface antigen or other evidence of active hepatitis B infection", CriterionRole.Exclusion, Note("A 50-year-old man with chronic hepatitis C infection, genotype 1."));

        evaluation.Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_AnyReceptorStatus_IsNoRequirement()
    {
        var evaluation = Evaluate("Any hormone-receptor status", CriterionRole.Inclusion, Note("A 45-year-old woman with ER-negative, PR-negative breast cancer."));

        evaluation.Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("Bilateral invasive breast cancer")]
    [InlineData("Uncontrolled breast cancer")]
    public void Evaluate_ExclusionOfAParticularFormOfTheMainProblem_IsAQuestion(string criterion)
    {
        var evaluation = Evaluate(criterion, CriterionRole.Exclusion, Note("A 55-year-old woman with invasive ductal carcinoma of the left breast."));

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_SystemicCorticosteroidExclusion_IsNotMetByAnInhaledOne()
    {
        var patient = Note("A 35-year-old man with asthma treated with inhaled fluticasone and salmeterol.");

        Evaluate("Use of systemic, oral or depot corticosteroids within 4 weeks", CriterionRole.Exclusion, patient).Outcome.Should().NotBe(CriterionOutcome.Met);
        Evaluate("Prior corticosteroids", CriterionRole.Exclusion, patient).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_DrugClassInThePlural_MatchesTheClassOfTheRecord()
    {
        var patient = Note("A 45-year-old man with depression. He has been on antidepressants for 6 months.");

        Evaluate("Treatment with antidepressants within the last 3 months", CriterionRole.Exclusion, patient).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Hypokalemia < 3.0 mmol/L")]
    [InlineData("Neutropenia")]
    public void Evaluate_LaboratoryAbnormalityTheNoteDoesNotGive_IsNeverPresumed(string criterion)
    {
        var evaluation = Evaluate(criterion, CriterionRole.Exclusion, Note("A 60-year-old man with asthma."));

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_DiagnosisNamedLikeALaboratoryFinding_IsStillPresumedAbsent()
    {
        var evaluation = Evaluate("Familial hypercholesterolemia", CriterionRole.Exclusion, Note("A 60-year-old man with asthma."));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Presumed.Should().BeTrue();
    }

    [Theory]
    [InlineData("Chemotherapy within 99999999999 days")]
    [InlineData("Myocardial infarction within 99999999999999999999999999 years")]
    [InlineData("Other malignancy within 999999999999 years")]
    public void ASpanLongerThanTheCalendar_IsReadWithoutOverflow(string criterion)
    {
        var patient = Note("A 60-year-old man with lung cancer had carboplatin in 2020 and a myocardial infarction in 2019.");
        var act = () => Evaluate(criterion, CriterionRole.Exclusion, patient);
        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("Have an unresectable, locally advanced adenocarcinoma of the pancreas. Or patients with a tumor who are not planned to undergo surgery due to a high surgical risk (e.g. coagulopathy or severe congestive heart failure).", CriterionOutcome.Met)]
    [InlineData("Have an unresectable, locally advanced adenocarcinoma of the stomach. Or patients with a tumor who are not planned to undergo surgery due to a high surgical risk (e.g. coagulopathy or severe congestive heart failure).", CriterionOutcome.NotMet)]
    public void ASentenceThatBeginsWithOr_IsAnAlternativeToWhatCameBefore(string criterion, CriterionOutcome expected)
    {
        var patient = Note("A 66-year-old man with pancreatic ductal adenocarcinoma encasing the superior mesenteric artery. The tumour is locally advanced and unresectable.");

        Evaluate(criterion, CriterionRole.Inclusion, patient).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("Infection with hepatitis B, hepatitis C, or human immunodeficiency virus (HIV).")]
    [InlineData("Known HIV or active hepatitis B infection")]
    public void APositiveHepatitisBCoreAntibody_IsAQuestion_NotAnInfectionOnRecord(string criterion)
    {
        var patient = Note("A 67-year-old man with relapsed marginal zone lymphoma. He is hepatitis B core antibody-positive with undetectable DNA and takes entecavir prophylaxis.");

        patient.Conditions.Should().NotContain(c => c.Concept == "hepatitis b");
        Evaluate(criterion, CriterionRole.Exclusion, patient).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void AHepatitisBSurfaceAntibody_IsImmunity_NotInfection()
    {
        var patient = Note("A 40-year-old man with asthma. He is hepatitis B surface antibody positive after vaccination, HIV negative and hepatitis C negative.");

        var evaluation = Evaluate("Infection with hepatitis B, hepatitis C, or human immunodeficiency virus (HIV).", CriterionRole.Exclusion, patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
    }
}
