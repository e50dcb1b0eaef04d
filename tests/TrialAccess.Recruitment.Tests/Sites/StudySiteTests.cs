using TrialAccess.Recruitment.Sites;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Sites;

public class StudySiteTests
{
    [Fact]
    public void RecordMilestone_InOrder_IsKept()
    {
        var site = new StudySite("RJ1", "Guy's", 10);

        site.RecordMilestone(SiteMilestone.Selected, D("2024-01-10")).Kind.Should().Be(ChangeKind.Changed);
        site.RecordMilestone(SiteMilestone.Opened, D("2024-03-01")).Kind.Should().Be(ChangeKind.Changed);
        site.RecordMilestone(SiteMilestone.Opened, D("2024-03-01")).Kind.Should().Be(ChangeKind.Unchanged);

        site.Opened.Should().Be(D("2024-03-01"));
        site.IsOpenOn(D("2024-03-01")).Should().BeTrue();
        site.IsOpenOn(D("2024-02-28")).Should().BeFalse();
    }

    [Fact]
    public void RecordMilestone_OpenedBeforeSelected_IsRefused()
    {
        var site = new StudySite("RJ1", "Guy's", 10);
        site.RecordMilestone(SiteMilestone.Selected, D("2024-01-10"));

        site.RecordMilestone(SiteMilestone.Opened, D("2024-01-05")).Error.Should().Be("Opened on 2024-01-05 would come before Selected on 2024-01-10.");
        site.RecordMilestone(SiteMilestone.Invited, D("2024-02-01")).Error.Should().Be("Invited on 2024-02-01 would come after Selected on 2024-01-10.");
    }

    [Fact]
    public void SetTarget_Negative_IsRefused() =>
        new StudySite("RJ1", "Guy's", 10).SetTarget(-1, null).Error.Should().Be("A site target cannot be negative (0 means no target).");

    [Theory]
    [InlineData("RJ1", true)]
    [InlineData("site one", false)]
    public void ValidateCode_SiteCodes(string code, bool valid) => (StudySite.ValidateCode(code) is null).Should().Be(valid);
}
