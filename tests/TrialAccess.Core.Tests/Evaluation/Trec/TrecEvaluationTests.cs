using TrialAccess.Evaluation.Trec;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Evaluation.Trec;

public class TrecEvaluationTests
{
    /// <summary>Ranks candidates in the order given (or a fixed list for the full protocol).</summary>
    private sealed class FixedRanker(params string[] full) : ITrialRanker
    {
        public string Name => "fixed";

        public IReadOnlyList<NctId> Rank(string patientText, IReadOnlyCollection<NctId>? candidates, int top) =>
            (candidates ?? full.Select(NctId.Parse).ToList()).Take(top).ToList();
    }

    private static readonly IReadOnlyList<TrecTopic> Topics = [new("1", "a"), new("2", "b"), new("3", "c")];

    private static RelevanceJudgements Judgements() => RelevanceJudgements.Parse(
        "1 0 NCT00000001 2\n1 0 NCT00000002 0\n1 0 NCT00000009 1\n" +
        "2 0 NCT00000003 0\n" +
        "3 0 NCT00000008 2\n").Judgements!;

    [Fact]
    public void Run_Judged_LeavesOutTrialsWithoutTextAndAveragesTopicsWithARelevantTrial()
    {
        var inDatabase = new HashSet<string> { "NCT00000001", "NCT00000002", "NCT00000003" };

        var run = TrecEvaluation.Run(Topics, Judgements(), new FixedRanker(), TrecProtocol.Judged, inDatabase.Contains);

        run.JudgedPairs.Should().Be(5);
        run.JudgedPairsWithText.Should().Be(3);
        run.Topics.Select(t => t.Topic).Should().Equal("1", "2");
        run.Topics[0].Ranked.Should().Be(2);
        run.Topics[1].RelevantWithText.Should().Be(0);
        run.Mean.Ndcg10.Should().Be(1, "topic 1's only relevant trial with text is ranked first; topic 2 has none and is not averaged");
        run.MeanAllTopics.Ndcg10.Should().Be(0.5);
    }

    [Fact]
    public void Run_Full_ReportsTheShareOfTheTopTenThatIsJudged()
    {
        var run = TrecEvaluation.Run(Topics, Judgements(), new FixedRanker("NCT00000005", "NCT00000001", "NCT00000002", "NCT00000006"), TrecProtocol.Full, _ => true);

        run.Topics.Single(t => t.Topic == "1").Top10JudgedShare.Should().Be(0.5);
        run.Topics.Single(t => t.Topic == "1").Measures.ReciprocalRank.Should().Be(0.5);
    }
}
