namespace TrialAccess.Registry.Sources;

/// <summary>Clean-up common to every reader: line endings normalised, blank values treated as absent.</summary>
internal static class RegistryText
{
    /// <summary>Returns null for null or white space; otherwise the text with <c>\r\n</c> and <c>\r</c> as <c>\n</c>, trimmed.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
        return normalized.Trim();
    }

    /// <summary>Cleans each value, drops blanks and duplicates (case-insensitive), keeps the first spelling and order.</summary>
    public static IReadOnlyList<string> CleanList(IEnumerable<string?> values)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var value in values)
        {
            var clean = Clean(value);
            if (clean is not null && seen.Add(clean))
            {
                result.Add(clean);
            }
        }

        return result;
    }
}
