using TrialAccess.Matching.Retrieval;

namespace TrialAccess.Core.Tests.Matching.Retrieval;

public class TextAnalyzerTests
{
    [Theory]
    [InlineData("Peripheral T-cell lymphoma", "peripher,tcell,lymphoma")]
    [InlineData("relapsed B-cell non-Hodgkin lymphoma", "relaps,bcell,non,hodgkin,lymphoma")]
    [InlineData("chest X-ray", "chest,xrai")]
    [InlineData("hepatitis B, type 2 diabetes", "hepat,type,2,diabet")]
    public void Terms_ASingleLetterHyphenedToAWord_MakesOneTermWithIt(string text, string expected)
    {
        TextAnalyzer.Terms(text).Should().Equal(expected.Split(','));
    }
}
