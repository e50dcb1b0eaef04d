using TrialAccess.Matching.Retrieval;

namespace TrialAccess.Core.Tests.Matching.Retrieval;

public class PorterStemmerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalization", "gener")]
    [InlineData("radically", "radic")]
    [InlineData("effective", "effect")]
    [InlineData("adjustment", "adjust")]
    [InlineData("metastases", "metastas")]
    [InlineData("metastatic", "metastat")]
    [InlineData("tumors", "tumor")]
    public void Stem_KnownWords_GiveTheReferenceStem(string word, string stem)
    {
        PorterStemmer.Stem(word).Should().Be(stem);
    }

    [Theory]
    [InlineData("her2")]
    [InlineData("is")]
    [InlineData("état")]
    public void Stem_ShortOrNonAsciiWords_AreUnchanged(string word)
    {
        PorterStemmer.Stem(word).Should().Be(word);
    }
}
