namespace TrialAccess.Recruitment.Screening;

/// <summary>
/// Why a participant did not go on: the criterion that failed (by its position in the trial's parsed criteria,
/// "inclusion 3" or "exclusion 12", with its text) or, where no criterion fits, the reason in words.
/// </summary>
/// <param name="CriterionPosition">"inclusion N" or "exclusion N" as <c>CriterionSegment.Position</c> gives it; null for a reason that is not a criterion (declined, lost to follow-up).</param>
/// <param name="Text">The criterion's text as published, or the reason as written; at most <see cref="MaxTextLength"/> characters.</param>
public sealed record ScreeningReason(string? CriterionPosition, string Text)
{
    public const int MaxTextLength = 500;

    /// <summary>The key reasons are counted under: the criterion position when there is one, else the text.</summary>
    public string Key => CriterionPosition ?? Text;

    public static ScreeningReason Other(string text) => new(null, Truncate(text));

    /// <summary>The text trimmed and cut to <see cref="MaxTextLength"/> characters.</summary>
    public static string Truncate(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxTextLength ? trimmed : trimmed[..(MaxTextLength - 1)] + "…";
    }
}
