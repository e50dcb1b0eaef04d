using FsCheck;
using FsCheck.Fluent;
using TrialAccess.Eligibility.Segmentation;

namespace TrialAccess.Core.Tests.Eligibility.Segmentation;

public class CriteriaSegmenterTests
{
    private const string Registry = """
        Inclusion Criteria:

          -  Histologically confirmed non-small cell lung cancer

          -  ECOG performance status 0-1, with a long line that the registry wraps onto
             the next line

          -  Adequate organ function defined as:

               -  ANC >= 1.5 x 10^9/L

               -  Platelets >= 100 x 10^9/L

        Exclusion Criteria:

          -  Active brain metastases

          -  Pregnant or breastfeeding
        """;

    [Fact]
    public void Segment_RegistryBulletedText_SplitsIntoInclusionAndExclusionCriteria()
    {
        var result = CriteriaSegmenter.Segment(Registry);

        result.Inclusion.Select(c => c.Text).Should().HaveCount(4);
        result.Exclusion.Select(c => c.Text).Should().Equal("Active brain metastases", "Pregnant or breastfeeding");
    }

    [Fact]
    public void Segment_ItemsNumberedWithinOneLine_AreItemsOfTheirOwn()
    {
        var result = CriteriaSegmenter.Segment("""
            Exclusion Criteria:
            1) are not married AND report never having had sexual intercourse 2) have had a total hysterectomy
            3) toxicity (grade 1 or 2) and fever
            """);

        result.Criteria.Select(c => c.Text).Should().Equal(
            "are not married AND report never having had sexual intercourse",
            "have had a total hysterectomy",
            "toxicity (grade 1 or 2) and fever");
    }

    [Fact]
    public void Segment_HeadingsWrittenAsItemsOfTheList_SetTheRole()
    {
        var result = CriteriaSegmenter.Segment("""
            -  INCLUSION CRITERIA:

                    Male and female subjects.

                    Dry mouth for more than 3 months.

            -  EXCLUSION CRITERIA

                    Past head and neck radiation treatment.
            Inclusion criteria.
              - Able to swallow tablets
            Exclusion Criteria-
              - Hepatitis C infection
            """);

        result.Inclusion.Select(c => c.Text).Should().Equal("Male and female subjects.", "Dry mouth for more than 3 months.", "Able to swallow tablets");
        result.Exclusion.Select(c => c.Text).Should().Equal("Past head and neck radiation treatment.", "Hepatitis C infection");
    }

    [Fact]
    public void Segment_AWrappedLineStartingWithInclusion_IsNoHeading()
    {
        var result = CriteriaSegmenter.Segment("""
            Exclusion Criteria:
              - Use of systemic steroids within 4 weeks prior to
                inclusion.
              - Pregnancy
            """);

        result.Inclusion.Should().BeEmpty();
        result.Exclusion.Should().HaveCount(2);
    }

    [Fact]
    public void Segment_HeadingsInBrackets_SetTheRole()
    {
        var result = CriteriaSegmenter.Segment("""
            [Inclusion Criteria]
              1. A man aged 50 years or older
            [Exclusion Criteria]
              1. Hypersensitivity to the study drug
            """);

        result.Criteria.Select(c => (c.Role, c.Text)).Should().Equal(
            (CriterionRole.Inclusion, "A man aged 50 years or older"),
            (CriterionRole.Exclusion, "Hypersensitivity to the study drug"));
    }

    [Fact]
    public void Segment_WrappedItem_KeepsBothLinesInOneCriterion()
    {
        var result = CriteriaSegmenter.Segment(Registry);

        result.Inclusion.ElementAt(1).Text.Should().StartWith("ECOG performance status 0-1").And.EndWith("the next line");
    }

