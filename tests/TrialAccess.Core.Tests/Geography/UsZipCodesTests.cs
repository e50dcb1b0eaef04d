using TrialAccess.Geography;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Geography;

public class UsZipCodesTests
{
    [Fact]
    public void Count_IsEveryZipCodeTabulationAreaOfTheSource() => UsZipCodes.Count.Should().Be(33791);

    [Theory]
    [InlineData("02115", 42.34, -71.10)] // Boston, Longwood medical area
    [InlineData("10001", 40.75, -74.00)] // New York, Chelsea
    [InlineData("77030", 29.71, -95.40)] // Houston, Texas Medical Center
    [InlineData("67446", 39.4613, -98.3253)] // Glen Elder, Kansas: the CodeX app's default (the source gives 39.461302, -98.325251)
    [InlineData("00601", 18.18, -66.75)] // Adjuntas, Puerto Rico: the first code
    [InlineData("99929", 56.2215, -131.9236)] // Wrangell, Alaska: the last code (the source gives 56.221499, -131.923588)
    [InlineData("02115-5450", 42.34, -71.10)]
    [InlineData(" 02115 ", 42.34, -71.10)]
    public void TryFind_KnownZipCode_GivesTheCentreOfItsArea(string zip, double latitude, double longitude)
    {
        UsZipCodes.TryFind(zip, out var centre).Should().BeTrue();

        centre.Latitude.Should().BeApproximately(latitude, 0.02);
        centre.Longitude.Should().BeApproximately(longitude, 0.02);
    }

    [Theory]
    [InlineData("99999")] // not assigned
    [InlineData("00000")]
    [InlineData("2115")]
    [InlineData("021155")]
    [InlineData("02115-")]
    [InlineData("O2115")]
    [InlineData("")]
    [InlineData(null)]
    public void TryFind_NotAZipCodeTheTableKnows_IsFalse(string? text) => UsZipCodes.TryFind(text, out _).Should().BeFalse();

    [Fact]
    public void TryFind_BostonToNewYork_IsAboutTheRoadDistance()
    {
        UsZipCodes.TryFind("02115", out var boston).Should().BeTrue();
        UsZipCodes.TryFind("10001", out var newYork).Should().BeTrue();

        boston.DistanceKmTo(newYork).Should().BeApproximately(300, 10);
    }

    [Fact]
    public void SitePositions_UsSiteWithoutCoordinates_IsTheCentreOfItsZipCode()
    {
        var site = new TrialSite { City = "Boston", State = "Massachusetts", Country = "United States", PostalCode = "02215" };

        SitePositions.Of(site).Should().NotBeNull();
        SitePositions.Of(site)!.Value.Latitude.Should().BeApproximately(42.35, 0.02);
    }

    [Fact]
    public void SitePositions_RecordCoordinates_WinOverTheZipCode()
    {
        var site = new TrialSite { Country = "United States", PostalCode = "02215", Coordinates = new GeoPoint(10, 20) };

        SitePositions.Of(site).Should().Be(new GeoPoint(10, 20));
    }

    [Theory]
    [InlineData("Germany", "10117")] // a five-digit postcode outside the US is not a ZIP code
    [InlineData(null, "02215")]
    [InlineData("United States", null)]
    public void SitePositions_NoCoordinatesAndNoUsZipCode_IsUnknown(string? country, string? postalCode) =>
        SitePositions.Of(new TrialSite { Country = country, PostalCode = postalCode }).Should().BeNull();
}
