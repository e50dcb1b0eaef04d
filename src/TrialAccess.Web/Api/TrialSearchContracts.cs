using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using TrialAccess.Geography;
using TrialAccess.Trials;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Api;

/// <summary>A trial search as a JSON body (<c>POST /api/trials/search</c>); the same fields as the query of <c>GET /api/trials</c>.</summary>
public sealed record TrialSearchRequest
{
    [Description("Words to find (all of them) in the title, conditions, keywords, interventions, summary or criteria.")]
    public string? Q { get; init; }

    [Description("Overall statuses to keep, e.g. RECRUITING, NOT_YET_RECRUITING. Empty keeps all.")]
    public IReadOnlyList<string>? Status { get; init; }

    [Description("Phases to keep (any of them): EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA. Empty keeps all.")]
    public IReadOnlyList<string>? Phase { get; init; }

    [Description("Words that must all occur in the trial's conditions or keywords, e.g. 'breast cancer'.")]
    public string? Condition { get; init; }

    [Description("Where the person is: 'lat,lon', a US ZIP code ('02115') or a place ('Boston', 'Boston, MA', 'Lyon, France'). Results are then nearest first.")]
    public string? Near { get; init; }

    [Description("With near: keep only trials with a RECRUITING site within this many kilometres (trials whose distance is unknown are left out).")]
    public double? RadiusKm { get; init; }

    [Description("The person's age in years: keep trials whose age limits admit it.")]
    public double? Age { get; init; }

    [Description("Most trials to return, 1-100 (default 20).")]
    public int? Limit { get; init; }
}

/// <summary>The query string of <c>GET /api/trials</c>; numbers arrive as text so that a bad value is reported by name.</summary>
public sealed record TrialSearchQueryParameters
{
    [FromQuery(Name = "q"), Description("Words to find (all of them) in the title, conditions, keywords, interventions, summary or criteria.")]
    public string? Q { get; init; }

    [FromQuery(Name = "status"), Description("Overall statuses to keep, repeated or comma-separated: RECRUITING, NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING, COMPLETED, ...")]
    public string[]? Status { get; init; }

    [FromQuery(Name = "phase"), Description("Phases to keep (any of them), repeated or comma-separated: EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA.")]
    public string[]? Phase { get; init; }

    [FromQuery(Name = "condition"), Description("Words that must all occur in the trial's conditions or keywords.")]
    public string? Condition { get; init; }

    [FromQuery(Name = "near"), Description("'lat,lon' or a place ('Boston', 'Boston, MA', 'Lyon, France'). Results are then nearest first.")]
    public string? Near { get; init; }

    [FromQuery(Name = "radiusKm"), Description("With near: a number of kilometres; keep only trials with a RECRUITING site that close.")]
    public string? RadiusKm { get; init; }

    [FromQuery(Name = "age"), Description("The person's age in years (0-130).")]
    public string? Age { get; init; }

    [FromQuery(Name = "limit"), Description("Most trials to return: an integer 1-100 (default 20).")]
    public string? Limit { get; init; }
}

/// <summary>The answer to a trial search.</summary>
/// <param name="Origin">The place distances are measured from, as understood; null without <c>near</c>.</param>
/// <param name="Count">Number of trials returned.</param>
public sealed record TrialSearchResponse(SearchOrigin? Origin, int Count, IReadOnlyList<TrialSummary> Trials);

/// <param name="Query">The <c>near</c> value as given.</param>
/// <param name="ResolvedAs">What it was taken to mean, e.g. "Boston, MA, United States".</param>
public sealed record SearchOrigin(string Query, string ResolvedAs, double Latitude, double Longitude, double? RadiusKm);

/// <summary>One trial in a search result.</summary>
/// <param name="OverallStatus">API v2 spelling, e.g. RECRUITING.</param>
/// <param name="Score">Relevance to the words searched (higher is better; compares only within one search); null without words.</param>
/// <param name="NearestRecruitingSite">With <c>near</c>: the closest site whose own status is RECRUITING and which has coordinates.</param>
/// <param name="DistanceUnknown">With <c>near</c>: why no distance could be given (no recruiting site with coordinates); null otherwise.</param>
public sealed record TrialSummary(
    string NctId,
    string BriefTitle,
    string OverallStatus,
    IReadOnlyList<string> Phases,
    IReadOnlyList<string> Conditions,
    double? Score,
    NearestSite? NearestRecruitingSite,
    string? DistanceUnknown);

/// <param name="DistanceKm">Great-circle distance from the search origin, rounded to 0.1 km.</param>
public sealed record NearestSite(string? Facility, string? City, string? State, string? Country, double Latitude, double Longitude, double DistanceKm);

