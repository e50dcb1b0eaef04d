using TrialAccess.Pipeline.Common;

namespace TrialAccess.Pipeline.Review;

public enum ReviewStatus
{
    Draft,
    Submitted,
}

/// <summary>A score given on one criterion of the round's form.</summary>
public sealed record CriterionScore(string Key, int Score);

/// <summary>
/// A reviewer's review of a project in a round. A draft can be edited; once submitted it cannot be edited: a
/// correction is a new submitted review that references the old one (<see cref="Supersede"/>), and the old one stays
/// as it was (HotCRP keeps review history as immutable rows).
/// </summary>
public sealed class Review
{
    // Not readonly: the store sets these collections when it reads the record.
    private List<CriterionScore> _scores = [];

    private Review()
    {
        ReviewerUserId = "";
        Comments = "";
    }

    public Guid Id { get; private set; }

    public Guid AssignmentId { get; private set; }

    public Guid RoundId { get; private set; }

    public Guid ProjectId { get; private set; }

    public string ReviewerUserId { get; private set; }

    public IReadOnlyList<CriterionScore> Scores => _scores;

    /// <summary>Comments for the committee and, when the round is released, the applicant.</summary>
    public string Comments { get; private set; }

    public ReviewStatus Status { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The submitted review this one corrects, if any.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>Why the earlier review was superseded.</summary>
    public string? SupersedeReason { get; private set; }

    /// <summary>Starts a draft for an assignment.</summary>
    public static Review Start(Guid id, ReviewAssignment assignment) => new()
    {
        Id = id,
        AssignmentId = assignment.Id,
        RoundId = assignment.RoundId,
        ProjectId = assignment.ProjectId,
        ReviewerUserId = assignment.UserId,
        Status = ReviewStatus.Draft,
    };

    /// <summary>Changes the draft's scores and comments; refused once submitted.</summary>
    public Refusal? Edit(ReviewForm form, IReadOnlyList<CriterionScore> scores, string comments)
    {
        if (Status == ReviewStatus.Submitted)
        {
            return new Refusal("review.submitted", "A submitted review cannot be edited; supersede it with a new review that references it.");
        }

        if (CheckScores(form, scores, complete: false) is { } refusal)
        {
            return refusal;
        }

        _scores.Clear();
        _scores.AddRange(scores);
        Comments = comments.Trim();
        return null;
    }

    /// <summary>Submits the review: every criterion of the form scored within its scale (and a comment when the form asks).</summary>
    public Refusal? Submit(ReviewRound round, DateTimeOffset at)
    {
        if (Status == ReviewStatus.Submitted)
        {
            return new Refusal("review.submitted", "The review is already submitted.");
        }

        if (round.Id != RoundId)
        {
            return new Refusal("review.round", "The review belongs to another round.");
        }

        if (round.Status == RoundStatus.Closed)
        {
            return new Refusal("round.closed", "The round is closed: reviews are no longer accepted.");
        }

        if (CheckScores(round.Form, _scores, complete: true) is { } refusal)
        {
            return refusal;
        }

        if (round.Form.CommentRequired && string.IsNullOrWhiteSpace(Comments))
        {
            return new Refusal("review.comments", "This form asks for comments.");
        }

        Status = ReviewStatus.Submitted;
        SubmittedAt = at;
        return null;
    }

    /// <summary>
    /// A new, submitted review that corrects this one; this one is left unchanged. Refused unless this one is submitted.
    /// </summary>
    public Result<Review> Supersede(Guid newId, ReviewRound round, IReadOnlyList<CriterionScore> scores, string comments, string reason, DateTimeOffset at)
    {
        if (Status != ReviewStatus.Submitted)
        {
            return Result<Review>.Refuse("review.draft", "A draft is edited, not superseded.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<Review>.Refuse("review.reason", "Say why the review is superseded.");
        }

        if (CheckScores(round.Form, scores, complete: true) is { } refusal)
        {
            return refusal;
        }

        var next = new Review
        {
            Id = newId,
            AssignmentId = AssignmentId,
            RoundId = RoundId,
            ProjectId = ProjectId,
            ReviewerUserId = ReviewerUserId,
            Comments = comments.Trim(),
            Status = ReviewStatus.Submitted,
            SubmittedAt = at,
            SupersedesId = Id,
            SupersedeReason = reason.Trim(),
        };
        next._scores.AddRange(scores);
        return Result<Review>.Ok(next);
    }

    private static Refusal? CheckScores(ReviewForm form, IReadOnlyList<CriterionScore> scores, bool complete)
    {
        foreach (var score in scores)
        {
            var criterion = form.Criteria.FirstOrDefault(c => c.Key == score.Key);
            if (criterion is null)
            {
                return new Refusal("review.criterion", $"'{score.Key}' is not a criterion of the form '{form.Name}'.");
            }

            if (!criterion.Scale.Accepts(score.Score))
            {
                return new Refusal("review.scale", $"'{criterion.Label}' is scored {criterion.Scale.Min} to {criterion.Scale.Max}; {score.Score} is outside.");
            }
        }

        if (scores.Select(s => s.Key).Distinct().Count() != scores.Count)
        {
            return new Refusal("review.duplicate", "A criterion is scored twice.");
        }

        if (complete && form.Criteria.FirstOrDefault(c => scores.All(s => s.Key != c.Key)) is { } missing)
        {
            return new Refusal("review.incomplete", $"'{missing.Label}' is not scored.");
        }

        return null;
    }

    /// <summary>The reviews of a set that are current: submitted and not superseded by another.</summary>
    public static IReadOnlyList<Review> Current(IEnumerable<Review> reviews)
    {
        var list = reviews.ToList();
        var superseded = list.Where(r => r.SupersedesId is not null).Select(r => r.SupersedesId!.Value).ToHashSet();
        return list.Where(r => r.Status == ReviewStatus.Submitted && !superseded.Contains(r.Id)).ToList();
    }
}
