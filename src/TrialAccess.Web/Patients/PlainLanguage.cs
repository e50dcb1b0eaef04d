using TrialAccess.Trials;

namespace TrialAccess.Web.Patients;

/// <summary>Registry terms said in everyday words, for the patient pages.</summary>
public static class PlainLanguage
{
    /// <summary>What the phases of a trial mean for someone thinking of joining.</summary>
    public static string Phase(IReadOnlyList<TrialPhase> phases)
    {
        if (phases.Count == 0)
        {
            return "The record does not say which phase this trial is.";
        }

        return string.Join(" ", phases.Select(PhaseSentence).Distinct());
    }

    public static string PhaseName(IReadOnlyList<TrialPhase> phases) =>
        phases.Count == 0 ? "Phase not stated" : string.Join(" and ", phases.Select(p => p switch
        {
            TrialPhase.EarlyPhase1 => "Early phase 1",
            TrialPhase.Phase1 => "Phase 1",
            TrialPhase.Phase2 => "Phase 2",
            TrialPhase.Phase3 => "Phase 3",
            TrialPhase.Phase4 => "Phase 4",
            TrialPhase.NotApplicable => "No phase",
        }));

    private static string PhaseSentence(TrialPhase phase) => phase switch
    {
        TrialPhase.EarlyPhase1 => "Early phase 1: a very small first study of a new treatment, often to see how the body handles it.",
        TrialPhase.Phase1 => "Phase 1: a new treatment is given to a small group of people for the first time or in a new way, to find a safe dose and learn about side effects.",
        TrialPhase.Phase2 => "Phase 2: a treatment that has passed safety testing is given to more people to see whether it works against this cancer.",
        TrialPhase.Phase3 => "Phase 3: a treatment is compared with the usual (standard) treatment in a large group of people, to find out which works better.",
        TrialPhase.Phase4 => "Phase 4: an approved treatment is studied further, to learn more about its long-term benefits and side effects.",
        TrialPhase.NotApplicable => "This study does not test a medicine in phases; it may study a test, a device, a procedure or a way of giving care.",
    };

    public static string Status(RecruitmentStatus status) => status switch
    {
        RecruitmentStatus.Recruiting => "Looking for people to take part now",
        RecruitmentStatus.NotYetRecruiting => "Not open yet: will start looking for people soon",
        RecruitmentStatus.EnrollingByInvitation => "Only people who are invited can join",
        RecruitmentStatus.ActiveNotRecruiting => "Running, but no longer taking new people",
        RecruitmentStatus.Suspended => "Paused for now",
        RecruitmentStatus.Terminated => "Stopped early",
        RecruitmentStatus.Completed => "Finished",
        RecruitmentStatus.Withdrawn => "Withdrawn before anyone joined",
        RecruitmentStatus.Unknown => "Status not confirmed recently",
        RecruitmentStatus.NotStated => "Status not given",
        RecruitmentStatus.Available => "Available outside a trial (expanded access)",
        RecruitmentStatus.NoLongerAvailable => "No longer available",
        RecruitmentStatus.TemporarilyNotAvailable => "Temporarily not available",
        RecruitmentStatus.ApprovedForMarketing => "Approved for use",
        RecruitmentStatus.Withheld => "Details withheld",
    };

    public static string InterventionType(string? type) => type?.ToUpperInvariant() switch
    {
        "DRUG" => "Medicine",
        "BIOLOGICAL" => "Biological medicine (such as an antibody, vaccine or cell therapy)",
        "RADIATION" => "Radiotherapy",
        "PROCEDURE" => "Procedure or operation",
        "DEVICE" => "Medical device",
        "BEHAVIORAL" => "Lifestyle or behaviour programme",
        "DIAGNOSTIC_TEST" => "Test",
        "GENETIC" => "Genetic treatment or test",
        "DIETARY_SUPPLEMENT" => "Dietary supplement",
        "COMBINATION_PRODUCT" => "Combination product",
        null or "" => "Treatment",
        _ => "Other",
    };

    public static string Age(AgeLimit? minimum, AgeLimit? maximum) => (minimum, maximum) switch
    {
        (null, null) => "Any age",
        ({ } min, null) => $"{Describe(min)} or older",
        (null, { } max) => $"Up to {Describe(max)}",
        ({ } min, { } max) => $"From {Describe(min)} to {Describe(max)}",
    };

    public static string Sex(EligibleSex sex) => sex switch
    {
        EligibleSex.Female => "Women only",
        EligibleSex.Male => "Men only",
        _ => "Anyone",
    };

    public static string Distance(double km) =>
        km < 1 ? "less than 1 km" : km < 10 ? $"{km:0.0} km ({km * 0.621371:0} miles)" : $"{km:0} km ({km * 0.621371:0} miles)";

    private static string Describe(AgeLimit limit) =>
        limit.Unit == AgeUnit.Years ? $"{limit.Value:0.##} years" : $"{limit.Value:0.##} {limit.Unit.ToString().ToLowerInvariant()}";
}
