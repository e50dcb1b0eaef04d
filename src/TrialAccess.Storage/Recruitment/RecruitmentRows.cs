namespace TrialAccess.Storage.Recruitment;

// The recruitment tables as EF Core maps them. The domain's objects (TrialAccess.Recruitment) are built from these rows
// and their changes written back by RecruitmentStore; nothing outside this folder sees a row.

/// <summary>A monitored study (<c>recruitment_studies</c>).</summary>
public sealed class StudyRow
{
    /// <summary>The study key in its text form: an NCT id or <c>pipeline:&lt;id&gt;</c>.</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public int Target { get; set; }

    public DateOnly RecruitmentStart { get; set; }

    public DateOnly TargetEndDate { get; set; }

    public int? PlannedSites { get; set; }
}

/// <summary>A site of a study with its milestone dates (<c>recruitment_sites</c>).</summary>
public sealed class SiteRow
{
    public string StudyId { get; set; } = "";

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int Target { get; set; }

    public DateOnly? TargetEndDate { get; set; }

    public string DelaySource { get; set; } = "None";

    public string? DelayNote { get; set; }

    public DateOnly? Invited { get; set; }

    public DateOnly? Selected { get; set; }

    public DateOnly? Approved { get; set; }

    public DateOnly? Confirmed { get; set; }

    public DateOnly? Opened { get; set; }

    public DateOnly? FirstParticipant { get; set; }

    public DateOnly? Closed { get; set; }
}

/// <summary>A pseudonymised participant (<c>recruitment_participants</c>): a subject id, never a name.</summary>
public sealed class ParticipantRow
{
    public long Id { get; set; }

    public string StudyId { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string SiteCode { get; set; } = "";

    public string? AgeBand { get; set; }

    public string Sex { get; set; } = "Unknown";
}

/// <summary>One dated state of a participant (<c>recruitment_participant_states</c>), with its reasons as JSON.</summary>
public sealed class ParticipantStateRow
{
    public long Id { get; set; }

    public long ParticipantId { get; set; }

    public string State { get; set; } = "";

    public DateOnly On { get; set; }

    /// <summary>JSON array of <c>{"position": "inclusion 3" | null, "text": "..."}</c>; null when none.</summary>
    public string? Reasons { get; set; }
}

/// <summary>A referral from matching (<c>recruitment_referrals</c>): pseudonymous id, verdict and checklist; no note, no name.</summary>
public sealed class ReferralRow
{
    public string Id { get; set; } = "";

    public string StudyId { get; set; } = "";

    public string SiteCode { get; set; } = "";

    public DateOnly ReferredOn { get; set; }

    public string Verdict { get; set; } = "";

    /// <summary>JSON array of the criteria checklist: position, text, outcome, fails.</summary>
    public string Checklist { get; set; } = "[]";

    public string Status { get; set; } = "Referred";

    public DateOnly? ScreenedOn { get; set; }

    public string? Reasons { get; set; }
}

/// <summary>
/// One change to the recruitment tables (<c>recruitment_audit</c>): who, what, when. Written in the same transaction as
/// the change and never updated or deleted (the database refuses it with a trigger).
/// </summary>
public sealed class AuditRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in user, or <c>cli:&lt;account&gt;</c> for the command line.</summary>
    public string Actor { get; set; } = "";

    /// <summary><c>added</c>, <c>modified</c> or <c>deleted</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The table's entity: <c>study</c>, <c>site</c>, <c>participant</c>, <c>participant_state</c>, <c>referral</c>.</summary>
    public string Entity { get; set; } = "";

    public string EntityKey { get; set; } = "";

    /// <summary>JSON object of the values written (for a modification, only the changed ones).</summary>
    public string Changes { get; set; } = "{}";
}
