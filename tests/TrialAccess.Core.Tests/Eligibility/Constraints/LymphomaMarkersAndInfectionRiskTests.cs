using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Eligibility.Constraints;

/// <summary>
/// Readings of a lymphoma's surface markers in a note ("CD20 negative"), of the nodular lymphocyte-predominant Hodgkin
/// lymphoma beside the classical one, and of a risk of an infection or a test for it, which is not the infection. Each
/// case is invented text.
/// </summary>
public sealed class LymphomaMarkersAndInfectionRiskTests
{
    private const string ClassicalHodgkin = "A 15-year-old girl has untreated classical Hodgkin lymphoma, nodular sclerosis subtype (CD30 positive, CD20 negative), Ann Arbor stage IIIB.";

    [Theory]
    [InlineData("A 40-year-old man has DLBCL, CD20 positive.", "MS4A1", BiomarkerStatus.Positive)]
    [InlineData("A 15-year-old girl has classical Hodgkin lymphoma, CD20-negative.", "MS4A1", BiomarkerStatus.Negative)]
    [InlineData("A 30-year-old woman with B-ALL has a CD19-negative relapse after tisagenlecleucel.", "CD19", BiomarkerStatus.Negative)]
    [InlineData("A 55-year-old man with anaplastic large cell lymphoma, CD30 positive.", "TNFRSF8", BiomarkerStatus.Positive)]
    [InlineData("A 71-year-old man with Waldenstrom macroglobulinemia: MYD88 L265P mutated, no TP53 mutation.", "TP53", BiomarkerStatus.Negative)]
    public void Extract_ALymphomasMarker_IsReadWithItsResult(string note, string marker, BiomarkerStatus status)
    {
        ReadingTestKit.Note(note).Biomarkers.Should().Contain(b => b.Marker == marker && b.Status == status);
    }

    [Fact]
    public void Extract_AnAntibodyNamedByItsTarget_IsNoResult()
    {
        ReadingTestKit.Note("A 70-year-old man with myeloma refractory to the anti-CD38 antibody daratumumab.").Biomarkers.Should().NotContain(b => b.Marker == "CD38");
    }

    [Fact]
    public void Evaluate_CD20ExpressionAskedOfACD20NegativeLymphoma_IsNotMet()
    {
        ReadingTestKit.Evaluate("Biopsy-confirmed expression of CD20 antigen", ReadingTestKit.Note(ClassicalHodgkin)).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("nodular lymphocyte predominant Hodgkin lymphoma", "NLPHL")]
    [InlineData("lymphocyte-predominant Hodgkin's disease", "NLPHL")]
    [InlineData("classical Hodgkin lymphoma", "CHL")]
    public void Resolve_TheTwoKindsOfHodgkinLymphoma_AreApartUnderHodgkin(string name, string code)
    {
        OncologyVocabulary.BuiltIn.CancerTypes.Resolve(name).Should().Be(code);
        OncologyVocabulary.BuiltIn.CancerTypes.IsWithin(code, "HL").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_LymphocytePredominantHodgkinAskedOfAClassicalOne_IsNotMet()
    {
        ReadingTestKit.Evaluate("Lymphocyte-predominant Hodgkin's disease (LPHD) of B-cell lineage", ReadingTestKit.Note(ClassicalHodgkin)).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AnyHodgkinLymphomaAskedOfAClassicalOne_IsMet()
    {
        ReadingTestKit.Evaluate("Hodgkin lymphoma of any subtype", ReadingTestKit.Note(ClassicalHodgkin)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Subjects at high risk of Hepatitis B virus (HBV) infection should be screened prior to enrollment.")]
    [InlineData("Patients at increased risk for HIV must be tested for HIV before entry.")]
    public void Parse_ARiskOfOrATestForAnInfection_IsNotTheInfection(string text)
    {
        CriterionParser.Default.Parse(text, CriterionRole.Inclusion).Constraints.OfType<InfectionConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_AnInfectionNamed_StaysTheInfection()
    {
        CriterionParser.Default.Parse("Known HIV infection or hepatitis B (HBsAg positive)", CriterionRole.Exclusion).Constraints.OfType<InfectionConstraint>().Select(i => i.Pathogen)
            .Should().BeEquivalentTo("HIV", "hepatitis B");
    }
}
