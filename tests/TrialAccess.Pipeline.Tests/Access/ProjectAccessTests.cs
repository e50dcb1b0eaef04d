using TrialAccess.Pipeline.Access;
using TrialAccess.Pipeline.Projects;

namespace TrialAccess.Pipeline.Tests.Access;

public class ProjectAccessTests
{
    private static Viewer As(string user, params PipelineRole[] roles) => new(user, roles.ToHashSet(), null);

    [Fact]
    public void Decide_Conflicted_HidesTheProjectWhateverTheRole()
    {
        var project = Builders.Nominated();
        var conflicted = new ProjectRelation(Conflicted: true, Assigned: true, OnlyBlindRounds: false, SitsOnItsMeeting: true);

        foreach (var role in Enum.GetValues<PipelineRole>())
        {
            ProjectAccess.Decide(As("u", role), project, conflicted).Visibility.Should().Be(Visibility.None, role.ToString());
        }
    }

    [Fact]
    public void Decide_Reviewer_SeesOnlyAssignedProjects_OwnReviews_ApplicantHiddenWhenBlind()
    {
        var project = Builders.Nominated();
        var reviewer = As("reviewer-1", PipelineRole.Reviewer);

        ProjectAccess.Decide(reviewer, project, ProjectRelation.None).Visibility.Should().Be(Visibility.None);
        var view = ProjectAccess.Decide(reviewer, project, new ProjectRelation(false, true, OnlyBlindRounds: true, false));
        view.Should().Be(new ProjectView(Visibility.Full, ApplicantHidden: true, ReviewAccess.Own, Minutes: false, "Assigned to review it"));
    }

    [Fact]
    public void Decide_Applicant_SeesOwnNominationAndReleasedReviewsOnly()
    {
        var project = Builders.Nominated("applicant-1");

        ProjectAccess.Decide(As("applicant-1", PipelineRole.Applicant), project, ProjectRelation.None).Reviews.Should().Be(ReviewAccess.Released);
        ProjectAccess.Decide(As("applicant-2", PipelineRole.Applicant), project, ProjectRelation.None).Visibility.Should().Be(Visibility.None);
        ProjectAccess.Decide(new Viewer("partner-9", new HashSet<PipelineRole> { PipelineRole.PartnerOrganisation }, Builders.Nominator), project, ProjectRelation.None)
            .Visibility.Should().Be(Visibility.Full, "a partner organisation sees its organisation's nominations");
    }

    [Fact]
    public void Decide_ApplicantFromTheNominatingOrganisation_SeesTheirOwnNominationDespiteTheDetectedConflict()
    {
        var project = Builders.Nominated("applicant-1");
        var conflicted = new ProjectRelation(Conflicted: true, false, false, false);

        var view = ProjectAccess.Decide(new Viewer("applicant-1", new HashSet<PipelineRole> { PipelineRole.Applicant }, Builders.Nominator), project, conflicted);

        view.Should().Be(new ProjectView(Visibility.Full, false, ReviewAccess.Released, Minutes: false, "Their own nomination"));
        ProjectAccess.Decide(new Viewer("applicant-1", new HashSet<PipelineRole> { PipelineRole.Reviewer }, Builders.Nominator), project, conflicted)
            .Visibility.Should().Be(Visibility.None, "only as applicant, not as a reviewer");
    }

    [Fact]
    public void Decide_CommitteeMember_SeesOnlyWhatIsOnTheirMeetingsAgenda()
    {
        var project = Builders.Nominated();
        var member = As("member-1", PipelineRole.CommitteeMember);

        ProjectAccess.Decide(member, project, ProjectRelation.None).Visibility.Should().Be(Visibility.None);
        ProjectAccess.Decide(member, project, new ProjectRelation(false, false, false, SitsOnItsMeeting: true)).Minutes.Should().BeTrue();
    }

    [Fact]
    public void Decide_OtherStaff_SeeThePortfolioRowOfNonConfidentialProjectsOnly()
    {
        var confidential = Builders.Nominated();
        var portfolio = Builders.EnteredAt("phase-1", new DateOnly(2024, 1, 1));
        var assessor = As("assessor-1", PipelineRole.Assessor);

        ProjectAccess.Decide(assessor, confidential, ProjectRelation.None).Visibility.Should().Be(Visibility.None);
        ProjectAccess.Decide(assessor, portfolio, ProjectRelation.None).Visibility.Should().Be(Visibility.Summary);
        ProjectAccess.Decide(As("applicant-1", PipelineRole.Applicant), portfolio, ProjectRelation.None).Visibility.Should().Be(Visibility.None);
        portfolio.Confidentiality.Should().Be(Confidentiality.Portfolio);
    }
}
