using System.Globalization;

namespace TrialAccess.Evaluation.Trec;

/// <summary>Relevance grades of TREC Clinical Trials judgements.</summary>
public enum RelevanceGrade
{
    NotRelevant = 0,

    /// <summary>The patient has the condition the trial studies but meets an exclusion criterion.</summary>
    Excluded = 1,

    /// <summary>The patient would be eligible.</summary>
    Eligible = 2,
}

/// <summary>The judgements (qrels) of a TREC track: for each topic, the grade of each judged trial.</summary>
public sealed class RelevanceJudgements
{
    private readonly Dictionary<string, Dictionary<string, RelevanceGrade>> _byTopic;

    private RelevanceJudgements(Dictionary<string, Dictionary<string, RelevanceGrade>> byTopic) => _byTopic = byTopic;

    public IReadOnlyCollection<string> Topics => _byTopic.Keys;

    /// <summary>The judged trials of a topic with their grades (empty for a topic without judgements).</summary>
    public IReadOnlyDictionary<string, RelevanceGrade> For(string topic) =>
        _byTopic.TryGetValue(topic, out var judged) ? judged : new Dictionary<string, RelevanceGrade>();

    /// <summary>Keeps only the judgements whose trial satisfies <paramref name="keep"/> (for example: has text in the database).</summary>
    public RelevanceJudgements Where(Func<string, bool> keep) =>
        new(_byTopic.ToDictionary(
            t => t.Key,
            t => t.Value.Where(j => keep(j.Key)).ToDictionary(j => j.Key, j => j.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));

    /// <summary>Reads the four-column qrels format: <c>topic iteration docid grade</c>, white-space separated.</summary>
    public static (RelevanceJudgements? Judgements, string? Error) Parse(string text)
    {
        var byTopic = new Dictionary<string, Dictionary<string, RelevanceGrade>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4 || !int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var grade))
            {
                return (null, $"line {lineNumber}: expected 'topic iteration trial grade'");
            }

            if (!byTopic.TryGetValue(parts[0], out var judged))
            {
                byTopic[parts[0]] = judged = new Dictionary<string, RelevanceGrade>(StringComparer.Ordinal);
            }

            judged[parts[2]] = grade switch
            {
                >= 2 => RelevanceGrade.Eligible,
                1 => RelevanceGrade.Excluded,
                _ => RelevanceGrade.NotRelevant,
            };
        }

        return byTopic.Count == 0 ? (null, "the qrels file holds no judgements") : (new RelevanceJudgements(byTopic), null);
    }
}
