using TrialAccess.Ingestion;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Ingestion;

public class TrialVersionPolicyTests
{
    private static readonly DateOnly January = new(2024, 1, 1);
    private static readonly DateOnly June = new(2024, 6, 1);

    private static ClinicalTrial Trial(DateOnly? lastUpdate) => new()
    {
        NctId = NctId.Parse("NCT01234567"),
        BriefTitle = "A trial",
        Dates = new TrialDates { LastUpdate = lastUpdate },
    };

    [Fact]
    public void Decide_NothingStored_IsNew()
    {
        TrialVersionPolicy.Decide(false, null, Trial(null)).Should().Be(IngestOutcome.New);
    }

    [Fact]
    public void Decide_LaterDate_Replaces()
    {
        TrialVersionPolicy.Decide(true, January, Trial(June)).Should().Be(IngestOutcome.Updated);
    }

    [Fact]
    public void Decide_EarlierOrEqualDate_KeepsStored()
    {
        TrialVersionPolicy.Decide(true, June, Trial(January)).Should().Be(IngestOutcome.Unchanged);
        TrialVersionPolicy.Decide(true, June, Trial(June)).Should().Be(IngestOutcome.Unchanged);
    }

    [Fact]
    public void Decide_UndatedIncoming_NeverReplacesDated()
    {
        TrialVersionPolicy.Decide(true, January, Trial(null)).Should().Be(IngestOutcome.Unchanged);
        TrialVersionPolicy.Decide(true, January, Trial(null), replaceEqual: true).Should().Be(IngestOutcome.Unchanged);
    }

    [Fact]
    public void Decide_DatedIncoming_ReplacesUndated()
    {
        TrialVersionPolicy.Decide(true, null, Trial(January)).Should().Be(IngestOutcome.Updated);
    }

    [Fact]
    public void Decide_BothUndated_KeepsStoredSoThatReRunsWriteNothing()
    {
        TrialVersionPolicy.Decide(true, null, Trial(null)).Should().Be(IngestOutcome.Unchanged);
    }

    [Fact]
    public void Decide_ReplaceEqual_ReplacesSameDate()
    {
        TrialVersionPolicy.Decide(true, June, Trial(June), replaceEqual: true).Should().Be(IngestOutcome.Updated);
    }
}
