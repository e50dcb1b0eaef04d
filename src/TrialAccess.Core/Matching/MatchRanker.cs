using System.Collections.Concurrent;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Matching;

/// <summary>
/// The full matcher as a benchmark ranker: the patient description is read as a note, no filter is applied (the
/// benchmark's judges ignored status and place), Ineligible trials stay in the ranking below the others.
/// </summary>
/// <param name="withFeatures">Keep each match's learned-ranker features (for cross-validation and training).</param>
public sealed class MatchRanker(TrialMatcher matcher, bool withFeatures = false) : ITrialRanker
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<NctId, TrialMatch>> _matches = new(StringComparer.Ordinal);

    /// <summary>"full" for the hand-written order, "learned" when the matcher ranks with a model.</summary>
    public string Name => matcher.Model is null ? "full" : "learned";

    /// <summary>The verdict the engine gave each ranked trial, per patient description: for the safety figures.</summary>
    public IReadOnlyDictionary<NctId, TrialVerdict> VerdictsFor(string patientText) =>
        MatchesFor(patientText).ToDictionary(m => m.Key, m => m.Value.Verdict);

    /// <summary>Each ranked trial's match (verdict, criteria, relevance), per patient description: for the per-pair report.</summary>
    public IReadOnlyDictionary<NctId, TrialMatch> MatchesFor(string patientText) =>
        _matches.TryGetValue(patientText, out var matches) ? matches : new Dictionary<NctId, TrialMatch>();

    public IReadOnlyList<NctId> Rank(string patientText, IReadOnlyCollection<NctId>? candidates, int top)
    {
        var intake = PatientIntake.WithoutFhir.Read(patientText);
        var patient = intake.Profile ?? new PatientProfile();
        var request = new MatchRequest
        {
            Patient = patient,
            Note = patientText,
            Filters = MatchFilters.None,
            Top = top,
            Candidates = top,
            Restrict = candidates,
            IncludeIneligible = true,
            WithRankingFeatures = withFeatures,
        };
        var result = matcher.MatchAsync(request).GetAwaiter().GetResult();
        _matches[patientText] = result.Trials.ToDictionary(m => m.Trial.NctId);
        return result.Trials.Select(m => m.Trial.NctId).ToList();
    }
}
