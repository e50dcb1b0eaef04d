using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;

namespace TrialAccess.Core.Tests.Eligibility.Constraints.Stage;

/// <summary>
/// A rule asking for a cancer still to be removed ("resectable disease", "candidate for curative resection", "eligible
/// for surgery with curative intent"): read as a stage extent, met by a cancer the record says is to be operated on, a
/// presumed failure for one already removed, asked otherwise. Each case is invented text.
/// </summary>
public sealed class ResectableDiseaseTests
{
    private const string Resected = "A 58-year-old man had a distal gastrectomy with D2 lymphadenectomy five weeks ago for adenocarcinoma of the stomach. Pathology: pT3 pN2, margins clear (R0), stage IIIA. No distant disease on CT. Adjuvant chemotherapy is planned.";
    private const string ToBeOperated = "A 62-year-old man has squamous cell carcinoma of the oesophagus, cT3 N1 M0. The multidisciplinary meeting judged the tumour resectable and recommended neoadjuvant chemoradiotherapy before oesophagectomy; nothing has been started.";
    private const string Metastatic = "A 60-year-old man has adenocarcinoma of the stomach with liver metastases, untreated.";

    private static IReadOnlyList<EligibilityConstraint> Parse(string text, CriterionRole role = CriterionRole.Inclusion) =>
        CriterionParser.Default.Parse(text, role).Constraints;

    [Theory]
    [InlineData("Resectable disease")]
    [InlineData("Candidate for curative resection")]
    [InlineData("Eligible for surgery with curative intent")]
    [InlineData("Patients must be suitable for potentially curative surgery")]
    [InlineData("Tumour amenable to complete resection")]
    public void Parse_ACancerStillToBeRemoved_IsResectable(string text)
    {
        Parse(text).OfType<StageConstraint>().Single().Extents.Should().Equal(DiseaseExtent.Resectable);
    }

    [Theory]
    [InlineData("Resectable or unresectable disease")]
    [InlineData("Resectable pancreatic cancer that has been resected")]
    [InlineData("Borderline resectable pancreatic cancer")]
    [InlineData("Completely resected stage III melanoma")]
    [InlineData("Patients scheduled for elective surgery")]
    public void Parse_NoCancerStillToBeRemoved_IsNotResectable(string text)
    {
        Parse(text).OfType<StageConstraint>().Should().NotContain(s => s.Extents.Contains(DiseaseExtent.Resectable));
    }

    [Fact]
    public void Parse_NotAmenableToResection_StaysUnresectable()
    {
        Parse("Disease not amenable to curative resection").OfType<StageConstraint>().Single().Extents.Should().Equal(DiseaseExtent.Unresectable);
    }

    [Fact]
    public void Evaluate_ACancerToBeOperatedOn_MeetsResectable()
    {
        ReadingTestKit.Evaluate("Eligible for surgery with curative intent", ReadingTestKit.Note(ToBeOperated)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ACancerAlreadyRemoved_FailsResectableByPresumption()
    {
        var result = ReadingTestKit.Evaluate("Candidate for curative resection", ReadingTestKit.Note(Resected));

        result.Outcome.Should().Be(CriterionOutcome.NotMet);
        result.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_AMetastaticCancerWithNothingSaidOfSurgery_IsAsked()
    {
        ReadingTestKit.Evaluate("Resectable disease", ReadingTestKit.Note(Metastatic)).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_AnExclusionOfResectableDisease_IsPresumedNotMetForACancerAlreadyRemoved()
    {
        ReadingTestKit.Evaluate("Resectable disease", ReadingTestKit.Note(Resected), CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_UnresectableAskedOfACancerRecordedResectable_IsNotMet()
    {
        ReadingTestKit.Evaluate("Unresectable or metastatic squamous cell carcinoma of the esophagus", ReadingTestKit.Note(ToBeOperated)).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AResectableStageAskedOfACancerToBeOperatedOnWithoutAGroup_IsMet()
    {
        ReadingTestKit.Evaluate("Resectable disease, metastatic or not", ReadingTestKit.Note(ToBeOperated)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Locally advanced or metastatic gastric adenocarcinoma")]
    [InlineData("Recurrent or metastatic disease")]
    public void Evaluate_AdvancedOrMetastaticAskedOfACancerAlreadyRemoved_IsPresumedNotMet(string criterion)
    {
        var result = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(Resected));

        result.Outcome.Should().Be(CriterionOutcome.NotMet);
        result.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_AdvancedOrMetastaticAskedOfACancerToBeOperatedOn_IsPresumedNotMet()
    {
        ReadingTestKit.Evaluate("Locally advanced or metastatic esophageal cancer", ReadingTestKit.Note(ToBeOperated)).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_MetastaticAskedOfACancerRecordedWithoutSpread_StaysRecorded()
    {
        ReadingTestKit.Evaluate("Metastatic disease", ReadingTestKit.Note(Resected)).Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Fact]
    public void Evaluate_MetastaticAskedAfterMetastasesWereRemoved_IsNotPresumedAway()
    {
        var patient = ReadingTestKit.Note("A 60-year-old man with colon adenocarcinoma had a right hemicolectomy and later a resection of two liver metastases; there is no residual disease.");

        ReadingTestKit.Evaluate("Locally advanced or metastatic colorectal cancer", patient).Basis.Should().NotBe(OutcomeBasis.Presumed);
    }

    [Fact]
    public void Evaluate_AdvancedAskedOfAStageTwoSolidCancer_IsNotMet()
    {
        var patient = ReadingTestKit.Note("A 52-year-old woman with newly diagnosed ER-positive invasive ductal carcinoma of the left breast, clinical stage IIA (cT2 N0 M0), before surgery.");

        ReadingTestKit.Evaluate("Advanced breast cancer", patient).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AdvancedAskedOfAStageTwoLymphoma_IsAsked()
    {
        var patient = ReadingTestKit.Note("A 30-year-old man with classical Hodgkin lymphoma, Ann Arbor stage IIB with a bulky mediastinal mass, untreated.");

        ReadingTestKit.Evaluate("Advanced stage Hodgkin lymphoma", patient).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("Elevations greater than these require metastatic work up")]
    [InlineData("Bone X-ray evaluation was mandatory to rule out the possibility of metastatic bone scan positivity.")]
    public void Parse_ASearchForSpread_IsNoMetastaticDisease(string text)
    {
        Parse(text).OfType<StageConstraint>().Should().BeEmpty();
    }
}
