using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrialAccess.Trials;

/// <summary>
/// The JSON form of a <see cref="ClinicalTrial"/>: the document the stores keep and the CLI and API print.
/// camelCase names; enums in PascalCase names; absent values omitted.
/// </summary>
public static class TrialJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    public static string Serialize(ClinicalTrial trial, bool indented = false) =>
        indented
            ? JsonSerializer.Serialize(trial, IndentedOptions)
            : JsonSerializer.Serialize(trial, TrialJsonContext.Default.ClinicalTrial);

    public static ClinicalTrial Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TrialJsonContext.Default.ClinicalTrial)
        ?? throw new JsonException("A stored trial document is null.");

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(TrialJsonContext.Default.Options)
        {
            WriteIndented = indented,
            TypeInfoResolver = TrialJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Writes an <see cref="NctId"/> as its string form.</summary>
public sealed class NctIdJsonConverter : JsonConverter<NctId>
{
    public override NctId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NctId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException($"'{reader.GetString()}' is not an NCT id.");

    public override void Write(Utf8JsonWriter writer, NctId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(NctIdJsonConverter)])]
[JsonSerializable(typeof(ClinicalTrial))]
internal sealed partial class TrialJsonContext : JsonSerializerContext;
