using System.Text.RegularExpressions;

namespace TrialAccess.Vocabulary;

/// <summary>
/// The fields a radiotherapy is named by ("total body", "whole brain", "pelvic", "to the chest wall"): criteria name them
/// to limit a rule to that field, notes to say where the radiotherapy went. One reading serves both.
/// </summary>
internal static partial class RadiotherapyFields
{
    private const string Pattern = @"whole[- ]brain|total[- ]body|craniospinal|cranial|pelvi[cs]|abdom[ei]n(?:al)?|thorac(?:ic)?|thorax|mediastin(?:al|um)|chest(?:[- ]wall)?|breast|prostate|head\s+and\s+neck|spin(?:al|e)|hemibody|extended[- ]field|mantle(?:[- ]field)?|lungs?|liver|brain|bone\s+marrow|central\s+nervous\s+system|cns|neck|abdominopelvic";

    /// <summary>
    /// The field named right before the radiotherapy word at <paramref name="start"/> ("pelvic radiotherapy", "whole-brain
    /// irradiation") or right after its end ("radiotherapy to the pelvis"), lower-case with hyphens as spaces, or null.
    /// </summary>
    public static string? Around(string text, int start, int end)
    {
        var from = Math.Max(0, start - 40);
        var before = Before().Match(text, from, start - from);
        if (before.Success)
        {
            return Normalise(before.Groups["f"].Value);
        }

        end = Math.Min(end, text.Length);
        var after = After().Match(text, end, Math.Min(text.Length - end, 60));
        return after.Success ? Normalise(after.Groups["f"].Value) : null;
    }

    private static string Normalise(string field) => field.ToLowerInvariant().Replace('-', ' ');

    [GeneratedRegex(@"\b(?<f>" + Pattern + @")\s+(?:beam\s+|field\s+|external\s+beam\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    [GeneratedRegex(@"\G\s*(?:therapy\s+)?(?:to|of|involving|including|encompassing)\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+|an\s+)?(?<f>" + Pattern + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();
}
