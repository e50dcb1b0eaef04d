namespace TrialAccess.Recruitment.Participants;

/// <summary>
/// Where a participant stands in a study, after the FHIR ResearchSubject states (<see cref="ResearchSubjectStates.FhirCode"/>
/// gives the code). The order of the first six is the order of the screening funnel.
/// </summary>
public enum ResearchSubjectState
{
    /// <summary>Identified as a possible participant (for example referred from matching).</summary>
    Candidate,

    /// <summary>Checked against the criteria from the records, before any study procedure.</summary>
    PreScreened,

    /// <summary>Screening procedures begun.</summary>
    Screened,

    /// <summary>Screening passed: meets every criterion.</summary>
    Eligible,

    /// <summary>Gave informed consent.</summary>
    Consented,

    /// <summary>Enrolled (registered, randomised): on study. The day of this state is the day the participant was recruited.</summary>
    Enrolled,

    /// <summary>Left the study or the process by their own or the investigator's decision (declined, withdrew consent).</summary>
    Withdrawn,

    /// <summary>Found not eligible at pre-screening, from the records.</summary>
    Ineligible,

    /// <summary>Failed screening: a criterion was not met on formal screening.</summary>
    ScreenFailed,
}

public static class ResearchSubjectStates
{
    /// <summary>The states in the order of the screening funnel.</summary>
    public static IReadOnlyList<ResearchSubjectState> Funnel { get; } =
    [
        ResearchSubjectState.Candidate, ResearchSubjectState.PreScreened, ResearchSubjectState.Screened,
        ResearchSubjectState.Eligible, ResearchSubjectState.Consented, ResearchSubjectState.Enrolled,
    ];

    public static bool IsTerminal(this ResearchSubjectState state) =>
        state is ResearchSubjectState.Withdrawn or ResearchSubjectState.Ineligible or ResearchSubjectState.ScreenFailed;

    /// <summary>An end that carries reasons: not eligible, failed screening, withdrawn.</summary>
    public static bool NeedsReason(this ResearchSubjectState state) => state.IsTerminal();

    /// <summary>The FHIR ResearchSubject state code (R4B research-subject-status; screen failure and pre-screen failure are both <c>ineligible</c>).</summary>
    public static string FhirCode(this ResearchSubjectState state) => state switch
    {
        ResearchSubjectState.Candidate => "candidate",
        ResearchSubjectState.PreScreened => "potential-candidate",
        ResearchSubjectState.Screened => "screening",
        ResearchSubjectState.Eligible => "eligible",
        ResearchSubjectState.Consented => "pending-on-study",
        ResearchSubjectState.Enrolled => "on-study",
        ResearchSubjectState.Withdrawn => "withdrawn",
        ResearchSubjectState.Ineligible => "ineligible",
        ResearchSubjectState.ScreenFailed => "ineligible",
    };

    /// <summary>The name used in CSV logs and the API: <c>prescreened</c>, <c>screen_failed</c>, ...</summary>
    public static string LogName(this ResearchSubjectState state) => state switch
    {
        ResearchSubjectState.PreScreened => "prescreened",
        ResearchSubjectState.ScreenFailed => "screen_failed",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static bool TryParseLogName(string? text, out ResearchSubjectState state)
    {
        state = default;
        var normalised = text?.Trim().ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal).Replace(" ", "_", StringComparison.Ordinal);
        ResearchSubjectState? found = normalised switch
        {
            "candidate" or "referred" => ResearchSubjectState.Candidate,
            "prescreened" or "pre_screened" => ResearchSubjectState.PreScreened,
            "screened" or "screening" => ResearchSubjectState.Screened,
            "eligible" => ResearchSubjectState.Eligible,
            "consented" => ResearchSubjectState.Consented,
            "enrolled" or "recruited" or "on_study" or "randomised" or "randomized" => ResearchSubjectState.Enrolled,
            "withdrawn" or "declined" => ResearchSubjectState.Withdrawn,
            "ineligible" or "not_eligible" => ResearchSubjectState.Ineligible,
            "screen_failed" or "screen_fail" or "screen_failure" or "failed_screening" => ResearchSubjectState.ScreenFailed,
            _ => null,
        };
        if (found is { } value)
        {
            state = value;
            return true;
        }

        return false;
    }

    /// <summary>How far along the funnel a state shows the participant got (a screen failure was screened).</summary>
    internal static int FunnelDepth(this ResearchSubjectState state) => state switch
    {
        ResearchSubjectState.Ineligible => 1,
        ResearchSubjectState.ScreenFailed => 2,
        ResearchSubjectState.Withdrawn => -1,
        _ => (int)state,
    };
}
