using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Geography;
using TrialAccess.Ingestion;
using TrialAccess.Trials;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Pages.Trials;

/// <summary>One trial in plain words: what it tests, where (nearest first when a place is given), and who to contact.</summary>
public sealed class TrialModel(ITrialStore store, PlaceDirectory places) : PageModel
{
    /// <summary>A site and its distance from the person's place, when one was given.</summary>
    public sealed record SiteView(TrialSite Site, double? DistanceKm);

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cancer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Age { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Distance { get; set; }

    public ClinicalTrial? Trial { get; private set; }

    public string? Origin { get; private set; }

    public string? PlaceError { get; private set; }

    public IReadOnlyList<SiteView> Sites { get; private set; } = [];

    /// <summary>The search this page was reached from (its query travels in the link), or the empty search page.</summary>
    public string BackLink => Cancer is null ? "/" : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/", new Dictionary<string, string?>
    {
        ["cancer"] = Cancer,
        ["age"] = Age,
        ["place"] = Place,
        ["distance"] = Distance,
    });

    public async Task<IActionResult> OnGetAsync(string nctId, CancellationToken cancellationToken)
    {
        if (!NctId.TryParse(nctId, out var id) || await store.FindAsync(id, cancellationToken) is not { } trial)
        {
            return NotFound();
        }

        Trial = trial;
        var place = await places.ResolveAsync(Place, cancellationToken);
        Origin = place?.Description;
        PlaceError = place is { IsResolved: false } ? place.Error : null;
        GeoPoint? near = place is { IsResolved: true } ? place.Point : null;

        Sites = trial.Sites
            .Select(site => new SiteView(site, near is { } from && SitePositions.Of(site) is { } at ? at.DistanceKmTo(from) : null))
            .OrderBy(s => s.Site.Status == RecruitmentStatus.Recruiting ? 0 : 1)
            .ThenBy(s => s.DistanceKm ?? double.MaxValue)
            .ToList();
        return Page();
    }
}