/// <summary>Checks a search request and turns it into a <see cref="TrialFilter"/>, naming each field at fault.</summary>
internal static class TrialSearchValidation
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 20;
    private const int MaxTextLength = 500;

    public static TrialSearchRequest FromQuery(TrialSearchQueryParameters query, Dictionary<string, string[]> errors) => new()
    {
        Q = query.Q,
        Status = SplitList(query.Status),
        Phase = SplitList(query.Phase),
        Condition = query.Condition,
        Near = query.Near,
        RadiusKm = ParseNumber(query.RadiusKm, "radiusKm", errors),
        Age = ParseNumber(query.Age, "age", errors),
        Limit = ParseInteger(query.Limit, "limit", errors),
    };

    public static (TrialFilter? Filter, SearchOrigin? Origin) Validate(TrialSearchRequest request, PlaceResolver places, Dictionary<string, string[]> errors)
    {
        CheckLength(request.Q, "q", errors);
        CheckLength(request.Condition, "condition", errors);
        CheckLength(request.Near, "near", errors);

        var statuses = new List<RecruitmentStatus>();
        foreach (var text in request.Status ?? [])
        {
            if (RegistryVocabulary.TryParseStatus(text, out var status))
            {
                statuses.Add(status);
            }
            else
            {
                Add(errors, "status", $"'{Shorten(text)}' is not a recruitment status. Use one of: {string.Join(", ", Enum.GetValues<RecruitmentStatus>().Where(s => s != RecruitmentStatus.NotStated).Select(s => s.ToApiName()))}.");
            }
        }

        var phases = new List<TrialPhase>();
        foreach (var text in request.Phase ?? [])
        {
            if (!string.IsNullOrWhiteSpace(text) && RegistryVocabulary.TryParsePhases(text, out var parsed))
            {
                phases.AddRange(parsed);
            }
            else
            {
                Add(errors, "phase", $"'{Shorten(text)}' is not a phase. Use one of: EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA.");
            }
        }

        if (request.Limit is { } limit && limit is < 1 or > MaxLimit)
        {
            Add(errors, "limit", $"limit must be between 1 and {MaxLimit}.");
        }

        if (request.Age is { } age && (double.IsNaN(age) || age is < 0 or > 130))
        {
            Add(errors, "age", "age must be a number of years between 0 and 130.");
        }

        if (request.RadiusKm is { } radius && (double.IsNaN(radius) || radius is <= 0 or > 20_050))
        {
            Add(errors, "radiusKm", "radiusKm must be a number of kilometres greater than 0 and at most 20050.");
        }

        if (request.RadiusKm is not null && string.IsNullOrWhiteSpace(request.Near))
        {
            Add(errors, "radiusKm", "radiusKm needs near: say where the distance is measured from.");
        }

        GeoPoint? near = null;
        SearchOrigin? origin = null;
        if (!string.IsNullOrWhiteSpace(request.Near) && !errors.ContainsKey("near"))
        {
            var resolution = places.Resolve(request.Near);
            if (resolution.IsResolved)
            {
                near = resolution.Point;
                origin = new SearchOrigin(request.Near.Trim(), resolution.Description!, resolution.Point.Latitude, resolution.Point.Longitude, request.RadiusKm);
            }
            else
            {
                Add(errors, "near", resolution.Error!);
            }
        }

        if (errors.Count > 0)
        {
            return (null, null);
        }

        var filter = new TrialFilter
        {
            Texts = string.IsNullOrWhiteSpace(request.Q) ? [] : [request.Q],
            Condition = string.IsNullOrWhiteSpace(request.Condition) ? null : request.Condition,
            Statuses = statuses.Distinct().ToList(),
            Phases = phases.Distinct().ToList(),
            Near = near,
            RadiusKm = request.RadiusKm,
            AgeYears = request.Age,
            Limit = request.Limit ?? DefaultLimit,
        };
        return (filter, origin);
    }

    public static TrialSummary Summarize(FoundTrial found, bool hasOrigin)
    {
        var trial = found.Trial;
        var site = found.NearestRecruitingSite;
        return new TrialSummary(
            trial.NctId.Value,
            trial.BriefTitle,
            trial.OverallStatus.ToApiName(),
            trial.Phases.Select(p => p.ToApiName()).ToList(),
            trial.Conditions,
            found.Score is { } score ? Math.Round(score, 4) : null,
            site is null ? null : new NearestSite(site.Site.Facility, site.Site.City, site.Site.State, site.Site.Country, site.Position.Latitude, site.Position.Longitude, Math.Round(site.DistanceKm, 1)),
            hasOrigin && site is null ? "No recruiting site of this trial has coordinates, so the distance is unknown." : null);
    }

    public static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    private static List<string>? SplitList(string[]? values) =>
        values?.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static double? ParseNumber(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Add(errors, field, $"{field} must be a number, like 100 or 42.5.");
        return null;
    }

    private static int? ParseInteger(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Add(errors, field, $"{field} must be a whole number.");
        return null;
    }

    private static void CheckLength(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is { Length: > MaxTextLength })
        {
            Add(errors, field, $"{field} is longer than {MaxTextLength} characters.");
        }
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "...";
}
