using TrialAccess.Recruitment.Studies;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Studies;

public class StudyKeyTests
{
    [Fact]
    public void Parse_RegistryTrialAndPipelineProject_RoundTrip()
    {
        var trial = StudyKey.Parse("nct99000001");
        trial.Source.Should().Be(StudySource.Registry);
        trial.ToString().Should().Be("NCT99000001");
        trial.NctId.Should().NotBeNull();

        var project = StudyKey.Parse("pipeline:P-0042");
        project.Source.Should().Be(StudySource.Pipeline);
        project.ToString().Should().Be("pipeline:P-0042");
        project.NctId.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("NCT12")]
    [InlineData("pipeline:")]
    [InlineData("pipeline:has space")]
    public void TryParse_NotAStudyId_IsFalse(string text) => StudyKey.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Validate_EndBeforeStart_SaysSo() =>
        MonitoredStudy.Validate("T", 10, D("2024-01-01"), D("2023-01-01"), null).Should().Be("The target end date (2023-01-01) must come after the recruitment start (2024-01-01).");
}
