using TrialAccess.Pipeline.Review;

namespace TrialAccess.Pipeline.Tests.Review;

public class CommitteeMeetingTests
{
    private static CommitteeMeeting Meeting() => CommitteeMeeting.Schedule(Guid.NewGuid(), "NAC March", new DateOnly(2025, 3, 12),
        [new Attendee("chair-1", MeetingRole.Chair, null), new Attendee("member-1", MeetingRole.Member, null), new Attendee("member-2", MeetingRole.Member, null)]).Value!;

    [Fact]
    public void AddToAgenda_ConflictedMember_IsRecordedAsRecused()
    {
        var meeting = Meeting();
        var project = Guid.NewGuid();

        meeting.AddToAgenda(project, "Applicant", ["member-2"]).Should().BeNull();

        meeting.IsRecused(project, "member-2").Should().BeTrue();
        meeting.IsRecused(project, "member-1").Should().BeFalse();
        meeting.Agenda.Should().ContainSingle().Which.Order.Should().Be(1);
    }

    [Fact]
    public void AddToAgenda_ChairConflicted_IsRefused()
    {
        Meeting().AddToAgenda(Guid.NewGuid(), "Applicant", ["chair-1"])!.Code.Should().Be("meeting.chair-conflicted");
    }

    [Fact]
    public void RecordMinutes_BeforeHeldOrOffAgenda_IsRefused()
    {
        var meeting = Meeting();
        var project = Guid.NewGuid();
        meeting.AddToAgenda(project, "Applicant", []);

        meeting.RecordMinutes(project, "Discussed", "secretariat-1", Builders.Submitted)!.Code.Should().Be("meeting.not-held");
        meeting.RecordAttendance(["chair-1", "member-1"]).Should().BeNull();
        meeting.RecordMinutes(Guid.NewGuid(), "Discussed", "secretariat-1", Builders.Submitted)!.Code.Should().Be("meeting.not-on-agenda");
        meeting.RecordMinutes(project, "Discussed; approved", "secretariat-1", Builders.Submitted).Should().BeNull();
        meeting.Attendees.Single(a => a.UserId == "member-2").Present.Should().BeFalse();
        meeting.AddToAgenda(Guid.NewGuid(), "x", [])!.Code.Should().Be("meeting.held");
    }

    [Fact]
    public void Schedule_WithoutExactlyOneChair_IsRefused()
    {
        CommitteeMeeting.Schedule(Guid.NewGuid(), "NAC", new DateOnly(2025, 3, 1), [new Attendee("m", MeetingRole.Member, null)]).Refusal!.Code.Should().Be("meeting.chair");
    }
}
