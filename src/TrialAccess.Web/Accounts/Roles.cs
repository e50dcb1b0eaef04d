namespace TrialAccess.Web.Accounts;

/// <summary>
/// Role names, as stored in Identity and carried in the sign-in cookie. A module registers the roles it uses with
/// <see cref="AccountsSetup.AddAccountRoles"/> (they are created at start-up if missing) and declares its names as
/// constants beside its code, as the pipeline roles are here.
/// </summary>
public static class Roles
{
    /// <summary>Manages accounts and roles; sees everything, including the audit log.</summary>
    public const string Administrator = "administrator";

    /// <summary>Submits nominations and sees their own, and what a round releases to them.</summary>
    public const string Applicant = "applicant";

    /// <summary>A partner organisation's representative: nominates agents for their organisation.</summary>
    public const string PartnerOrganisation = "partner-organisation";

    /// <summary>Carries out the internal assessment of the nominations assigned to them.</summary>
    public const string Assessor = "assessor";

    /// <summary>An external reviewer: scores the nominations assigned to them and not conflicted on.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>A member of the New Agents Committee: sees the agenda of meetings they attend, unless conflicted.</summary>
    public const string CommitteeMember = "committee-member";

    /// <summary>Chairs the committee: records decisions and may override a conflict (logged).</summary>
    public const string Chair = "chair";

    /// <summary>Runs the process: registers nominations, assigns assessors and reviewers, schedules meetings.</summary>
    public const string Secretariat = "secretariat";

    /// <summary>The roles of the drug-development pipeline module, and the administrator.</summary>
    public static IReadOnlyList<string> Pipeline { get; } =
        [Administrator, Applicant, PartnerOrganisation, Assessor, Reviewer, CommitteeMember, Chair, Secretariat];
}

/// <summary>A link a module puts on the account page for people holding any of <see cref="Roles"/> (all when empty).</summary>
public sealed record AccountHomeLink(string Label, string Href, IReadOnlyList<string> Roles);
