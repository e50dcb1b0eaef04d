using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using TrialAccess.Testing;
using TrialAccess.Web.Pipeline.Demo;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>The web app on a real port over the demo trials and the demo pipeline; every demo account has <see cref="Password"/>.</summary>
public sealed class KestrelPipelineApp : IAsyncLifetime
{
    public const string Password = "demo-password-for-browsers";
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await DemoDatabase.CreateAsync(_folder);
        _app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], options => options.Database = database);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
        (await PipelineDemo.SeedAsync(_app.Services, Password, TimeProvider.System)).Should().NotBeNull();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>
/// One nomination end to end in headless Chromium, each role in its own browser context: a partner nominates with a
/// data package, the secretariat accepts it and assigns the internal assessor, the assessment passes, two external
/// reviewers score it, the committee meets (attendance, minutes) and the chair approves it, the project moves to
/// preclinical and then Phase I with a linked NCT id, and the audit log lists every step in order. A screenshot of
/// each role's page is kept in <c>artifacts/screenshots/pipeline-*.png</c>.
/// </summary>
public class PipelineBrowserTests(KestrelPipelineApp app) : IClassFixture<KestrelPipelineApp>
{
    private async Task<IPage> SignInAsync(IBrowser browser, string userName, List<string> cspViolations)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        // Signing in hashes a password and each role's page renders server-side: on a shared 2-core machine under load
        // that can outlast Playwright's 30 s default, which is a bound on waiting, not a measure of speed.
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/sign-in?ReturnUrl=%2Fpipeline").ToString());
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", KestrelPipelineApp.Password);
        await HeadlessChromium.SubmitSignInAsync(page, url => new Uri(url).AbsolutePath.EndsWith("/pipeline", StringComparison.Ordinal));
        return page;
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath(name), FullPage = true });

    private async Task DecideAsync(IPage page, string project, string rationale)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, project).ToString());
        await page.FillAsync("#rationale", rationale);
        await page.ClickAsync("#decide");
        await page.WaitForSelectorAsync("#notice, #action-error");
        (await page.Locator("#action-error").CountAsync()).Should().Be(0, await page.Locator("#action-error").AllInnerTextsAsync() is var errors && errors.Count > 0 ? errors[0] : "");
    }

    private async Task ReviewAsync(IPage page, string code, IReadOnlyDictionary<string, string> scores, string shot)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "/pipeline").ToString());
        await page.ClickAsync($"#my-assignments tr:has-text('{code}') a.review-link");
        foreach (var (key, value) in scores)
        {
            await page.SelectOptionAsync($"#score-{key}", value);
        }

        await page.FillAsync("#comments", "Strong rationale; the first-in-human design is sound.");
        await ShotAsync(page, shot);
        await page.ClickAsync("#submit-review");
        await page.WaitForSelectorAsync("#review-status, #review-error");
        (await page.Locator("#review-error").CountAsync()).Should().Be(0, await page.Locator("#review-error").AllInnerTextsAsync() is var errors && errors.Count > 0 ? errors[0] : "");
    }

    [ChromiumFact]
    public async Task Nomination_ThroughEveryRolesPages_ReachesPhaseOneWithItsTrial()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var csp = new List<string>();

        // The partner nominates, with the data package.
        var partner = await SignInAsync(browser, "partner", csp);
        await partner.ClickAsync("#nominate-link");
        await partner.FillAsync("#agent-name", "Browsermab");
        await partner.FillAsync("#agent-code", "HX-88");
        await partner.SelectOptionAsync("#modality", "Antibody");
        await partner.FillAsync("#target", "CD39");
        await partner.FillAsync("#mechanism", "Ectonucleotidase blockade");
        await partner.FillAsync("#title", "Browsermab in gastric cancer");
        await partner.FillAsync("#indications", "Gastric cancer");
        await partner.FillAsync("#summary", "Tumour regression in two syngeneic models; GLP toxicology planned.");
        await partner.SetInputFilesAsync("#package", new FilePayload { Name = "package.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 browser data package"u8.ToArray() });
        await ShotAsync(partner, "pipeline-partner-nominate.png");
        await partner.ClickAsync("#submit-nomination");
        await partner.WaitForSelectorAsync("#project-code");
        var code = await partner.InnerTextAsync("#project-code");
        var project = new Uri(partner.Url).AbsolutePath;
        (await partner.InnerTextAsync("#attachments")).Should().Contain("package.pdf");
        (await partner.InnerTextAsync("#project-stage")).Should().Be("Nomination");

        // The secretariat accepts it for assessment and assigns the internal assessor.
        var secretariat = await SignInAsync(browser, "secretariat", csp);
        await DecideAsync(secretariat, project, "Complete package; CDA signed.");
        await secretariat.SelectOptionAsync("#round-kind", "InternalAssessment");
        await secretariat.ClickAsync("#open-round");
        await secretariat.WaitForSelectorAsync("#assign-form");
        await secretariat.SelectOptionAsync("#assign-user", new SelectOptionValue { Label = "Dr Alex Assessor" });
        await secretariat.SelectOptionAsync("#assign-type", "Assessor");
        await secretariat.ClickAsync("#assign");
        await secretariat.WaitForSelectorAsync("#notice");
        await ShotAsync(secretariat, "pipeline-secretariat-project.png");

        // The assessment passes.
        var assessor = await SignInAsync(browser, "assessor", csp);
        await ReviewAsync(assessor, code, new Dictionary<string, string> { ["rationale"] = "5", ["novelty"] = "4", ["clinical-need"] = "5", ["data-quality"] = "4", ["recommend"] = "1" }, "pipeline-assessor-review.png");

        // Sent to external review: two reviewers, blind.
        await DecideAsync(secretariat, project, "Assessment positive on every criterion.");
        await secretariat.SelectOptionAsync("#round-kind", "ExternalReview");
        await secretariat.CheckAsync("#round-blind");
        await secretariat.ClickAsync("#open-round");
        await secretariat.WaitForSelectorAsync("#assign-form");
        foreach (var (name, type) in new[] { ("Prof Robin Reviewer", "Primary"), ("Dr Riley Reviewer", "External") })
        {
            await secretariat.SelectOptionAsync("#assign-round", new SelectOptionValue { Label = "ExternalReview" });
            await secretariat.SelectOptionAsync("#assign-user", new SelectOptionValue { Label = name });
            await secretariat.SelectOptionAsync("#assign-type", type);
            await secretariat.ClickAsync("#assign");
            await secretariat.WaitForSelectorAsync("#notice");
        }

        var nineScale = new Dictionary<string, string> { ["overall"] = "2", ["rationale"] = "2", ["novelty"] = "1", ["trial"] = "3", ["data-quality"] = "2" };
        var reviewer1 = await SignInAsync(browser, "reviewer-1", csp);
        await ReviewAsync(reviewer1, code, nineScale, "pipeline-reviewer-review.png");
        (await reviewer1.InnerTextAsync("#review-nominated-by")).Should().Be("hidden", "the external round is blind");
        await ReviewAsync(await SignInAsync(browser, "reviewer-2", csp), code, nineScale, "pipeline-reviewer2-review.png");

        // Ready for the committee: on the agenda of the next meeting.
        await DecideAsync(secretariat, project, "Two external reviews received; applicant responded.");
        await secretariat.SelectOptionAsync("#agenda-meeting", new SelectOptionValue { Index = 0 });
        await secretariat.ClickAsync("#add-to-agenda");
        await secretariat.WaitForSelectorAsync("#notice");

        // The committee meets: attendance, minutes, the chair's approval.
        var chair = await SignInAsync(browser, "chair", csp);
        await chair.ClickAsync("#meetings-link");
        await chair.ClickAsync("#meeting-list a:has-text('(next)')");
        await chair.ClickAsync("#record-attendance");
        await chair.WaitForSelectorAsync("#notice");
        var item = chair.Locator($"#agenda li:has-text('{code}')");
        await item.Locator(".minutes-text").FillAsync("Presented by the partner; the committee approved the project unanimously.");
        await item.Locator(".record-minutes").ClickAsync();
        await chair.WaitForSelectorAsync("#notice");
        await ShotAsync(chair, "pipeline-chair-meeting.png");
        await DecideAsync(chair, project, "Approved by the New Agents Committee.");
        (await chair.InnerTextAsync("#project-stage")).Should().Be("Preclinical (IND/CTA-enabling)");

        // Preclinical, regulatory submission, Phase I with its registered trial.
        await DecideAsync(secretariat, project, "GLP toxicology and GMP material complete.");
        await DecideAsync(secretariat, project, "CTA and ethics approved; trial registered.");
        await secretariat.FillAsync("#nct-id", "NCT99000015");
        await secretariat.ClickAsync("#link-trial");
        await secretariat.WaitForSelectorAsync("#trials");
        (await secretariat.InnerTextAsync("#project-stage")).Should().Be("Phase I");
        (await secretariat.InnerTextAsync("#trials")).Should().Contain("NCT99000015");
        await ShotAsync(secretariat, "pipeline-project-phase1.png");

        // The audit log shows every step in order.
        await secretariat.GotoAsync(new Uri(app.BaseAddress, $"/pipeline/audit?project={project.Split('/')[^1]}").ToString());
        var actions = await secretariat.Locator("#audit-log .audit-action").AllInnerTextsAsync();
        var steps = actions.Where((a, i) => i == 0 || actions[i - 1] != a).ToList();
        steps.Should().Equal(
            "nomination.submit", "nomination.attach", "gate.go", "round.open", "assignment.make", "review.submit", "gate.go", "round.open", "assignment.make", "review.submit",
            "gate.go", "meeting.agenda-add", "meeting.minutes", "gate.go", "trial.link");
        await ShotAsync(secretariat, "pipeline-audit.png");

        await secretariat.GotoAsync(new Uri(app.BaseAddress, "/pipeline/portfolio").ToString());
        (await secretariat.Locator("#chart-by-stage rect.bar").CountAsync()).Should().Be(9);
        await ShotAsync(secretariat, "pipeline-portfolio.png");

        csp.Should().BeEmpty("the pipeline pages must work under the content security policy");
        HeadlessChromium.KeepInDocs("pipeline-portfolio.png", "pipeline-project-phase1.png", "pipeline-reviewer-review.png");
    }
}
