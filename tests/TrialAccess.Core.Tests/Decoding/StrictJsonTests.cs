using System.Text;
using TrialAccess.Decoding;

namespace TrialAccess.Core.Tests.Decoding;

public class StrictJsonTests
{
    [Theory]
    [InlineData("""{"a": "\ud83d\ude00"}""")]
    [InlineData("""{"a": "\\ud800"}""")]
    [InlineData("""{"a": "é ٣ \u00e9"}""")]
    [InlineData("""[{"a": 1}, {"a": 2}]""")]
    public void Check_ValidDocuments_Pass(string json)
    {
        StrictJson.Check(Encoding.UTF8.GetBytes(json)).Should().BeNull();
    }

    [Theory]
    [InlineData("""{"a": {"b": [1, "\ud800"]}}""", "a.b[1]", "unpaired surrogate")]
    [InlineData("""{"a": "\udc00\ud800"}""", "a", "unpaired surrogate")]
    [InlineData("""{"a": "\ud800\ud800"}""", "a", "unpaired surrogate")]
    [InlineData("""{"a": 1, "b": {"c": 1, "c": 2}}""", "b.c", "given twice")]
    [InlineData("""{"x\ud800": 1}""", "", "property name")]
    [InlineData("""{"a": [1, 2""", "", "not valid JSON")]
    public void Check_Faults_AreNamedByPath(string json, string path, string message)
    {
        var error = StrictJson.Check(Encoding.UTF8.GetBytes(json))!;

        error.Path.Should().Be(path);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Check_InvalidUtf8InAString_IsNamed()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"title": "aXb"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC0;

        StrictJson.Check(bytes).Should().Be(new JsonInputError("title", "not valid text (invalid UTF-8)"));
    }

    [Fact]
    public void Check_NestingDeeperThanTheLimit_IsRefused()
    {
        var json = new string('[', 100) + new string(']', 100);

        StrictJson.Check(Encoding.UTF8.GetBytes(json), maxDepth: 64)!.Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public void Check_APropertyNameThatIsNotPlain_IsNotEchoedInThePath()
    {
        StrictJson.Check(Encoding.UTF8.GetBytes("""{"my secret name": {"a": 1, "a": 2}}"""))!.Path.Should().Be("(a property).a");
    }

    [Fact]
    public void Parse_StringWithARawUnpairedSurrogate_IsRefused()
    {
        var (document, error) = StrictJson.Parse("{\"a\": \"\uD800\"}");

        document.Should().BeNull();
        error!.Message.Should().Contain("unpaired surrogate");
    }

    [Fact]
    public void Check_DuplicatesCollected_AreEachReportedAndTheRestIsStillChecked()
    {
        var duplicates = new List<JsonInputError>();

        var error = StrictJson.Check(Encoding.UTF8.GetBytes("""{"a": 1, "a": 2, "b": [{"c": 1, "c": 2}]}"""), duplicateProperties: duplicates);
        var later = StrictJson.Check(Encoding.UTF8.GetBytes("""{"a": 1, "a": 2, "b": "\ud800"}"""), duplicateProperties: []);

        error.Should().BeNull();
        duplicates.Select(d => d.Path).Should().Equal("a", "b[0].c");
        later!.Path.Should().Be("b");
    }
}
