using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>A cancer removed with nothing left, or recorded as not metastatic, against trials of advanced, unresectable or metastatic disease.</summary>
public class ResectedDiseaseTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    private const string ResectedStageThree = "A 60-year-old woman underwent right hemicolectomy for adenocarcinoma of the colon, pT3N1 (stage III), with clear margins. Postoperative CT shows no residual or metastatic disease. She has not started adjuvant chemotherapy. ECOG 0.";

    private static ClinicalTrial Trial(string title) => new()
    {
        NctId = NctId.Parse("NCT09000003"),
        BriefTitle = title,
        Conditions = ["Colorectal Cancer"],
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* Age 18 or older" },
    };

    private static TrialEvaluation Evaluate(string title, string note) =>
        EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(Trial(title)), NoteReader.Extract(note), Context);

    [Theory]
    [InlineData("She had a resection with clear margins.")]
    [InlineData("R0 resection was achieved.")]
    [InlineData("CT shows no residual or metastatic disease.")]
    [InlineData("She has no evidence of disease.")]
    public void TheNote_SaysTheCancerWasResected(string sentence)
    {
        NoteReader.Extract("A 60-year-old woman with colon cancer. " + sentence).Settings.Should().Contain(s => s.Setting == DiseaseSetting.Resected);
    }

    [Theory]
    [InlineData("No evidence of metastatic disease on CT.")]
    [InlineData("The resection was incomplete.")]
    public void AStagingResultOrAnIncompleteResection_IsNotResected(string sentence)
    {
        NoteReader.Extract("A 60-year-old woman with colon cancer. " + sentence).Settings.Should().NotContain(s => s.Setting == DiseaseSetting.Resected);
    }

    [Theory]
    [InlineData("Irinotecan in Treating Patients With Metastatic or Recurrent Colorectal Cancer")]
    [InlineData("Palliative Chemotherapy in Treating Patients With Advanced Colorectal Cancer")]
    [InlineData("Chemotherapy in Unresectable Metastatic Adenocarcinoma of the Colon or Rectum")]
    public void AnAdvancedDiseaseTrial_AgainstAResectedPatient_IsLikelyIneligible_WithTheResection(string title)
    {
        var evaluation = Evaluate(title, ResectedStageThree);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Evidence.Should().Contain("clear margins");
    }

    [Theory]
    [InlineData("Chemotherapy in Patients With Stage II or Stage III Colon Cancer")]
    [InlineData("Adjuvant Chemotherapy After Surgery for Colon Cancer")]
    public void AnAdjuvantOrStagedTrial_AgainstAResectedPatient_SaysNothingOfTheResection(string title)
    {
        Evaluate(title, ResectedStageThree).Failing.Should().BeEmpty();
    }

    [Fact]
    public void AResectionFollowedByMetastases_IsMetastaticDisease_NotResected()
    {
        const string note = "A 60-year-old woman had a hemicolectomy with clear margins for colon cancer in 2019. She now has new liver metastases.";

        Evaluate("Irinotecan in Treating Patients With Metastatic Colorectal Cancer", note).Failing.Should().BeEmpty();
    }

    private const string NotMetastaticRectal = "A 53-year-old man with adenocarcinoma of the mid rectum, cT3N1 on MRI, with no distant metastases on CT. He has not had treatment and is being considered for neoadjuvant therapy before surgery.";

    [Theory]
    [InlineData("with no distant metastases on CT")]
    [InlineData("PSMA PET shows no nodal or distant disease")]
    [InlineData("staging shows non-metastatic disease")]
    public void ANoteSayingNoDistantDisease_RecordsThePrimaryCancerAsNotMetastatic(string words)
    {
        var diagnosis = NoteReader.Extract($"A 67-year-old man with prostate adenocarcinoma; {words}.").Diagnoses.Should().ContainSingle().Subject;
        diagnosis.Stage!.Metastatic.Should().BeFalse();
    }

    [Fact]
    public void AMetastaticOnlyTrial_AgainstACancerRecordedAsNotMetastatic_IsLikelyIneligible()
    {
        var evaluation = Evaluate("Drug in Treating Patients With Metastatic Colorectal Cancer", NotMetastaticRectal);

        evaluation.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        evaluation.Failing.Should().ContainSingle().Which.Evidence.Should().Contain("no distant metastases");
    }

    [Fact]
    public void ATrialThatAlsoTakesLocallyAdvancedDisease_AgainstACancerRecordedAsNotMetastatic_SaysNothing()
    {
        Evaluate("Chemoradiation in Locally Advanced or Metastatic Rectal Cancer", NotMetastaticRectal).Failing.Should().BeEmpty();
    }

    [Fact]
    public void AStageGroupInAClauseOfItsOwn_BelongsToTheCancerLastNamed()
    {
        var diagnosis = NoteReader.Extract("39-year-old man with cutaneous melanoma of the back with two positive sentinel nodes; after wide local excision the disease is stage IIIB.")
            .Diagnoses.Should().ContainSingle().Subject;
        diagnosis.Stage!.Group.Should().Be("IIIB");
    }
}