    [Fact]
    public void Segment_NestedItems_CarryDepthAndTheirLead()
    {
        var result = CriteriaSegmenter.Segment(Registry);

        var anc = result.Inclusion.Single(c => c.Text.StartsWith("ANC", StringComparison.Ordinal));
        anc.Depth.Should().Be(1);
        anc.Lead.Should().Be("Adequate organ function defined as");
        result.Criteria.Should().NotContain(c => c.Text.StartsWith("Adequate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Patients must not have any of the following conditions:")]
    [InlineData("None of the following:")]
    [InlineData("Patients are not eligible if they have:")]
    public void Segment_ItemsUnderANegatingLeadAmongInclusions_AreExclusions(string lead)
    {
        var result = CriteriaSegmenter.Segment($"""
            Inclusion Criteria:

              -  Diagnosis of CLL
              -  {lead}
                   -  Congestive heart failure
                   -  No evidence of resistant strains of HIV
              -  ECOG 0-2
            """);

        result.Exclusion.Select(c => c.Text).Should().Equal("Congestive heart failure");
        result.Inclusion.Select(c => c.Text).Should().Equal("Diagnosis of CLL", "No evidence of resistant strains of HIV", "ECOG 0-2");
    }

    [Theory]
    [InlineData("Patients with HIV infection may be eligible provided they meet the following criteria:")]
    [InlineData("No prior therapy except:")]
    [InlineData("Patients will not be excluded for:")]
    public void Segment_ItemsUnderALeadThatOnlyLimitsOrPermits_StayInclusions(string lead)
    {
        var result = CriteriaSegmenter.Segment($"""
            Inclusion Criteria:

              -  {lead}
                   -  Congestive heart failure
            """);

        result.Exclusion.Should().BeEmpty();
    }

    [Fact]
    public void Segment_EveryCriterion_HasAPositionPerRole()
    {
        var result = CriteriaSegmenter.Segment(Registry);

        result.Exclusion.Select(c => c.Position).Should().Equal("exclusion 1", "exclusion 2");
    }

    [Fact]
    public void Segment_TextWithoutHeadings_TreatsParagraphsAsInclusionWithRoleNotStated()
    {
        var result = CriteriaSegmenter.Segment("Adults with type 2 diabetes\n\nHbA1c above 7%");

        result.Criteria.Should().HaveCount(2);
        result.Criteria.Should().OnlyContain(c => c.Role == CriterionRole.Inclusion && !c.RoleStated);
    }

    [Fact]
    public void Segment_PdqSubHeadings_BecomeTheSectionOfTheirItems()
    {
        const string text = """
            DISEASE CHARACTERISTICS:

              -  Histologically confirmed adenocarcinoma of the prostate

            PATIENT CHARACTERISTICS:

            Age:

              -  18 and over

            Performance status:

              -  ECOG 0-2
            """;

        var result = CriteriaSegmenter.Segment(text);

        result.Criteria.Select(c => c.Section).Should().Equal("DISEASE CHARACTERISTICS", "Age", "Performance status");
    }

    [Fact]
    public void Segment_CohortHeading_MarksTheCohort()
    {
        const string text = "Inclusion Criteria for Part B:\n\n- Prior treatment with a PD-1 inhibitor\n\nExclusion Criteria:\n\n- None";

        var result = CriteriaSegmenter.Segment(text);

        result.Inclusion.Single().Cohort.Should().Be("Part B");
        result.Exclusion.Single().Cohort.Should().BeNull();
    }

    [Fact]
    public void Segment_TrialGptFormatWithRepeatedHeading_DropsTheRepeatAndKeepsTheItems()
    {
        const string text = "Inclusion Criteria:\n\ninclusion criteria: \n\n Patients with lupus \n\n \nExclusion Criteria:\n\n: \n\n Patients without lupus";

        var result = CriteriaSegmenter.Segment(text);

        result.Inclusion.Select(c => c.Text).Should().Equal("Patients with lupus");
        result.Exclusion.Select(c => c.Text).Should().Equal("Patients without lupus");
    }

    [Fact]
    public void Segment_HeadingWithContentOnTheSameLine_KeepsTheContentAsACriterion()
    {
        var result = CriteriaSegmenter.Segment("Inclusion criteria: adults aged 18 or older\nExclusion criteria: see above");

        result.Inclusion.Single().Text.Should().Be("adults aged 18 or older");
        result.Exclusion.Single().Text.Should().Be("see above");
    }

    [Fact]
    public void Segment_NumberedAndLetteredItems_SplitOnEachMarker()
    {
        var result = CriteriaSegmenter.Segment("Inclusion:\n1. Age >= 18\n2) ECOG 0-1\n(3) Signed consent\na. measurable disease");

        result.Inclusion.Select(c => c.Text).Should().Equal("Age >= 18", "ECOG 0-1", "Signed consent", "measurable disease");
    }

    [Fact]
    public void Segment_EmptyOrWhitespace_GivesNoCriteria()
    {
        CriteriaSegmenter.Segment(null).Criteria.Should().BeEmpty();
        CriteriaSegmenter.Segment(" \n\n ").Criteria.Should().BeEmpty();
    }

    [Fact]
    public void Segment_AnyText_NeverThrowsAndSpansSliceToTheCriterionText()
    {
        var pieces = new[]
        {
            "\n", "\n\n", "  ", "\t", "- ", "* ", "• ", "1. ", "2) ", "(a) ", "ii. ", "o ", ":", "Inclusion Criteria:", "Exclusion criteria",
            "Key Inclusion Criteria for Cohort 2:", "DISEASE CHARACTERISTICS:", "Age:", "ECOG 0-1", "ANC >= 1500/mm3", "see above", "é", "",
        };
        var piece = Gen.OneOf(Gen.Elements(pieces), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));
        var text = piece.ListOf().Select(parts => string.Concat(parts));

        Prop.ForAll(text.ToArbitrary(), input =>
        {
            var result = CriteriaSegmenter.Segment(input);
            return result.Criteria.All(c =>
                c.Span.Start >= 0 && c.Span.End <= input.Length && c.Span.Length > 0 && c.Span.Slice(input) == c.Text && c.Index > 0);
        }).QuickCheckThrowOnFailure();
    }
}
