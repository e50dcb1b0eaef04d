namespace TrialAccess.Trials;

/// <summary>
/// Recruitment status of a trial as a whole or of one site, with the values ClinicalTrials.gov API v2 uses.
/// </summary>
public enum RecruitmentStatus
{
    /// <summary>The source gave no status (the TrialGPT corpus format, for example).</summary>
    NotStated = 0,
    NotYetRecruiting,
    Recruiting,
    EnrollingByInvitation,
    ActiveNotRecruiting,
    Suspended,
    Terminated,
    Completed,
    Withdrawn,
    /// <summary>The registry's "Unknown status": the sponsor has not verified the record in two years.</summary>
    Unknown,
    Available,
    NoLongerAvailable,
    TemporarilyNotAvailable,
    ApprovedForMarketing,
    Withheld,
}
