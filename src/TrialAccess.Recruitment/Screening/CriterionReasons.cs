using System.Globalization;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;

namespace TrialAccess.Recruitment.Screening;

/// <summary>
/// Turns a reason as a screening log writes it into a <see cref="ScreeningReason"/>, tied to the trial's parsed
/// criteria where possible: "I3", "inclusion 3", "E12", "exclusion 12" name a criterion by position; text that equals
/// (or is contained in) exactly one criterion names that one; anything else stays a reason in words.
/// </summary>
public sealed partial class CriterionReasons
{
    private readonly IReadOnlyList<CriterionSegment> _criteria;

    /// <param name="eligibility">The trial's criteria as <see cref="TrialCriteriaParser"/> parsed them; null when the study is not a registry trial (or not in the database): every reason then stays in words.</param>
    public CriterionReasons(ParsedEligibility? eligibility) =>
        _criteria = eligibility?.Criteria.Select(c => c.Segment).ToList() ?? [];

    public static CriterionReasons None { get; } = new(null);

    public IReadOnlyList<CriterionSegment> Criteria => _criteria;

    /// <summary>The reason for <paramref name="text"/>; null for empty text. A position the trial does not have is kept as written.</summary>
    public ScreeningReason? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var position = PositionPattern().Match(trimmed);
        if (position.Success)
        {
            var role = char.ToUpperInvariant(position.Groups["role"].Value[0]) == 'I' ? CriterionRole.Inclusion : CriterionRole.Exclusion;
            var index = int.Parse(position.Groups["index"].Value, CultureInfo.InvariantCulture);
            var criterion = _criteria.FirstOrDefault(c => c.Role == role && c.Index == index);
            if (criterion is not null)
            {
                return new ScreeningReason(criterion.Position, ScreeningReason.Truncate(criterion.Text));
            }

            var rest = position.Groups["rest"].Value.Trim(' ', ':', '-', '—');
            var positionText = $"{(role == CriterionRole.Inclusion ? "inclusion" : "exclusion")} {index}";
            return _criteria.Count == 0
                ? new ScreeningReason(positionText, ScreeningReason.Truncate(rest.Length > 0 ? rest : positionText))
                : ScreeningReason.Other(trimmed);
        }

        var matches = _criteria.Where(c => c.Text.Contains(trimmed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 && trimmed.Length >= 8
            ? new ScreeningReason(matches[0].Position, ScreeningReason.Truncate(matches[0].Text))
            : ScreeningReason.Other(trimmed);
    }

    [GeneratedRegex(@"^(?<role>inclusion|exclusion|I|E)\s*#?\s*(?<index>\d{1,3})\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PositionPattern();
}
