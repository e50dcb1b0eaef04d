namespace TrialAccess.Pipeline.Review;

/// <summary>
/// A scoring scale: whole numbers from <see cref="Min"/> to <see cref="Max"/> (both inclusive); yes/no is 0 (no) and
/// 1 (yes). <see cref="LowerIsBetter"/> says which end is good (NIH's 1-9: 1 is exceptional).
/// </summary>
public sealed record Scale(string Name, int Min, int Max, bool LowerIsBetter)
{
    /// <summary>NIH-style 1 (exceptional) to 9 (poor).</summary>
    public static Scale OneToNine { get; } = new("1-9", 1, 9, LowerIsBetter: true);

    /// <summary>1 (poor) to 5 (excellent).</summary>
    public static Scale OneToFive { get; } = new("1-5", 1, 5, LowerIsBetter: false);

    /// <summary>0 = no, 1 = yes.</summary>
    public static Scale YesNo { get; } = new("yes/no", 0, 1, LowerIsBetter: false);

    public bool Accepts(int score) => score >= Min && score <= Max;

    /// <summary>A score turned to 0 (worst) .. 1 (best), to compare criteria on different scales.</summary>
    public double Normalise(double score)
    {
        var fraction = Max == Min ? 1 : (score - Min) / (Max - Min);
        return LowerIsBetter ? 1 - fraction : fraction;
    }

    /// <summary>The scale named <paramref name="name"/> (<c>1-9</c>, <c>1-5</c>, <c>yes/no</c>), or null.</summary>
    public static Scale? Named(string? name) => name switch
    {
        "1-9" => OneToNine,
        "1-5" => OneToFive,
        "yes/no" => YesNo,
        _ => null,
    };
}

/// <summary>One criterion of a review form, with its own scale.</summary>
/// <param name="Key">A stable key for the score (<c>rationale</c>).</param>
public sealed record FormCriterion(string Key, string Label, Scale Scale);

/// <summary>
/// The form of a review round: the criteria scored, each on its own scale, and whether a comment is required. A round
/// carries its form, so changing the standard forms never changes past rounds.
/// </summary>
public sealed record ReviewForm(string Name, IReadOnlyList<FormCriterion> Criteria, bool CommentRequired)
{
    /// <summary>The centre's internal assessment: 1-5 on the NAC criteria.</summary>
    public static ReviewForm InternalAssessment { get; } = new("Internal assessment",
    [
        new("rationale", "Scientific rationale and importance", Scale.OneToFive),
        new("novelty", "Novelty of the target or agent", Scale.OneToFive),
        new("clinical-need", "Clinical need", Scale.OneToFive),
        new("data-quality", "Quality of data in relevant models", Scale.OneToFive),
        new("recommend", "Send to external review", Scale.YesNo),
    ], CommentRequired: true);

    /// <summary>External peer review: NIH-style 1-9 (1 is exceptional).</summary>
    public static ReviewForm ExternalReview { get; } = new("External peer review",
    [
        new("overall", "Overall impact", Scale.OneToNine),
        new("rationale", "Scientific rationale", Scale.OneToNine),
        new("novelty", "Novelty", Scale.OneToNine),
        new("trial", "Significance of the proposed trial and its endpoints", Scale.OneToNine),
        new("data-quality", "Quality of data in relevant models", Scale.OneToNine),
    ], CommentRequired: true);

    /// <summary>A committee member's vote: support or not.</summary>
    public static ReviewForm CommitteeVote { get; } = new("Committee vote",
    [
        new("support", "Support the project", Scale.YesNo),
    ], CommentRequired: false);

    /// <summary>The standard form for a kind of round.</summary>
    public static ReviewForm For(RoundKind kind) => kind switch
    {
        RoundKind.InternalAssessment => InternalAssessment,
        RoundKind.ExternalReview => ExternalReview,
        RoundKind.Committee => CommitteeVote,
    };
}
