using Microsoft.AspNetCore.Authorization;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Modules;
using TrialAccess.Web.Pipeline.Api;

namespace TrialAccess.Web.Pipeline;

/// <summary>The pipeline module in the web host: its store, access rule, use cases, pages (under <c>/pipeline</c>, signed in) and API.</summary>
public static class PipelineSetup
{
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddModuleSchema<PipelineSchema>();
        services.AddScoped(provider => PipelineDbContext.Create(provider.GetRequiredService<ModuleDatabaseLocation>().Location, provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<PipelineAccess>();
        services.AddScoped<IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddScoped<PipelineWorkflow>();
        services.AddScoped<PipelineQueries>();
        services.AddSingleton(new AccountHomeLink("Drug-development pipeline", "/pipeline", Roles.Pipeline));
        return services;
    }

    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        app.MapProjectsApi();
        app.MapDecisionsApi();
        app.MapReviewsApi();
        app.MapMeetingsApi();
        app.MapPortfolioApi();
        app.MapPeopleApi();
        return app;
    }
}
