using System.Globalization;
using System.Text;
using System.Text.Json;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.TrialGpt;

/// <summary>
/// Maps one record of the TrialGPT corpus format (<c>_id</c>, <c>title</c>, <c>text</c>, <c>metadata</c> with
/// <c>inclusion_criteria</c> and <c>exclusion_criteria</c>) used by the trial-matching benchmark literature.
/// </summary>
/// <remarks>
/// The format carries no dates, status, sites or structured ages: those stay unset, so such a record never replaces
/// a dated registry version of the same trial. Its list fields hold Python list literals (<c>"['a', 'b']"</c>).
/// </remarks>
public static class TrialGptRecordMapper
{
    public static TrialReadResult Map(JsonElement record, string source)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return TrialReadResult.Failure(source, null, $"expected a record object, found {record.ValueKind}");
        }

        var idText = String(record, "_id");
        if (!NctId.TryParse(idText, out var nctId))
        {
            return TrialReadResult.Failure(source, "_id", idText is null ? "missing" : $"'{idText}' is not an NCT id");
        }

        record.TryGetProperty("metadata", out var metadata);
        if (metadata.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return TrialReadResult.Failure(source, "metadata", $"expected an object, found {metadata.ValueKind}");
        }

        var title = RegistryText.Clean(String(record, "title")) ?? RegistryText.Clean(String(metadata, "brief_title"));
        if (title is null)
        {
            return TrialReadResult.Failure(source, "title", "missing");
        }

        RegistryVocabulary.TryParsePhases(String(metadata, "phase"), out var phases);
        var enrollmentText = String(metadata, "enrollment");
        Enrollment? enrollment = decimal.TryParse(enrollmentText, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) && count >= 0 && count <= int.MaxValue
            ? new Enrollment((int)count, IsActual: false)
            : null;

        var trial = new ClinicalTrial
        {
            NctId = nctId,
            BriefTitle = title,
            BriefSummary = RegistryText.Clean(String(metadata, "brief_summary")) ?? SummaryFromText(String(record, "text")),
            Conditions = RegistryText.CleanList(PythonList(String(metadata, "diseases_list") ?? String(metadata, "diseases"))),
            Interventions = RegistryText.CleanList(PythonList(String(metadata, "drugs_list") ?? String(metadata, "drugs")))
                .Select(name => new Intervention { Name = name })
                .ToList(),
            Phases = phases,
            Enrollment = enrollment,
            Eligibility = new TrialEligibility
            {
                Criteria = Criteria(String(metadata, "inclusion_criteria"), String(metadata, "exclusion_criteria")),
            },
            Source = source,
        };
        return TrialReadResult.Success(trial);
    }

    /// <summary>Joins the two criteria lists under the registry's usual headings.</summary>
    internal static string? Criteria(string? inclusion, string? exclusion)
    {
        var include = Body(inclusion, "inclusion criteria");
        var exclude = Body(exclusion, "exclusion criteria");
        if (include is null && exclude is null)
        {
            return null;
        }

        var text = new StringBuilder();
        if (include is not null)
        {
            text.Append("Inclusion Criteria:\n\n").Append(include);
        }

        if (exclude is not null)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append("Exclusion Criteria:\n\n").Append(exclude);
        }

        return text.ToString();
    }

    private static string? Body(string? text, string heading)
    {
        var clean = RegistryText.Clean(text);
        if (clean is null)
        {
            return null;
        }

        if (clean.StartsWith(heading, StringComparison.OrdinalIgnoreCase))
        {
            clean = clean[heading.Length..];
        }

        return RegistryText.Clean(clean.TrimStart(':', ' ', '\n', '\t'));
    }

    private static string? SummaryFromText(string? text)
    {
        const string Prefix = "Summary:";
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf("\nInclusion criteria:", StringComparison.OrdinalIgnoreCase);
        return RegistryText.Clean(end < 0 ? text[Prefix.Length..] : text[Prefix.Length..end]);
    }

    /// <summary>Reads a Python list literal of strings, <c>['a', "b's"]</c>; anything else is taken as one value.</summary>
    internal static IReadOnlyList<string> PythonList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var trimmed = text.Trim();
        if (!trimmed.StartsWith('[') || !trimmed.EndsWith(']'))
        {
            return [trimmed];
        }

        var values = new List<string>();
        var i = 1;
        while (i < trimmed.Length - 1)
        {
            var quote = trimmed[i];
            if (quote is not ('\'' or '"'))
            {
                i++;
                continue;
            }

            var value = new StringBuilder();
            i++;
            while (i < trimmed.Length - 1 && trimmed[i] != quote)
            {
                if (trimmed[i] == '\\' && i + 1 < trimmed.Length - 1)
                {
                    i++;
                }

                value.Append(trimmed[i]);
                i++;
            }

            values.Add(value.ToString());
            i++;
        }

        return values;
    }

    private static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
