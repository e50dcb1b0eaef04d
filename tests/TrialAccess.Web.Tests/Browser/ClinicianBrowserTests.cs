using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrialAccess.Evaluation.Trec;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// The web app on a real port over the demo set plus the 99 real (mostly breast cancer) trials of
/// <c>../shared/data/trials/trialgpt-format/breast-100</c>, read in place into a temporary SQLite file (about a
/// second). Without the shared data only the demo set is there; the tests that need it skip.
/// </summary>
public sealed class KestrelSharedTrialsApp : KestrelDemoApp
{
    public const string SharedTrials = "trials/trialgpt-format/breast-100";

    protected override async Task AddTrialsAsync(string database)
    {
        if (!SharedData.IsAvailable)
        {
            return;
        }

        await using var store = new SqliteTrialStore(database);
        var (files, _) = TrialSources.Expand([SharedData.PathTo(SharedTrials)]);
        var report = await new TrialIngestor(store).IngestFilesAsync(files);
        report.New.Should().BeGreaterThan(90);
    }
}

/// <summary>
/// A clinician pastes a TREC 2021 topic (read in place from <c>../shared</c>) into the clinician view in headless
/// Chromium, sees the facts and the ranked real trials with their criteria checklists, corrects a fact and matches
/// again. Screenshots: <c>clinician-note.png</c> (note and facts) and <c>clinician-results.png</c> (ranked trials).
/// </summary>
public class ClinicianBrowserTests(KestrelSharedTrialsApp app) : IClassFixture<KestrelSharedTrialsApp>
{
    /// <summary>TREC 2021 topic 61: a 45-year-old woman with HER2-positive, ER/PR-negative breast cancer.</summary>
    private const string Topic = "61";

    private static string TopicText()
    {
        var (topics, error) = TrecTopic.ParseTopics(File.ReadAllText(SharedData.PathTo("benchmarks/trec2021/topics2021.xml")));
        error.Should().BeNull();
        return topics.Single(t => t.Number == Topic).Text;
    }

    private static async Task ScreenshotFromAsync(IPage page, string selector, string name)
    {
        var top = await page.Locator(selector).EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = HeadlessChromium.ArtifactPath(name),
            FullPage = true,
            Clip = new Clip { X = 0, Y = (float)top, Width = 1100, Height = 1500 },
        });
    }

    [ChromiumFact(NeedsSharedData = true)]
    public async Task PasteTrecTopic_ShowsFactsAndRankedRealTrialsWithCriteriaChecklists()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, cspViolations) = await HeadlessChromium.NewPageAsync(browser);

        await page.GotoAsync(new Uri(app.BaseAddress, "/clinician").ToString());
        await page.FillAsync("#note", TopicText());
        await page.UncheckAsync("#RecruitingOnly");
        await page.ClickAsync("#read-note");
        await page.WaitForSelectorAsync("#results");

        (await page.InputValueAsync("#fact-age")).Should().Be("45");
        (await page.InputValueAsync("#fact-diagnoses-0-text")).Should().Contain("breast");
        var cards = page.Locator(".match-card");
        (await cards.CountAsync()).Should().BeGreaterThan(0);
        var first = await cards.First.InnerTextAsync();
        first.Should().MatchRegex("(Eligible|Possibly eligible)").And.Contain("What to ask next");
        (await cards.AllInnerTextsAsync()).Should().Contain(card => Regex.IsMatch(card, @"NCT(?!99)\d{8}"), "the real breast cancer trials from ../shared are ranked, not only the demo set");
        (await cards.First.Locator(".checklist .criteria-group").CountAsync()).Should().BeGreaterThan(0);
        (await cards.First.Locator(".criteria-group summary").AllInnerTextsAsync()).Should().Contain(s => Regex.IsMatch(s, @"^(Met|Not met|Unknown) \(\d+\)$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("clinician-note.png"), Clip = new Clip { X = 0, Y = 0, Width = 1100, Height = 1500 } });
        await ScreenshotFromAsync(page, "#results", "clinician-results.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("clinician-full.png"), FullPage = true });

        await page.FillAsync("#fact-age", "46");
        await page.ClickAsync("#match");
        await page.WaitForSelectorAsync("#results");
        (await page.InputValueAsync("#fact-age")).Should().Be("46", "the corrected fact travels with the form");
        (await page.InputValueAsync("#note")).Should().Contain("HER2-positive", "the note travels with the form too");
        (await page.Locator(".match-card").CountAsync()).Should().BeGreaterThan(0);

        cspViolations.Should().BeEmpty("the clinician view must work under the content security policy");
        HeadlessChromium.KeepInDocs("clinician-note.png", "clinician-results.png");
    }
}
