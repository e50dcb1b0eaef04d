using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Participants;

public class ParticipantTests
{
    private static Participant New() => new(StudyKey.Parse("NCT99000001"), "A", StudySubjectId.Parse("SCR-001"));

    [Fact]
    public void MoveTo_AlongTheFunnel_KeepsTheDatedHistory()
    {
        var participant = New();

        participant.MoveTo(ResearchSubjectState.Screened, D("2024-01-02")).Kind.Should().Be(ChangeKind.Changed);
        participant.MoveTo(ResearchSubjectState.Consented, D("2024-01-03")).Kind.Should().Be(ChangeKind.Changed);
        participant.MoveTo(ResearchSubjectState.Enrolled, D("2024-01-05")).Kind.Should().Be(ChangeKind.Changed);

        participant.State.Should().Be(ResearchSubjectState.Enrolled);
        participant.RecruitedOn.Should().Be(D("2024-01-05"));
        participant.StateOn(D("2024-01-04")).Should().Be(ResearchSubjectState.Consented);
        participant.StateOn(D("2024-01-01")).Should().BeNull();
    }

    [Fact]
    public void MoveTo_TheSameStepTwice_ChangesNothing()
    {
        var participant = New();
        participant.MoveTo(ResearchSubjectState.Enrolled, D("2024-01-05"));

        participant.MoveTo(ResearchSubjectState.Enrolled, D("2024-01-05")).Kind.Should().Be(ChangeKind.Unchanged);
        participant.MoveTo(ResearchSubjectState.Enrolled, D("2024-01-06")).Error.Should().Be("SCR-001 was already enrolled on 2024-01-05.");
        participant.History.Should().HaveCount(1);
    }

    [Fact]
    public void MoveTo_ImpossibleTransitions_AreRefused()
    {
        var participant = New();
        participant.MoveTo(ResearchSubjectState.Screened, D("2024-01-02"));
        participant.MoveTo(ResearchSubjectState.ScreenFailed, D("2024-01-03"), [ScreeningReason.Other("ECOG 3")]);

        participant.MoveTo(ResearchSubjectState.Enrolled, D("2024-01-04")).Error.Should().Be("SCR-001 cannot become enrolled after screen_failed.");
    }

    [Fact]
    public void MoveTo_ADateBeforeTheLastStep_IsRefused()
    {
        var participant = New();
        participant.MoveTo(ResearchSubjectState.Screened, D("2024-01-10"));

        participant.MoveTo(ResearchSubjectState.Eligible, D("2024-01-09")).Error.Should().Be("SCR-001 became screened on 2024-01-10; a later step cannot be dated 2024-01-09.");
    }

    [Fact]
    public void MoveTo_AnEndWithoutAReason_IsRefused()
    {
        var participant = New();
        participant.MoveTo(ResearchSubjectState.Screened, D("2024-01-10"));

        participant.MoveTo(ResearchSubjectState.ScreenFailed, D("2024-01-11")).Error.Should().Be("screen_failed needs a reason (the criterion that failed, or why).");
    }

    [Theory]
    [InlineData("SCR-001", true)]
    [InlineData("2024/017", true)]
    [InlineData("Jane Smith", false)]
    [InlineData("", false)]
    public void TryParse_SubjectIds_RefuseNames(string text, bool valid) => StudySubjectId.TryParse(text, out _).Should().Be(valid);

    [Fact]
    public void FhirCode_FollowsTheResearchSubjectStates()
    {
        ResearchSubjectState.Enrolled.FhirCode().Should().Be("on-study");
        ResearchSubjectState.ScreenFailed.FhirCode().Should().Be("ineligible");
        ResearchSubjectStates.TryParseLogName("Screen Failure", out var state).Should().BeTrue();
        state.Should().Be(ResearchSubjectState.ScreenFailed);
    }

    [Theory]
    [InlineData("45", "40-49")]
    [InlineData("80", "80+")]
    [InlineData("18-39", "18-39")]
    public void Parse_AgeOrBand_GivesTheBand(string text, string band) => AgeBand.Parse(text)!.Label.Should().Be(band);

    [Fact]
    public void Describe_ADifferentRecordedSex_IsRefused()
    {
        var participant = New();
        participant.Describe(AgeBand.ForAge(50), ParticipantSex.Female).Kind.Should().Be(ChangeKind.Changed);

        participant.Describe(null, ParticipantSex.Male).Error.Should().Be("SCR-001 is recorded as Female, not Male.");
        participant.Describe(AgeBand.ForAge(55), ParticipantSex.Female).Kind.Should().Be(ChangeKind.Unchanged);
    }
}
