using TrialAccess.Eligibility.Parsing;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Trials;

namespace TrialAccess.Recruitment.Tests.Screening;

public class CriterionReasonsTests
{
    private static readonly CriterionReasons Reasons = new(TrialCriteriaParser.Parse(new ClinicalTrial
    {
        NctId = NctId.Parse("NCT99000001"),
        BriefTitle = "A fictional trial",
        Eligibility = new TrialEligibility
        {
            Criteria = "Inclusion Criteria:\n\n- Age 18 years or older\n- ECOG performance status 0 or 1\n- Adequate bone marrow function\n\nExclusion Criteria:\n\n- Pregnant or breastfeeding\n- Active brain metastases",
        },
    }));

    [Theory]
    [InlineData("I2", "inclusion 2", "ECOG performance status 0 or 1")]
    [InlineData("inclusion 2", "inclusion 2", "ECOG performance status 0 or 1")]
    [InlineData("E2", "exclusion 2", "Active brain metastases")]
    [InlineData("exclusion #1: pregnant", "exclusion 1", "Pregnant or breastfeeding")]
    [InlineData("brain metastases", "exclusion 2", "Active brain metastases")]
    public void Resolve_APositionOrTheCriterionsWords_NamesTheParsedCriterion(string text, string position, string criterion)
    {
        var reason = Reasons.Resolve(text)!;

        reason.CriterionPosition.Should().Be(position);
        reason.Text.Should().Be(criterion);
    }

    [Fact]
    public void Resolve_TextNoCriterionHolds_StaysAReasonInWords()
    {
        var reason = Reasons.Resolve("Declined: travel too far")!;

        reason.CriterionPosition.Should().BeNull();
        reason.Text.Should().Be("Declined: travel too far");
    }

    [Fact]
    public void Resolve_APositionTheTrialDoesNotHave_IsKeptAsWritten()
    {
        Reasons.Resolve("I9")!.CriterionPosition.Should().BeNull();
        Reasons.Resolve("I9")!.Text.Should().Be("I9");
    }

    [Fact]
    public void Resolve_WithoutParsedCriteria_KeepsThePositionTheLogGives()
    {
        var reason = CriterionReasons.None.Resolve("E3 - prior anthracycline")!;

        reason.CriterionPosition.Should().Be("exclusion 3");
        reason.Text.Should().Be("prior anthracycline");
    }
}
