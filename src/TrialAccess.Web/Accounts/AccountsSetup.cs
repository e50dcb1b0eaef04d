using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TrialAccess.Storage.Accounts;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Modules;

namespace TrialAccess.Web.Accounts;

/// <summary>
/// The sign-in foundation every module shares: ASP.NET Core Identity on EF Core (hashed passwords, lockout after 5
/// failures), a cookie for pages (redirect to <c>/account/sign-in</c>; <c>/account/denied</c> with 403), 401 and 403
/// problem details instead of redirects under <c>/api</c>, data protection keys in the accounts tables, and an
/// optional OpenID Connect provider. Pages stay public unless a module asks for authorization.
/// </summary>
public static class AccountsSetup
{
    public const string SignInPath = "/account/sign-in";
    public const string DeniedPath = "/account/denied";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder, OpenIdConnectSettings openIdConnect)
    {
        var services = builder.Services;
        services.AddSingleton<ModuleDatabaseLocation>();
        services.AddScoped(provider => AccountsDbContext.Create(provider.GetRequiredService<ModuleDatabaseLocation>().Location));
        services.AddModuleSchema<AccountsSchema>();
        services.AddAccountRoles(Roles.Pipeline);

        services.AddIdentity<TrialAccessUser, IdentityRole>(identity =>
            {
                // NIST SP 800-63B: length over composition rules.
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.User.RequireUniqueEmail = false;
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "trialaccess.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = DeniedPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => RequestBodyLimitMiddleware.IsApi(context.Request.Path)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in to use this endpoint: send the cookie that /account/sign-in sets.")
                : Redirect(context);
            cookie.Events.OnRedirectToAccessDenied = context => RequestBodyLimitMiddleware.IsApi(context.Request.Path)
                ? ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your account does not give access to this resource.")
                : Redirect(context);
        });

        services.AddDataProtection().SetApplicationName("TrialAccess").PersistKeysToDbContext<AccountsDbContext>();

        if (openIdConnect.IsEnabled)
        {
            services.AddAuthentication().AddOpenIdConnect(OpenIdConnectSettings.Scheme, openIdConnect.DisplayName, oidc =>
            {
                oidc.SignInScheme = IdentityConstants.ExternalScheme;
                oidc.Authority = openIdConnect.Authority;
                oidc.ClientId = openIdConnect.ClientId;
                oidc.ClientSecret = openIdConnect.ClientSecret;
                oidc.CallbackPath = openIdConnect.CallbackPath;
                oidc.RequireHttpsMetadata = openIdConnect.RequireHttpsMetadata;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("profile");
                oidc.Scope.Add("email");
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
            });
        }

        services.AddAuthorization();
        services.AddScoped<AccountAdministration>();
        return builder;
    }

    /// <summary>Roles a module uses; created at start-up when missing.</summary>
    public static IServiceCollection AddAccountRoles(this IServiceCollection services, IReadOnlyList<string> roles) =>
        services.AddSingleton(new RoleSet(roles));

    /// <summary>The middleware: who is signed in, then what they may do (after routing, before the endpoints).</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Problem details written outside an endpoint (authentication events).</summary>
internal static class ApiProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Title = title, Detail = detail } });
    }
}
