using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using TrialAccess.Patients;
using TrialAccess.Patients.Json;

namespace TrialAccess.Web.Clinician;

/// <summary>
/// One patient's facts as the clinician sees and edits them: the text of every field by its path in the structured
/// patient JSON (<c>biomarkers[1].value</c>), the snippet of the note each fact came from, and the errors the reader
/// found. Nothing is kept on the server: the sheet travels in the form (inputs named <c>fact.</c> plus the path,
/// snippets as <c>source.</c> plus the row path, removed rows as <c>remove.</c> plus the row path) and becomes a
/// profile again through <see cref="PatientJsonReader"/>, so that the form, the API and the CLI accept the same facts.
/// </summary>
public sealed partial class FactSheet
{
    public const string FieldPrefix = "fact.";
    public const string SourcePrefix = "source.";
    public const string RemovePrefix = "remove.";

    /// <summary>Rows kept per kind of fact; more are ignored (a form never has that many).</summary>
    public const int MaxRows = 100;

    /// <summary>The longest note snippet kept beside a fact, in characters.</summary>
    public const int MaxSnippet = 200;

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _sources;
    private readonly Dictionary<string, int> _rows;

    private FactSheet(Dictionary<string, string> values, Dictionary<string, string> sources, Dictionary<string, int> rows)
    {
        _values = values;
        _sources = sources;
        _rows = rows;
    }

    /// <summary>Errors by field path (or row path, or "" for the whole patient), in the reader's words.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public static FactSheet Empty() => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The sheet of a profile just read, with the note snippet of each fact that has a span into <paramref name="note"/>.</summary>
    public static FactSheet FromProfile(PatientProfile profile, string? note)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sheet = Empty();
        var json = PatientJsonWriter.Write(profile);
        foreach (var group in FactForm.Groups)
        {
            if (group.IsPatient)
            {
                Flatten(json, "", sheet._values);
                continue;
            }

            var items = json[group.Key] as JsonArray ?? [];
            sheet._rows[group.Key] = items.Count;
            for (var i = 0; i < items.Count; i++)
            {
                Flatten((JsonObject)items[i]!, group.RowPath(i), sheet._values);
            }
        }

        if (!string.IsNullOrEmpty(note))
        {
            sheet.AddSources(profile, note);
        }

