using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrialAccess.Patients.Json;

/// <summary>
/// Writes a <see cref="PatientProfile"/> as the structured patient JSON of <c>docs/patient-json.md</c>, the form
/// <see cref="PatientJsonReader"/> reads back into the same facts. What that form has no field for is left out: the
/// caller's id, the source text and the spans into it, and facts whose certainty the form cannot state (an age or a
/// pregnancy that is only hypothetical).
/// </summary>
public static class PatientJsonWriter
{
    public static JsonObject Write(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = new JsonObject();
        Set(json, "birthDate", Date(profile.BirthDate));
        Set(json, "age", profile.Age is { Certainty: Certainty.Asserted } age ? JsonValue.Create(age.Value) : null);
        Set(json, "sex", profile.Sex is { Certainty: Certainty.Asserted } sex ? Name(sex.Value) : null);
        Set(json, "diagnoses", Array(profile.Diagnoses, Diagnosis));
        Set(json, "metastases", Array(profile.Metastases, m => Object(
            ("site", m.Site),
            ("treatedAndStable", m.TreatedAndStable),
            ("symptomatic", m.Symptomatic),
            ("certainty", Name(m.Certainty)))));
        Set(json, "biomarkers", Array(profile.Biomarkers, b => Object(
            ("marker", b.Marker),
            ("alteration", b.Alteration),
            ("status", Name(b.Status)),
            ("value", b.Value),
            ("unit", b.Unit),
            ("certainty", Name(b.Certainty)))));
        Set(json, "performanceStatuses", Array(profile.PerformanceStatuses, p => Object(
            ("scale", Name(p.Scale)),
            ("value", p.Value),
            ("assessedOn", Date(p.AssessedOn)))));
        Set(json, "therapies", Array(profile.Therapies, Therapy));
        Set(json, "labResults", Array(profile.LabResults, l => Object(
            ("analyte", l.Analyte),
            ("value", l.Value),
            ("unit", l.Unit),
            ("upperLimitOfNormal", l.UpperLimitOfNormal),
            ("loincCode", l.LoincCode),
            ("measuredOn", Date(l.MeasuredOn)))));
        Set(json, "conditions", Array(profile.Conditions, c => Object(
            ("text", c.Text),
            ("concept", c.Concept),
            ("certainty", Name(c.Certainty)),
            ("onsetOn", Date(c.OnsetOn)))));
        Set(json, "completeHistory", profile.CompleteHistory ? true : null);
        Set(json, "settings", profile.Settings.Count == 0 ? null : new JsonArray([.. profile.Settings.Select(s => s.Setting).Distinct().Select(s => (JsonNode?)JsonValue.Create(Name(s)))]));
        Set(json, "pregnant", Stated(profile.Pregnant));
        Set(json, "breastfeeding", Stated(profile.Breastfeeding));
        Set(json, "location", profile.Location is { } location ? Object(
            ("latitude", location.Coordinates?.Latitude),
            ("longitude", location.Coordinates?.Longitude),
            ("placeName", location.PlaceName),
            ("postalCode", location.PostalCode)) : null);
        return json;
    }

    /// <summary>The enumeration value as the documented JSON spells it: camelCase (<c>familyHistory</c>, <c>wildType</c>).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static JsonObject Diagnosis(Diagnosis d) => Object(
        ("text", d.Text),
        ("oncoTreeCode", d.OncoTreeCode),
        ("histology", d.Histology),
        ("stage", d.Stage is { } s ? Object(
            ("group", s.Group),
            ("t", s.T),
            ("n", s.N),
            ("m", s.M),
            ("metastatic", s.Metastatic),
            ("locallyAdvanced", s.LocallyAdvanced),
            ("early", s.Early),
            ("unresectable", s.Unresectable),
            ("recurrent", s.Recurrent)) : null),
        ("isPrimary", d.IsPrimary ? null : false),
        ("diagnosedOn", Date(d.DiagnosedOn)),
        ("certainty", Name(d.Certainty)));

    private static JsonObject Therapy(Therapy t) => Object(
        ("name", t.Name),
        ("kind", Name(t.Kind)),
        ("classes", t.Classes.Count == 0 ? null : new JsonArray([.. t.Classes.Select(c => JsonValue.Create(c))])),
        ("line", t.Line),
        ("cycles", t.Cycles),
        ("startedOn", Date(t.StartedOn)),
        ("endedOn", Date(t.EndedOn)),
        ("isCurrent", t.IsCurrent),
        ("bestResponse", t.BestResponse is { } response ? Name(response) : null),
        ("progressedOn", t.ProgressedOn),
        ("site", t.Site),
        ("certainty", Name(t.Certainty)));

    /// <summary>A yes/no fact as the reader takes it back: asserted is its value, negated is <c>false</c>; anything less certain is left out.</summary>
    private static JsonNode? Stated(Fact<bool>? fact) => fact switch
    {
        { Certainty: Certainty.Asserted } => fact.Value,
        { Certainty: Certainty.Negated } => false,
        _ => null,
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonArray? Array<T>(IReadOnlyList<T> items, Func<T, JsonObject> write) =>
        items.Count == 0 ? null : new JsonArray([.. items.Select(write)]);

    private static JsonObject Object(params (string Name, object? Value)[] properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties)
        {
            Set(json, name, value switch
            {
                null => null,
                JsonNode node => node,
                string text => JsonValue.Create(text),
                bool flag => JsonValue.Create(flag),
                int number => JsonValue.Create(number),
                decimal number => JsonValue.Create(number),
                double number => JsonValue.Create(number),
                _ => throw new ArgumentException($"{name}: no JSON form for {value.GetType().Name}.", nameof(properties)),
            });
        }

        return json;
    }

    private static void Set(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
