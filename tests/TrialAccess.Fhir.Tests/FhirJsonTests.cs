using System.Text;
using Hl7.Fhir.Model;

namespace TrialAccess.Fhir.Tests;

public sealed class FhirJsonTests
{
    [Theory]
    [InlineData("""{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": []}}]}""", "Bundle.entry[0].resource.resourceType", "a resource type is text")]
    [InlineData("""{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "gender": "\ud800"}}]}""", "Bundle.entry[0].resource.gender", "unpaired surrogate")]
    [InlineData("""{"resourceType": "Bundle", "entry": [1, 2""", null, "not valid JSON")]
    [InlineData("""["Bundle"]""", null, "JSON array")]
    [InlineData("""{"resourceType": "Patient"}""", "Bundle.resourceType", "a Bundle resource is expected")]
    public void Read_InputThatIsNotAResource_IsAFailureLocatingTheFault(string json, string? location, string message)
    {
        var result = FhirJson.Read<Bundle>(json);

        result.IsSuccess.Should().BeFalse();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Location.Should().Be(location);
        issue.Message.Should().Contain(message);
    }

    [Fact]
    public void Read_InvalidUtf8_IsAFailureLocatingTheField()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"resourceType": "Bundle", "id": "aXb"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var result = FhirJson.Read<Bundle>(bytes);

        result.Issues.Should().ContainSingle().Which.Should().Be(new FhirIssue("Bundle.id", "not valid text (invalid UTF-8)."));
    }

    [Fact]
    public void Read_JsonFaultsTheSdkReadsPast_AreReturnedWithTheResourceEachLocated()
    {
        const string json = """
            {"resourceType": "Bundle", "type": "collection", "type": "searchset", "entry": [
              {"resource": {"resourceType": "Observation", "status": 5, "valueQuantity": {"value": 1e400}, "category": {"text": "laboratory"}}},
              {"resource": {"resourceType": "Observation", "valueQuantity": {"value": 1}, "valueString": "x", "code": {"text": []}}}]}
            """;

        var result = FhirJson.Read<Bundle>(json);

        result.IsSuccess.Should().BeTrue();
        result.Issues.Select(i => i.Location).Should().BeEquivalentTo(
            "Bundle.type",
            "Bundle.entry[0].resource.status",
            "Bundle.entry[0].resource.value.value",
            "Bundle.entry[0].resource.category",
            "Bundle.entry[1].resource",
            "Bundle.entry[1].resource.code.text");
        result.Issues.Single(i => i.Location == "Bundle.type").Message.Should().Contain("given twice");
        result.Issues.Single(i => i.Location == "Bundle.entry[1].resource").Message.Should().Contain("duplicate property 'valueString'");
    }

    [Fact]
    public void SplitByEntry_FaultsInsideTheEntriesOfTheBundle_AreTheEntriesAndTheRestTheRequests()
    {
        FhirIssue[] faults =
        [
            new("Bundle.type", "a"),
            new("Bundle.entry", "b"),
            new("Bundle.entry[0].resource.parameter[1].value", "c"),
            new("Bundle.entry[1]", "d"),
            new("Bundle.entry[2].resource.status", "e"),
            new(null, "f"),
        ];

        var (request, entries) = FhirJson.SplitByEntry(faults, "Bundle", new HashSet<int> { 0 });

        request.Select(f => f.Message).Should().Equal("a", "b", "c", "f");
        entries.Select(f => f.Message).Should().Equal("d", "e");
    }
}