        return sheet;
    }

    /// <summary>The sheet as posted back; rows marked removed and rows left blank are dropped.</summary>
    public static FactSheet FromForm(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var posted = form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var sheet = Empty();
        foreach (var group in FactForm.Groups)
        {
            if (group.IsPatient)
            {
                sheet.CopyRow(posted, group, "", "");
                continue;
            }

            var kept = 0;
            foreach (var index in RowIndexes(posted.Keys, group.Key))
            {
                var from = group.RowPath(index);
                if (posted.ContainsKey(RemovePrefix + from)
                    || group.Fields.All(f => string.IsNullOrWhiteSpace(posted.GetValueOrDefault(FieldPrefix + FactGroup.FieldPath(from, f)))))
                {
                    continue;
                }

                sheet.CopyRow(posted, group, from, group.RowPath(kept));
                kept++;
            }

            sheet._rows[group.Key] = kept;
        }

        return sheet;
    }

    /// <summary>How many rows of facts the group has (always one for the patient).</summary>
    public int RowCount(FactGroup group) => group.IsPatient ? 1 : _rows.GetValueOrDefault(group.Key);

    public string Value(string path) => _values.GetValueOrDefault(path, "");

    public string? Source(string rowPath) => _sources.GetValueOrDefault(rowPath);

    public string? Error(string path) => Errors.GetValueOrDefault(path);

    public bool IsEmpty => _values.Values.All(string.IsNullOrWhiteSpace);

    /// <summary>The facts as structured patient JSON (<c>docs/patient-json.md</c>).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var group in FactForm.Groups)
        {
            if (group.IsPatient)
            {
                Fill(json, group, "");
                continue;
            }

            var rows = RowCount(group);
            if (rows == 0)
            {
                continue;
            }

            var array = new JsonArray();
            for (var i = 0; i < rows; i++)
            {
                var item = new JsonObject();
                Fill(item, group, group.RowPath(i));
                array.Add(item);
            }

            json[group.Key] = array;
        }

        return json;
    }

    /// <summary>
    /// Reads the facts back into a profile with the structured JSON reader. Its errors land in <see cref="Errors"/>
    /// under the path of the field at fault; on success the result carries the reader's warnings.
    /// </summary>
    public PatientIntakeResult Read()
    {
        var result = PatientJsonReader.Read(ToJson().ToJsonString());
        foreach (var error in result.Errors)
        {
            Errors[error.Field ?? ""] = error.Message;
        }

        return result;
    }

    private void Fill(JsonObject target, FactGroup group, string row)
    {
        foreach (var field in group.Fields)
        {
            if (Typed(field, Value(FactGroup.FieldPath(row, field))) is not { } value)
            {
                continue;
            }

            var parts = field.Key.Split('.');
            var at = target;
            foreach (var part in parts[..^1])
            {
                if (at[part] is not JsonObject inner)
                {
                    inner = new JsonObject();
                    at[part] = inner;
                }

                at = inner;
            }

            at[parts[^1]] = value;
        }
    }

    /// <summary>The JSON value of one field as typed; text that is not what the field wants is passed on as text, so that the reader names the field and says what it wants.</summary>
    private static JsonNode? Typed(FactField field, string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return field.Kind switch
        {
            FactFieldKind.Number when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            FactFieldKind.YesNo when text.Equals("yes", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(true),
            FactFieldKind.YesNo when text.Equals("no", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(false),
            FactFieldKind.List => new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => JsonValue.Create(c))]),
            _ => JsonValue.Create(text),
        };
    }

    private static void Flatten(JsonObject json, string path, Dictionary<string, string> values)
    {
        foreach (var (name, node) in json)
        {
            var key = path.Length == 0 ? name : $"{path}.{name}";
            switch (node)
            {
                case JsonObject inner:
                    Flatten(inner, key, values);
                    break;
                case JsonArray array when array.All(a => a is JsonValue):
                    values[key] = string.Join(", ", array.Select(a => a!.GetValue<string>()));
                    break;
                case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    values[key] = value.GetValue<bool>() ? "yes" : "no";
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    values[key] = value.GetValue<string>();
                    break;
                case JsonValue value:
                    values[key] = value.ToJsonString();
                    break;
            }
        }
    }

    private void CopyRow(Dictionary<string, string> posted, FactGroup group, string from, string to)
    {
        foreach (var field in group.Fields)
        {
            if (posted.TryGetValue(FieldPrefix + FactGroup.FieldPath(from, field), out var text) && !string.IsNullOrWhiteSpace(text))
            {
                _values[FactGroup.FieldPath(to, field)] = text.Trim();
            }
        }

        foreach (var (key, snippet) in posted.Where(p => p.Key.StartsWith(SourcePrefix, StringComparison.Ordinal)))
        {
            var rest = key[SourcePrefix.Length..];
            if (group.IsPatient ? group.Fields.Any(f => f.Key == rest) : rest == from)
            {
                _sources[group.IsPatient ? rest : to] = Snippet(snippet);
            }
        }
    }

    private static IEnumerable<int> RowIndexes(IEnumerable<string> keys, string group)
    {
        var prefix = FieldPrefix + group + "[";
        return keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => RowIndex().Match(k, prefix.Length))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture))
            .Distinct()
            .Order()
            .Take(MaxRows);
    }

    [GeneratedRegex(@"\G(\d{1,4})\]\.")]
    private static partial Regex RowIndex();

    private void AddSources(PatientProfile profile, string note)
    {
        void Add(string path, SourceSpan? span)
        {
            if (span is { } s && s.End <= note.Length)
            {
                _sources[path] = Snippet(s.Slice(note));
            }
        }

        void AddRows<T>(string group, IReadOnlyList<T> items, Func<T, SourceSpan?> span)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Add($"{group}[{i}]", span(items[i]));
            }
        }

        Add("age", profile.Age?.Span);
        Add("sex", profile.Sex?.Span);
        Add("pregnant", profile.Pregnant?.Span);
        Add("breastfeeding", profile.Breastfeeding?.Span);
        AddRows("diagnoses", profile.Diagnoses, d => d.Span ?? d.Stage?.Span);
        AddRows("metastases", profile.Metastases, m => m.Span);
        AddRows("biomarkers", profile.Biomarkers, b => b.Span);
        AddRows("performanceStatuses", profile.PerformanceStatuses, p => p.Span);
        AddRows("therapies", profile.Therapies, t => t.Span);
        AddRows("labResults", profile.LabResults, l => l.Span);
        AddRows("conditions", profile.Conditions, c => c.Span);
    }

    private static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= MaxSnippet ? flat : flat[..MaxSnippet] + "…";
    }
}
