using Microsoft.AspNetCore.Identity;

namespace TrialAccess.Storage.Accounts;

/// <summary>
/// A person who signs in (staff, partners, reviewers; never a patient). Identity keeps the password as a salted
/// PBKDF2 hash; roles and per-resource claims (<c>trialaccess:site</c> = a site id, for example) are Identity roles and
/// user claims, and travel in the sign-in cookie.
/// </summary>
public sealed class TrialAccessUser : IdentityUser
{
    /// <summary>The name shown to others ("Dr A. Example"); the user name is what they type to sign in.</summary>
    public string DisplayName { get; set; } = "";
}
