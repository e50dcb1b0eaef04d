namespace TrialAccess.Trials;

/// <summary>
/// The registry's enumerated values in both spellings: API v2 (<c>ACTIVE_NOT_RECRUITING</c>) and the legacy XML
/// ("Active, not recruiting"). Parsing is case-insensitive and ignores punctuation and spacing.
/// </summary>
public static class RegistryVocabulary
{
    private static readonly Dictionary<string, RecruitmentStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["notyetrecruiting"] = RecruitmentStatus.NotYetRecruiting,
        ["recruiting"] = RecruitmentStatus.Recruiting,
        ["enrollingbyinvitation"] = RecruitmentStatus.EnrollingByInvitation,
        ["activenotrecruiting"] = RecruitmentStatus.ActiveNotRecruiting,
        ["suspended"] = RecruitmentStatus.Suspended,
        ["terminated"] = RecruitmentStatus.Terminated,
        ["completed"] = RecruitmentStatus.Completed,
        ["withdrawn"] = RecruitmentStatus.Withdrawn,
        ["unknown"] = RecruitmentStatus.Unknown,
        ["unknownstatus"] = RecruitmentStatus.Unknown,
        ["available"] = RecruitmentStatus.Available,
        ["nolongeravailable"] = RecruitmentStatus.NoLongerAvailable,
        ["temporarilynotavailable"] = RecruitmentStatus.TemporarilyNotAvailable,
        ["approvedformarketing"] = RecruitmentStatus.ApprovedForMarketing,
        ["withheld"] = RecruitmentStatus.Withheld,
    };

    private static readonly Dictionary<string, TrialPhase> Phases = new(StringComparer.Ordinal)
    {
        ["earlyphase1"] = TrialPhase.EarlyPhase1,
        ["phase0"] = TrialPhase.EarlyPhase1,
        ["phase1"] = TrialPhase.Phase1,
        ["phase2"] = TrialPhase.Phase2,
        ["phase3"] = TrialPhase.Phase3,
        ["phase4"] = TrialPhase.Phase4,
        ["na"] = TrialPhase.NotApplicable,
        ["notapplicable"] = TrialPhase.NotApplicable,
    };

    public static bool TryParseStatus(string? text, out RecruitmentStatus status)
    {
        status = RecruitmentStatus.NotStated;
        return text is not null && Statuses.TryGetValue(Fold(text), out status);
    }

    /// <summary>
    /// Parses one phase or a combined legacy value such as "Phase 1/Phase 2" into its phases, in order.
    /// Returns false when any part is not a phase.
    /// </summary>
    public static bool TryParsePhases(string? text, out IReadOnlyList<TrialPhase> phases)
    {
        phases = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Fold(text) is "na" or "notapplicable")
        {
            phases = [TrialPhase.NotApplicable];
            return true;
        }

        var result = new List<TrialPhase>();
        foreach (var part in text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = Fold(part);
            if (key.Length == 1 && char.IsAsciiDigit(key[0]) && result.Count > 0)
            {
                key = "phase" + key;
            }

            if (!Phases.TryGetValue(key, out var phase))
            {
                return false;
            }

            if (!result.Contains(phase))
            {
                result.Add(phase);
            }
        }

        phases = result;
        return true;
    }

    public static bool TryParseStudyType(string? text, out StudyType type)
    {
        type = StudyType.NotStated;
        if (text is null)
        {
            return false;
        }

        var key = Fold(text);
        type = key switch
        {
            "interventional" => StudyType.Interventional,
            _ when key.StartsWith("observational", StringComparison.Ordinal) => StudyType.Observational,
            "expandedaccess" => StudyType.ExpandedAccess,
            _ => StudyType.NotStated,
        };
        return type != StudyType.NotStated;
    }

    public static bool TryParseSex(string? text, out EligibleSex sex)
    {
        sex = text is null ? EligibleSex.NotStated : Fold(text) switch
        {
            "all" or "both" => EligibleSex.All,
            "female" => EligibleSex.Female,
            "male" => EligibleSex.Male,
            _ => EligibleSex.NotStated,
        };
        return sex != EligibleSex.NotStated;
    }

    /// <summary>The API v2 spelling of a status, for example <c>ACTIVE_NOT_RECRUITING</c>.</summary>
    public static string ToApiName(this RecruitmentStatus status) => status switch
    {
        RecruitmentStatus.NotStated => "NOT_STATED",
        RecruitmentStatus.NotYetRecruiting => "NOT_YET_RECRUITING",
        RecruitmentStatus.Recruiting => "RECRUITING",
        RecruitmentStatus.EnrollingByInvitation => "ENROLLING_BY_INVITATION",
        RecruitmentStatus.ActiveNotRecruiting => "ACTIVE_NOT_RECRUITING",
        RecruitmentStatus.Suspended => "SUSPENDED",
        RecruitmentStatus.Terminated => "TERMINATED",
        RecruitmentStatus.Completed => "COMPLETED",
        RecruitmentStatus.Withdrawn => "WITHDRAWN",
        RecruitmentStatus.Unknown => "UNKNOWN",
        RecruitmentStatus.Available => "AVAILABLE",
        RecruitmentStatus.NoLongerAvailable => "NO_LONGER_AVAILABLE",
        RecruitmentStatus.TemporarilyNotAvailable => "TEMPORARILY_NOT_AVAILABLE",
        RecruitmentStatus.ApprovedForMarketing => "APPROVED_FOR_MARKETING",
        RecruitmentStatus.Withheld => "WITHHELD",
    };

    /// <summary>The API v2 spelling of a phase, for example <c>PHASE2</c> or <c>EARLY_PHASE1</c>.</summary>
    public static string ToApiName(this TrialPhase phase) => phase switch
    {
        TrialPhase.EarlyPhase1 => "EARLY_PHASE1",
        TrialPhase.Phase1 => "PHASE1",
        TrialPhase.Phase2 => "PHASE2",
        TrialPhase.Phase3 => "PHASE3",
        TrialPhase.Phase4 => "PHASE4",
        TrialPhase.NotApplicable => "NA",
    };

    public static string ToApiName(this StudyType type) => type switch
    {
        StudyType.NotStated => "NOT_STATED",
        StudyType.Interventional => "INTERVENTIONAL",
        StudyType.Observational => "OBSERVATIONAL",
        StudyType.ExpandedAccess => "EXPANDED_ACCESS",
    };

    public static string ToApiName(this EligibleSex sex) => sex switch
    {
        EligibleSex.NotStated => "NOT_STATED",
        EligibleSex.All => "ALL",
        EligibleSex.Female => "FEMALE",
        EligibleSex.Male => "MALE",
    };

    /// <summary>The phases as one label, for example <c>PHASE1/PHASE2</c>; <c>NOT_STATED</c> when there are none.</summary>
    public static string ToApiLabel(this IReadOnlyList<TrialPhase> phases) =>
        phases.Count == 0 ? "NOT_STATED" : string.Join('/', phases.Select(ToApiName));

    /// <summary>Lower case with everything but letters and digits removed: "Active, not recruiting" becomes "activenotrecruiting".</summary>
    private static string Fold(string text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
