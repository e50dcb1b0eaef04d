using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrialAccess.Web.Hosting;
using TrialAccess.Trials;
using TrialAccess.Web.Patients;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Pages;

/// <summary>The patient search: a cancer type, an age and a place give the recruiting trials nearby, nearest first.</summary>
[EnableRateLimiting(RateLimiting.PagePolicy)]
public sealed class IndexModel : PageModel, IFormErrors
{
    public static IReadOnlyList<(string Value, string Label)> Distances { get; } =
    [
        ("50", "Up to 50 km (30 miles)"),
        ("100", "Up to 100 km (60 miles)"),
        ("250", "Up to 250 km (150 miles)"),
        ("500", "Up to 500 km (300 miles)"),
        ("1000", "Up to 1,000 km (600 miles)"),
        ("any", "Any distance"),
    ];

    private readonly TrialFinder _finder;
    private readonly PlaceDirectory _places;

    public IndexModel(TrialFinder finder, PlaceDirectory places)
    {
        _finder = finder;
        _places = places;
    }

    [BindProperty(SupportsGet = true)]
    public string? Cancer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Age { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Distance { get; set; }

    public bool Searched { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Origin { get; private set; }

    public string CancerLabel { get; private set; } = string.Empty;

    public IReadOnlyList<FoundTrial> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Distance = Distances.Any(d => d.Value == Distance) ? Distance : "250";
        if (Cancer is null && Place is null && Age is null)
        {
            return;
        }

        Searched = true;
        var type = CancerTypes.Find(Cancer);
        if (type is null)
        {
            Errors["cancer"] = "Please choose a type of cancer from the list.";
        }

        double? age = null;
        if (!string.IsNullOrWhiteSpace(Age))
        {
            if (int.TryParse(Age, NumberStyles.Integer, CultureInfo.InvariantCulture, out var years) && years is >= 0 and <= 120)
            {
                age = years;
            }
            else
            {
                Errors["age"] = "Please give your age as a whole number of years, such as 54.";
            }
        }

        var place = await _places.ResolveAsync(Place, cancellationToken);
        Origin = place?.Description;
        if (place is { IsResolved: false })
        {
            Errors["place"] = $"We could not find that place. {place.Error}";
        }
        else if (place is null && Distance != "any")
        {
            Errors["place"] = "Please type your town or city (or choose \"Any distance\").";
        }

        if (Errors.Count > 0 || type is null)
        {
            return;
        }

        CancerLabel = type.Label;
        Results = await _finder.FindAsync(
            new TrialFilter
            {
                Texts = type.Searches,
                TextsNameTheCondition = true,
                Statuses = [RecruitmentStatus.Recruiting],
                Near = place?.Point,
                RadiusKm = Distance == "any" ? null : double.Parse(Distance!, CultureInfo.InvariantCulture),
                AgeYears = age,
                Limit = 50,
            },
            cancellationToken);
    }

    /// <summary>The trial page, carrying this search so that it can show distances and link back.</summary>
    public string TrialLink(NctId id) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/trials/{id}", new Dictionary<string, string?>
    {
        ["cancer"] = Cancer,
        ["age"] = string.IsNullOrWhiteSpace(Age) ? null : Age,
        ["place"] = string.IsNullOrWhiteSpace(Place) ? null : Place,
        ["distance"] = Distance,
    });
}
