using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>What the reading tests share: a fixed evaluation date, one criterion or one trial's text evaluated, a note read as a complete history.</summary>
internal static class ReadingTestKit
{
    public static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    public static CriterionEvaluation Evaluate(string text, PatientProfile patient, CriterionRole role = CriterionRole.Inclusion) =>
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, role), patient, Context);

    public static TrialEvaluation EvaluateTrial(string criteria, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(new ClinicalTrial { NctId = NctId.Parse("NCT00000001"), BriefTitle = "t", Eligibility = new TrialEligibility { Criteria = criteria } }), patient, Context);

    public static PatientProfile Note(string text) => NoteReader.Extract(text) with { CompleteHistory = true };

    /// <summary>A note read against a trial known by its titles and one condition, whose only criterion is an age unless <paramref name="criteria"/> are given.</summary>
    public static TrialEvaluation EvaluateTitled(string title, string note, string condition, string? officialTitle = null, string? criteria = null) =>
        EligibilityEvaluator.Evaluate(
            TrialCriteriaParser.Parse(new ClinicalTrial
            {
                NctId = NctId.Parse("NCT09000042"),
                BriefTitle = title,
                OfficialTitle = officialTitle,
                Conditions = [condition],
                Eligibility = new TrialEligibility { Criteria = criteria ?? "Inclusion Criteria:\n* Age 18 or older" },
            }),
            NoteReader.Extract(note),
            Context);
}
