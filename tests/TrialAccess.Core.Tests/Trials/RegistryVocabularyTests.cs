using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Trials;

public class RegistryVocabularyTests
{
    [Theory]
    [InlineData("RECRUITING", RecruitmentStatus.Recruiting)]
    [InlineData("Active, not recruiting", RecruitmentStatus.ActiveNotRecruiting)]
    [InlineData("ACTIVE_NOT_RECRUITING", RecruitmentStatus.ActiveNotRecruiting)]
    [InlineData("Unknown status", RecruitmentStatus.Unknown)]
    [InlineData("not_yet_recruiting", RecruitmentStatus.NotYetRecruiting)]
    [InlineData("Approved for marketing", RecruitmentStatus.ApprovedForMarketing)]
    public void TryParseStatus_BothSpellings_AreRecognised(string text, RecruitmentStatus expected)
    {
        RegistryVocabulary.TryParseStatus(text, out var status).Should().BeTrue();
        status.Should().Be(expected);
        status.ToApiName().Should().NotBe("NOT_STATED");
    }

    [Theory]
    [InlineData("Phase 1/Phase 2", new[] { TrialPhase.Phase1, TrialPhase.Phase2 })]
    [InlineData("PHASE2", new[] { TrialPhase.Phase2 })]
    [InlineData("Early Phase 1", new[] { TrialPhase.EarlyPhase1 })]
    [InlineData("N/A", new[] { TrialPhase.NotApplicable })]
    [InlineData("", new TrialPhase[0])]
    public void TryParsePhases_LegacyAndApiForms_GivePhasesInOrder(string text, TrialPhase[] expected)
    {
        RegistryVocabulary.TryParsePhases(text, out var phases).Should().BeTrue();
        phases.Should().Equal(expected);
    }

    [Fact]
    public void ToApiLabel_CombinedPhase_JoinsWithSlash()
    {
        new[] { TrialPhase.Phase1, TrialPhase.Phase2 }.ToApiLabel().Should().Be("PHASE1/PHASE2");
        Array.Empty<TrialPhase>().ToApiLabel().Should().Be("NOT_STATED");
    }

    [Theory]
    [InlineData("Observational [Patient Registry]", StudyType.Observational)]
    [InlineData("INTERVENTIONAL", StudyType.Interventional)]
    [InlineData("Expanded Access", StudyType.ExpandedAccess)]
    public void TryParseStudyType_BothSpellings_AreRecognised(string text, StudyType expected)
    {
        RegistryVocabulary.TryParseStudyType(text, out var type).Should().BeTrue();
        type.Should().Be(expected);
    }
}
