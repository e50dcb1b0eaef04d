using TrialAccess.Trials;

namespace TrialAccess.Pipeline.Projects;

/// <summary>Whether a project is moving, paused, stopped or handed over.</summary>
public enum ProjectStatus
{
    Active,
    OnHold,
    /// <summary>Stopped by a No-go decision: counted in attrition with its reason.</summary>
    Stopped,
    /// <summary>In the last stage: a commercial partner leads development.</summary>
    HandedOver,
}

/// <summary>Who may see a project beyond those related to it.</summary>
public enum Confidentiality
{
    /// <summary>Only people related to the project (the default for nominations: everything is confidential).</summary>
    Confidential,
    /// <summary>The public portfolio row (agent code, stage, modality) is shown to staff; the rest stays confidential.</summary>
    Portfolio,
}

/// <summary>How a nomination reached the centre.</summary>
public enum NominationSource
{
    Academic,
    Biotech,
    Pharma,
    Internal,
}

/// <summary>
/// The intake record of a project that started as a nomination: who nominated it, when, the summary of the data
/// package, and the people it names (investigators, inventors), who are conflicted on it.
/// </summary>
/// <param name="NamedPeople">User ids or names of people named in the nomination.</param>
public sealed record Nomination(
    Guid NominatingOrganisationId,
    string ApplicantUserId,
    NominationSource Source,
    DateTimeOffset SubmittedAt,
    string Summary,
    IReadOnlyList<string> NamedPeople);

/// <summary>A partner co-funding the project and its share of the funding (0 to 1).</summary>
public sealed record Partner(Guid OrganisationId, decimal FundingShare);

/// <summary>The kinds of agreement on a project (agreements are events, not stages).</summary>
public enum AgreementKind
{
    ConfidentialDisclosure,
    Collaboration,
    ClinicalTrial,
    Option,
    Licence,
    OutLicence,
}

/// <summary>An agreement signed on the project with a counterparty.</summary>
public sealed record Agreement(Guid Id, AgreementKind Kind, Guid CounterpartyId, DateOnly SignedOn, string Summary);

/// <summary>A registered trial run by the project; its NCT id links the project to the trial record.</summary>
/// <param name="Stage">The pipeline stage the trial belongs to (phase-1, phase-2).</param>
public sealed record LinkedTrial(NctId NctId, string Stage, DateOnly LinkedOn);

/// <summary>A document attached to a nomination (the data package); the bytes are stored beside it, by id.</summary>
public sealed record Attachment(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset AddedAt, string AddedBy);

/// <summary>Why a stay in a stage ended.</summary>
public enum StageExit
{
    Advanced,
    Stopped,
}

/// <summary>
/// A stay of the project in one stage: when it entered and left, and how it left (the decision that ended it).
/// Time in stage and attrition per transition are computed from these.
/// </summary>
public sealed record StageEntry(string Stage, DateOnly EnteredOn, DateOnly? LeftOn, StageExit? Exit, Guid? DecisionId, string? ExitReason);
