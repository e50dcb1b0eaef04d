using TrialAccess.Pipeline.Review;

namespace TrialAccess.Pipeline.Tests.Review;

public class ReviewTests
{
    private static readonly DateTimeOffset At = Builders.Submitted;

    private static (ReviewRound Round, ReviewAssignment Assignment) External()
    {
        var round = ReviewRound.Open(Guid.NewGuid(), Guid.NewGuid(), RoundKind.ExternalReview, ReviewForm.ExternalReview, blind: true, At);
        var assignment = ReviewAssignment.Make(Guid.NewGuid(), round, "reviewer-1", AssignmentType.External, conflicted: false, "secretariat-1", At).Value!;
        return (round, assignment);
    }

    private static List<CriterionScore> AllScored(int score = 2) => ReviewForm.ExternalReview.Criteria.Select(c => new CriterionScore(c.Key, score)).ToList();

    [Fact]
    public void Edit_SubmittedReview_IsRefused()
    {
        var (round, assignment) = External();
        var review = Pipeline.Review.Review.Start(Guid.NewGuid(), assignment);
        review.Edit(round.Form, AllScored(), "Compelling").Should().BeNull();
        review.Submit(round, At).Should().BeNull();

        var refusal = review.Edit(round.Form, AllScored(7), "Changed my mind");

        refusal!.Code.Should().Be("review.submitted");
        refusal.Message.Should().Be("A submitted review cannot be edited; supersede it with a new review that references it.");
        review.Scores.Should().OnlyContain(s => s.Score == 2);
        review.Comments.Should().Be("Compelling");
    }

    [Fact]
    public void Supersede_SubmittedReview_MakesANewReviewReferencingTheOldOneWhichStaysUnchanged()
    {
        var (round, assignment) = External();
        var first = Pipeline.Review.Review.Start(Guid.NewGuid(), assignment);
        first.Edit(round.Form, AllScored(), "Compelling");
        first.Submit(round, At);

        var second = first.Supersede(Guid.NewGuid(), round, AllScored(3), "Compelling, but the dose rationale is thin", "Read the toxicology annex", At.AddDays(1)).Value!;

        second.SupersedesId.Should().Be(first.Id);
        second.Status.Should().Be(ReviewStatus.Submitted);
        first.Scores.Should().OnlyContain(s => s.Score == 2);
        Pipeline.Review.Review.Current([first, second]).Should().ContainSingle().Which.Should().BeSameAs(second);
    }

    [Fact]
    public void Submit_IncompleteOrOutOfScale_IsRefused()
    {
        var (round, assignment) = External();
        var review = Pipeline.Review.Review.Start(Guid.NewGuid(), assignment);

        review.Edit(round.Form, [new CriterionScore("overall", 10)], "x")!.Message.Should().Be("'Overall impact' is scored 1 to 9; 10 is outside.");
        review.Edit(round.Form, [new CriterionScore("overall", 1)], "x").Should().BeNull();
        review.Submit(round, At)!.Message.Should().Be("'Scientific rationale' is not scored.");
        review.Edit(round.Form, AllScored(), "").Should().BeNull();
        review.Submit(round, At)!.Code.Should().Be("review.comments");
    }

    [Fact]
    public void Submit_AfterTheRoundClosed_IsRefused()
    {
        var (round, assignment) = External();
        var review = Pipeline.Review.Review.Start(Guid.NewGuid(), assignment);
        review.Edit(round.Form, AllScored(), "ok");
        round.Close().Should().BeNull();

        review.Submit(round, At)!.Code.Should().Be("round.closed");
    }

    [Fact]
    public void Assignment_ConflictedPersonOrWrongType_IsRefused()
    {
        var round = ReviewRound.Open(Guid.NewGuid(), Guid.NewGuid(), RoundKind.InternalAssessment, ReviewForm.InternalAssessment, false, At);

        ReviewAssignment.Make(Guid.NewGuid(), round, "u", AssignmentType.Assessor, conflicted: true, "s", At).Refusal!.Code.Should().Be("assignment.conflict");
        ReviewAssignment.Make(Guid.NewGuid(), round, "u", AssignmentType.External, conflicted: false, "s", At).Refusal!.Code.Should().Be("assignment.type");
        ReviewAssignment.Make(Guid.NewGuid(), round, "u", AssignmentType.Assessor, conflicted: false, "s", At).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Release_OnlyAfterClose()
    {
        var (round, _) = External();

        round.Release()!.Code.Should().Be("round.open");
        round.Close();
        round.Release().Should().BeNull();
        round.ReleasedToApplicant.Should().BeTrue();
    }

    [Fact]
    public void Scale_Normalise_PutsTheGoodEndAtOne()
    {
        Scale.OneToNine.Normalise(1).Should().Be(1);
        Scale.OneToNine.Normalise(9).Should().Be(0);
        Scale.OneToFive.Normalise(5).Should().Be(1);
        Scale.YesNo.Accepts(2).Should().BeFalse();
    }
}
