using TrialAccess.Pipeline.Common;

namespace TrialAccess.Pipeline.Review;

/// <summary>The kinds of review round a nomination goes through.</summary>
public enum RoundKind
{
    InternalAssessment,
    ExternalReview,
    Committee,
}

/// <summary>The kinds of assignment (HotCRP's primary/secondary/external).</summary>
public enum AssignmentType
{
    /// <summary>The centre's internal assessor.</summary>
    Assessor,
    Primary,
    Secondary,
    External,
}

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>
/// A review round on a project: its kind, its own form and scales, whether it is blind (the applicant's identity
/// hidden from reviewers), and whether its reviews have been released to the applicant (comments only, reviewers
/// never named).
/// </summary>
public sealed class ReviewRound
{
    private ReviewRound()
    {
        Form = ReviewForm.CommitteeVote;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public RoundKind Kind { get; private set; }

    public ReviewForm Form { get; private set; }

    /// <summary>Whether reviewers see the nomination without the applicant's identity.</summary>
    public bool Blind { get; private set; }

    public RoundStatus Status { get; private set; }

    public bool ReleasedToApplicant { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public static ReviewRound Open(Guid id, Guid projectId, RoundKind kind, ReviewForm form, bool blind, DateTimeOffset at) =>
        new() { Id = id, ProjectId = projectId, Kind = kind, Form = form, Blind = blind, Status = RoundStatus.Open, OpenedAt = at };

    /// <summary>Closes the round: no more reviews are accepted.</summary>
    public Refusal? Close()
    {
        if (Status == RoundStatus.Closed)
        {
            return new Refusal("round.closed", "The round is already closed.");
        }

        Status = RoundStatus.Closed;
        return null;
    }

    /// <summary>Releases the round's review comments to the applicant; only a closed round can be released.</summary>
    public Refusal? Release()
    {
        if (Status != RoundStatus.Closed)
        {
            return new Refusal("round.open", "Close the round before releasing its reviews.");
        }

        ReleasedToApplicant = true;
        return null;
    }
}

/// <summary>A person asked to review a project in a round, with the type of assignment.</summary>
public sealed class ReviewAssignment
{
    private ReviewAssignment()
    {
        UserId = "";
        AssignedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public Guid ProjectId { get; private set; }

    public string UserId { get; private set; }

    public AssignmentType Type { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public string AssignedBy { get; private set; }

    /// <summary>
    /// Assigns <paramref name="userId"/>: refused when the round is closed, when the person is conflicted on the
    /// project (see <see cref="Conflicts.ConflictDetector"/>), or when the type does not fit the round.
    /// </summary>
    public static Result<ReviewAssignment> Make(Guid id, ReviewRound round, string userId, AssignmentType type, bool conflicted, string assignedBy, DateTimeOffset at)
    {
        if (round.Status == RoundStatus.Closed)
        {
            return Result<ReviewAssignment>.Refuse("assignment.round-closed", "The round is closed.");
        }

        if (conflicted)
        {
            return Result<ReviewAssignment>.Refuse("assignment.conflict", "This person has a conflict of interest on the project and cannot be assigned.");
        }

        if ((round.Kind == RoundKind.InternalAssessment) != (type == AssignmentType.Assessor))
        {
            return Result<ReviewAssignment>.Refuse("assignment.type", $"A {type} assignment does not fit a {round.Kind} round.");
        }

        return Result<ReviewAssignment>.Ok(new ReviewAssignment
        {
            Id = id,
            RoundId = round.Id,
            ProjectId = round.ProjectId,
            UserId = userId,
            Type = type,
            AssignedAt = at,
            AssignedBy = assignedBy,
        });
    }
}
