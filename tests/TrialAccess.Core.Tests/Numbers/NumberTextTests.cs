using TrialAccess.Numbers;

namespace TrialAccess.Core.Tests.Numbers;

public class NumberTextTests
{
    [Theory]
    [InlineData("٣", 3.0)]
    [InlineData("١٢٫", null)]
    [InlineData("४५", 45.0)]
    [InlineData("１２", 12.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("99999999999999999999999999999999", null)]
    [InlineData("", null)]
    public void DecimalOrNull_DigitsOfAnySystem_ReadOrNullNeverThrow(string text, double? expected)
    {
        NumberText.DecimalOrNull(text).Should().Be(expected is { } e ? (decimal)e : null);
    }

    [Fact]
    public void IntOrNull_TooManyDigits_IsNull()
    {
        NumberText.IntOrNull("99999999999").Should().BeNull();
    }

    [Fact]
    public void TryParseDouble_Overflow_IsRefused()
    {
        NumberText.TryParseDouble("1e400", out _).Should().BeFalse();
    }
}

public class NumberTextCountTests
{
    [Theory]
    [InlineData("three", 3)]
    [InlineData("Eighteen", 18)]
    [InlineData("thirty", 30)]
    [InlineData("12", 12)]
    [InlineData("\u0663", 3)]
    public void CountOrNull_WordsAndDigits_AreCounts(string text, int expected)
    {
        NumberText.CountOrNull(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("several")]
    [InlineData("-2")]
    [InlineData("1.5")]
    public void CountOrNull_AnythingElse_IsNull(string text)
    {
        NumberText.CountOrNull(text).Should().BeNull();
    }
}

public class SaturatingDecimalTests
{
    [Fact]
    public void Divide_LargeByTiny_IsClampedNotAnOverflow()
    {
        SaturatingDecimal.Divide(1_000_000m, 1e-25m).Should().Be(SaturatingDecimal.Limit);
        SaturatingDecimal.Divide(-1_000_000m, 1e-25m).Should().Be(-SaturatingDecimal.Limit);
        SaturatingDecimal.Divide(3m, 2m).Should().Be(1.5m);
        SaturatingDecimal.Divide(1m, 0m).Should().BeNull();
    }

    [Fact]
    public void Multiply_BeyondTheRange_IsClamped()
    {
        SaturatingDecimal.Multiply(decimal.MaxValue, 100m).Should().Be(SaturatingDecimal.Limit);
        SaturatingDecimal.Multiply(decimal.MinValue, 100m).Should().Be(-SaturatingDecimal.Limit);
        SaturatingDecimal.Multiply(1.5m, 1000m).Should().Be(1500m);
    }
}
