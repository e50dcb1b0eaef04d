using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Treatment rules read where they stand: "concurrent" belongs to its own rule, not to every agent of the criterion;
/// lists of allowed treatments, refusals, failures of a drug and routes of giving the study drug are not requirements.
/// </summary>
public class PriorOrConcurrentReadingTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static PatientProfile Patient(params Therapy[] therapies) => new()
    {
        BirthDate = new DateOnly(1960, 1, 1),
        Sex = new Fact<PatientSex>(PatientSex.Male),
        Diagnoses = [new Diagnosis { Text = "small cell lung cancer" }],
        Therapies = therapies,
        CompleteHistory = true,
    };

    private static readonly Therapy PastChemotherapy = new() { Name = "etoposide", Kind = TherapyKind.Drug, Classes = ["chemotherapy"], Certainty = Certainty.Historical, IsCurrent = false };

    private static CriterionEvaluation Evaluate(string text, PatientProfile patient, CriterionRole role = CriterionRole.Inclusion) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), patient, Context);

    private static TrialEvaluation EvaluateTrial(string criteria, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(
            TrialCriteriaParser.Parse(new ClinicalTrial { NctId = NctId.Parse("NCT00000001"), BriefTitle = "t", Conditions = ["Lung Cancer"], Eligibility = new TrialEligibility { Criteria = criteria } }),
            patient,
            Context);

    [Theory]
    [InlineData("No prior or concurrent chemotherapy")]
    [InlineData("No prior or other concurrent chemotherapy")]
    [InlineData("PRIOR CONCURRENT THERAPY: Chemotherapy: No prior chemotherapy")]
    public void Parse_PriorOrConcurrent_IsAboutAnyTreatmentEver(string text)
    {
        var parsed = CriterionParser.Default.Parse(text, CriterionRole.Inclusion);

        parsed.Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle().Which.Current.Should().BeFalse();
    }

    [Fact]
    public void Parse_PriorRuleAndConcurrentRuleRunTogether_AreTwoRules()
    {
        var parsed = CriterionParser.Default.Parse("No prior chemotherapy for lung cancer No other concurrent chemotherapy", CriterionRole.Inclusion);

        parsed.Constraints.OfType<PriorTherapyConstraint>().Select(p => p.Current).Should().BeEquivalentTo([false, true]);
    }

    [Fact]
    public void Parse_ConcurrentOnly_StaysCurrent()
    {
        CriterionParser.Default.Parse("No concurrent chemotherapy, radiotherapy or immunotherapy", CriterionRole.Inclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().HaveCount(3).And.OnlyContain(p => p.Current);
    }

    [Fact]
    public void Evaluate_PastChemotherapyAgainstNoPriorOrConcurrentChemotherapy_IsARecordedFailure()
    {
        var evaluation = Evaluate("No prior or concurrent chemotherapy", Patient(PastChemotherapy));

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Fact]
    public void Evaluate_NoPriorChemotherapyInALongLabelledBlock_StillFails()
    {
        var evaluation = EvaluateTrial(
            "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy for small cell lung cancer No other concurrent chemotherapy Endocrine therapy: No chronic steroid therapy Radiotherapy: No prior pelvic radiotherapy Surgery: Not specified",
            Patient(PastChemotherapy));

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Evaluate_NoPriorSystemicChemotherapyInALongLabelledBlock_StillFails()
    {
        var evaluation = EvaluateTrial(
            "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior systemic chemotherapy No concurrent chemotherapy Endocrine therapy: No concurrent hormonal therapy Radiotherapy: See Disease Characteristics Surgery: Not specified",
            Patient(PastChemotherapy));

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Evaluate_OnePlainNoPriorChemotherapyInABlock_FailsThoughAnotherRuleThereIsQualified()
    {
        var evaluation = EvaluateTrial(
            "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy Endocrine therapy: Not specified Radiotherapy: No prior pelvic or thoracic radiotherapy Surgery: Not specified",
            Patient(PastChemotherapy, new Therapy { Name = "radiotherapy", Kind = TherapyKind.Radiotherapy, Certainty = Certainty.Historical }));

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Evaluate_NoPriorChemotherapyForAnotherSetting_InABlock_IsNotDecidedByTheWordsAlone()
    {
        var evaluation = EvaluateTrial(
            "PRIOR CONCURRENT THERAPY: Biologic therapy: Not specified Chemotherapy: No prior chemotherapy for metastatic disease Endocrine therapy: Not specified Radiotherapy: No prior pelvic radiotherapy Surgery: Not specified",
            Patient(PastChemotherapy, new Therapy { Name = "radiotherapy", Kind = TherapyKind.Radiotherapy, Certainty = Certainty.Historical }));

        evaluation.Verdict.Should().NotBe(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Parse_TreatmentsTheRuleIsLimitedTo_AreNotRequired()
    {
        CriterionParser.Default.Parse("Previous therapies limited to interferon-alpha, hydroxyurea, anagrelide, and imatinib", CriterionRole.Inclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().NotBeEmpty().And.OnlyContain(p => p.Qualifies);
    }

    [Fact]
    public void Parse_ButNotLimitedTo_StillRequires()
    {
        CriterionParser.Default.Parse("Previous treatment with cell-depleting therapies including but not limited to anti-CD20 antibodies", CriterionRole.Exclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().Contain(p => !p.Qualifies);
    }

    [Fact]
    public void Parse_TheDayOfSurgery_IsATimeNotAnOperation()
    {
        CriterionParser.Default.Parse("A positive drug screen on the day of surgery", CriterionRole.Exclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Resistant to or intolerant of hydroxyurea")]
    [InlineData("Documented resistance or intolerance to hydroxyurea")]
    public void Parse_ResistanceOrIntolerance_IsATreatmentThatFailedNotAnAllergy(string text)
    {
        var parsed = CriterionParser.Default.Parse(text, CriterionRole.Inclusion);

        parsed.Constraints.OfType<ConditionConstraint>().Should().BeEmpty();
        parsed.Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle().Which.Refractory.Should().BeTrue();
    }

    [Fact]
    public void Parse_WhatPatientsMayHave_IsAPermissionOfTheWholeList()
    {
        CriterionParser.Default.Parse("Patients may have documented resistance or intolerance to interferon-alpha, imatinib, hydroxyurea, or anagrelide", CriterionRole.Inclusion)
            .Constraints.Should().NotBeEmpty().And.OnlyContain(c => c.Qualifies);
    }

    [Fact]
    public void Parse_ARouteTheStudyDrugCanBeGivenBy_IsNotRequired()
    {
        CriterionParser.Default.Parse("Ability to take oral medication: tablets can be dissolved in juice, and can then be administered through a nasogastric tube.", CriterionRole.Inclusion)
            .Constraints.Where(c => c.Kind == ConstraintKind.Condition).Should().OnlyContain(c => c.Qualifies);
    }

    [Fact]
    public void Evaluate_FailedOrDeclinedATreatment_AsksRatherThanPresumesAFailure()
    {
        var evaluation = EvaluateTrial("Inclusion Criteria:\n* Patients who have failed a course of hydroxyurea or who have declined to take hydroxyurea.", Patient());

        evaluation.Criteria.Should().ContainSingle(c => c.Criterion.Segment.Section != "registry" && c.Criterion.Segment.Text.Contains("hydroxyurea")).Which.Outcome.Should().Be(CriterionOutcome.Unknown);
    }
}
