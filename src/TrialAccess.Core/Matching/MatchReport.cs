using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching.Filters;
using TrialAccess.Trials;

namespace TrialAccess.Matching;

/// <summary>
/// A match result in the form clinicians and other systems read it (the CLI's JSON and the web API's response): per
/// trial the verdict, why (criteria with evidence, filters), where (nearest recruiting site) and what to ask next.
/// </summary>
public sealed record MatchReport(int Evaluated, int HiddenIneligible, IReadOnlyList<string> PatientWarnings, IReadOnlyList<MatchedTrialReport> Trials)
{
    public static MatchReport From(MatchResult result, IEnumerable<string>? patientWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MatchReport(
            result.Evaluated,
            result.HiddenIneligible,
            patientWarnings?.ToList() ?? [],
            result.Trials.Select((m, i) => MatchedTrialReport.From(m, i + 1)).ToList());
    }

    public static string VerdictName(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.Eligible => "eligible",
        TrialVerdict.LikelyEligible => "likely_eligible",
        TrialVerdict.PossiblyEligible => "possibly_eligible",
        TrialVerdict.LikelyIneligible => "likely_ineligible",
        TrialVerdict.Ineligible => "ineligible",
    };
}

/// <param name="Verdict">eligible, likely_eligible, possibly_eligible, likely_ineligible or ineligible.</param>
/// <param name="Presumptions">The criteria whose outcome rests on presumed absence ("not recorded, presumed absent: confirm").</param>
/// <param name="Relevance">How well the trial's subject matches the patient; compares within one match only.</param>
public sealed record MatchedTrialReport(
    int Rank,
    NctId NctId,
    string Title,
    string Status,
    IReadOnlyList<string> Phases,
    string Verdict,
    double Relevance,
    IReadOnlyList<string> MatchedTerms,
    NearestSiteReport? NearestRecruitingSite,
    IReadOnlyList<FilterReport> Filters,
    IReadOnlyList<CriterionReport> Criteria,
    IReadOnlyList<string> Failing,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Presumptions)
{
    public static MatchedTrialReport From(TrialMatch match, int rank)
    {
        ArgumentNullException.ThrowIfNull(match);
        var trial = match.Trial;
        return new MatchedTrialReport(
            rank,
            trial.NctId,
            trial.BriefTitle,
            trial.OverallStatus.ToApiName(),
            trial.Phases.Select(p => p.ToApiName()).ToList(),
            MatchReport.VerdictName(match.Verdict),
            Math.Round(match.Relevance, 4),
            match.MatchedTerms,
            match.NearestSite is { } near
                ? new NearestSiteReport(near.Site.Facility, near.Site.City, near.Site.State, near.Site.Country, Math.Round(near.DistanceKm, 1))
                : null,
            match.Filters.Checks.Select(c => new FilterReport(c.Filter, c.Outcome.ToString().ToLowerInvariant(), c.Explanation)).ToList(),
            match.Eligibility.Criteria.Select(c => new CriterionReport(
                c.Role.ToString().ToLowerInvariant(),
                c.Criterion.Segment.Text,
                OutcomeNames.Of(c.Outcome),
                OutcomeNames.Of(c.Basis),
                c.Fails,
                c.Evidence,
                c.Questions)).ToList(),
            match.Eligibility.Failing.Select(c => c.Criterion.Segment.Text).ToList(),
            match.Questions.Distinct().ToList(),
            match.Eligibility.Presumptions.Select(c => c.Evidence is { } e ? $"{c.Criterion.Segment.Text} ({e})" : c.Criterion.Segment.Text).ToList());
    }
}

public sealed record NearestSiteReport(string? Facility, string? City, string? State, string? Country, double DistanceKm);

/// <param name="Outcome">pass, fail or unknown.</param>
public sealed record FilterReport(string Filter, string Outcome, string Explanation);

/// <param name="Outcome">met, not_met, unknown or not_applicable.</param>
/// <param name="Basis">recorded (a fact in the record), presumed (absence from a complete history) or unknown.</param>
/// <param name="Fails">True when this outcome rules the patient out (an inclusion not met, an exclusion met).</param>
public sealed record CriterionReport(string Role, string Text, string Outcome, string Basis, bool Fails, string? Evidence, IReadOnlyList<string> Questions);
