namespace TrialAccess.Trials;

public enum StudyType
{
    NotStated = 0,
    Interventional,
    Observational,
    ExpandedAccess,
}
