using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Trials;

namespace TrialAccess.Eligibility.Quality;

/// <summary>One labelled criterion: where it is (never its text) and the constraints it should give.</summary>
/// <param name="TextSha256">The first 8 hex digits of the SHA-256 of the criterion text, to detect that the position moved.</param>
/// <param name="Expect">Constraint types, or "type:key" for laboratory analyte, biomarker marker, performance scale and cancer code.</param>
public sealed record GoldCriterion(string NctId, string Role, int Index, string TextSha256, IReadOnlyList<string> Expect);

/// <summary>Precision and recall for one constraint type, or overall.</summary>
public sealed record GoldScore(int TruePositives, int Predicted, int Expected)
{
    public double Precision => Predicted == 0 ? 1 : Math.Round((double)TruePositives / Predicted, 4);

    public double Recall => Expected == 0 ? 1 : Math.Round((double)Found / Expected, 4);

    /// <summary>Expected items the parser found (may differ from true positives when several predictions match one label).</summary>
    public int Found { get; init; }
}

/// <summary>The result of scoring the parser on a gold set.</summary>
/// <param name="Unresolved">Labels whose trial is missing or whose criterion text no longer has the labelled hash.</param>
public sealed record GoldReport(int Criteria, int Trials, GoldScore Overall, IReadOnlyDictionary<string, GoldScore> ByType, IReadOnlyList<string> Unresolved, IReadOnlyList<GoldMiss> Misses);

/// <summary>A criterion where the parser and the label disagree.</summary>
public sealed record GoldMiss(string NctId, string Position, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra);

/// <summary>Scores the parser against hand-labelled criteria (see the gold set's README).</summary>
public static class CriteriaGoldSet
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<GoldCriterion> Read(TextReader jsonl)
    {
        var entries = new List<GoldCriterion>();
        for (var line = jsonl.ReadLine(); line is not null; line = jsonl.ReadLine())
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                entries.Add(JsonSerializer.Deserialize<GoldCriterion>(line, Options) ?? throw new JsonException("a gold line is null"));
            }
        }

        return entries;
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    /// <summary>The items a parsed criterion offers for comparison: each type, and "type:key" where the type has a key.</summary>
    public static IReadOnlySet<string> Items(ParsedCriterion criterion)
    {
        var items = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var constraint in criterion.Constraints)
        {
            var type = TypeName(constraint.Kind);
            items.Add(type);
            var key = constraint switch
            {
                LaboratoryConstraint lab => lab.Analyte,
                BiomarkerConstraint biomarker => biomarker.Marker,
                PerformanceStatusConstraint ps => ps.Scale.ToString(),
                CancerTypeConstraint cancer => cancer.Code,
                _ => null,
            };
            if (key is not null)
            {
                items.Add($"{type}:{key}");
            }
        }

        return items;
    }

    /// <param name="trials">Every version of each trial that is available; the version whose criterion has the labelled hash is used.</param>
    public static GoldReport Score(IReadOnlyList<GoldCriterion> gold, IReadOnlyDictionary<NctId, IReadOnlyList<ClinicalTrial>> trials, CriterionParser parser)
    {
        var byType = new Dictionary<string, (int Tp, int Predicted, int Expected, int Found)>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        var misses = new List<GoldMiss>();
        var segmented = new Dictionary<ClinicalTrial, SegmentedCriteria>(ReferenceEqualityComparer.Instance);
        var scored = 0;
        foreach (var entry in gold)
        {
            var position = $"{entry.Role} {entry.Index}";
            if (!NctId.TryParse(entry.NctId, out var id) || !trials.TryGetValue(id, out var versions))
            {
                unresolved.Add($"{entry.NctId} {position}: trial not found");
                continue;
            }

            var role = entry.Role.StartsWith("ex", StringComparison.OrdinalIgnoreCase) ? CriterionRole.Exclusion : CriterionRole.Inclusion;
            CriterionSegment? segment = null;
            foreach (var version in versions)
            {
                if (!segmented.TryGetValue(version, out var segments))
                {
                    segments = CriteriaSegmenter.Segment(version.Eligibility.Criteria);
                    segmented[version] = segments;
                }

                // By position, or else by the text alone when the segmenter has since renumbered the criterion (an item
                // under "must not have any of the following:" read as an exclusion): the labels are about its words.
                segment = segments.Criteria.FirstOrDefault(c => c.Role == role && c.Index == entry.Index && Hash(c.Text) == entry.TextSha256)
                    ?? segments.Criteria.Where(c => Hash(c.Text) == entry.TextSha256).OrderBy(c => c.Role == role ? 0 : 1).ThenBy(c => Math.Abs(c.Index - entry.Index)).FirstOrDefault();
                if (segment is not null)
                {
                    break;
                }
            }

            if (segment is null)
            {
                unresolved.Add($"{entry.NctId} {position}: criterion moved or changed");
                continue;
            }

            scored++;
            var predicted = Items(parser.Parse(segment));
            var expected = new HashSet<string>(entry.Expect, StringComparer.OrdinalIgnoreCase);
            var missing = new List<string>();
            var extra = new List<string>();
            foreach (var item in expected)
            {
                var type = item.Split(':')[0];
                var found = predicted.Contains(item);
                Bump(type, expected: 1, found: found ? 1 : 0);
                if (!found)
                {
                    missing.Add(item);
                }
            }

            foreach (var item in predicted)
            {
                var parts = item.Split(':', 2);
                var type = parts[0];
                var keyedLabels = expected.Any(e => e.StartsWith(type + ":", StringComparison.OrdinalIgnoreCase));
                if (parts.Length == 2 != keyedLabels)
                {
                    continue;
                }

                var correct = expected.Contains(item);
                Bump(type, tp: correct ? 1 : 0, predicted: 1);
                if (!correct)
                {
                    extra.Add(item);
                }
            }

            if (missing.Count > 0 || extra.Count > 0)
            {
                misses.Add(new GoldMiss(entry.NctId, position, missing, extra));
            }
        }

        var all = byType.Values.Aggregate((Tp: 0, Predicted: 0, Expected: 0, Found: 0), (a, b) => (a.Tp + b.Tp, a.Predicted + b.Predicted, a.Expected + b.Expected, a.Found + b.Found));
        return new GoldReport(
            scored,
            gold.Select(g => g.NctId).Distinct().Count(),
            new GoldScore(all.Tp, all.Predicted, all.Expected) { Found = all.Found },
            byType.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => new GoldScore(kv.Value.Tp, kv.Value.Predicted, kv.Value.Expected) { Found = kv.Value.Found }),
            unresolved,
            misses);

        void Bump(string type, int tp = 0, int predicted = 0, int expected = 0, int found = 0)
        {
            var current = byType.GetValueOrDefault(type);
            byType[type] = (current.Tp + tp, current.Predicted + predicted, current.Expected + expected, current.Found + found);
        }
    }

    private static string TypeName(ConstraintKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
