using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Trials;

public class NctIdTests
{
    [Theory]
    [InlineData("NCT04280705", "NCT04280705")]
    [InlineData(" nct04280705 ", "NCT04280705")]
    [InlineData("NCT0072802", "NCT0072802")]
    public void TryParse_RegistryIdentifier_IsAcceptedInUpperCase(string text, string expected)
    {
        NctId.TryParse(text, out var id).Should().BeTrue();
        id.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NCT")]
    [InlineData("NCT12AB5678")]
    [InlineData("ISRCTN12345678")]
    [InlineData("NCT1234567890123")]
    public void TryParse_NotAnIdentifier_Fails(string? text)
    {
        NctId.TryParse(text, out _).Should().BeFalse();
    }
}
