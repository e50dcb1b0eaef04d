using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of a relative named in a clause of the patient's own sentence, of a gene's harmful variant written before
/// its name, of a drug taken until a time now past, of a lymphoma's Lugano stage, of a cancer's stage in brackets in a
/// trial's rule, of British spelling in search, and of a cancer's small family (a MALT lymphoma's marginal zone
/// lymphomas). Each case is invented text.
/// </summary>
public sealed class RelativeClauseAndFamilyTests
{
    private const string RelativeInAClause = "A 61-year-old woman, whose sister died of breast cancer, was found three months ago to have an adenocarcinoma of the pancreatic head with liver metastases (stage IV). She has had no treatment.";

    [Fact]
    public void Extract_ACancerAfterARelativesClause_IsThePatients()
    {
        var patient = ReadingTestKit.Note(RelativeInAClause);

        patient.Diagnoses.Should().Contain(d => d.OncoTreeCode == "PAAD" && d.Certainty == Certainty.Asserted);
        patient.Diagnoses.Should().Contain(d => d.Text.Contains("breast", StringComparison.Ordinal) && d.Certainty == Certainty.FamilyHistory);
    }

    [Fact]
    public void Extract_TheStageOfTheSentence_IsNotTheRelativesCancers()
    {
        var patient = ReadingTestKit.Note(RelativeInAClause);

        patient.Diagnoses.Single(d => d.OncoTreeCode == "PAAD").Stage!.Group.Should().Be("IV");
        patient.Diagnoses.Single(d => d.Certainty == Certainty.FamilyHistory).Stage.Should().BeNull();
    }

    [Fact]
    public void Extract_ARelativeWithoutAClause_StaysFamilyHistory()
    {
        ReadingTestKit.Note("A 61-year-old woman with pancreatic adenocarcinoma. Her sister had breast cancer at 45.")
            .Diagnoses.Should().Contain(d => d.Text.Contains("breast", StringComparison.Ordinal) && d.Certainty == Certainty.FamilyHistory);
    }

    [Theory]
    [InlineData("Her sister, who had breast cancer at 45, is well.")]
    [InlineData("Her father, who smoked, had breast cancer.")]
    public void Extract_ACancerInAClauseAboutARelative_IsFamilyHistory(string sentence)
    {
        var patient = ReadingTestKit.Note("A 61-year-old woman with pancreatic adenocarcinoma. " + sentence);

        patient.Diagnoses.Should().Contain(d => d.Text.Contains("breast", StringComparison.Ordinal) && d.Certainty == Certainty.FamilyHistory);
        patient.Diagnoses.Should().Contain(d => d.OncoTreeCode == "PAAD" && d.Certainty == Certainty.Asserted);
    }

    [Fact]
    public void Extract_ThePatientsCancerAfterARelativeWhoCameWithHer_IsThePatients()
    {
        ReadingTestKit.Note("A 61-year-old woman. Her husband, who came with her, says she has pancreatic adenocarcinoma.")
            .Diagnoses.Should().Contain(d => d.OncoTreeCode == "PAAD" && d.Certainty == Certainty.Asserted);
    }

    [Theory]
    [InlineData("Germline testing found a pathogenic BRCA2 variant.", "BRCA2", BiomarkerStatus.Positive)]
    [InlineData("She carries a deleterious germline BRCA1 variant.", "BRCA1", BiomarkerStatus.Positive)]
    [InlineData("No pathogenic BRCA2 variant was found.", "BRCA2", BiomarkerStatus.Negative)]
    public void Extract_AHarmfulVariantNamedBeforeTheGene_IsTheGenesResult(string sentence, string gene, BiomarkerStatus status)
    {
        ReadingTestKit.Note("A 50-year-old woman with metastatic pancreatic adenocarcinoma. " + sentence)
            .Biomarkers.Should().Contain(b => b.Marker == gene && b.Status == status);
    }

    [Theory]
    [InlineData("He takes aspirin and had hydroxyurea until two months ago, when leg ulcers forced it to stop.")]
    [InlineData("He was on hydroxyurea until last year.")]
    public void Extract_ADrugTakenUntilAPastTime_IsNotCurrent(string sentence)
    {
        var patient = ReadingTestKit.Note("A 63-year-old man with essential thrombocythaemia. " + sentence);

        patient.Therapies.Single(t => t.Name == "hydroxyurea").IsCurrent.Should().NotBe(true);
    }

    [Fact]
    public void Extract_ADrugTakenUntilProgression_IsNotStoppedByTheWordUntil()
    {
        ReadingTestKit.Note("A 63-year-old man with chronic myeloid leukaemia is currently taking imatinib until progression.")
            .Therapies.Single(t => t.Name == "imatinib").IsCurrent.Should().BeTrue();
    }

