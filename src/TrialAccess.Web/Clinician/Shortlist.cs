using System.Globalization;
using TrialAccess.Matching;
using TrialAccess.Trials;

namespace TrialAccess.Web.Clinician;

/// <summary>One trial of a shortlist: what a clinician takes away to discuss or to contact the site.</summary>
/// <param name="NearestSite">The nearest recruiting site (facility and place), when a place was given and one is known.</param>
public sealed record ShortlistEntry(
    int Rank,
    NctId NctId,
    string Title,
    string Verdict,
    string Status,
    string? NearestSite,
    double? DistanceKm,
    IReadOnlyList<string> NotMet,
    IReadOnlyList<string> Presumed,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Questions);

/// <summary>
/// The trials a clinician keeps from a match, in rank order: the ones ticked, or else the whole list shown. Built from
/// the match report alone, so the CSV and the PDF say the same thing as the page.
/// </summary>
/// <param name="Near">The place distances are measured from, as the clinician typed it.</param>
public sealed record Shortlist(DateOnly Date, string? Near, IReadOnlyList<ShortlistEntry> Entries)
{
    public static Shortlist From(MatchReport report, IReadOnlyCollection<string> selected, DateOnly date, string? near)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(selected);
        var kept = report.Trials.Where(t => selected.Count == 0 || selected.Contains(t.NctId.ToString()));
        return new Shortlist(date, near, [.. kept.Select(Entry)]);
    }

    private static ShortlistEntry Entry(MatchedTrialReport trial)
    {
        var checklist = CriteriaChecklist.Of(trial);
        var site = trial.NearestRecruitingSite;
        return new ShortlistEntry(
            trial.Rank,
            trial.NctId,
            trial.Title,
            CriteriaChecklist.Verdict(trial.Verdict),
            trial.Status,
            site is null ? null : SiteName(site),
            site?.DistanceKm,
            [.. checklist.NotMet.Select(c => c.Text)],
            [.. checklist.Presumed.Select(c => $"{c.Text} ({CriteriaChecklist.Reading(c)})")],
            [.. checklist.Unknown.Select(c => c.Text)],
            trial.Questions);
    }

    /// <summary>"Facility, City, State, Country", leaving out what the record does not give.</summary>
    public static string SiteName(NearestSiteReport site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return string.Join(", ", new[] { site.Facility, site.City, site.State, site.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// <summary>A distance in km as the shortlist prints it ("12.3").</summary>
    public static string Km(double? km) => km is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "";
}
