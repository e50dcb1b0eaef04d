using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Matching;

public class TrialMatcherTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly GeoPoint Boston = new(42.36, -71.06);

    private static ClinicalTrial Trial(string id, string title, string criteria, RecruitmentStatus status = RecruitmentStatus.Recruiting, params string[] conditions) => new()
    {
        NctId = NctId.Parse(id),
        BriefTitle = title,
        Conditions = conditions,
        OverallStatus = status,
        Eligibility = new TrialEligibility { Criteria = criteria, MinimumAge = new AgeLimit(18, AgeUnit.Years) },
        Sites = [new TrialSite { City = "Boston", Coordinates = new GeoPoint(42.34, -71.10), Status = RecruitmentStatus.Recruiting }],
    };

    private static readonly ClinicalTrial[] Trials =
    [
        Trial("NCT00000001", "Osimertinib for EGFR mutant lung cancer", "Inclusion Criteria:\n* Histologically confirmed non-small cell lung cancer\n* ECOG 0-1", conditions: "Non-Small Cell Lung Cancer"),
        Trial("NCT00000002", "Chemotherapy for lung cancer in poor performance status", "Inclusion Criteria:\n* Non-small cell lung cancer\n* ECOG 2-3", conditions: "Non-Small Cell Lung Cancer"),
        Trial("NCT00000003", "Lung cancer screening outreach", "Inclusion Criteria:\n* Adults who smoke", conditions: "Lung Cancer"),
        Trial("NCT00000004", "Closed lung cancer study", "Inclusion Criteria:\n* Non-small cell lung cancer", RecruitmentStatus.Completed, "Lung Cancer"),
        Trial("NCT00000005", "Breast cancer exercise", "Inclusion Criteria:\n* Histologically confirmed breast cancer", conditions: "Breast Cancer"),
    ];

    private static TrialMatcher Matcher()
    {
        var byId = Trials.ToDictionary(t => t.NctId);
        return new TrialMatcher(TrialCatalog.Build(Trials), (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), new FixedClock(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)));
    }

    private static readonly PatientProfile Patient = new()
    {
        Age = new Fact<decimal>(62),
        Sex = new Fact<PatientSex>(PatientSex.Male),
        Diagnoses = [new Diagnosis { Text = "lung adenocarcinoma", OncoTreeCode = "LUAD" }],
        PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Ecog, 1)],
    };

    [Fact]
    public async Task MatchAsync_RanksEligibleAbovePossiblyAboveIneligible()
    {
        var result = await Matcher().MatchAsync(new MatchRequest { Patient = Patient, Note = "lung cancer patient, ECOG 1" });

        result.Trials.Select(m => Tier(m.Verdict)).Should().BeInAscendingOrder();
        result.Trials.Single(m => m.Trial.NctId.Value == "NCT00000002").Verdict.Should().Be(TrialVerdict.Ineligible);
        result.Trials.Single(m => m.Trial.NctId.Value == "NCT00000002").Eligibility.Failing.Should().ContainSingle().Which.Criterion.Segment.Text.Should().Be("ECOG 2-3");
    }

    private static int Tier(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.Eligible => 0,
        TrialVerdict.LikelyEligible => 1,
        TrialVerdict.PossiblyEligible => 2,
        TrialVerdict.LikelyIneligible => 3,
        TrialVerdict.Ineligible => 4,
    };

    [Fact]
    public async Task MatchAsync_RecruitingFilter_DropsClosedTrials()
    {
        var result = await Matcher().MatchAsync(new MatchRequest { Patient = Patient, Note = "lung cancer" });

        result.Trials.Should().NotContain(m => m.Trial.NctId.Value == "NCT00000004");
    }

    [Fact]
    public async Task MatchAsync_HideIneligible_CountsWhatItHid()
    {
        var result = await Matcher().MatchAsync(new MatchRequest { Patient = Patient, Note = "lung cancer", IncludeIneligible = false });

        result.Trials.Should().NotContain(m => m.Verdict == TrialVerdict.Ineligible);
        result.HiddenIneligible.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task MatchAsync_Near_ReportsTheNearestRecruitingSite()
    {
        var result = await Matcher().MatchAsync(new MatchRequest { Patient = Patient, Note = "lung cancer", Filters = new MatchFilters { Near = Boston, RadiusKm = 50 } });

        result.Trials.Should().NotBeEmpty().And.OnlyContain(m => m.NearestSite != null && m.NearestSite.DistanceKm < 10);
    }

    [Fact]
    public async Task MatchAsync_PatientWithoutData_KeepsTrialsAsPossiblyEligibleWithQuestions()
    {
        var result = await Matcher().MatchAsync(new MatchRequest { Patient = new PatientProfile(), Note = "lung cancer" });

        result.Trials.Should().NotBeEmpty().And.OnlyContain(m => m.Verdict == TrialVerdict.PossiblyEligible);
        result.Trials.SelectMany(m => m.Questions).Should().NotBeEmpty();
    }

    [Fact]
    public async Task MatchAsync_Restrict_RanksExactlyTheGivenTrials()
    {
        var only = new[] { NctId.Parse("NCT00000005"), NctId.Parse("NCT00000003") };

        var result = await Matcher().MatchAsync(new MatchRequest { Patient = Patient, Note = "lung cancer", Restrict = only, Filters = MatchFilters.None });

        result.Trials.Select(m => m.Trial.NctId).Should().BeEquivalentTo(only);
        result.Trials[^1].Trial.NctId.Value.Should().Be("NCT00000005", "a breast cancer trial fails a lung cancer patient");
    }

    [Fact]
    public async Task MatchAsync_SharedParseCache_ReadsOnlyNewCandidatesAndTheTrialsReturned()
    {
        var byId = Trials.ToDictionary(t => t.NctId);
        var reads = new List<IReadOnlyCollection<NctId>>();
        var parsed = new TrialAccess.Eligibility.Parsing.ParsedEligibilityCache(TrialAccess.Eligibility.Parsing.CriterionParser.Default);
        var matcher = new TrialMatcher(TrialCatalog.Build(Trials), (ids, _) =>
        {
            reads.Add(ids.ToList());
            return Task.FromResult<IReadOnlyDictionary<NctId, ClinicalTrial>>(ids.Where(byId.ContainsKey).ToDictionary(id => id, id => byId[id]));
        }, new FixedClock(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)), parsed);
        var request = new MatchRequest { Patient = Patient, Note = "lung cancer", Filters = MatchFilters.None, Top = 1 };

        var first = await matcher.MatchAsync(request);
        var second = await matcher.MatchAsync(request);

        reads[0].Should().HaveCount(first.Evaluated, "the first match parses every candidate, read in one call");
        reads.Should().HaveCount(2, "then the parses are cached, and only the trial returned is read");
        reads[1].Should().Equal(second.Trials.Select(m => m.Trial.NctId));
        second.Trials.Select(m => (m.Trial.NctId, m.Verdict, m.Relevance)).Should().Equal(first.Trials.Select(m => (m.Trial.NctId, m.Verdict, m.Relevance)));
        second.Evaluated.Should().Be(first.Evaluated);
    }

    [Fact]
    public async Task MatchAsync_TrialGoneFromTheStore_IsLeftOutAndTheNextTakesItsPlace()
    {
        var byId = Trials.Where(t => t.NctId.Value != "NCT00000001").ToDictionary(t => t.NctId);
        var matcher = new TrialMatcher(TrialCatalog.Build(Trials), (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), new FixedClock(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)));

        var result = await matcher.MatchAsync(new MatchRequest { Patient = Patient, Note = "lung cancer", Filters = MatchFilters.None, Top = 2 });

        result.Trials.Should().HaveCount(2);
        result.Trials.Should().NotContain(m => m.Trial.NctId.Value == "NCT00000001");
    }

    [Fact]
    public void SubjectTerms_AreTheDistinctAnalysedTermsOfTitleAndConditions_InOrdinalOrder()
    {
        var catalog = TrialCatalog.Build(Trials);

        catalog.Index.TryGetDocument(NctId.Parse("NCT00000001"), out var document).Should().BeTrue();
        catalog.SubjectTerms(document).Should().Equal("cancer", "cell", "egfr", "lung", "mutant", "non", "osimertinib", "small");
    }

    [Theory]
    [InlineData("Marginal Zone Lymphoma", true)]
    [InlineData("Splenic Marginal Zone Lymphoma", true)]
    [InlineData("Non-Hodgkin Lymphoma", false)]
    [InlineData("Breast Cancer", false)]
    public void StudiesOwnType_IsThePatientsTypeOrANarrowerOne_NotABroaderOne(string condition, bool expected)
    {
        TrialMatcher.StudiesOwnType(TrialAccess.Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes, ["A study of a new drug", condition], "MZL").Should().Be(expected);
    }

    [Theory]
    [InlineData("TLL", "Acute Lymphoblastic Leukemia", true)]
    [InlineData("TLL", "T-cell Acute Lymphoblastic Leukemia", true)]
    [InlineData("TLL", "B-cell Acute Lymphoblastic Leukemia", false)]
    [InlineData("TLL", "Leukemia", false)]
    [InlineData("TLL", "Acute Leukemia", false)]
    [InlineData("ESCC", "Esophageal Cancer", true)]
    [InlineData("AML", "Leukemia", false)]
    [InlineData("EMALT", "Marginal Zone Lymphoma", true)]
    [InlineData("EMALT", "B-cell Lymphoma", false)]
    [InlineData("PTCL", "T-cell Lymphoma", false)]
    public void StudiesOwnType_CountsACancerNamedWithoutItsSubtype_NotAGroupingAcrossTissues(string patientCode, string condition, bool expected)
    {
        TrialMatcher.StudiesOwnType(TrialAccess.Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes, ["A study of a new drug", condition], patientCode).Should().Be(expected);
    }
}
