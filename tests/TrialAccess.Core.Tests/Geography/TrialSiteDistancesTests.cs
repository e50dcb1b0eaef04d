using TrialAccess.Geography;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Geography;

public class TrialSiteDistancesTests
{
    private static readonly GeoPoint Boston = new(42.3601, -71.0589);

    private static TrialSite Site(string city, double lat, double lon, RecruitmentStatus status) =>
        new() { City = city, Coordinates = new GeoPoint(lat, lon), Status = status };

    private static ClinicalTrial Trial(params TrialSite[] sites) =>
        new() { NctId = NctId.Parse("NCT00000001"), BriefTitle = "t", Sites = sites };

    [Fact]
    public void NearestRecruiting_NearerSiteNotRecruiting_IsSkipped()
    {
        var trial = Trial(
            Site("Boston", 42.3601, -71.0589, RecruitmentStatus.NotYetRecruiting),
            Site("New York", 40.7128, -74.0060, RecruitmentStatus.Recruiting));

        var nearest = TrialSiteDistances.NearestRecruiting(trial, Boston);

        nearest!.Site.City.Should().Be("New York");
        nearest.DistanceKm.Should().BeApproximately(306, 5);
    }

    [Fact]
    public void NearestRecruiting_NoSiteWithCoordinates_IsNull()
    {
        var trial = Trial(new TrialSite { City = "Boston", Status = RecruitmentStatus.Recruiting });

        TrialSiteDistances.NearestRecruiting(trial, Boston).Should().BeNull();
    }

    [Fact]
    public void ByDistance_Sites_AreNearestFirst()
    {
        var trial = Trial(
            Site("Houston", 29.7604, -95.3698, RecruitmentStatus.Recruiting),
            Site("Boston", 42.3601, -71.0589, RecruitmentStatus.Recruiting),
            Site("New York", 40.7128, -74.0060, RecruitmentStatus.Recruiting));

        TrialSiteDistances.ByDistance(trial, Boston).Select(s => s.Site.City).Should().Equal("Boston", "New York", "Houston");
    }
}

public class TrialSiteDistancesZipCodeTests
{
    [Fact]
    public void NearestRecruiting_UsSiteWithOnlyAZipCode_IsMeasuredFromTheZipCentre()
    {
        var trial = new ClinicalTrial
        {
            NctId = NctId.Parse("NCT00000002"),
            BriefTitle = "t",
            Sites = [new TrialSite { City = "New York", Country = "United States", PostalCode = "10065", Status = RecruitmentStatus.Recruiting }],
        };
        UsZipCodes.TryFind("02115", out var patient).Should().BeTrue();

        var nearest = TrialSiteDistances.NearestRecruiting(trial, patient);

        nearest.Should().NotBeNull();
        nearest!.DistanceKm.Should().BeApproximately(305, 10);
        nearest.Position.Latitude.Should().BeApproximately(40.76, 0.02);
    }
}
