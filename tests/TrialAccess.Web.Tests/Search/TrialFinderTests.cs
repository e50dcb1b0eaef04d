using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;
using TrialAccess.Trials;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Tests.Search;

public sealed class TrialFinderTests : IAsyncLifetime
{
    private static readonly GeoPoint Boston = new(42.3601, -71.0589);
    private readonly TempFolder _folder = new();
    private SqliteTrialStore _store = null!;
    private string _path = null!;

    public async Task InitializeAsync()
    {
        _path = await DemoDatabase.CreateAsync(_folder);
        _store = new SqliteTrialStore(_path);
        await _store.UpsertAsync([
            new ClinicalTrial
            {
                NctId = NctId.Parse("NCT99900001"),
                BriefTitle = "Exercise During Chemotherapy for Lymphoma",
                Conditions = ["Lymphoma"],
                OverallStatus = RecruitmentStatus.Recruiting,
                Sites =
                [
                    new TrialSite { City = "Villeurbanne", Country = "France", Coordinates = new GeoPoint(45.7719, 4.8902), Status = RecruitmentStatus.Recruiting },
                    new TrialSite { City = "Nowhere", Country = "France", Status = RecruitmentStatus.Recruiting },
                ],
            },
        ]);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Find_NoFilter_ListsTrialsInIdOrderUpToTheLimit()
    {
        var found = await new TrialFinder(_store).FindAsync(new TrialFilter { Limit = 2 }, default);

        found.Select(f => f.Trial.NctId.Value).Should().Equal("NCT99000001", "NCT99000002");
        found.Should().OnlyContain(f => f.Score == null && f.NearestRecruitingSite == null);
    }

    [Fact]
    public async Task Find_AlternativeTexts_FindsTrialsMatchingAny()
    {
        var found = await new TrialFinder(_store).FindAsync(new TrialFilter { Texts = ["glioblastoma", "neuroblastoma"] }, default);

        found.Select(f => f.Trial.NctId.Value).Should().BeEquivalentTo(["NCT99000012", "NCT99000015"]);
    }

    [Fact]
    public async Task Find_TextsNameTheCondition_LeavesOutTrialsThatOnlyMentionTheWordsElsewhere()
    {
        var loose = await new TrialFinder(_store).FindAsync(new TrialFilter { Texts = ["lung cancer"] }, default);
        var strict = await new TrialFinder(_store).FindAsync(new TrialFilter { Texts = ["lung cancer"], TextsNameTheCondition = true }, default);

        loose.Count.Should().BeGreaterThan(strict.Count);
        strict.Should().OnlyContain(f => f.Trial.Conditions.Any(c => c.Contains("Lung", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Find_NearWithRadius_KeepsRecruitingSitesWithinItNearestFirst()
    {
        var found = await new TrialFinder(_store).FindAsync(new TrialFilter { Near = Boston, RadiusKm = 400, Statuses = [RecruitmentStatus.Recruiting] }, default);

        found.Should().NotBeEmpty();
        found.Should().OnlyContain(f => f.NearestRecruitingSite != null && f.NearestRecruitingSite.DistanceKm <= 400);
        found.Select(f => f.NearestRecruitingSite!.DistanceKm).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Find_SiteWithoutCoordinatesNearNothing_IsKeptWithoutRadiusAndDroppedWithOne()
    {
        var lyon = new GeoPoint(45.764, 4.8357);
        var withoutRadius = await new TrialFinder(_store).FindAsync(new TrialFilter { Texts = ["exercise"], Near = lyon }, default);
        var tooFar = await new TrialFinder(_store).FindAsync(new TrialFilter { Texts = ["exercise"], Near = Boston, RadiusKm = 100 }, default);

        withoutRadius.Single().NearestRecruitingSite!.Site.City.Should().Be("Villeurbanne");
        tooFar.Should().BeEmpty();
    }

    [Fact]
    public async Task Find_Age_KeepsTrialsWhoseLimitsAdmitIt()
    {
        var found = await new TrialFinder(_store).FindAsync(new TrialFilter { AgeYears = 5, Limit = 100 }, default);

        found.Should().NotBeEmpty();
        found.Should().OnlyContain(f => f.Trial.Eligibility.MinimumAge == null || f.Trial.Eligibility.MinimumAge.TotalYears <= 5);
    }

    [Fact]
    public async Task PlaceDirectory_CityOnlyKnownFromAStoredSite_Resolves()
    {
        var access = new TrialStoreAccess(Options.Create(new WebAppOptions { Database = _path }));
        using var directory = new PlaceDirectory(access, NullLogger<PlaceDirectory>.Instance);

        var resolver = await directory.GetAsync(default);

        resolver.Resolve("Villeurbanne").Point.Should().Be(new GeoPoint(45.7719, 4.8902));
    }
}
