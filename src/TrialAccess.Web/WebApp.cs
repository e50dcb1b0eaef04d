using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using TrialAccess.Trials;
using TrialAccess.Fhir.Patients;
using TrialAccess.Patients;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Api;
using TrialAccess.Web.Clinician;
using TrialAccess.Web.Hosting;
using TrialAccess.Web.Matching;
using TrialAccess.Web.Pipeline;
using TrialAccess.Web.Recruitment;
using TrialAccess.Web.Search;

namespace TrialAccess.Web;

/// <summary>
/// The composition of the web host, shared by <c>Program.cs</c>, the CLI's <c>serve</c> command and the tests.
/// </summary>
public static class WebApp
{
    /// <summary>Builds the application; <paramref name="configure"/> overrides settings from configuration.</summary>
    public static WebApplication Build(string[] args, Action<WebAppOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Razor Pages are found in the application assembly; name it, since the CLI is the entry assembly when it hosts.
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });

        // Request lines carry search terms (a cancer type, an age, a city): keep framework request logging off.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var options = builder.Services.AddOptions<WebAppOptions>().Bind(builder.Configuration.GetSection(WebAppOptions.Section));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Settings needed while services are registered (the external sign-in provider), read as the host will read them.
        var startup = new WebAppOptions();
        builder.Configuration.GetSection(WebAppOptions.Section).Bind(startup);
        configure?.Invoke(startup);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddAccounts(startup.OpenIdConnect);
        builder.Services.AddPipeline();
        builder.AddRecruitment();
        builder.Services.AddTrialStore();
        builder.Services.AddSingleton<PlaceDirectory>();
        builder.Services.AddHostedService<PlaceDirectoryWarmUp>();
        builder.Services.AddScoped<TrialFinder>();
        if (startup.RankingModel is { } rankingModel)
        {
            builder.Services.AddSingleton(rankingModel);
        }

        builder.Services.AddSingleton<MatchService>();
        builder.Services.AddSingleton(new PatientIntake(new McodePatientReader()));
        builder.Services.AddSingleton<ChromiumPdf>();
        builder.Services.AddScoped<ShortlistPdf>();
        builder.Services.AddProblemDetails(problem => problem.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.Remove("exception"));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddApiRateLimiting();
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<WebAppOptions>>((cors, settings) =>
            cors.AddPolicy(FhirMatchApi.CorsPolicy, policy => policy
                .WithOrigins([.. settings.Value.CorsOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))])
                .WithMethods("POST")
                .WithHeaders("Content-Type", "Accept", "Authorization")));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.Converters.Add(new NctIdJsonConverter());
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddOpenApi(openApi => openApi.AddTrialAccessDocument());
        builder.Services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new FormBindingFilter()));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var app = builder.Build();

        // One exception path (ProblemExceptionHandler): it logs without request data, then answers problem details,
        // an OperationOutcome under /fhir, or (pages) the HTML error page.
        app.UseWhen(context => ErrorResponses.IsApi(context), api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = ProblemExceptionHandler.SuppressFrameworkLogging })
            .UseStatusCodePages(async status => await ErrorResponses.WriteAsync(status.HttpContext, status.HttpContext.Response.StatusCode, ReasonPhrases.GetReasonPhrase(status.HttpContext.Response.StatusCode), "See the API description at /openapi/v1.json.")));
        app.UseWhen(context => !ErrorResponses.IsApi(context), pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", SuppressDiagnosticsCallback = ProblemExceptionHandler.SuppressFrameworkLogging })
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new EmbeddedFileProvider(typeof(WebApp).Assembly, "TrialAccess.Web.wwwroot") });
        app.UseRouting();
        app.UseCors();
        app.UseAccounts();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapHealthApi();
        app.MapTrialsApi();
        app.MapMatchApi();
        app.MapFhirMatchApi(app.Services.GetRequiredService<IOptions<WebAppOptions>>().Value.FhirBase);
        app.MapAccountsApi();
        app.MapPipelineApi();
        app.MapRecruitmentApi();
        app.MapRazorPages();
        return app;
    }
}
