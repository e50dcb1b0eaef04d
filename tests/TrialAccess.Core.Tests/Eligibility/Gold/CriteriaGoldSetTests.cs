using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Quality;
using TrialAccess.Registry.Sources;
using TrialAccess.Testing;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Gold;

public class CriteriaGoldSetTests
{
    private static readonly string GoldPath = Path.Combine(AppContext.BaseDirectory, "Eligibility", "Gold", "criteria-gold.jsonl");

    private static readonly string HeldOutPath = Path.Combine(AppContext.BaseDirectory, "Eligibility", "Gold", "criteria-gold-heldout.jsonl");

    [Fact]
    public void Read_GoldFile_HasReferencesOnlyAndNoCriterionText()
    {
        using var reader = new StreamReader(GoldPath);
        var gold = CriteriaGoldSet.Read(reader);

        gold.Should().HaveCountGreaterThan(200);
        gold.Select(g => g.NctId).Distinct().Should().HaveCountGreaterThan(40);
        gold.Should().OnlyContain(g => g.TextSha256.Length == 8 && g.Expect.All(e => e.Length < 40));
    }

    [SharedDataFact]
    public async Task Score_ParserOnTheGoldSet_KeepsPrecisionAndRecallAboveTheFloors()
    {
        using var reader = new StreamReader(GoldPath);
        var gold = CriteriaGoldSet.Read(reader);
        var trials = await ReadTrialsAsync(gold.Select(g => g.NctId).ToHashSet(StringComparer.Ordinal));

        var report = CriteriaGoldSet.Score(gold, trials, CriterionParser.Default);

        report.Unresolved.Should().BeEmpty();
        report.Overall.Precision.Should().BeGreaterThanOrEqualTo(0.95, "precision floor; misses: {0}", string.Join("; ", report.Misses.Select(m => $"{m.NctId} {m.Position} -{string.Join(",", m.Missing)} +{string.Join(",", m.Extra)}")));
        report.Overall.Recall.Should().BeGreaterThanOrEqualTo(0.85, "recall floor");
    }

    /// <summary>Issue 3's acceptance: the whole gold set (both files), at least 400 criteria from 80 trials, P 0.95 and R 0.85.</summary>
    [SharedDataFact]
    public async Task Score_ParserOnTheWholeGoldSet_ReachesTheIssueTargets()
    {
        var gold = new List<GoldCriterion>();
        foreach (var file in new[] { GoldPath, HeldOutPath })
        {
            using var reader = new StreamReader(file);
            gold.AddRange(CriteriaGoldSet.Read(reader));
        }

        var trials = await ReadTrialsAsync(gold.Select(g => g.NctId).ToHashSet(StringComparer.Ordinal));

        var report = CriteriaGoldSet.Score(gold, trials, CriterionParser.Default);

        gold.Should().HaveCountGreaterThanOrEqualTo(400);
        gold.Select(g => g.NctId).Distinct().Should().HaveCountGreaterThanOrEqualTo(80);
        report.Unresolved.Should().BeEmpty();
        report.Overall.Precision.Should().BeGreaterThanOrEqualTo(0.95);
        report.Overall.Recall.Should().BeGreaterThanOrEqualTo(0.85);
    }

    /// <summary>
    /// The held-out labels were written after the parser was tuned on the main set and are not used for tuning: they
    /// measure how the parser generalises. Their floors guard against regressions and sit a little under the figures
    /// measured when they were added (precision 0.918, recall 0.753 on 158 criteria from 36 trials; 18 criteria from 2
    /// more trials were labelled in session 2 before looking at the parser's output: precision 0.846, recall 1.0 then).
    /// </summary>
    [SharedDataFact]
    public async Task Score_ParserOnTheHeldOutSet_StaysAboveItsRegressionFloors()
    {
        using var reader = new StreamReader(HeldOutPath);
        var gold = CriteriaGoldSet.Read(reader);
        var trials = await ReadTrialsAsync(gold.Select(g => g.NctId).ToHashSet(StringComparer.Ordinal));

        var report = CriteriaGoldSet.Score(gold, trials, CriterionParser.Default);

        report.Unresolved.Should().BeEmpty();
        report.Overall.Precision.Should().BeGreaterThanOrEqualTo(0.88);
        report.Overall.Recall.Should().BeGreaterThanOrEqualTo(0.72);
    }

    private static async Task<IReadOnlyDictionary<NctId, IReadOnlyList<ClinicalTrial>>> ReadTrialsAsync(HashSet<string> wanted)
    {
        var trials = new Dictionary<NctId, List<ClinicalTrial>>();
        var (files, _) = TrialSources.Expand([SharedData.PathTo("trials/ctgov-v2"), SharedData.PathTo("trials/trialgpt-format"), SharedData.PathTo("trials/ctgov-xml")]);
        foreach (var file in files.Where(f => !f.EndsWith(".xml", StringComparison.Ordinal) || wanted.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            await foreach (var read in TrialSources.ReadFileAsync(file))
            {
                if (read.Trial is { } trial && wanted.Contains(trial.NctId.Value))
                {
                    if (!trials.TryGetValue(trial.NctId, out var list))
                    {
                        trials[trial.NctId] = list = [];
                    }

                    list.Add(trial);
                }
            }
        }

        return trials.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ClinicalTrial>)kv.Value);
    }
}
