using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Conditions, treatments and abilities the vocabulary does not name, read from the words that introduce them, and the
/// rule that such a reading never counts against the patient.
/// </summary>
public class UnlistedConceptReadingTests
{
    private static ConditionConstraint[] Read(string criterion, CriterionRole role = CriterionRole.Exclusion) =>
        CriterionParser.Default.Parse(criterion, role).Constraints.OfType<ConditionConstraint>().ToArray();

    private static PriorTherapyConstraint[] Treatments(string criterion, CriterionRole role = CriterionRole.Exclusion) =>
        CriterionParser.Default.Parse(criterion, role).Constraints.OfType<PriorTherapyConstraint>().ToArray();

    [Theory]
    [InlineData("History of vestibular disease", "vestibular disease", MedicalConceptKind.Condition)]
    [InlineData("Patients with phaeochromocytoma", "phaeochromocytoma", MedicalConceptKind.Condition)]
    [InlineData("Known zinc deficiency", "zinc deficiency", MedicalConceptKind.Condition)]
    [InlineData("Contraindication to triptans", "contraindication to triptans", MedicalConceptKind.Condition)]
    [InlineData("Unable to undergo a MRI", "unable to undergo a MRI", MedicalConceptKind.Condition)]
    [InlineData("Severe coronary calcification;", "coronary calcification", MedicalConceptKind.Condition)]
    [InlineData("Known or suspected liver impairment.", "liver impairment", MedicalConceptKind.Condition)]
    [InlineData("History or presence of atypical Parkinsonian syndrome.", "atypical Parkinsonian syndrome", MedicalConceptKind.Condition)]
    [InlineData("No von Recklinghausen's disease.", "von Recklinghausen's disease", MedicalConceptKind.Condition)]
    [InlineData("No requirement for IV alimentation", "need for IV alimentation", MedicalConceptKind.Condition)]
    [InlineData("Diagnosis of RLS using IRLS Study Group (IRLSSG) diagnostic criteria.", "RLS", MedicalConceptKind.Condition)]
    public void AConceptIntroducedByItsLead_IsReadAsWritten(string criterion, string concept, MedicalConceptKind kind)
    {
        var constraint = Read(criterion).Should().ContainSingle().Subject;
        constraint.Concept.Should().Be(concept);
        constraint.ConceptKind.Should().Be(kind);
        constraint.Unlisted.Should().BeTrue();
    }

    [Theory]
    [InlineData("Treatment with cinacalcet hydrochloride within 2 weeks before screening;", "cinacalcet hydrochloride")]
    [InlineData("Prior exposure to agomelatine.", "agomelatine")]
    [InlineData("Subjects who have received LMB-100 previously", "LMB-100")]
    [InlineData("No concurrent use of beta adrenergic blocking agents.", "beta adrenergic blocking agents")]
    [InlineData("Treatment with IIb/IIIa glycoprotein inhibitors", "IIb/IIIa glycoprotein inhibitors")]
    [InlineData("Patients who have been previously treated with agomelatine", "agomelatine")]
    public void ATreatmentIntroducedByItsLead_IsAPriorTherapyAsWritten(string criterion, string agent)
    {
        var treatment = Treatments(criterion).Should().ContainSingle().Subject;
        treatment.Agent.Should().Be(agent);
        treatment.Unlisted.Should().BeTrue();
    }

    [Fact]
    public void AListAfterTheLead_IsOneConceptPerItem_AndQualifiersBeforeItAreEveryItems()
    {
        Treatments("Use of lumacaftor or ivacaftor").Select(c => c.Agent).Should().Equal("lumacaftor", "ivacaftor");
        Read("Known aggressive or violent behavior.").Select(c => c.Concept).Should().Equal("aggressive behavior", "violent behavior");
        var thrombophlebitis = Read("Active or recent thrombophlebitis (within 6 weeks)").Should().ContainSingle().Subject;
        thrombophlebitis.Concept.Should().Be("thrombophlebitis");
        thrombophlebitis.Qualifier.Should().Be("active or recent");
    }

    [Theory]
    [InlineData("Use of any prohibited medications")]
    [InlineData("Use of more than 2 ocular hypotensive medications within 30 days of screening")]
    [InlineData("History of tumors of the ovary, breast, uterus, hypothalamus, or pituitary.")]
    [InlineData("Prior samarium allowed")]
    [InlineData("Patients with available medical records")]
    [InlineData("Patients with regular heart rate.")]
    [InlineData("No or only minimal symptoms")]
    [InlineData("No more than 4 tumors on magnetic resonance imaging")]
    [InlineData("Inability to communicate well with the investigator")]
    [InlineData("Any history of an Axis 1 psychiatric diagnosis;")]
    [InlineData("Patients with a small cell component in their histology are excluded because of their behaviour")]
    public void WordsThatNameNoConceptOfThePatient_AreNotRead(string criterion)
    {
        Read(criterion).Where(c => c.Unlisted).Should().BeEmpty();
        Treatments(criterion).Where(c => c.Unlisted).Should().BeEmpty();
    }

    [Fact]
    public void AConceptTheVocabularyNames_IsNotAnUnlistedOne()
    {
        Read("History of myocardial infarction").Should().OnlyContain(c => !c.Unlisted);
    }

