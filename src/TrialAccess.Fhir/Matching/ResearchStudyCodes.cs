using Hl7.Fhir.Model;
using TrialAccess.Trials;

namespace TrialAccess.Fhir.Matching;

/// <summary>The registry's status and phase in the FHIR R4 ResearchStudy code systems, as the CodeX service library maps them.</summary>
public static class ResearchStudyCodes
{
    /// <summary>The research-study-phase code system.</summary>
    public const string PhaseSystem = "http://terminology.hl7.org/CodeSystem/research-study-phase";

    private static readonly (string Code, string Display, TrialPhase[] Phases)[] PhaseCodes =
    [
        ("early-phase-1", "Early Phase 1", [TrialPhase.EarlyPhase1]),
        ("phase-1-phase-2", "Phase 1/Phase 2", [TrialPhase.Phase1, TrialPhase.Phase2]),
        ("phase-2-phase-3", "Phase 2/Phase 3", [TrialPhase.Phase2, TrialPhase.Phase3]),
        ("phase-1", "Phase 1", [TrialPhase.Phase1]),
        ("phase-2", "Phase 2", [TrialPhase.Phase2]),
        ("phase-3", "Phase 3", [TrialPhase.Phase3]),
        ("phase-4", "Phase 4", [TrialPhase.Phase4]),
        ("n-a", "N/A", [TrialPhase.NotApplicable]),
    ];

    /// <summary>
    /// ResearchStudy.status for the registry's overall status, as the CodeX service library's converter maps it:
    /// recruiting and enrolling by invitation are <c>active</c>; not yet recruiting <c>approved</c>; active, not
    /// recruiting <c>closed-to-accrual</c>; suspended <c>temporarily-closed-to-accrual</c>; completed
    /// <c>completed</c>; terminated <c>administratively-completed</c>; withdrawn <c>withdrawn</c>; unknown (and a
    /// record without a status) <c>in-review</c>. Expanded-access statuses follow their meaning.
    /// </summary>
    public static ResearchStudy.ResearchStudyStatus Status(RecruitmentStatus status) => status switch
    {
        RecruitmentStatus.Recruiting or RecruitmentStatus.EnrollingByInvitation or RecruitmentStatus.Available => ResearchStudy.ResearchStudyStatus.Active,
        RecruitmentStatus.NotYetRecruiting => ResearchStudy.ResearchStudyStatus.Approved,
        RecruitmentStatus.ActiveNotRecruiting or RecruitmentStatus.NoLongerAvailable => ResearchStudy.ResearchStudyStatus.ClosedToAccrual,
        RecruitmentStatus.Suspended or RecruitmentStatus.TemporarilyNotAvailable => ResearchStudy.ResearchStudyStatus.TemporarilyClosedToAccrual,
        RecruitmentStatus.Completed or RecruitmentStatus.ApprovedForMarketing => ResearchStudy.ResearchStudyStatus.Completed,
        RecruitmentStatus.Terminated => ResearchStudy.ResearchStudyStatus.AdministrativelyCompleted,
        RecruitmentStatus.Withdrawn => ResearchStudy.ResearchStudyStatus.Withdrawn,
        RecruitmentStatus.Unknown or RecruitmentStatus.NotStated or RecruitmentStatus.Withheld => ResearchStudy.ResearchStudyStatus.InReview,
    };

    /// <summary>The code of <see cref="Status"/> as FHIR writes it (<c>closed-to-accrual</c>).</summary>
    public static string StatusCode(RecruitmentStatus status) => Hl7.Fhir.Utility.EnumUtility.GetLiteral(Status(status)) ?? "in-review";

    /// <summary>The phase as a research-study-phase coding with its display as text; null when the record states none.</summary>
    public static CodeableConcept? Phase(IReadOnlyList<TrialPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
        {
            return null;
        }

        var distinct = phases.Distinct().Order().ToArray();
        foreach (var (code, display, members) in PhaseCodes)
        {
            if (members.SequenceEqual(distinct))
            {
                return new CodeableConcept(PhaseSystem, code, display, display);
            }
        }

        // A combination the code system has no code for (Phase 1/Phase 3): the words only.
        return new CodeableConcept { Text = string.Join("/", distinct.Select(p => PhaseCodes.First(c => c.Phases.SequenceEqual([p])).Display)) };
    }

    /// <summary>Reads a research-study-phase code (<c>phase-2</c>, <c>phase-1-phase-2</c>) into the phases it stands for.</summary>
    public static bool TryParsePhase(string code, out IReadOnlyList<TrialPhase> phases)
    {
        var match = PhaseCodes.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        phases = match.Phases ?? [];
        return match.Code is not null;
    }
}
