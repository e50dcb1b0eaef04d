using System.Globalization;
using System.Text;
using TrialAccess.Trials;

namespace TrialAccess.Geography;

/// <summary>
/// Turns what a person types for "where" into a point: coordinates (<c>42.36,-71.06</c>), a US ZIP code (<c>02115</c>,
/// <c>02115-5450</c>: the centre of its area, from <see cref="UsZipCodes"/>), a city (<c>Boston</c>), or a city
/// qualified by a state, province or country (<c>Boston, MA</c>, <c>London, Ontario</c>, <c>Lyon, France</c>).
/// </summary>
/// <remarks>
/// Matching ignores case, accents and punctuation. The curated <see cref="Gazetteer"/> comes first; places added with
/// <see cref="With"/> (for example the cities of stored trial sites) only fill gaps, so a site record with odd
/// coordinates never moves a well-known city. An unqualified name that several places share resolves to the first
/// one listed; the result says how many others there were. Instances are immutable and safe to share.
/// </remarks>
public sealed class PlaceResolver
{
    private readonly Dictionary<string, List<KnownPlace>> _byName;

    private PlaceResolver(Dictionary<string, List<KnownPlace>> byName) => _byName = byName;

    /// <summary>A resolver over the curated gazetteer only.</summary>
    public static PlaceResolver Default => DefaultInstance.Value;

    private static readonly Lazy<PlaceResolver> DefaultInstance = new(() => new PlaceResolver([]).With(Gazetteer.Places));

    /// <summary>Number of distinct names (and aliases) known.</summary>
    public int NameCount => _byName.Count;

    /// <summary>A new resolver that also knows <paramref name="places"/>; places already known by name and country are ignored.</summary>
    public PlaceResolver With(IEnumerable<KnownPlace> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var byName = _byName.ToDictionary(pair => pair.Key, pair => new List<KnownPlace>(pair.Value), StringComparer.Ordinal);
        foreach (var place in places)
        {
            foreach (var name in place.Aliases.Prepend(place.Name))
            {
                var key = Fold(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = [];
                }

                var country = CountryKey(place.Country);
                var sameRegion = RegionKeys(place.Region);
                if (!list.Any(known => CountryKey(known.Country) == country && (known.Region is null || place.Region is null || RegionKeys(known.Region).Overlaps(sameRegion))))
                {
                    list.Add(place);
                }
            }
        }

        return new PlaceResolver(byName);
    }

    /// <summary>A new resolver that also knows the cities of these trial sites that carry coordinates.</summary>
    public PlaceResolver WithSites(IEnumerable<TrialSite> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return With(sites
            .Where(site => site.Coordinates is not null && !string.IsNullOrWhiteSpace(site.City) && !string.IsNullOrWhiteSpace(site.Country))
            .Select(site => new KnownPlace(site.City!.Trim(), string.IsNullOrWhiteSpace(site.State) ? null : site.State.Trim(), site.Country!.Trim(), site.Coordinates!.Value.Latitude, site.Coordinates.Value.Longitude)));
    }

