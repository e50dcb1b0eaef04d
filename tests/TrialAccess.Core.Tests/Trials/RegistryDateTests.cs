using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Trials;

public class RegistryDateTests
{
    [Theory]
    [InlineData("2024-12-16", 2024, 12, 16)]
    [InlineData("2024-12", 2024, 12, 1)]
    [InlineData("June 20, 2007", 2007, 6, 20)]
    [InlineData("September 2004", 2004, 9, 1)]
    public void TryParse_RegistryForms_GiveTheDate(string text, int year, int month, int day)
    {
        RegistryDate.TryParse(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-30")]
    [InlineData("soon")]
    [InlineData("")]
    public void TryParse_NotADate_Fails(string text)
    {
        RegistryDate.TryParse(text, out _).Should().BeFalse();
    }
}
