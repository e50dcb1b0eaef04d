using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// A cancer the record says was removed with nothing left, against trials that treat disease still there; and the
/// intervals of a block of rules run together. Invented text.
/// </summary>
public sealed class ResectedDiseaseTests
{
    private const string Resected =
        "A 58-year-old man with adenocarcinoma of the sigmoid colon and three liver metastases had chemotherapy, then a colectomy and a liver resection. "
        + "All liver disease was removed with clear margins; the postoperative CT shows no residual or new disease. ECOG 0.";

    private const string Unresected = "A 58-year-old man with adenocarcinoma of the sigmoid colon and three liver metastases. ECOG 0.";

    [Theory]
    [InlineData("Measurable disease per RECIST 1.1")]
    [InlineData("At least one measurable lesion")]
    [InlineData("Unresectable liver metastases")]
    public void DiseaseStillThere_AfterAResectionWithNothingLeft_IsPresumedNotMet(string criterion)
    {
        var evaluation = Evaluate(criterion, Note(Resected));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
        evaluation.Evidence.Should().Contain("no residual");
    }

    [Theory]
    [InlineData("Measurable disease per RECIST 1.1")]
    [InlineData("Unresectable liver metastases")]
    public void DiseaseStillThere_WithoutAResection_IsAsked(string criterion)
    {
        Evaluate(criterion, Note(Unresected)).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void MeasurableDiseaseInABlockOfRules_AfterAResectionWithNothingLeft_StillDecides()
    {
        const string criteria = """
            Inclusion Criteria:
            DISEASE CHARACTERISTICS: Histologically confirmed metastatic adenocarcinoma of the colon or rectum Bidimensionally measurable disease No known brain metastases
            """;

        var evaluation = EvaluateTrial(criteria, Note(Resected));

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.Contains("measurable", StringComparison.Ordinal) && c.Outcome == CriterionOutcome.NotMet && c.Basis == OutcomeBasis.Presumed);
    }

    [Fact]
    public void AnIntervalOfALaterRule_DoesNotReachAnEarlierRule()
    {
        var parsed = CriterionParser.Default.Parse(
            "PRIOR CONCURRENT THERAPY: Chemotherapy: No prior systemic chemotherapy At least 1 week since prior bleomycin for pleurodesis No concurrent hormonal anticancer therapy",
            CriterionRole.Inclusion);
        var therapies = parsed.Constraints.OfType<PriorTherapyConstraint>().ToList();

        therapies.Should().Contain(t => t.Agent == "chemotherapy" && t.WithinDays == null && !t.Current);
        therapies.Should().Contain(t => t.Agent == "bleomycin" && t.WithinDays == 7);
        therapies.Should().NotContain(t => t.Agent != "bleomycin" && t.WithinDays != null);
    }

    [Fact]
    public void AnIntervalWithinItsOwnRule_StillApplies()
    {
        var parsed = CriterionParser.Default.Parse("No chemotherapy or radiotherapy within 4 weeks before registration", CriterionRole.Inclusion);

        parsed.Constraints.OfType<PriorTherapyConstraint>().Should().Contain(t => t.Agent == "chemotherapy" && t.WithinDays == 28);
    }

    [Fact]
    public void ANegationOfAnEarlierRule_DoesNotReachTheNextRuleOfARunTogetherBlock()
    {
        var parsed = CriterionParser.Default.Parse(
            "DISEASE CHARACTERISTICS: Confirmed metastatic adenocarcinoma of the colon that is not amenable to curative therapy (e.g., inoperable metastatic disease) At least 1 measurable lesion at least 20 mm in diameter",
            CriterionRole.Inclusion);

        parsed.Constraints.OfType<MeasurableDiseaseConstraint>().Should().ContainSingle().Which.Negated.Should().BeFalse();
    }

    [Fact]
    public void AMeasurableLesionAfterANegatedRule_IsPresumedNotMet_AfterAResectionWithNothingLeft()
    {
        var evaluation = Evaluate(
            "DISEASE CHARACTERISTICS: Confirmed metastatic adenocarcinoma of the colon that is not amenable to curative therapy (e.g., inoperable metastatic disease) At least 1 measurable lesion at least 20 mm in diameter",
            Note(Resected));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Presumed);
    }
}