    /// <summary>Resolves <paramref name="text"/>; never throws for bad input.</summary>
    public PlaceResolution Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PlaceResolution.Failure("No place was given.");
        }

        var trimmed = text.Trim();
        if (TryParseCoordinates(trimmed, out var coordinates, out var coordinateError))
        {
            return coordinateError is null
                ? PlaceResolution.Success(coordinates, string.Create(CultureInfo.InvariantCulture, $"{coordinates.Latitude:0.####}, {coordinates.Longitude:0.####}"), null, 0)
                : PlaceResolution.Failure(coordinateError);
        }

        if (UsZipCodes.TryParse(trimmed, out var zip))
        {
            var code = zip.ToString("D5", CultureInfo.InvariantCulture);
            return UsZipCodes.TryFind(trimmed, out var centre)
                ? PlaceResolution.Success(centre, $"ZIP code {code}, United States", null, 0)
                : PlaceResolution.Failure($"ZIP code {code} is not a US ZIP code with an area (PO-box-only codes have none). Try a nearby ZIP code or the town.");
        }

        var parts = trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !_byName.TryGetValue(Fold(parts[0]), out var candidates))
        {
            return PlaceResolution.Failure(
                $"No place called '{(parts.Length == 0 ? trimmed : parts[0])}' is known. Try the nearest large city, add the country (\"Lyon, France\"), or give coordinates (\"45.76,4.84\").");
        }

        var qualifiers = parts.Skip(1).ToList();
        var matching = candidates.Where(place => qualifiers.All(q => Qualifies(place, q))).ToList();
        if (matching.Count == 0)
        {
            var known = string.Join("; ", candidates.Select(c => c.Describe()));
            return PlaceResolution.Failure($"'{parts[0]}' is known, but not in '{string.Join(", ", qualifiers)}'. Known: {known}.");
        }

        var chosen = matching[0];
        return PlaceResolution.Success(chosen.Point, chosen.Describe(), chosen, matching.Count - 1);
    }

    private static bool TryParseCoordinates(string text, out GeoPoint point, out string? error)
    {
        point = default;
        error = null;
        var separators = new[] { ',', ';', ' ' };
        var parts = text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            return false;
        }

        if (!GeoPoint.IsValid(latitude, longitude) || double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            error = "Coordinates must be 'latitude,longitude' with latitude in [-90, 90] and longitude in [-180, 180].";
            return true;
        }

        point = new GeoPoint(latitude, longitude);
        return true;
    }

    /// <summary>Whether a country as records write it ("United States", "USA", "U.S.") is the United States.</summary>
    public static bool IsUnitedStates(string? country) =>
        !string.IsNullOrWhiteSpace(country) && CountryKey(country) == "united states";

    private static bool Qualifies(KnownPlace place, string qualifier)
    {
        var key = Fold(qualifier);
        return CountryKey(qualifier) == CountryKey(place.Country) || RegionKeys(place.Region).Contains(key) || RegionKeys(qualifier).Overlaps(RegionKeys(place.Region));
    }

    private static string CountryKey(string country)
    {
        var key = Fold(country);
        return CountryAliases.TryGetValue(key, out var canonical) ? canonical : key;
    }

    private static HashSet<string> RegionKeys(string? region)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(region))
        {
            return keys;
        }

        var key = Fold(region);
        keys.Add(key);
        if (RegionCodes.TryGetValue(key, out var code))
        {
            keys.Add(code);
        }

        return keys;
    }

    /// <summary>Lower case, accents removed, every run of non-alphanumerics one space.</summary>
    /// <remarks>
    /// Accents are removed by <see cref="Vocabulary.Spelling.WithoutDiacritics"/>: <c>string.Normalize</c> returns the text
    /// unchanged under the invariant globalisation these hosts run in, so "São Paulo" had not met "Sao Paulo".
    /// </remarks>
    internal static string Fold(string text)
    {
        var unaccented = Vocabulary.Spelling.WithoutDiacritics(text.ToLowerInvariant());
        var builder = new StringBuilder(unaccented.Length);
        var pendingSpace = false;
        foreach (var c in unaccented)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static readonly Dictionary<string, string> CountryAliases = new(StringComparer.Ordinal)
    {
        ["usa"] = "united states",
        ["us"] = "united states",
        ["u s"] = "united states",
        ["u s a"] = "united states",
        ["united states of america"] = "united states",
        ["america"] = "united states",
        ["uk"] = "united kingdom",
        ["u k"] = "united kingdom",
        ["great britain"] = "united kingdom",
        ["britain"] = "united kingdom",
        ["holland"] = "netherlands",
        ["the netherlands"] = "netherlands",
        ["nederland"] = "netherlands",
        ["deutschland"] = "germany",
        ["espana"] = "spain",
        ["italia"] = "italy",
        ["korea"] = "south korea",
        ["korea republic of"] = "south korea",
        ["republic of korea"] = "south korea",
        ["russian federation"] = "russia",
        ["czech republic"] = "czechia",
        ["iran islamic republic of"] = "iran",
        ["turkiye"] = "turkey",
        ["brasil"] = "brazil",
        ["prc"] = "china",
        ["people s republic of china"] = "china",
        ["uae"] = "united arab emirates",
        ["viet nam"] = "vietnam",
        ["taiwan province of china"] = "taiwan",
    };

    /// <summary>US states and territories and Canadian provinces: folded full name to postal code (folded).</summary>
    private static readonly Dictionary<string, string> RegionCodes = BuildRegionCodes();

    private static Dictionary<string, string> BuildRegionCodes()
    {
        var names = new (string Name, string Code)[]
        {
            ("Alabama", "AL"), ("Alaska", "AK"), ("Arizona", "AZ"), ("Arkansas", "AR"), ("California", "CA"),
            ("Colorado", "CO"), ("Connecticut", "CT"), ("Delaware", "DE"), ("District of Columbia", "DC"), ("Florida", "FL"),
            ("Georgia", "GA"), ("Hawaii", "HI"), ("Idaho", "ID"), ("Illinois", "IL"), ("Indiana", "IN"), ("Iowa", "IA"),
            ("Kansas", "KS"), ("Kentucky", "KY"), ("Louisiana", "LA"), ("Maine", "ME"), ("Maryland", "MD"),
            ("Massachusetts", "MA"), ("Michigan", "MI"), ("Minnesota", "MN"), ("Mississippi", "MS"), ("Missouri", "MO"),
            ("Montana", "MT"), ("Nebraska", "NE"), ("Nevada", "NV"), ("New Hampshire", "NH"), ("New Jersey", "NJ"),
            ("New Mexico", "NM"), ("New York", "NY"), ("North Carolina", "NC"), ("North Dakota", "ND"), ("Ohio", "OH"),
            ("Oklahoma", "OK"), ("Oregon", "OR"), ("Pennsylvania", "PA"), ("Rhode Island", "RI"), ("South Carolina", "SC"),
            ("South Dakota", "SD"), ("Tennessee", "TN"), ("Texas", "TX"), ("Utah", "UT"), ("Vermont", "VT"),
            ("Virginia", "VA"), ("Washington", "WA"), ("West Virginia", "WV"), ("Wisconsin", "WI"), ("Wyoming", "WY"),
            ("Puerto Rico", "PR"),
            ("Alberta", "AB"), ("British Columbia", "BC"), ("Manitoba", "MB"), ("New Brunswick", "NB"),
            ("Newfoundland and Labrador", "NL"), ("Nova Scotia", "NS"), ("Ontario", "ON"), ("Prince Edward Island", "PE"),
            ("Quebec", "QC"), ("Saskatchewan", "SK"),
        };
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, code) in names)
        {
            codes[Fold(name)] = Fold(code);
        }

        return codes;
    }
}

/// <summary>The outcome of <see cref="PlaceResolver.Resolve"/>: a point, or a message saying what was wrong.</summary>
public sealed record PlaceResolution
{
    private PlaceResolution()
    {
    }

    public bool IsResolved { get; private init; }

    /// <summary>The point; meaningful only when <see cref="IsResolved"/>.</summary>
    public GeoPoint Point { get; private init; }

    /// <summary>What the text was taken to mean ("Boston, MA, United States"), or the coordinates.</summary>
    public string? Description { get; private init; }

    /// <summary>The place chosen; null for coordinates or a failure.</summary>
    public KnownPlace? Place { get; private init; }

    /// <summary>How many other known places share the name and qualifiers (0 when the answer was unambiguous).</summary>
    public int OtherCandidates { get; private init; }

    /// <summary>Why the text could not be resolved; null on success.</summary>
    public string? Error { get; private init; }

    internal static PlaceResolution Success(GeoPoint point, string description, KnownPlace? place, int others) =>
        new() { IsResolved = true, Point = point, Description = description, Place = place, OtherCandidates = others };

    internal static PlaceResolution Failure(string error) => new() { Error = error };
}
