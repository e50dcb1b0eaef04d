using Microsoft.AspNetCore.Authorization;
using TrialAccess.Recruitment.Alerts;
using TrialAccess.Storage;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Api;
using TrialAccess.Web.Modules;

namespace TrialAccess.Web.Recruitment;

/// <summary>
/// The recruitment module in the web host: its tables migrated at start-up, its access rule as resource-based
/// authorization, its alert thresholds from <c>TrialAccess:Recruitment:Alerts</c>, its pages under <c>/recruitment</c>
/// and its API under <c>/api/recruitment</c>.
/// </summary>
public static class RecruitmentSetup
{
    public const string AlertsSection = "TrialAccess:Recruitment:Alerts";

    public static WebApplicationBuilder AddRecruitment(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddModuleSchema<RecruitmentSchema>();
        services.AddAccountRoles([RecruitmentAccess.SiteStaffRole, RecruitmentAccess.TrialManagerRole]);
        services.AddSingleton(new AccountHomeLink("Recruitment dashboard", "/recruitment", []));
        services.AddSingleton<IAuthorizationHandler, RecruitmentAuthorizationHandler>();
        services.AddOptions<AlertThresholds>()
            .Bind(builder.Configuration.GetSection(AlertsSection))
            .Validate(t => t.Validate() is null, "TrialAccess:Recruitment:Alerts is not valid (see AlertThresholds.Validate).")
            .ValidateOnStart();
        services.AddScoped<RecruitmentService>();
        return builder;
    }

    public static WebApplication MapRecruitmentApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRecruitmentStudiesApi();
        app.MapRecruitmentParticipantsApi();
        app.MapRecruitmentReferralsApi();
        app.MapRecruitmentImportsApi();
        return app;
    }
}

/// <summary>Brings the recruitment tables to their latest migration when the host starts.</summary>
internal sealed class RecruitmentSchema(TimeProvider clock) : IModuleSchema
{
    public Task MigrateAsync(StoreLocation location, IServiceProvider services, CancellationToken cancellationToken) =>
        RecruitmentStore.MigrateAsync(location, clock, cancellationToken);
}
