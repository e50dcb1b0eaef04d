using TrialAccess.Eligibility.Parsing;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

public class ParsedEligibilityCacheTests
{
    private static ClinicalTrial Trial(string criteria) => new()
    {
        NctId = NctId.Parse("NCT01234567"),
        BriefTitle = "A trial",
        Eligibility = new TrialEligibility { Criteria = criteria },
    };

    [Fact]
    public void Get_SameTrialTwice_ParsesOnce()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default);
        var trial = Trial("Inclusion Criteria:\n- ECOG 0-1");

        cache.Get(trial).Should().BeSameAs(cache.Get(trial with { BriefTitle = "renamed" }));
    }

    [Fact]
    public void Get_NewVersionWithChangedCriteria_ParsesAgain()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default);

        var first = cache.Get(Trial("Inclusion Criteria:\n- ECOG 0-1"));
        var second = cache.Get(Trial("Inclusion Criteria:\n- ECOG 0-2"));

        second.Should().NotBeSameAs(first);
        cache.Count.Should().Be(1);
    }
}
