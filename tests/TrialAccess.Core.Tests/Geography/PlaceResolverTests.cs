using TrialAccess.Geography;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Geography;

public class PlaceResolverTests
{
    private static readonly PlaceResolver Resolver = PlaceResolver.Default;

    [Theory]
    [InlineData("Boston", 42.36, -71.06)]
    [InlineData("boston, ma", 42.36, -71.06)]
    [InlineData("Boston, Massachusetts", 42.36, -71.06)]
    [InlineData("Boston, USA", 42.36, -71.06)]
    [InlineData("Lyon, France", 45.76, 4.84)]
    [InlineData("  Paris ", 48.86, 2.35)]
    [InlineData("Zürich", 47.38, 8.54)]
    [InlineData("Zurich", 47.38, 8.54)]
    [InlineData("Sao Paulo", -23.55, -46.63)]
    [InlineData("São Paulo", -23.55, -46.63)]
    [InlineData("Koln, Germany", 50.94, 6.96)]
    [InlineData("Goteborg", 57.71, 11.97)]
    [InlineData("MÜNCHEN", 48.14, 11.58)]
    [InlineData("St Louis", 38.63, -90.20)]
    [InlineData("Tokyo, Japan", 35.68, 139.65)]
    [InlineData("Mumbai", 19.08, 72.88)]
    [InlineData("Melbourne, Australia", -37.81, 144.96)]
    public void Resolve_KnownPlace_GivesItsCoordinates(string text, double latitude, double longitude)
    {
        var result = Resolver.Resolve(text);

        result.IsResolved.Should().BeTrue(result.Error);
        result.Point.Latitude.Should().BeApproximately(latitude, 0.01);
        result.Point.Longitude.Should().BeApproximately(longitude, 0.01);
        result.Error.Should().BeNull();
    }

    [Theory]
    [InlineData("42.36,-71.06", 42.36, -71.06)]
    [InlineData("42.36, -71.06", 42.36, -71.06)]
    [InlineData("-33.87 151.21", -33.87, 151.21)]
    public void Resolve_Coordinates_GivesThePoint(string text, double latitude, double longitude)
    {
        var result = Resolver.Resolve(text);

        result.IsResolved.Should().BeTrue();
        result.Point.Should().Be(new GeoPoint(latitude, longitude));
        result.Place.Should().BeNull();
    }

    [Fact]
    public void Resolve_CoordinatesOutOfRange_FailsSayingTheRange()
    {
        var result = Resolver.Resolve("95,10");

        result.IsResolved.Should().BeFalse();
        result.Error.Should().Be("Coordinates must be 'latitude,longitude' with latitude in [-90, 90] and longitude in [-180, 180].");
    }

