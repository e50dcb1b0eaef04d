using System.Text.RegularExpressions;

namespace TrialAccess.Patients;

/// <summary>
/// What the patient is seeking a trial for: the primary cancer when there is one, otherwise the presenting problem or
/// working diagnosis (the condition the note presents the patient with). History, comorbidities and treated, stable
/// problems come after it.
/// </summary>
/// <param name="Text">The problem in the record's words ("lung adenocarcinoma", "acute appendicitis").</param>
/// <param name="Concept">The vocabulary's concept for a condition, when matched.</param>
/// <param name="OncoTreeCode">The OncoTree code for a cancer, when known.</param>
public sealed partial record MainProblem(string Text, string? Concept, string? OncoTreeCode, SourceSpan? Span)
{
    public bool IsCancer => OncoTreeCode is not null;

    /// <summary>The patient's main problem, or null when the record states none.</summary>
    public static MainProblem? Of(PatientProfile patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var cancer = patient.Diagnoses.FirstOrDefault(d => d.Certainty == Certainty.Asserted && d.IsPrimary)
            ?? patient.Diagnoses.FirstOrDefault(d => d.Certainty is Certainty.Asserted or Certainty.Historical);
        if (cancer is not null)
        {
            return new MainProblem(cancer.Text, null, cancer.OncoTreeCode ?? string.Empty, cancer.Span);
        }

        // A state or habit ("menopausal", "smokes") is not what a patient seeks care or a trial for.
        var current = patient.Conditions.Where(c => c.Certainty == Certainty.Asserted && !(c.Concept is { } concept && NotAProblem.Contains(concept))).ToList();
        if (current.Count == 0)
        {
            return null;
        }

        // A condition the note presents the patient with ("presents with", "admitted for", "diagnosed with") comes first;
        // otherwise the first condition stated as current.
        var presenting = patient.SourceText is { } note
            ? current.Where(c => c.Span is { } span && Presenting().IsMatch(note[Math.Max(0, span.Start - 60)..span.Start])).ToList()
            : [];
        var main = (presenting.Count > 0 ? presenting : current).OrderBy(c => c.Span?.Start ?? int.MaxValue).First();
        return new MainProblem(main.Text, main.Concept, null, main.Span);
    }

    /// <summary>True for a state or habit ("menopause", "smoking") that is never a patient's main problem.</summary>
    public static bool IsNotAProblem(string concept) => NotAProblem.Contains(concept);

    private static readonly HashSet<string> NotAProblem = new(StringComparer.OrdinalIgnoreCase)
    {
        "menopause", "perimenopause", "premenopause", "smoking", "alcohol consumption", "healthy volunteer",
    };

    [GeneratedRegex(@"\b(?:present(?:s|ed|ing)?|admitted|admission|complain(?:s|ed|ing)?\s+of|c/o|diagnosed|diagnosis\s+of|referred|known\s+case\s+of|suffer(?:s|ed|ing)?\s+from|evaluation\s+of|work-?up\s+of|with\s+(?:a\s+)?(?:new|recent|acute|worsening|progressive|severe)|due\s+to)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Presenting();
}
