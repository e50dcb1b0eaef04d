using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Sites;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Metrics;

public class SiteSetupTests
{
    private static StudySite Site() => new("RJ1", "Guy's", 10, new Dictionary<SiteMilestone, DateOnly>
    {
        [SiteMilestone.Selected] = D("2024-01-15"),
        [SiteMilestone.Opened] = D("2024-03-01"),
    });

    [Fact]
    public void Compute_FirstParticipantFromTheLog_GivesBothClocks()
    {
        var figures = SiteSetup.Compute(Site(), [D("2024-04-02"), D("2024-03-20")], D("2024-06-30"));

        figures.FirstParticipantOn.Should().Be(D("2024-03-20"));
        figures.DaysOpenedToFirst.Should().Be(19);
        figures.DaysSelectedToFirst.Should().Be(65);
        figures.WithinKpi.Should().BeTrue();
        figures.DaysOpenWithoutParticipant.Should().BeNull();
    }

    [Fact]
    public void Compute_RecordedMilestone_WinsOverTheLog()
    {
        var site = Site();
        site.RecordMilestone(SiteMilestone.FirstParticipant, D("2024-04-10")).Kind.Should().Be(ChangeKind.Changed);

        SiteSetup.Compute(site, [D("2024-04-20")], D("2024-06-30")).DaysOpenedToFirst.Should().Be(40);
        SiteSetup.Compute(site, [D("2024-04-20")], D("2024-06-30")).WithinKpi.Should().BeFalse();
    }

    [Fact]
    public void Compute_OpenWithNobodyRecruited_CountsTheWait()
    {
        var figures = SiteSetup.Compute(Site(), [], D("2024-04-15"));

        figures.DaysOpenWithoutParticipant.Should().Be(45);
        figures.WithinKpi.Should().BeFalse("45 days have passed without a participant");
        SiteSetup.Compute(Site(), [], D("2024-03-20")).WithinKpi.Should().BeNull("still within 30 days");
    }

    [Fact]
    public void Compute_SiteNotYetOpened_HasNoClock()
    {
        var site = new StudySite("X1", "Not open", 5);

        var figures = SiteSetup.Compute(site, [], D("2024-04-15"));

        figures.Should().Be(new SiteSetupFigures(null, null, null, null, null));
    }
}
