using System.Text.Json;
using TrialAccess.Evaluation.Trec;

namespace TrialAccess.Patients.Evaluation;

/// <summary>The expected facts for one topic, as an annotator wrote them.</summary>
public sealed record GoldTopic(int Topic, IReadOnlyList<PatientFact> Facts);

/// <summary>Counts for one kind of fact (or all): true positives, false positives, false negatives.</summary>
public sealed record FactScore(string Kind, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>What went wrong in one topic: facts extracted but not in the gold, and gold facts not extracted.</summary>
public sealed record TopicDifference(int Topic, IReadOnlyList<PatientFact> Extra, IReadOnlyList<PatientFact> Missed);

/// <summary>The outcome of scoring the note reader against a gold annotation.</summary>
public sealed record FactEvaluationReport(int Topics, FactScore Overall, IReadOnlyList<FactScore> ByKind, IReadOnlyList<TopicDifference> Differences);

/// <summary>
/// Scores extracted facts against gold facts, topic by topic. A fact matches when its <see cref="PatientFact.Key"/>
/// equals a gold fact's key; each gold fact matches at most one extracted fact. Only the kinds present in the gold
/// file are scored.
/// </summary>
public static class FactEvaluation
{
    /// <summary>Reads a gold file: one JSON object a line, <c>{"topic": 3, "facts": [{"kind": "age", "value": "32"}, ...]}</c>.</summary>
    public static (IReadOnlyList<GoldTopic> Topics, IReadOnlyList<string> Errors) ParseGold(string jsonLines)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var topics = new List<GoldTopic>();
        var errors = new List<string>();
        var lineNumber = 0;
        foreach (var line in jsonLines.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (!root.TryGetProperty("topic", out var topic) || !topic.TryGetInt32(out var number))
                {
                    errors.Add($"line {lineNumber}: topic: a topic number is required.");
                    continue;
                }

                if (!root.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"line {lineNumber}: facts: an array of facts is required.");
                    continue;
                }

                var list = new List<PatientFact>();
                var i = 0;
                foreach (var fact in facts.EnumerateArray())
                {
                    var kind = fact.TryGetProperty("kind", out var k) ? k.GetString() : null;
                    var value = fact.TryGetProperty("value", out var v) ? v.GetString() : null;
                    var certainty = Certainty.Asserted;
                    if (fact.TryGetProperty("certainty", out var c) && !Enum.TryParse(c.GetString()?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out certainty))
                    {
                        errors.Add($"line {lineNumber}: facts[{i}].certainty: '{c.GetString()}' is not asserted, negated, historical, familyHistory or hypothetical.");
                    }

                    if (kind is null || !PatientFact.Kinds.Contains(kind) || string.IsNullOrWhiteSpace(value))
                    {
                        errors.Add($"line {lineNumber}: facts[{i}]: needs a kind ({string.Join(", ", PatientFact.Kinds)}) and a value.");
                    }
                    else
                    {
                        list.Add(new PatientFact(kind, value, certainty));
                    }

                    i++;
                }

                topics.Add(new GoldTopic(number, list));
            }
            catch (JsonException e)
            {
                errors.Add($"line {lineNumber}: not valid JSON ({e.Message}).");
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"line {lineNumber}: {e.Message}");
            }
        }

        return (topics, errors);
    }

    /// <summary>Reads TREC topics (<c>&lt;topic number="1"&gt;text&lt;/topic&gt;</c>) into number and text.</summary>
    public static IReadOnlyDictionary<int, string> ParseTopics(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var result = new Dictionary<int, string>();
        foreach (var topic in TrecTopic.ParseTopics(xml).Topics)
        {
            if (int.TryParse(topic.Number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                result[number] = topic.Text;
            }
        }

        return result;
    }

    /// <summary>Extracts each gold topic's text with <paramref name="extract"/> and scores the result.</summary>
    public static FactEvaluationReport Evaluate(IReadOnlyList<GoldTopic> gold, IReadOnlyDictionary<int, string> topics, Func<string, PatientProfile> extract)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(extract);
        var kinds = gold.SelectMany(g => g.Facts).Select(f => f.Kind).ToHashSet(StringComparer.Ordinal);
        var counts = PatientFact.Kinds.ToDictionary(k => k, _ => (Tp: 0, Fp: 0, Fn: 0));
        var differences = new List<TopicDifference>();
        var scored = 0;
        foreach (var topic in gold)
        {
            if (!topics.TryGetValue(topic.Topic, out var text))
            {
                continue;
            }

            scored++;
            var extracted = PatientFact.From(extract(text)).Where(f => kinds.Contains(f.Kind)).ToList();
            var remaining = topic.Facts.ToList();
            var extra = new List<PatientFact>();
            foreach (var fact in extracted)
            {
                var at = remaining.FindIndex(g => g.Key == fact.Key);
                if (at >= 0)
                {
                    remaining.RemoveAt(at);
                    var c = counts[fact.Kind];
                    counts[fact.Kind] = c with { Tp = c.Tp + 1 };
                }
                else
                {
                    extra.Add(fact);
                    var c = counts[fact.Kind];
                    counts[fact.Kind] = c with { Fp = c.Fp + 1 };
                }
            }

            foreach (var missed in remaining)
            {
                var c = counts[missed.Kind];
                counts[missed.Kind] = c with { Fn = c.Fn + 1 };
            }

            if (extra.Count > 0 || remaining.Count > 0)
            {
                differences.Add(new TopicDifference(topic.Topic, extra, remaining));
            }
        }

        var byKind = PatientFact.Kinds.Where(kinds.Contains).Select(k => new FactScore(k, counts[k].Tp, counts[k].Fp, counts[k].Fn)).ToList();
        var overall = new FactScore("all", byKind.Sum(s => s.TruePositives), byKind.Sum(s => s.FalsePositives), byKind.Sum(s => s.FalseNegatives));
        return new FactEvaluationReport(scored, overall, byKind, differences);
    }
}
