namespace TrialAccess.Trials;

/// <summary>A phase of clinical development, as ClinicalTrials.gov API v2 names them.</summary>
public enum TrialPhase
{
    EarlyPhase1,
    Phase1,
    Phase2,
    Phase3,
    Phase4,
    /// <summary>"Not applicable": trials without phases, such as device or behavioural studies.</summary>
    NotApplicable,
}
