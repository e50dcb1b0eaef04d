using System.Text;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Matching.Semantic;

/// <summary>
/// The text of a trial and of a patient that is embedded. Most important first, since the model reads only its first
/// tokens (128 for the MiniLM adapter): for a trial its brief title, conditions, keywords, official title and the start
/// of its brief summary; for a patient the main problem and the facts (as <see cref="PatientQuery"/> writes them, each
/// once), then the note.
/// </summary>
public static class EmbeddingText
{
    /// <summary>Bumped when <see cref="OfTrial"/> changes: stored vectors of another version are stale.</summary>
    public const int TrialTextVersion = 1;

    /// <summary>Characters of the brief summary kept (the token limit cuts sooner in most trials).</summary>
    private const int SummaryCharacters = 600;

    public static string OfTrial(ClinicalTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var text = new StringBuilder();
        text.Append(trial.BriefTitle.Trim()).Append('.');
        if (trial.Conditions.Count > 0)
        {
            text.Append(' ').Append(string.Join(", ", trial.Conditions)).Append('.');
        }

        if (trial.Keywords.Count > 0)
        {
            text.Append(' ').Append(string.Join(", ", trial.Keywords)).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(trial.OfficialTitle) && !string.Equals(trial.OfficialTitle, trial.BriefTitle, StringComparison.OrdinalIgnoreCase))
        {
            text.Append(' ').Append(trial.OfficialTitle.Trim()).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(trial.BriefSummary))
        {
            var summary = trial.BriefSummary.Trim();
            text.Append(' ').Append(summary.Length <= SummaryCharacters ? summary : summary[..SummaryCharacters]);
        }

        return Collapse(text.ToString());
    }

    /// <summary>The main problem and the facts, each line once, then the note (or the profile's source text).</summary>
    public static string OfPatient(PatientProfile patient, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var lines = new List<string>();
        foreach (var line in PatientQuery.Facts(patient).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!lines.Contains(line, StringComparer.OrdinalIgnoreCase))
            {
                lines.Add(line);
            }
        }

        var written = !string.IsNullOrWhiteSpace(note) ? note : patient.SourceText;
        var facts = string.Join("; ", lines);
        return Collapse(string.IsNullOrWhiteSpace(written) ? facts : facts.Length == 0 ? written : facts + ". " + written);
    }

    /// <summary>A stable 64-bit hash (FNV-1a over the UTF-16 code units) of an embedded text: a changed text is a stale vector.</summary>
    public static long Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
