using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Trials;

public class GeoPointTests
{
    [Fact]
    public void DistanceKmTo_LondonToParis_IsAbout344Km()
    {
        var london = new GeoPoint(51.5074, -0.1278);
        var paris = new GeoPoint(48.8566, 2.3522);
        london.DistanceKmTo(paris).Should().BeApproximately(343.5, 2);
    }

    [Fact]
    public void Constructor_LatitudeOutOfRange_Throws()
    {
        var act = () => new GeoPoint(91, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