    [Theory]
    [InlineData("Lugano stage IE.", "I")]
    [InlineData("Ann Arbor stage IIAE.", "IIA")]
    public void Extract_ALymphomasExtranodalLetter_IsLeftOutOfTheGroup(string sentence, string group)
    {
        ReadingTestKit.Note("A 59-year-old woman with gastric MALT lymphoma. " + sentence)
            .Diagnoses.Single().Stage!.Group.Should().Be(group);
    }

    [Fact]
    public void Extract_TheStageIs_IsNoStage()
    {
        ReadingTestKit.Note("A 59-year-old woman with gastric MALT lymphoma. The stage is not yet known.").Diagnoses.Single().Stage?.Group.Should().BeNull();
    }

    [Fact]
    public void Extract_AStageSaidOfTheBareWordLymphoma_IsTheNamedLymphomas()
    {
        var patient = ReadingTestKit.Note("A 59-year-old woman has extranodal marginal zone lymphoma of the stomach. Biopsies at six months still show lymphoma; CT is clear: Lugano stage IE.");

        patient.Diagnoses.Single().Stage!.Group.Should().Be("I");
    }

    [Fact]
    public void Settings_NoTreatmentForTheCancerNamed_IsUntreated()
    {
        ReadingTestKit.Note("A 59-year-old woman with gastric MALT lymphoma. She has had no lymphoma treatment.")
            .Settings.Should().Contain(s => s.Setting == DiseaseSetting.Untreated);
    }

    [Fact]
    public void Extract_ATreatmentBeingPlanned_IsHypothetical()
    {
        ReadingTestKit.Note("A 59-year-old woman with gastric MALT lymphoma. Involved-site radiotherapy to the stomach is being planned.")
            .Therapies.Single(t => t.Kind == TherapyKind.Radiotherapy).Certainty.Should().Be(Certainty.Hypothetical);
    }

    [Fact]
    public void Settings_NotACandidateForAndNotNeedingATransplant_IsTransplantIneligible()
    {
        ReadingTestKit.Note("A 63-year-old man with essential thrombocythaemia. He is not a candidate for and does not need a transplant.")
            .Settings.Should().Contain(s => s.Setting == DiseaseSetting.TransplantIneligible);
    }

    [Theory]
    [InlineData("Lymphoma (stage II-IV)")]
    [InlineData("Breast cancer (stage III)")]
    [InlineData("Histologically confirmed, newly diagnosed, aggressive (stage II-IV) B-cell non-Hodgkin's lymphoma")]
    public void Parse_ACancersStageInBrackets_IsAStage(string criterion)
    {
        var parsed = CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion);

        parsed.Constraints.Should().Contain(c => c is StageConstraint);
        parsed.Scope.Should().BeNull();
    }

    [Fact]
    public void Parse_APartOfTheStudyInBrackets_StaysItsScope()
    {
        CriterionParser.Default.Parse("Measurable disease (stage 2 only)", CriterionRole.Inclusion).Scope.Should().NotBeNull();
    }

    [Fact]
    public void Evaluate_AStageOneLymphoma_FailsARuleForStagesTwoToFour()
    {
        var patient = ReadingTestKit.Note("A 59-year-old woman with gastric MALT lymphoma, Lugano stage IE.");

        ReadingTestKit.Evaluate("Newly diagnosed, aggressive (stage II-IV) B-cell non-Hodgkin's lymphoma", patient).Outcome.Should().Be(TrialAccess.Eligibility.Evaluation.CriterionOutcome.NotMet);
    }

    [Fact]
    public void Parse_NilAsTheWholeRule_IsNoRule()
    {
        CriterionParser.Default.Parse("Nil", CriterionRole.Exclusion).Constraints.Should().ContainSingle(c => c is BoilerplateConstraint);
        CriterionParser.Default.Parse("Nilotinib within 2 weeks", CriterionRole.Exclusion).Constraints.Should().Contain(c => c is PriorTherapyConstraint);
    }

    [Fact]
    public void Analyze_BritishAndAmericanSpellings_AreOneTerm()
    {
        TextAnalyzer.Terms("essential thrombocythaemia, leukaemia, oesophageal").Should().Equal(TextAnalyzer.Terms("essential thrombocythemia, leukemia, esophageal"));
    }

    [Theory]
    [InlineData("EMALT", "MZL")]
    [InlineData("IHCH", "CHOL")]
    [InlineData("WM", "LPL")]
    public void FamilyOf_ATypeInASmallFamily_IsItsParent(string code, string family)
    {
        OncologyVocabulary.BuiltIn.CancerTypes.FamilyOf(code).Should().Be(family);
    }

    [Theory]
    [InlineData("PCM")]
    [InlineData("FL")]
    [InlineData("PTCL")]
    [InlineData("ET")]
    [InlineData("LUAD")]
    [InlineData("BREAST")]
    public void FamilyOf_ATypeUnderABroadClassOrAnOrgan_IsNone(string code)
    {
        OncologyVocabulary.BuiltIn.CancerTypes.FamilyOf(code).Should().BeNull();
    }
}
