using TrialAccess.Eligibility.Parsing;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Parsing;

public class ParsedEligibilityCacheTests
{
    private static ClinicalTrial Trial(int number, string criteria = "Inclusion Criteria:\n* ECOG 0-1") => new()
    {
        NctId = NctId.Parse($"NCT{number:D8}"),
        BriefTitle = "A trial",
        Eligibility = new TrialEligibility { Criteria = criteria, MinimumAge = new AgeLimit(18, AgeUnit.Years) },
    };

    [Fact]
    public void Get_SameTrialTwice_ParsesOnce()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default);
        var trial = Trial(1);

        cache.Get(trial).Should().BeSameAs(cache.Get(trial with { BriefTitle = "renamed" }));
        cache.Count.Should().Be(1);
    }

    [Fact]
    public void Get_NewVersionWithChangedCriteria_ParsesAgain()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default);
        var first = cache.Get(Trial(1));

        var second = cache.Get(Trial(1, "Inclusion Criteria:\n* ECOG 0-2"));

        second.Should().NotBeSameAs(first);
        second.Criteria.Single().Segment.Text.Should().Be("ECOG 0-2");
        cache.Count.Should().Be(1);
    }

    [Fact]
    public void Get_PastTheCapacity_DropsTheLeastRecentlyUsedTenth()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default, capacity: 10);
        for (var n = 1; n <= 10; n++)
        {
            cache.Get(Trial(n));
        }

        var kept = cache.Get(Trial(1));
        cache.Get(Trial(11));

        cache.Count.Should().Be(9);
        cache.TryGet(NctId.Parse("NCT00000002"), ParsedEligibilityCache.VersionOf(Trial(2).Eligibility), out _).Should().BeFalse("trial 2 was the least recently used");
        cache.TryGet(NctId.Parse("NCT00000001"), ParsedEligibilityCache.VersionOf(Trial(1).Eligibility), out var parsed).Should().BeTrue("trial 1 was used again before the eviction");
        parsed.Should().BeSameAs(kept);
        cache.TryGet(NctId.Parse("NCT00000011"), ParsedEligibilityCache.VersionOf(Trial(11).Eligibility), out _).Should().BeTrue();
    }

    [Fact]
    public void Get_ManyMoreTrialsThanTheCapacity_NeverHoldsMoreThanTheCapacity()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default, capacity: 50);

        for (var n = 1; n <= 500; n++)
        {
            cache.Get(Trial(n));
            cache.Count.Should().BeLessThanOrEqualTo(50);
        }
    }

    [Fact]
    public void TryGet_OtherVersion_IsAMiss()
    {
        var cache = new ParsedEligibilityCache(CriterionParser.Default);
        cache.Get(Trial(1));

        cache.TryGet(NctId.Parse("NCT00000001"), ParsedEligibilityCache.VersionOf(Trial(1, "Inclusion Criteria:\n* ECOG 0-2").Eligibility), out _).Should().BeFalse();
        cache.TryGet(NctId.Parse("NCT00000001"), ParsedEligibilityCache.VersionOf(Trial(1).Eligibility with { Sex = EligibleSex.Female }), out _).Should().BeFalse();
        cache.TryGet(NctId.Parse("NCT00000001"), ParsedEligibilityCache.VersionOf(Trial(1).Eligibility), out _).Should().BeTrue();
    }

    [Fact]
    public void Constructor_CapacityBelowOne_Throws()
    {
        var create = () => new ParsedEligibilityCache(CriterionParser.Default, capacity: 0);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }
}
