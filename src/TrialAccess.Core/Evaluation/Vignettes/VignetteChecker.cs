using System.Collections.Concurrent;
using System.Text;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Evaluation.Vignettes;

/// <summary>A trial of the top list that breaks a property: "onTarget", or "forbidden: &lt;marker name&gt;".</summary>
public sealed record VignetteViolation(NctId Trial, int Rank, string Title, string Property);

/// <summary>How a vignette's top list fared.</summary>
/// <param name="Shown">How many trials the match returned (at most <see cref="VignetteSuite.Top"/>).</param>
/// <param name="OnTargetRequired">The vignette's minimum, lowered to <paramref name="OnTargetInCorpus"/>.</param>
/// <param name="OnTargetInCorpus">On-target trials among those passing the patient's filters.</param>
/// <param name="UnenforcedMarkers">Forbidden markers not enforced: every on-target trial of the corpus carries them.</param>
public sealed record VignetteOutcome(
    string Id,
    int Shown,
    int OnTarget,
    int OnTargetRequired,
    int OnTargetInCorpus,
    IReadOnlyList<VignetteViolation> Violations,
    IReadOnlyList<string> UnenforcedMarkers)
{
    public bool Passed => OnTarget >= OnTargetRequired && !Violations.Any(v => v.Property != VignetteChecker.OnTargetProperty);
}

/// <summary>
/// Checks a vignette's properties on a match's top list against the corpus the match ran over. What a trial is about is
/// read from its brief and official titles and its conditions only (what the registry says the trial studies, not
/// its criteria). Thread-safe; what it reads of each trial is remembered by NCT id.
/// </summary>
public sealed class VignetteChecker
{
    public const string OnTargetProperty = "onTarget";

    private static readonly string[] BasketPhrases = ["advanced cancer", "advanced cancers", "metastatic cancer", "advanced malignancy", "advanced malignancies", "advanced solid malignancies", "malignant solid tumor", "malignant solid tumors"];

    private readonly CancerTypeCatalog _cancerTypes;
    private readonly ConcurrentDictionary<NctId, (string[] Codes, string Text)> _subjects = new();

    public VignetteChecker(CancerTypeCatalog cancerTypes)
    {
        ArgumentNullException.ThrowIfNull(cancerTypes);
        _cancerTypes = cancerTypes;
    }

    /// <param name="top">The match's trials in rank order; only the first <see cref="VignetteSuite.Top"/> are checked.</param>
    /// <param name="corpus">The trials the match could return (the database after the patient's hard filters).</param>
    public VignetteOutcome Check(Vignette vignette, IReadOnlyList<ClinicalTrial> top, IEnumerable<ClinicalTrial> corpus)
    {
        ArgumentNullException.ThrowIfNull(vignette);
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(corpus);
        var onTargetCorpus = corpus.Where(t => IsOnTarget(t, vignette.OnTarget)).ToList();
        var shown = top.Take(VignetteSuite.Top).ToList();
        var violations = new List<VignetteViolation>();
        var onTarget = 0;
        for (var rank = 0; rank < shown.Count; rank++)
        {
            if (IsOnTarget(shown[rank], vignette.OnTarget))
            {
                onTarget++;
            }
            else
            {
                violations.Add(new VignetteViolation(shown[rank].NctId, rank + 1, shown[rank].BriefTitle, OnTargetProperty));
            }
        }

        var unenforced = new List<string>();
        foreach (var marker in vignette.Forbidden)
        {
            // A wrong-setting trial is only a fault where the corpus had a right-setting one to show instead.
            if (!onTargetCorpus.Any(t => !HasMarker(t, marker)))
            {
                unenforced.Add(marker.Name);
                continue;
            }

            for (var rank = 0; rank < shown.Count; rank++)
            {
                if (HasMarker(shown[rank], marker))
                {
                    violations.Add(new VignetteViolation(shown[rank].NctId, rank + 1, shown[rank].BriefTitle, "forbidden: " + marker.Name));
                }
            }
        }

        var required = Math.Min(vignette.MinOnTarget, onTargetCorpus.Count);
        return new VignetteOutcome(vignette.Id, shown.Count, onTarget, required, onTargetCorpus.Count, [.. violations.OrderBy(v => v.Rank)], unenforced);
    }

    /// <summary>True when the trial's titles or conditions name the target cancer (see <see cref="CancerTarget"/>).</summary>
    public bool IsOnTarget(ClinicalTrial trial, CancerTarget target)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(target);
        var (codes, text) = SubjectOf(trial);
        foreach (var code in codes)
        {
            if (target.CancerTypes.Any(t => _cancerTypes.IsWithin(code, t)) || target.ExactTypes.Any(t => t.Equals(code, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if ((target.Basket == BasketTrials.Solid && code == CancerTypeCatalog.Solid) || (target.Basket == BasketTrials.Hematologic && code == CancerTypeCatalog.Hematologic))
            {
                return true;
            }
        }

        return ContainsAny(text, target.Terms, [])
            || (target.Basket == BasketTrials.Solid && ContainsAny(text, BasketPhrases, []));
    }

    /// <summary>True when the trial's titles or conditions carry the marker.</summary>
    public bool HasMarker(ClinicalTrial trial, SettingMarker marker)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(marker);
        var text = SubjectOf(trial).Text;
        return ContainsAny(text, marker.Terms, marker.Except) && !ContainsAny(text, marker.UnlessAlso, []);
    }

    private (string[] Codes, string Text) SubjectOf(ClinicalTrial trial) => _subjects.GetOrAdd(trial.NctId, _ =>
    {
        var titles = string.Join('\n', trial.BriefTitle, trial.OfficialTitle ?? string.Empty);
        var subject = string.Join('\n', trial.Conditions.Prepend(titles));
        // A condition is read as the engine reads it, whole (a MeSH heading such as "Carcinoma, Hepatocellular" included).
        var codes = _cancerTypes.Names.FindAll(titles, Tokenizer.Tokenize(titles)).Select(m => m.Value)
            .Concat(trial.Conditions.Select(_cancerTypes.Resolve).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToArray();
        return (codes, Normalize(subject));
    });

    private static bool ContainsAny(string normalized, IReadOnlyList<string> phrases, IReadOnlyList<string> except)
    {
        var text = normalized;
        foreach (var exception in except)
        {
            text = text.Replace(Normalize(exception), " | ", StringComparison.Ordinal);
        }

        return phrases.Any(p => text.Contains(Normalize(p), StringComparison.Ordinal));
    }

    /// <summary>Lower case, every run of characters other than letters, digits and "+" one space, padded with a space each side.</summary>
    internal static string Normalize(string text)
    {
        var normalized = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '+')
            {
                normalized.Append(c);
            }
            else if (normalized[^1] != ' ')
            {
                normalized.Append(' ');
            }
        }

        if (normalized[^1] != ' ')
        {
            normalized.Append(' ');
        }

        return normalized.ToString();
    }
}
