using System.Text.Json;

namespace TrialAccess.Patients;

/// <summary>
/// The names by which structured input (patient JSON, FHIR extensions) gives an enumeration's value: camelCase, PascalCase
/// or with separators ("wild-type", "familyHistory", "transplant_ineligible"); never a number.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string text, out TEnum parsed)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse(normalised, ignoreCase: true, out parsed) && !int.TryParse(normalised, out _);
    }

    /// <summary>"'x' is not one of: relapsed, lowerRisk, ...": the error for a name that is none of the values.</summary>
    public static string NotOneOf<TEnum>(string text)
        where TEnum : struct, Enum =>
        $"'{text}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.";
}
