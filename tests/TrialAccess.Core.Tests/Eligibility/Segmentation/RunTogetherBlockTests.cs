using TrialAccess.Eligibility.Segmentation;

namespace TrialAccess.Core.Tests.Eligibility.Segmentation;

/// <summary>
/// Old PDQ records whose line breaks were lost: the rules of a section run on in one paragraph. Invented text in that
/// shape; each rule must come out as a criterion of its own, under the section its heading or label names.
/// </summary>
public class RunTogetherBlockTests
{
    private const string Block = """
        DISEASE CHARACTERISTICS: Histologically proven adenocarcinoma of the pancreas
                Measurable disease by CT scan No brain metastases Hormone receptor status: Not specified

                PATIENT CHARACTERISTICS: Age: 21 and over Performance status: Zubrod 0-1 Hepatic: Bilirubin
                no greater than 2.0 mg/dL Other: Not pregnant or nursing Fertile patients must use effective
                contraception No active infection HIV negative

                PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy
                for this cancer Radiotherapy: See Disease Characteristics At least 3 weeks since prior
                radiotherapy to the abdomen Surgery: No time limit since prior surgery
        """;

    [Fact]
    public void Segment_RunTogetherBlock_GivesEachRuleItsOwnCriterion()
    {
        var texts = CriteriaSegmenter.Segment(Block).Criteria.Select(c => Flat(c.Text)).ToList();

        texts.Should().Equal(
            "Histologically proven adenocarcinoma of the pancreas",
            "Measurable disease by CT scan",
            "No brain metastases",
            "21 and over",
            "Zubrod 0-1",
            "Bilirubin no greater than 2.0 mg/dL",
            "Not pregnant or nursing",
            "Fertile patients must use effective contraception",
            "No active infection",
            "HIV negative",
            "No prior chemotherapy for this cancer",
            "At least 3 weeks since prior radiotherapy to the abdomen");
    }

    [Fact]
    public void Segment_RunTogetherBlock_LabelNamesTheSectionOfTheRuleAfterIt()
    {
        var criteria = CriteriaSegmenter.Segment(Block).Criteria;

        criteria.Single(c => c.Text.StartsWith("Bilirubin", StringComparison.Ordinal)).Section.Should().Be("Hepatic");
        criteria.Single(c => c.Text.StartsWith("No brain", StringComparison.Ordinal)).Section.Should().Be("DISEASE CHARACTERISTICS");
        criteria.Single(c => c.Text.StartsWith("At least 3 weeks", StringComparison.Ordinal)).Section.Should().Be("Radiotherapy");
    }

    [Fact]
    public void Segment_RunTogetherBlock_SpansSliceTheText()
    {
        foreach (var c in CriteriaSegmenter.Segment(Block).Criteria)
        {
            Block.Substring(c.Span.Start, c.Span.Length).Should().Be(c.Text);
        }
    }

    [Fact]
    public void Segment_InlineDashHeadings_SplitLikeCapitalHeadings()
    {
        var texts = CriteriaSegmenter.Segment("""
            PROTOCOL ENTRY CRITERIA:

                    --Disease Characteristics-- Histologically confirmed melanoma not amenable to surgical
                    resection No CNS metastases --Prior/Concurrent Therapy-- At least 30 days since prior
                    treatment --Patient Characteristics-- Age: 18 to 60 Life expectancy: At least 3 months
            """).Criteria.Select(c => (Flat(c.Text), c.Section)).ToList();

        texts.Should().Equal(
            ("Histologically confirmed melanoma not amenable to surgical resection", "Disease Characteristics"),
            ("No CNS metastases", "Disease Characteristics"),
            ("At least 30 days since prior treatment", "Prior/Concurrent Therapy"),
            ("18 to 60", "Age"),
            ("At least 3 months", "Life expectancy"));
    }

    [Fact]
    public void Segment_NamesCapitalisedInsideARule_DoNotSplitIt()
    {
        var texts = CriteriaSegmenter.Segment("""
            DISEASE CHARACTERISTICS: Biopsy proven Hodgkin's Disease in first relapse after ABVD No prior
                    Wilms' Tumor Performance status: ECOG 0-2
            """).Criteria.Select(c => Flat(c.Text)).ToList();

        texts.Should().Equal("Biopsy proven Hodgkin's Disease in first relapse after ABVD", "No prior Wilms' Tumor", "ECOG 0-2");
    }

    [Fact]
    public void Segment_ParagraphWithoutPdqStructure_StaysWhole()
    {
        const string text = "Patients aged 18 years or older with a confirmed diagnosis of colorectal cancer who Must have measurable disease and adequate organ function for the study";

        CriteriaSegmenter.Segment(text).Criteria.Select(c => c.Text).Should().Equal(text);
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
