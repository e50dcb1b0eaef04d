namespace TrialAccess.Trials;

/// <summary>The sexes a trial enrols, from the structured record (not from the criteria prose).</summary>
public enum EligibleSex
{
    /// <summary>The source did not say; treated as no restriction, never as a reason to exclude.</summary>
    NotStated = 0,
    All,
    Female,
    Male,
}
