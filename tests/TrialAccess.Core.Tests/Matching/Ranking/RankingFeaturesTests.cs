using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Matching.Ranking;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Matching.Ranking;

public class RankingFeaturesTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Scores by one feature, negated when asked: a model that can disagree with relevance.</summary>
    private sealed class OneFeatureModel(string feature, double sign, IReadOnlyList<string>? names = null) : IRelevanceModel
    {
        public string Name => "one-feature";

        public IReadOnlyList<string> FeatureNames => names ?? RankingFeatures.Names;

        public IReadOnlyList<double> Score(IReadOnlyList<float[]> rows)
        {
            var at = RankingFeatures.Names.ToList().IndexOf(feature);
            return rows.Select(r => sign * r[at]).ToList();
        }
    }

    private static ClinicalTrial Trial(string id, string title, string criteria, params string[] conditions) => new()
    {
        NctId = NctId.Parse(id),
        BriefTitle = title,
        Conditions = conditions,
        OverallStatus = RecruitmentStatus.Recruiting,
        Eligibility = new TrialEligibility { Criteria = criteria, MinimumAge = new AgeLimit(18, AgeUnit.Years), AcceptsHealthyVolunteers = false },
    };

    private static readonly ClinicalTrial[] Trials =
    [
        Trial("NCT00000001", "Osimertinib for lung adenocarcinoma", "Inclusion Criteria:\n* Histologically confirmed non-small cell lung cancer\n* ECOG 0-1", "Lung Adenocarcinoma"),
        Trial("NCT00000002", "Chemotherapy for lung cancer in poor performance status", "Inclusion Criteria:\n* Non-small cell lung cancer\n* ECOG 2-3", "Non-Small Cell Lung Cancer"),
        Trial("NCT00000005", "Breast cancer exercise", "Inclusion Criteria:\n* Histologically confirmed breast cancer", "Breast Cancer"),
    ];

    private static readonly PatientProfile Patient = new()
    {
        Age = new Fact<decimal>(62),
        Sex = new Fact<PatientSex>(PatientSex.Male),
        Diagnoses = [new Diagnosis { Text = "lung adenocarcinoma", OncoTreeCode = "LUAD" }],
        PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Ecog, 1)],
    };

    private static TrialMatcher Matcher(IRelevanceModel? model = null)
    {
        var byId = Trials.ToDictionary(t => t.NctId);
        return new TrialMatcher(TrialCatalog.Build(Trials), (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), new FixedClock(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)), model: model);
    }

    private static async Task<Dictionary<string, float[]>> Features()
    {
        var result = await Matcher().MatchAsync(new MatchRequest { Patient = Patient, Note = "62 year old man with lung adenocarcinoma, ECOG 1", Filters = MatchFilters.None, WithRankingFeatures = true, Restrict = Trials.Select(t => t.NctId).ToList() });
        return result.Trials.ToDictionary(m => m.Trial.NctId.Value, m => m.RankingFeatures!.ToArray());
    }

    private static float Value(float[] features, string name) => features[RankingFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Names_AreDistinct()
    {
        RankingFeatures.Names.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Extract_OnAHandBuiltPatientAndTrials_DescribesConceptMatchVerdictAndCounts()
    {
        var features = await Features();

        features.Values.Should().AllSatisfy(f => f.Length.Should().Be(RankingFeatures.Names.Count));
        var luad = features["NCT00000001"];
        var poorStatus = features["NCT00000002"];
        var breast = features["NCT00000005"];

        Value(luad, "patient_has_cancer").Should().Be(1);
        Value(luad, "cancer_exact").Should().Be(1);
        Value(luad, "cancer_same_tissue").Should().Be(1);
        Value(breast, "cancer_exact").Should().Be(0);
        Value(breast, "cancer_other_tissue").Should().Be(1);
        Value(luad, "main_terms_in_title").Should().Be(1);
        Value(breast, "main_terms_in_title").Should().Be(0);
        Value(luad, "relevance").Should().BeGreaterThan(Value(breast, "relevance"));
        features.Values.Max(f => Value(f, "relevance_to_best")).Should().Be(1);
        Value(luad, "relevance_query_share").Should().BeInRange(0, 1);

        Value(poorStatus, "verdict").Should().Be((int)TrialVerdict.Ineligible);
        Value(poorStatus, "inclusion_not_met_recorded").Should().Be(1);
        Value(poorStatus, "fails_other").Should().Be(1);
        Value(luad, "inclusion_met").Should().BeGreaterThanOrEqualTo(1);
        Value(luad, "inclusion_not_met_recorded").Should().Be(0);
        Value(luad, "age_fit").Should().Be(1);
        Value(luad, "healthy_volunteers").Should().Be(0);
        Value(luad, "trial_conditions").Should().Be(1);
        float.IsNaN(Value(luad, "semantic_similarity")).Should().BeTrue("no sentence vectors: a missing value");
    }

    [Fact]
    public async Task MatchAsync_WithAModel_OrdersByItsScoreButKeepsIneligibleLast()
    {
        // A model preferring the least relevant trial: it decides the order of the trials that are not Ineligible.
        var matcher = Matcher(new OneFeatureModel("relevance", -1));
        var result = await matcher.MatchAsync(new MatchRequest { Patient = Patient, Note = "lung adenocarcinoma, ECOG 1", Filters = MatchFilters.None, Restrict = Trials.Select(t => t.NctId).ToList() });

        result.Trials[^1].Verdict.Should().Be(TrialVerdict.Ineligible);
        var shown = result.Trials.Where(m => m.Verdict != TrialVerdict.Ineligible).ToList();
        shown.Select(m => m.Relevance).Should().BeInAscendingOrder();
        shown.Should().AllSatisfy(m => m.ModelScore.Should().NotBeNull());
    }

    [Fact]
    public void Matcher_WithAModelOfOtherFeatures_RefusesItClearly()
    {
        var stale = new OneFeatureModel("relevance", 1, [.. RankingFeatures.Names.Take(3), "retired_feature"]);

        var build = () => Matcher(stale);

        build.Should().Throw<RelevanceModelMismatchException>().WithMessage("*retired_feature*train ranker*");
    }
}