    [Fact]
    public void Resolve_UnknownPlace_FailsWithAHint()
    {
        var result = Resolver.Resolve("Atlantis");

        result.IsResolved.Should().BeFalse();
        result.Error.Should().Be("No place called 'Atlantis' is known. Try the nearest large city, add the country (\"Lyon, France\"), or give coordinates (\"45.76,4.84\").");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_Nothing_FailsSayingSo(string? text)
    {
        Resolver.Resolve(text).Error.Should().Be("No place was given.");
    }

    [Fact]
    public void Resolve_KnownCityWrongCountry_FailsNamingTheKnownPlaces()
    {
        var result = Resolver.Resolve("Lyon, Japan");

        result.IsResolved.Should().BeFalse();
        result.Error.Should().Be("'Lyon' is known, but not in 'Japan'. Known: Lyon, Auvergne-Rhône-Alpes, France.");
    }

    [Fact]
    public void Resolve_SharedNameUnqualified_PicksTheFirstListedAndCountsTheOthers()
    {
        var result = Resolver.Resolve("London");

        result.Place!.Country.Should().Be("United Kingdom");
        result.OtherCandidates.Should().Be(1);
    }

    [Theory]
    [InlineData("London, Ontario", "Canada")]
    [InlineData("London, ON", "Canada")]
    [InlineData("London, UK", "United Kingdom")]
    [InlineData("Cambridge, MA", "United States")]
    [InlineData("Portland, Maine", "United States")]
    public void Resolve_SharedNameQualified_PicksTheQualifiedPlace(string text, string country)
    {
        var result = Resolver.Resolve(text);

        result.Place!.Country.Should().Be(country);
        result.OtherCandidates.Should().Be(0);
    }

    [Fact]
    public void Resolve_PortlandMaine_IsNotPortlandOregon()
    {
        Resolver.Resolve("Portland, ME").Point.Longitude.Should().BeApproximately(-70.26, 0.01);
    }

    [Fact]
    public void WithSites_UnknownCityOfASite_BecomesResolvable()
    {
        var site = new TrialSite { City = "Villeurbanne", Country = "France", Coordinates = new GeoPoint(45.7719, 4.8902), Status = RecruitmentStatus.Recruiting };

        var enriched = Resolver.WithSites([site]);

        Resolver.Resolve("Villeurbanne").IsResolved.Should().BeFalse();
        enriched.Resolve("Villeurbanne, France").Point.Should().Be(new GeoPoint(45.7719, 4.8902));
    }

    [Fact]
    public void WithSites_SiteOfAKnownCity_DoesNotMoveTheCity()
    {
        var site = new TrialSite { City = "Boston", State = "Massachusetts", Country = "United States", Coordinates = new GeoPoint(42.0, -71.5) };

        var enriched = Resolver.WithSites([site]);

        enriched.Resolve("Boston, MA").Point.Latitude.Should().BeApproximately(42.36, 0.01);
        enriched.Resolve("Boston").OtherCandidates.Should().Be(0);
    }

    [Fact]
    public void WithSites_SiteWithoutCoordinates_IsIgnored()
    {
        var site = new TrialSite { City = "Nowhereville", Country = "France" };

        Resolver.WithSites([site]).Resolve("Nowhereville").IsResolved.Should().BeFalse();
    }

    [Fact]
    public void Gazetteer_EveryPlace_HasValidCoordinatesAndANameThatResolvesToAPlaceInItsCountry()
    {
        Gazetteer.Places.Count.Should().BeInRange(150, 320);
        foreach (var place in Gazetteer.Places)
        {
            GeoPoint.IsValid(place.Latitude, place.Longitude).Should().BeTrue(place.Describe());
            Resolver.Resolve($"{place.Name}, {place.Country}").IsResolved.Should().BeTrue(place.Describe());
        }
    }

    [Fact]
    public void Gazetteer_CoversTheCountriesTheBriefNames()
    {
        var countries = Gazetteer.Places.Select(p => p.Country).ToHashSet();

        countries.Should().Contain(["United States", "Canada", "United Kingdom", "France", "Germany", "Spain", "Italy", "Netherlands", "Australia", "China", "Japan", "India", "Brazil"]);
    }
}

public class PlaceResolverZipCodeTests
{
    [Theory]
    [InlineData("02115", 42.34, -71.10)]
    [InlineData("10001", 40.75, -74.00)]
    [InlineData("77030", 29.71, -95.40)]
    [InlineData("02115-5450", 42.34, -71.10)]
    public void Resolve_UsZipCode_GivesTheCentreOfItsArea(string zip, double latitude, double longitude)
    {
        var result = PlaceResolver.Default.Resolve(zip);

        result.IsResolved.Should().BeTrue(result.Error);
        result.Point.Latitude.Should().BeApproximately(latitude, 0.02);
        result.Point.Longitude.Should().BeApproximately(longitude, 0.02);
        result.Description.Should().Be($"ZIP code {zip[..5]}, United States");
    }

    [Fact]
    public void Resolve_UnknownZipCode_SaysSo()
    {
        var result = PlaceResolver.Default.Resolve("99999");

        result.IsResolved.Should().BeFalse();
        result.Error.Should().Be("ZIP code 99999 is not a US ZIP code with an area (PO-box-only codes have none). Try a nearby ZIP code or the town.");
    }
}
