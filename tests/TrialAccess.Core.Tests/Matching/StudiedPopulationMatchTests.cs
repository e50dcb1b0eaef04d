using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Matching;

/// <summary>The trial's studied population (setting, biomarker population, disease) as the matcher ranks and explains it.</summary>
public class StudiedPopulationMatchTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private const string Note =
        "58-year-old woman, never smoker, with metastatic lung adenocarcinoma, EGFR exon 19 deletion, diagnosed with stage IV disease. " +
        "She now has progressive disease on first-line osimertinib. Brain metastases treated with radiosurgery, now stable. ECOG 1.";

    private static ClinicalTrial Trial(string id, string title, params string[] conditions) => new()
    {
        NctId = NctId.Parse(id),
        BriefTitle = title,
        Conditions = conditions,
        OverallStatus = RecruitmentStatus.Recruiting,
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* ECOG 0-1", MinimumAge = new AgeLimit(18, AgeUnit.Years) },
    };

    private static readonly ClinicalTrial[] Trials =
    [
        Trial("NCT09100001", "Drug A in EGFR-mutant Lung Adenocarcinoma After Progression on Osimertinib", "Non-small Cell Lung Cancer"),
        Trial("NCT09100002", "Drug B in EGFR Wild-type Metastatic Lung Adenocarcinoma", "Non-small Cell Lung Cancer"),
        Trial("NCT09100003", "Stereotactic Radiosurgery for Brain Metastases From Lung Cancer", "Brain Metastases", "Lung Cancer"),
        Trial("NCT09100004", "Amlodipine for Hypertension in Women Aged 50 to 70", "Hypertension"),
    ];

    private static async Task<IReadOnlyList<TrialMatch>> Match()
    {
        var byId = Trials.ToDictionary(t => t.NctId);
        var matcher = new TrialMatcher(TrialCatalog.Build(Trials), (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), new FixedClock(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)));
        var result = await matcher.MatchAsync(new MatchRequest { Patient = NoteReader.Extract(Note), Note = Note, Restrict = [.. Trials.Select(t => t.NctId)] });
        return result.Trials;
    }

    private static CriterionEvaluation PopulationItem(TrialMatch match) =>
        match.Eligibility.Failing.Single(f => f.Criterion.Segment.Text.StartsWith("studied population", StringComparison.Ordinal));

    [Fact]
    public async Task AnotherBiomarkerPopulation_IsIneligible_AndRanksLast_WithBothSidesEvidence()
    {
        var matches = await Match();

        var wildType = matches.Single(m => m.Trial.NctId.Value == "NCT09100002");
        wildType.Verdict.Should().Be(TrialVerdict.Ineligible);
        matches[^1].Should().BeSameAs(wildType);
        PopulationItem(wildType).Evidence.Should().Contain("EGFR Wild-type").And.Contain("title").And.Contain("EGFR exon 19 deletion");
    }

    [Fact]
    public async Task ASettingThePatientIsPast_AndAnotherDisease_AreLikelyIneligible_BelowTheTrialThatFits()
    {
        var matches = await Match();

        matches[0].Trial.NctId.Value.Should().Be("NCT09100001");
        matches[0].Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
        var brain = matches.Single(m => m.Trial.NctId.Value == "NCT09100003");
        brain.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        PopulationItem(brain).Evidence.Should().Contain("treated and stable");
        var hypertension = matches.Single(m => m.Trial.NctId.Value == "NCT09100004");
        hypertension.Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        PopulationItem(hypertension).Evidence.Should().Contain("lung adenocarcinoma");
    }

    [Fact]
    public async Task APopulationPresumedWrong_RanksBelowACriterionPresumedUnmet()
    {
        // Both lung trials are Likely ineligible: one for its own population (untreated brain metastases, the patient's are
        // treated), one for a criterion (a prior operation the note does not record). The trial's own population says more.
        var trials = new[]
        {
            Trial("NCT09100011", "Radiosurgery for Untreated Brain Metastases From EGFR-mutant Lung Adenocarcinoma", "Non-small Cell Lung Cancer"),
            Trial("NCT09100012", "Drug C in EGFR-mutant Lung Adenocarcinoma", "Non-small Cell Lung Cancer") with
            {
                Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* Prior surgical resection of the primary tumour", MinimumAge = new AgeLimit(18, AgeUnit.Years) },
            },
        };
        var byId = trials.ToDictionary(t => t.NctId);
        var matcher = new TrialMatcher(TrialCatalog.Build(trials), (id, _) => ValueTask.FromResult(byId.GetValueOrDefault(id)), new FixedClock(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)));
        var matches = (await matcher.MatchAsync(new MatchRequest { Patient = NoteReader.Extract(Note), Note = Note, Restrict = [.. trials.Select(t => t.NctId)] })).Trials;

        matches.Should().OnlyContain(m => m.Verdict == TrialVerdict.LikelyIneligible);
        matches[^1].Trial.NctId.Value.Should().Be("NCT09100011");
    }
}
