using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

public class EligibilityEvaluatorTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static readonly PatientProfile LungPatient = new()
    {
        BirthDate = new DateOnly(1960, 5, 1),
        Sex = new Fact<PatientSex>(PatientSex.Male),
        Diagnoses = [new Diagnosis { Text = "lung adenocarcinoma", OncoTreeCode = "LUAD", Stage = new Stage { Group = "IV", Metastatic = true } }],
        Biomarkers = [new Biomarker { Marker = "EGFR", Alteration = "L858R" }, new Biomarker { Marker = "ALK", Status = BiomarkerStatus.Negative }],
        PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Ecog, 1)],
        Metastases = [new MetastaticSite { Site = "brain", TreatedAndStable = true }],
        Therapies = [new Therapy { Name = "osimertinib", Line = 1, StartedOn = new DateOnly(2025, 1, 10), EndedOn = new DateOnly(2026, 9, 1), ProgressedOn = true }],
        LabResults = [new LabResult { Analyte = "ANC", Value = 1800, Unit = "/mm3" }, new LabResult { Analyte = "AST", Value = 120, Unit = "U/L", UpperLimitOfNormal = 40 }],
    };

    private static CriterionOutcome Outcome(string text, CriterionRole role = CriterionRole.Inclusion, PatientProfile? patient = null) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), patient ?? LungPatient, Context).Outcome;

    [Theory]
    [InlineData("Histologically confirmed NSCLC", CriterionOutcome.Met)]
    [InlineData("Advanced solid tumours", CriterionOutcome.Met)]
    [InlineData("Histologically confirmed breast cancer", CriterionOutcome.NotMet)]
    [InlineData("Acute myeloid leukemia", CriterionOutcome.NotMet)]
    [InlineData("Histologically confirmed NSCLC or small cell lung cancer", CriterionOutcome.Met)]
    public void Evaluate_CancerType_RelatesThroughOncoTree(string text, CriterionOutcome expected)
    {
        Outcome(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("ECOG 0-1", CriterionOutcome.Met)]
    [InlineData("ECOG 0", CriterionOutcome.NotMet)]
    [InlineData("Karnofsky ≥ 70%", CriterionOutcome.Met)]
    [InlineData("EGFR exon 19 deletion or L858R", CriterionOutcome.Met)]
    [InlineData("KRAS G12C mutation", CriterionOutcome.Unknown)]
    [InlineData("ALK rearrangement", CriterionOutcome.NotMet)]
    [InlineData("ANC ≥ 1.5 x 10^9/L", CriterionOutcome.Met)]
    [InlineData("AST ≤ 2.5 x ULN", CriterionOutcome.NotMet)]
    [InlineData("Age ≥ 18 years", CriterionOutcome.Met)]
    [InlineData("Stage IIIB or IV", CriterionOutcome.Met)]
    [InlineData("Progression on prior EGFR TKI", CriterionOutcome.Met)]
    [InlineData("Platelets ≥ 100,000/mm3", CriterionOutcome.Unknown)]
    public void Evaluate_InclusionAgainstKnownFacts_GivesTheOutcome(string text, CriterionOutcome expected)
    {
        Outcome(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("ECOG performance status <= 2 (Karnofsky >= 60%)", 2, CriterionOutcome.Met)]
    [InlineData("ECOG performance status 0-1 (Karnofsky >= 70%)", 2, CriterionOutcome.NotMet)]
    [InlineData("ECOG performance status <= 2 and Karnofsky >= 60%", 2, CriterionOutcome.Unknown)]
    public void Evaluate_AScoreRestatedOnTheOtherScaleInBrackets_IsAnsweredByEither(string text, int ecog, CriterionOutcome expected)
    {
        var patient = LungPatient with { PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Ecog, ecog)] };

        Outcome(text, patient: patient).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_AstWithinLiverMetastasisException_IsUnknownUntilLiverStatusIsKnown()
    {
        var evaluation = EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("AST ≤ 2.5 x ULN (≤ 5 x ULN if liver metastases)", CriterionRole.Inclusion), LungPatient, Context);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
        evaluation.Questions.Should().ContainSingle().Which.Should().Contain("liver metastases");
    }

    [Fact]
    public void Evaluate_ExclusionThatHolds_IsMetAndFailsTheTrial()
    {
        var evaluation = EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("Prior treatment with osimertinib", CriterionRole.Exclusion), LungPatient, Context);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Fails.Should().BeTrue();
        evaluation.Evidence.Should().Contain("osimertinib");
    }

    [Fact]
    public void Evaluate_ActiveBrainMetastasesExclusionWithTreatedStableMetastases_IsNotMet()
    {
        Outcome("Active or untreated brain metastases", CriterionRole.Exclusion).Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_MissingData_IsUnknownNeverNotMet()
    {
        var empty = new PatientProfile();

        foreach (var text in new[] { "ECOG 0-1", "Histologically confirmed NSCLC", "ANC ≥ 1500/mm3", "EGFR L858R", "Age ≥ 18", "No prior chemotherapy", "Stage IV" })
        {
            Outcome(text, patient: empty).Should().Be(CriterionOutcome.Unknown, text);
        }
    }

    [Fact]
    public void Evaluate_ChildbearingPotentialCriterionForAMan_IsNotApplicableAndPregnancyIsNotMet()
    {
        // A clause for a subgroup he is not in does not apply; a pregnancy exclusion is answered: he is not pregnant.
        Outcome("Women of childbearing potential must use effective contraception").Should().Be(CriterionOutcome.NotApplicable);
        Outcome("Pregnant or breastfeeding", CriterionRole.Exclusion).Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_AgeOnTheInjectedDate_UsesThatDate()
    {
        var patient = new PatientProfile { BirthDate = new DateOnly(2008, 12, 1) };

        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("Age ≥ 18 years", CriterionRole.Inclusion), patient, EvaluationContext.On(new DateOnly(2026, 11, 30))).Outcome.Should().Be(CriterionOutcome.NotMet);
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("Age ≥ 18 years", CriterionRole.Inclusion), patient, EvaluationContext.On(new DateOnly(2026, 12, 1))).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_Trial_GivesVerdictWithFailingCriteriaAndQuestions()
    {
        var trial = new ClinicalTrial
        {
            NctId = NctId.Parse("NCT01234567"),
            BriefTitle = "A test trial",
            Eligibility = new TrialEligibility
            {
                Criteria = "Inclusion Criteria:\n- Histologically confirmed NSCLC\n- ECOG 0-1\n- Platelets >= 100,000/mm3\nExclusion Criteria:\n- Active brain metastases",
                MinimumAge = new AgeLimit(18, AgeUnit.Years),
            },
        };
        var parsed = TrialCriteriaParser.Parse(trial);

        var possibly = EligibilityEvaluator.Evaluate(parsed, LungPatient, Context);
        possibly.Verdict.Should().Be(TrialVerdict.PossiblyEligible);
        possibly.Questions.Should().ContainSingle().Which.Should().Contain("platelets");

        var withPlatelets = LungPatient with { LabResults = [.. LungPatient.LabResults, new LabResult { Analyte = "platelets", Value = 220, Unit = "10^9/L" }] };
        EligibilityEvaluator.Evaluate(parsed, withPlatelets, Context).Verdict.Should().Be(TrialVerdict.Eligible);

        var poorStatus = withPlatelets with { PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Ecog, 3)] };
        var ineligible = EligibilityEvaluator.Evaluate(parsed, poorStatus, Context);
        ineligible.Verdict.Should().Be(TrialVerdict.Ineligible);
        ineligible.Failing.Should().ContainSingle().Which.Criterion.Segment.Text.Should().Be("ECOG 0-1");
    }
}
