using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Participants;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Metrics;

public class ScreeningFunnelTests
{
    private static StudyBuilder FiveParticipants() => new StudyBuilder()
        .Site("A", 10, opened: "2024-01-01")
        .Participant("A", (ResearchSubjectState.Candidate, "2024-02-01", null), (ResearchSubjectState.PreScreened, "2024-02-02", null), (ResearchSubjectState.Ineligible, "2024-02-02", "E2"))
        .Participant("A", (ResearchSubjectState.Screened, "2024-02-05", null), (ResearchSubjectState.ScreenFailed, "2024-02-09", "I3"))
        .Participant("A", (ResearchSubjectState.Screened, "2024-02-05", null), (ResearchSubjectState.Eligible, "2024-02-06", null), (ResearchSubjectState.Consented, "2024-02-07", null), (ResearchSubjectState.Enrolled, "2024-02-10", null))
        .Participant("A", (ResearchSubjectState.Enrolled, "2024-02-12", null))
        .Participant("A", (ResearchSubjectState.Screened, "2024-02-20", null), (ResearchSubjectState.ScreenFailed, "2024-03-05", "I3"));

    [Fact]
    public void Of_CountsEachStageReachedWithLaterStagesImplyingEarlierOnes()
    {
        var funnel = ScreeningFunnel.Of(FiveParticipants().Participants, D("2024-06-30"));

        funnel.Stages.Select(s => (s.Stage, s.Reached)).Should().Equal(
            (ResearchSubjectState.Candidate, 5),
            (ResearchSubjectState.PreScreened, 5),
            (ResearchSubjectState.Screened, 4),
            (ResearchSubjectState.Eligible, 2),
            (ResearchSubjectState.Consented, 2),
            (ResearchSubjectState.Enrolled, 2));
        funnel.ScreenFailed.Should().Be(2);
        funnel.Ineligible.Should().Be(1);
        funnel.ScreenFailureRate.Should().Be(0.5, "2 screen failures of 4 screened");
    }

    [Fact]
    public void Of_GroupsReasonsByCriterionAndEnd()
    {
        var funnel = ScreeningFunnel.Of(FiveParticipants().Participants, D("2024-06-30"));

        funnel.Reasons.Select(r => (r.End, r.CriterionPosition, r.Count)).Should().Equal(
            (ResearchSubjectState.ScreenFailed, "inclusion 3", 2),
            (ResearchSubjectState.Ineligible, "exclusion 2", 1));
    }

    [Fact]
    public void Of_OnAnEarlierDate_IgnoresLaterSteps()
    {
        // On 1 March the fifth participant is screened but has not failed yet.
        var funnel = ScreeningFunnel.Of(FiveParticipants().Participants, D("2024-03-01"));

        funnel.ScreenFailed.Should().Be(1);
        funnel.ScreenFailureRate.Should().Be(0.25);
    }

    [Fact]
    public void Compute_ScreenFailureBand_NeedsThreeScreened()
    {
        var two = new StudyBuilder().Site("A", 0, opened: "2024-01-01")
            .Participant("A", (ResearchSubjectState.Screened, "2024-02-05", null), (ResearchSubjectState.ScreenFailed, "2024-02-09", "I3"))
            .Participant("A", (ResearchSubjectState.Screened, "2024-02-05", null), (ResearchSubjectState.ScreenFailed, "2024-02-09", "I3"));
        var three = two.Participant("A", (ResearchSubjectState.Screened, "2024-02-05", null), (ResearchSubjectState.Eligible, "2024-02-09", null));

        var site = StudyFacts.Compute(two.Study, [.. two.Participants.Take(2)], D("2024-03-01")).Sites.Single();
        site.ScreenFailureRag.Should().Be(Rag.NotAssessed, "2 screened is below the minimum denominator of 3");

        var read = StudyFacts.Compute(three.Study, [.. three.Participants], D("2024-03-01")).Sites.Single();
        read.Funnel.ScreenFailureRate.Should().BeApproximately(2.0 / 3, 1e-12);
        read.ScreenFailureRag.Should().Be(Rag.Amber, "67% is above 50% and not above 70%");
        read.Status.Should().Be(Rag.Amber, "the site's status is the worse of its RTT band and its screen-failure band");
    }
}