    [Fact]
    public void AnUnlistedExclusion_IsPresumedAbsent_OnlyWhenTheRecordNeverNamesIt()
    {
        var absent = ReadingTestKit.Evaluate("History of vestibular disease", ReadingTestKit.Note("58-year-old man with hypertension."), CriterionRole.Exclusion);
        absent.Outcome.Should().Be(CriterionOutcome.NotMet);
        absent.Basis.Should().Be(OutcomeBasis.Presumed);

        // The record names it: an exclusion the engine read only from the criterion's words becomes a question, never a failure.
        var named = ReadingTestKit.Evaluate("History of vestibular disease", ReadingTestKit.Note("58-year-old man with vestibular disease since 2019."), CriterionRole.Exclusion);
        named.Outcome.Should().Be(CriterionOutcome.Unknown);
        named.Questions.Should().Contain(q => q.Contains("vestibular disease"));
    }

    [Fact]
    public void AnUnlistedInclusion_IsMetWhenTheRecordNamesIt_AndAQuestionOtherwise()
    {
        var named = ReadingTestKit.Evaluate("Diagnosis of gestational trophoblastic disease", ReadingTestKit.Note("34-year-old woman with gestational trophoblastic disease after a molar pregnancy."));
        named.Outcome.Should().Be(CriterionOutcome.Met);

        var denied = ReadingTestKit.Evaluate("Diagnosis of gestational trophoblastic disease", ReadingTestKit.Note("34-year-old woman. No gestational trophoblastic disease."));
        denied.Outcome.Should().Be(CriterionOutcome.Unknown);

        var absent = ReadingTestKit.Evaluate("Diagnosis of gestational trophoblastic disease", ReadingTestKit.Note("34-year-old woman with asthma."));
        absent.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void AnUnlistedTreatmentTheRecordNames_IsNeverAFailure()
    {
        var named = ReadingTestKit.Evaluate("Treatment with teriparatide within 6 months", ReadingTestKit.Note("70-year-old woman with osteoporosis on teriparatide since 2025."), CriterionRole.Exclusion);
        named.Outcome.Should().Be(CriterionOutcome.Unknown);

        var absent = ReadingTestKit.Evaluate("Treatment with teriparatide within 6 months", ReadingTestKit.Note("70-year-old woman with osteoporosis."), CriterionRole.Exclusion);
        absent.Outcome.Should().Be(CriterionOutcome.NotMet);
        absent.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void AnAbilityInAnInclusion_IsTheAbsenceOfAnInability_PresumedInACompleteHistory()
    {
        var constraint = Read("Able to take oral medications", CriterionRole.Inclusion).Should().ContainSingle().Subject;
        constraint.Concept.Should().Be("unable to take oral medications");
        constraint.Negated.Should().BeTrue();

        var evaluation = ReadingTestKit.Evaluate("Able to take oral medications", ReadingTestKit.Note("58-year-old man with hypertension."));
        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }
    [Theory]
    [InlineData("Known activating EGFR mutation or ALK translocation", "EGFR")]
    [InlineData("Patients with known germline BRCA 1 or BRCA 2 mutations", "BRCA1")]
    public void KnownOpeningACriterion_SaysThePatientHasTheMarker(string criterion, string marker)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints.OfType<BiomarkerConstraint>()
            .Should().Contain(b => b.Marker.StartsWith(marker.TrimEnd('1'), StringComparison.Ordinal) && b.Status == BiomarkerStatus.Positive);
    }

    [Theory]
    [InlineData("Known EGFR status")]
    [InlineData("EGFR mutation status known")]
    public void AStatusThatMustBeKnown_IsATestNotTheMarker(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.OfType<BiomarkerConstraint>().Should().BeEmpty();
    }
    [Theory]
    [InlineData("Severe pulmonic regurgitation (PR) (moderate PR is allowed)")]
    [InlineData("Prior partial response (PR) to chemotherapy")]
    public void AnAbbreviationItsWordsDefine_IsNotTheMarkerOfTheSameLetters(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints.OfType<BiomarkerConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Progesterone receptor (PR) positive")]
    [InlineData("ER and PR positive")]
    public void TheMarkersOwnAbbreviation_StaysTheMarker(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.OfType<BiomarkerConstraint>().Should().Contain(b => b.Marker == "PGR");
    }

    [Theory]
    [InlineData("Severe aortic stenosis (AS) (moderate AS is allowed)", "aortic stenosis")]
    [InlineData("Severe mitral regurgitation (MR)", "mitral regurgitation")]
    public void ABareConcept_MayBeFollowedByItsAbbreviationAndALesserGradeAllowed(string criterion, string concept)
    {
        Read(criterion).Should().ContainSingle().Which.Concept.Should().Contain(concept);
    }

    [Theory]
    [InlineData("Renal osteodystrophy", "renal osteodystrophy")]
    [InlineData("Paralyzed hemidiaphragm", "paralyzed hemidiaphragm")]
    [InlineData("Lacrimal gland abnormalities;", "lacrimal gland abnormalities")]
    public void ABareNounPhraseInAnExclusionList_NamesWhatExcludes(string criterion, string concept)
    {
        Read(criterion).Should().ContainSingle().Which.Concept.Should().Be(concept);
        Read(criterion, CriterionRole.Inclusion).Where(c => c.Unlisted).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Invasive lesions")]
    [InlineData("ASA Class V")]
    [InlineData("Intracranial tumors")]
    [InlineData("Attending physician's decision")]
    [InlineData("Absence or loss of levodopa response")]
    public void ADiseaseSpecificAScoreOrAJudgement_IsNoUnlistedConcept(string criterion)
    {
        Read(criterion).Where(c => c.Unlisted).Should().BeEmpty();
    }

    [Fact]
    public void AnOtherCondition_IsMarkedOther()
    {
        var other = Read("Any other eosinophilic disorders.").Should().ContainSingle().Subject;
        other.Concept.Should().Be("eosinophilic disorders");
        other.Other.Should().BeTrue();
    }
}
