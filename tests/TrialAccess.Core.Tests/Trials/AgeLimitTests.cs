using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Trials;

public class AgeLimitTests
{
    [Theory]
    [InlineData("18 Years", 18, AgeUnit.Years)]
    [InlineData("6 Months", 6, AgeUnit.Months)]
    [InlineData("1 Year", 1, AgeUnit.Years)]
    [InlineData("17.5 years", 17.5, AgeUnit.Years)]
    [InlineData("28 Days", 28, AgeUnit.Days)]
    public void TryParse_RegistryForm_GivesValueAndUnit(string text, double value, AgeUnit unit)
    {
        AgeLimit.TryParse(text, out var limit).Should().BeTrue();
        limit.Should().Be(new AgeLimit((decimal)value, unit));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("N/A")]
    public void TryParse_NoLimit_SucceedsWithNull(string? text)
    {
        AgeLimit.TryParse(text, out var limit).Should().BeTrue();
        limit.Should().BeNull();
    }

    [Theory]
    [InlineData("eighteen")]
    [InlineData("18 fortnights")]
    [InlineData("-3 Years")]
    public void TryParse_Nonsense_Fails(string text)
    {
        AgeLimit.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void TotalYears_OfMonths_IsFractional()
    {
        new AgeLimit(6, AgeUnit.Months).TotalYears.Should().BeApproximately(0.5m, 0.01m);
    }
}
