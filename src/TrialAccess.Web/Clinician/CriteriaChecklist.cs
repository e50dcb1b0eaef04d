using TrialAccess.Matching;

namespace TrialAccess.Web.Clinician;

/// <summary>
/// A ranked trial's criteria as the clinician reads them: grouped by what they mean for this patient. "Not met" holds
/// the criteria that rule the patient out on a recorded fact (an inclusion not met, an exclusion present); "Presumed"
/// the outcomes that rest on presumed absence (not recorded in a complete history), to confirm, failures first;
/// "Unknown" what the facts do not settle; "Met" the inclusions met and the exclusions absent on recorded facts.
/// </summary>
public sealed record CriteriaChecklist(
    IReadOnlyList<CriterionReport> NotMet,
    IReadOnlyList<CriterionReport> Presumed,
    IReadOnlyList<CriterionReport> Unknown,
    IReadOnlyList<CriterionReport> Met,
    IReadOnlyList<CriterionReport> NotApplicable)
{
    public static CriteriaChecklist Of(MatchedTrialReport trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var criteria = trial.Criteria;
        return new CriteriaChecklist(
            [.. criteria.Where(c => c.Fails && c.Basis != "presumed")],
            [.. criteria.Where(c => c.Basis == "presumed").OrderByDescending(c => c.Fails)],
            [.. criteria.Where(c => c.Outcome == "unknown")],
            [.. criteria.Where(c => !c.Fails && c.Basis != "presumed" && c.Outcome is "met" or "not_met")],
            [.. criteria.Where(c => c.Outcome == "not_applicable")]);
    }

    /// <summary>What the outcome says about the criterion, in words: "inclusion met", "exclusion present".</summary>
    public static string Reading(CriterionReport criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var inclusion = criterion.Role == "inclusion";
        var reading = criterion.Outcome switch
        {
            "met" => inclusion ? "inclusion met" : "exclusion present",
            "not_met" => inclusion ? "inclusion not met" : "exclusion absent",
            "unknown" => inclusion ? "inclusion unknown" : "exclusion unknown",
            _ => inclusion ? "inclusion does not apply" : "exclusion does not apply",
        };
        return criterion.Basis == "presumed" ? $"{reading} (not recorded, presumed absent: confirm)" : reading;
    }

    /// <summary>The verdict as a clinician reads it.</summary>
    public static string Verdict(string verdict) => verdict switch
    {
        "eligible" => "Eligible",
        "likely_eligible" => "Likely eligible",
        "possibly_eligible" => "Possibly eligible",
        "likely_ineligible" => "Likely ineligible",
        "ineligible" => "Ineligible",
        _ => verdict,
    };
}
