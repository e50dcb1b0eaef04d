using TrialAccess.Recruitment.Sites;

namespace TrialAccess.Recruitment.Studies;

/// <summary>
/// A study whose recruitment a trials office monitors: its target (participants to recruit), the period it plans to
/// recruit in, and its sites.
/// </summary>
/// <param name="Target">Participants the study plans to recruit across all sites; 0 when no target is set (figures against target are then not assessed, never divided by zero).</param>
/// <param name="RecruitmentStart">The first day of planned recruitment (inclusive): the start of the study's time clock.</param>
/// <param name="TargetEndDate">The day recruitment should be complete (inclusive): the end of the study's time clock.</param>
/// <param name="PlannedSites">How many sites the study plans to open; null counts the sites listed.</param>
public sealed record MonitoredStudy(
    StudyKey Key,
    string Title,
    int Target,
    DateOnly RecruitmentStart,
    DateOnly TargetEndDate,
    IReadOnlyList<StudySite> Sites,
    int? PlannedSites = null)
{
    /// <summary>Checks the invariants a stored or imported study must hold; null when it holds them.</summary>
    public static string? Validate(string title, int target, DateOnly start, DateOnly end, int? plannedSites)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "A study needs a title.";
        }

        if (target < 0)
        {
            return "The target cannot be negative (0 means no target set).";
        }

        if (end <= start)
        {
            return $"The target end date ({end:yyyy-MM-dd}) must come after the recruitment start ({start:yyyy-MM-dd}).";
        }

        return plannedSites is < 0 ? "The number of planned sites cannot be negative." : null;
    }

    public int PlannedSiteCount => PlannedSites ?? Sites.Count;

    public StudySite? Site(string code) => Sites.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}
