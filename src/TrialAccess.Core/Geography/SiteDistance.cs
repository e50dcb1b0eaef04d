using TrialAccess.Trials;

namespace TrialAccess.Geography;

/// <summary>A trial site and its great-circle distance from a person.</summary>
/// <param name="Position">Where the site was taken to be: its own coordinates, else the centre of its US ZIP code.</param>
public sealed record SiteDistance(TrialSite Site, double DistanceKm, GeoPoint Position);

/// <summary>Where a trial site is, from its record.</summary>
public static class SitePositions
{
    /// <summary>
    /// The site's coordinates when the record gives them; otherwise, for a site in the United States, the centre of
    /// its ZIP code (<see cref="UsZipCodes"/>); otherwise null (the position is unknown, not far away).
    /// </summary>
    public static GeoPoint? Of(TrialSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (site.Coordinates is { } point)
        {
            return point;
        }

        return PlaceResolver.IsUnitedStates(site.Country) && UsZipCodes.TryFind(site.PostalCode, out var centre) ? centre : null;
    }
}

/// <summary>Distances from a person to the places a trial runs.</summary>
public static class TrialSiteDistances
{
    /// <summary>
    /// The nearest site whose own status is RECRUITING and whose position is known (<see cref="SitePositions.Of"/>),
    /// or null when the trial has none (the distance is then unknown, not infinite: the record may lack positions).
    /// </summary>
    public static SiteDistance? NearestRecruiting(ClinicalTrial trial, GeoPoint from) =>
        Nearest(trial, from, site => site.Status == RecruitmentStatus.Recruiting);

    /// <summary>The nearest site with a known position that <paramref name="open"/> accepts, or null when there is none.</summary>
    public static SiteDistance? Nearest(ClinicalTrial trial, GeoPoint from, Func<TrialSite, bool> open)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(open);
        SiteDistance? nearest = null;
        foreach (var site in trial.Sites)
        {
            if (!open(site) || SitePositions.Of(site) is not { } point)
            {
                continue;
            }

            var distance = point.DistanceKmTo(from);
            if (nearest is null || distance < nearest.DistanceKm)
            {
                nearest = new SiteDistance(site, distance, point);
            }
        }

        return nearest;
    }

    /// <summary>Every site with a known position, nearest first (sites whose position is unknown are left out).</summary>
    public static IReadOnlyList<SiteDistance> ByDistance(ClinicalTrial trial, GeoPoint from)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Sites
            .Select(site => (Site: site, Position: SitePositions.Of(site)))
            .Where(s => s.Position is not null)
            .Select(s => new SiteDistance(s.Site, s.Position!.Value.DistanceKmTo(from), s.Position.Value))
            .OrderBy(s => s.DistanceKm)
            .ToList();
    }
}
