using TrialAccess.Trials;

namespace TrialAccess.Geography;

/// <summary>A trial site and its great-circle distance from a person.</summary>
public sealed record SiteDistance(TrialSite Site, double DistanceKm);

/// <summary>Distances from a person to the places a trial runs.</summary>
public static class TrialSiteDistances
{
    /// <summary>
    /// The nearest site whose own status is RECRUITING and which has coordinates, or null when the trial has none
    /// (the distance is then unknown, not infinite: the record may simply lack coordinates).
    /// </summary>
    public static SiteDistance? NearestRecruiting(ClinicalTrial trial, GeoPoint from) =>
        Nearest(trial, from, site => site.Status == RecruitmentStatus.Recruiting);

    /// <summary>The nearest site with coordinates that <paramref name="open"/> accepts, or null when there is none.</summary>
    public static SiteDistance? Nearest(ClinicalTrial trial, GeoPoint from, Func<TrialSite, bool> open)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(open);
        SiteDistance? nearest = null;
        foreach (var site in trial.Sites)
        {
            if (site.Coordinates is not { } point || !open(site))
            {
                continue;
            }

            var distance = point.DistanceKmTo(from);
            if (nearest is null || distance < nearest.DistanceKm)
            {
                nearest = new SiteDistance(site, distance);
            }
        }

        return nearest;
    }

    /// <summary>Every site with coordinates, nearest first (sites without coordinates are left out).</summary>
    public static IReadOnlyList<SiteDistance> ByDistance(ClinicalTrial trial, GeoPoint from)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Sites
            .Where(site => site.Coordinates is not null)
            .Select(site => new SiteDistance(site, site.Coordinates!.Value.DistanceKmTo(from)))
            .OrderBy(s => s.DistanceKm)
            .ToList();
    }
}
