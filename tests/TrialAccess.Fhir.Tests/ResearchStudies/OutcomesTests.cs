using TrialAccess.Fhir.ResearchStudies;

namespace TrialAccess.Fhir.Tests.ResearchStudies;

public sealed class OutcomesTests
{
    [Fact]
    public void Invalid_MessageQuotingAControlCharacter_IsAValidFhirString()
    {
        // Found by the request fuzz test (seed 14601020): a phase "phase\u0000-2" was quoted into the diagnostics.
        var outcome = Outcomes.Invalid([new FhirIssue("parameter[0].value", "phase 'phase\u0000-2' is not a research-study-phase code.")]);

        var diagnostics = outcome.Issue.Single().Diagnostics;
        diagnostics.Should().NotContain("\u0000").And.Contain("phase\\u0000-2");
    }

    [Fact]
    public void Invalid_PlainMessage_IsUnchanged()
    {
        Outcomes.Invalid([new FhirIssue(null, "needs a value\n(valueString).")]).Issue.Single().Diagnostics.Should().Be("needs a value\n(valueString).");
    }
}
