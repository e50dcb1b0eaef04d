using TrialAccess.Eligibility.Parsing;
using TrialAccess.Ingestion;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Storage.Recruitment;

/// <summary>Screening reasons tied to a study's criteria: a registry trial's criteria parsed from the stored record; none otherwise.</summary>
public static class TrialCriteriaReasons
{
    public static async Task<CriterionReasons> ForAsync(ITrialStore trials, StudyKey study, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (study.NctId is not { } id || await trials.FindAsync(id, cancellationToken) is not { } trial)
        {
            return CriterionReasons.None;
        }

        return new CriterionReasons(TrialCriteriaParser.Parse(trial));
    }
}
