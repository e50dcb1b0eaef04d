using TrialAccess.Fhir.Matching;
using TrialAccess.Testing;
using TrialAccess.Trials;

namespace TrialAccess.Fhir.Tests.Matching;

public sealed class CodexRequestTests
{
    [SharedDataFact]
    public void FromBundle_TheAppsOwnRequest_ReadsItsParametersAndLeavesThemOutOfThePatient()
    {
        var result = CodexRequest.FromBundle(File.ReadAllText(SharedData.PathTo(Path.Combine("fhir", "codex", "app", "request-example.json"))));

        var search = result.Search!;
        search.ZipCode.Should().Be("75001");
        search.TravelRadiusMiles.Should().Be(100);
        search.SkipEntries.Should().Equal(0);
        search.PatientPath.Should().Be("Bundle");
        search.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void FromParameters_AllParameters_AreRead()
    {
        const string json = """
            {"resourceType": "Parameters", "parameter": [
              {"name": "trialMatchClinicalData", "resource": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "gender": "female"}}]}},
              {"name": "zipCode", "valueString": "02115"},
              {"name": "travelRadius", "valueDecimal": 25.5},
              {"name": "phase", "valueCode": "phase-1-phase-2"},
              {"name": "recruitmentStatus", "valueString": "approved"},
              {"name": "colour", "valueString": "blue"}
            ]}
            """;

        var search = CodexRequest.FromParameters(json).Search!;

        search.PatientPath.Should().Be("Parameters.parameter[0].resource");
        search.TravelRadiusMiles.Should().Be(25.5);
        search.Phases.Should().Equal(TrialPhase.Phase1, TrialPhase.Phase2);
        search.Statuses.Should().Equal("approved");
        search.Warnings.Should().ContainSingle().Which.Should().Be(new FhirIssue("Parameters.parameter[5].name", "parameter 'colour' is not one this service uses; ignored."));
    }

    [Theory]
    [InlineData("\"valueString\": \"NaN\"")]
    [InlineData("\"valueString\": \"-Infinity\"")]
    [InlineData("\"valueString\": \"1e309\"")]
    [InlineData("\"valueDecimal\": 1e309")]
    [InlineData("\"valueString\": \"0\"")]
    [InlineData("\"valueString\": \"\"")]
    public void FromBundle_TravelRadiusNotAFinitePositiveNumber_IsAnErrorAtTheParameter(string value)
    {
        var json = $$$"""
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Parameters", "parameter": [{"name": "zipCode", "valueString": "02115"}, {"name": "travelRadius", {{{value}}}}]}},
              {"resource": {"resourceType": "Patient", "gender": "female"}}
            ]}
            """;

        var result = CodexRequest.FromBundle(json);

        result.Search.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Location.Should().StartWith("Bundle.entry[0].resource.parameter[1]");
    }

    [Fact]
    public void FromBundle_NotABundle_NamesTheResourceType()
    {
        var result = CodexRequest.FromBundle("""{"resourceType": "Parameters"}""");

        result.Errors.Should().ContainSingle().Which.Should().Be(new FhirIssue("Bundle.resourceType", "is 'Parameters'; a Bundle resource is expected here."));
    }
}
