namespace TrialAccess.Web.Accounts;

/// <summary>
/// An external OpenID Connect provider (an organisation's single sign-on), off unless <see cref="Authority"/> and
/// <see cref="ClientId"/> are set (section <c>TrialAccess:OpenIdConnect</c>). A person who signs in through it for the
/// first time gets a local account with no role: an administrator grants roles, the provider's own roles are not trusted.
/// </summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The provider's issuer URL; its discovery document is read from <c>/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The label of the sign-in button. Default "Organisation sign-in".</summary>
    public string DisplayName { get; set; } = "Organisation sign-in";

    /// <summary>Where the provider sends people back. Default <c>/signin-oidc</c>.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Whether the discovery document must come over HTTPS. Default true; false only for a local test provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The authentication scheme name of the provider.</summary>
    public const string Scheme = "oidc";
}
