using System.Text.RegularExpressions;

namespace TrialAccess.Recruitment.Sites;

/// <summary>
/// One site of a monitored study: a hospital or research unit (by a site code such as an NHS ODS code), its milestone
/// dates, its own recruitment target and the source of any delay. Milestones change only through
/// <see cref="RecordMilestone"/>, which refuses dates out of order.
/// </summary>
public sealed partial class StudySite
{
    private readonly Dictionary<SiteMilestone, DateOnly> _milestones;

    /// <param name="code">The site's code, unique within the study, 1-32 letters, digits, '-', '_' or '.'; compared without case.</param>
    /// <param name="target">Participants the site should recruit; 0 when the site has no target of its own.</param>
    /// <param name="targetEndDate">When the site should reach its target; null uses the study's target end date.</param>
    public StudySite(string code, string name, int target, IReadOnlyDictionary<SiteMilestone, DateOnly>? milestones = null, DateOnly? targetEndDate = null, DelaySource delaySource = DelaySource.None, string? delayNote = null)
    {
        if (ValidateCode(code) is { } error)
        {
            throw new ArgumentException(error, nameof(code));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(target);
        Code = code;
        Name = string.IsNullOrWhiteSpace(name) ? code : name.Trim();
        Target = target;
        TargetEndDate = targetEndDate;
        DelaySource = delaySource;
        DelayNote = delayNote;
        _milestones = milestones is null ? [] : new Dictionary<SiteMilestone, DateOnly>(milestones);
    }

    public string Code { get; }

    public string Name { get; }

    public int Target { get; private set; }

    public DateOnly? TargetEndDate { get; private set; }

    public DelaySource DelaySource { get; private set; }

    /// <summary>Free text about the delay, as the sponsor or site wrote it; never patient data.</summary>
    public string? DelayNote { get; private set; }

    public IReadOnlyDictionary<SiteMilestone, DateOnly> Milestones => _milestones;

    public DateOnly? Opened => Milestone(SiteMilestone.Opened);

    public DateOnly? Closed => Milestone(SiteMilestone.Closed);

    public DateOnly? Selected => Milestone(SiteMilestone.Selected);

    public DateOnly? Milestone(SiteMilestone milestone) => _milestones.TryGetValue(milestone, out var date) ? date : null;

    /// <summary>Whether the site was open to recruitment on <paramref name="day"/> (opened on or before it, not closed before it).</summary>
    public bool IsOpenOn(DateOnly day) => Opened is { } opened && opened <= day && (Closed is not { } closed || closed >= day);

    /// <summary>
    /// Records a milestone date. Refused when it would come before an earlier milestone already recorded or after a
    /// later one (a site cannot open before it is selected); recording the same date again changes nothing.
    /// </summary>
    public ChangeResult RecordMilestone(SiteMilestone milestone, DateOnly date)
    {
        if (_milestones.TryGetValue(milestone, out var existing) && existing == date)
        {
            return ChangeResult.Unchanged;
        }

        foreach (var (other, otherDate) in _milestones)
        {
            if (other < milestone && otherDate > date)
            {
                return ChangeResult.Refused($"{milestone} on {date:yyyy-MM-dd} would come before {other} on {otherDate:yyyy-MM-dd}.");
            }

            if (other > milestone && otherDate < date)
            {
                return ChangeResult.Refused($"{milestone} on {date:yyyy-MM-dd} would come after {other} on {otherDate:yyyy-MM-dd}.");
            }
        }

        _milestones[milestone] = date;
        return ChangeResult.Changed;
    }

    /// <summary>Sets the site's target and its end date (null: the study's). Refused for a negative target.</summary>
    public ChangeResult SetTarget(int target, DateOnly? targetEndDate)
    {
        if (target < 0)
        {
            return ChangeResult.Refused("A site target cannot be negative (0 means no target).");
        }

        if (target == Target && targetEndDate == TargetEndDate)
        {
            return ChangeResult.Unchanged;
        }

        (Target, TargetEndDate) = (target, targetEndDate);
        return ChangeResult.Changed;
    }

    public ChangeResult RecordDelay(DelaySource source, string? note)
    {
        if (source == DelaySource && note == DelayNote)
        {
            return ChangeResult.Unchanged;
        }

        (DelaySource, DelayNote) = (source, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return ChangeResult.Changed;
    }

    /// <summary>Null when <paramref name="code"/> is a valid site code, else why not.</summary>
    public static string? ValidateCode(string? code) =>
        code is not null && SiteCodePattern().IsMatch(code) ? null : $"'{code}' is not a site code (1-32 letters, digits, '-', '_' or '.').";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex SiteCodePattern();
}
