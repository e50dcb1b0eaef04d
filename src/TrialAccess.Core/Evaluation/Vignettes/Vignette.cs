using System.Text.Json;
using TrialAccess.Decoding;

namespace TrialAccess.Evaluation.Vignettes;

/// <summary>
/// A written patient case and what the first trials a match returns for it must be: on the right cancer, and none for
/// the wrong setting or population when the corpus holds on-target trials without that marker.
/// </summary>
/// <param name="Id">A short name, unique within its file ("lung-egfr-metastatic-osimertinib").</param>
/// <param name="Note">The clinical note, matched as a patient would be.</param>
/// <param name="MinOnTarget">
/// How many of the top <see cref="VignetteSuite.Top"/> must be on target; lowered to the number of on-target trials the
/// corpus holds among those passing the patient's filters.
/// </param>
public sealed record Vignette(string Id, string Note, CancerTarget OnTarget, int MinOnTarget, IReadOnlyList<SettingMarker> Forbidden);

/// <summary>Which trials are on the right cancer, read from their titles and conditions.</summary>
/// <param name="CancerTypes">Cancer type codes (OncoTree, as the vocabulary holds them); a trial naming any of them or a type below one is on target.</param>
/// <param name="ExactTypes">Broader codes accepted as themselves only, not their other descendants ("LUNG" for a trial on "lung cancer", without accepting small cell lung cancer).</param>
/// <param name="Terms">Phrases that put a trial on target where the vocabulary has no code for it (matched as <see cref="SettingMarker.Terms"/> are).</param>
/// <param name="Basket">Whether a trial on any solid tumour (or any haematological malignancy) counts as on target; none unless the vignette says so.</param>
public sealed record CancerTarget(IReadOnlyList<string> CancerTypes, IReadOnlyList<string> ExactTypes, IReadOnlyList<string> Terms, BasketTrials Basket);

/// <summary>Which generic trials count as on target.</summary>
public enum BasketTrials
{
    /// <summary>Only trials naming the cancer.</summary>
    None,

    /// <summary>Also trials on "solid tumours", "advanced cancer" and the like.</summary>
    Solid,

    /// <summary>Also trials on "haematological malignancies" and the like.</summary>
    Hematologic,
}

/// <summary>A wrong setting or population for the patient ("HER2-positive" for a HER2-negative patient).</summary>
/// <param name="Name">What the marker means, as reported ("HER2-positive disease").</param>
/// <param name="Terms">
/// Phrases that carry the marker in a trial's titles or conditions: matched whole words, case-insensitively, with any
/// run of characters other than letters, digits and "+" read as one space ("HER2-positive" finds "HER2 positive").
/// </param>
/// <param name="Except">Phrases blanked out before <paramref name="Terms"/> are looked for ("non-small cell" before "small cell lung").</param>
public sealed record SettingMarker(string Name, IReadOnlyList<string> Terms, IReadOnlyList<string> Except)
{
    /// <summary>
    /// Phrases naming the patient's own setting or population: a trial whose titles or conditions name one of them as
    /// well ("Newly Diagnosed or Recurrent Glioma" for a newly diagnosed patient) takes the patient's setting too, and
    /// does not carry the marker.
    /// </summary>
    public IReadOnlyList<string> UnlessAlso { get; init; } = [];
}

/// <summary>A file of vignettes (format in the README beside the suites in the tests).</summary>
public static class VignetteSuite
{
    /// <summary>How many of a match's first trials are checked.</summary>
    public const int Top = 10;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record SuiteFile(IReadOnlyList<VignetteEntry>? Vignettes);

    private sealed record VignetteEntry(string? Id, string? Note, TargetEntry? OnTarget, int? MinOnTarget, IReadOnlyList<MarkerEntry>? Forbidden);

    private sealed record TargetEntry(IReadOnlyList<string>? CancerTypes, IReadOnlyList<string>? ExactTypes, IReadOnlyList<string>? Terms, BasketTrials? Basket);

    private sealed record MarkerEntry(string? Name, IReadOnlyList<string>? Terms, IReadOnlyList<string>? Except, IReadOnlyList<string>? UnlessAlso);

    /// <summary>Reads a suite; a file that does not hold one gives the first problem, naming the vignette.</summary>
    public static (IReadOnlyList<Vignette>? Vignettes, string? Error) Parse(string json)
    {
        var (document, error) = StrictJson.Parse(json);
        if (document is null)
        {
            return (null, error?.ToString() ?? "not JSON");
        }

        SuiteFile? file;
        using (document)
        {
            try
            {
                file = document.Deserialize<SuiteFile>(Options);
            }
            catch (JsonException e)
            {
                return (null, StrictJson.Describe(e));
            }
        }

        if (file?.Vignettes is not { Count: > 0 } entries)
        {
            return (null, "no vignettes: expected {\"vignettes\": [...]}");
        }

        var vignettes = new List<Vignette>(entries.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"vignettes[{i}]" + (entry.Id is { Length: > 0 } named ? $" ({named})" : string.Empty);
            if (string.IsNullOrWhiteSpace(entry.Id) || !ids.Add(entry.Id))
            {
                return (null, $"{where}: id missing or repeated");
            }

            if (string.IsNullOrWhiteSpace(entry.Note))
            {
                return (null, $"{where}: note missing");
            }

            var target = entry.OnTarget;
            if (target is null || (target.CancerTypes is not { Count: > 0 } && target.ExactTypes is not { Count: > 0 } && target.Terms is not { Count: > 0 }))
            {
                return (null, $"{where}: onTarget needs cancerTypes, exactTypes or terms");
            }

            if (entry.MinOnTarget is not { } minimum || minimum is < 0 or > Top)
            {
                return (null, $"{where}: minOnTarget must be between 0 and {Top}");
            }

            var markers = new List<SettingMarker>();
            foreach (var marker in entry.Forbidden ?? [])
            {
                if (string.IsNullOrWhiteSpace(marker.Name) || marker.Terms is not { Count: > 0 })
                {
                    return (null, $"{where}: every forbidden marker needs a name and terms");
                }

                markers.Add(new SettingMarker(marker.Name, marker.Terms, marker.Except ?? []) { UnlessAlso = marker.UnlessAlso ?? [] });
            }

            vignettes.Add(new Vignette(
                entry.Id,
                entry.Note,
                new CancerTarget(target.CancerTypes ?? [], target.ExactTypes ?? [], target.Terms ?? [], target.Basket ?? BasketTrials.None),
                minimum,
                markers));
        }

        return (vignettes, null);
    }
}
