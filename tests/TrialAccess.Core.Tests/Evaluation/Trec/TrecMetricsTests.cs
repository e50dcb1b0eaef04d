using TrialAccess.Evaluation.Trec;

namespace TrialAccess.Core.Tests.Evaluation.Trec;

public class TrecMetricsTests
{
    private static readonly Dictionary<string, RelevanceGrade> Judged = new()
    {
        ["A"] = RelevanceGrade.Eligible,
        ["B"] = RelevanceGrade.NotRelevant,
        ["C"] = RelevanceGrade.Excluded,
        ["D"] = RelevanceGrade.Eligible,
    };

    [Fact]
    public void Measure_HandComputedRanking_GivesTrecEvalFigures()
    {
        var measures = TrecMetrics.Measure(["A", "B", "C"], Judged);

        // DCG = 2/log2(2) + 0 + 1/log2(4) = 2.5; ideal gains 2, 2, 1: 2 + 2/log2(3) + 1/2.
        measures.Ndcg10.Should().BeApproximately(2.5 / (2 + 2 / Math.Log2(3) + 0.5), 1e-9);
        measures.Precision10.Should().Be(0.1, "one eligible trial in ten positions; positions past the end are misses");
        measures.ReciprocalRank.Should().Be(1);
        measures.RPrecision.Should().BeApproximately(2.0 / 3, 1e-9, "R = 3 relevant (A, C, D); A and C in the first three");
        measures.Recall100.Should().BeApproximately(2.0 / 3, 1e-9);
    }

    [Fact]
    public void Measure_UnjudgedTrials_CountAsNotRelevant()
    {
        var measures = TrecMetrics.Measure(["X", "Y", "D"], Judged);

        measures.ReciprocalRank.Should().BeApproximately(1.0 / 3, 1e-9);
        measures.Ndcg10.Should().BeApproximately((2 / Math.Log2(4)) / (2 + 2 / Math.Log2(3) + 0.5), 1e-9);
    }

    [Fact]
    public void Measure_PerfectRanking_HasNdcgOne()
    {
        TrecMetrics.Measure(["A", "D", "C", "B"], Judged).Ndcg10.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Measure_NoRelevantJudged_IsZeroNotNaN()
    {
        var measures = TrecMetrics.Measure(["B"], new Dictionary<string, RelevanceGrade> { ["B"] = RelevanceGrade.NotRelevant });

        measures.Should().Be(new TrecMeasures(0, 0, 0, 0, 0));
    }

    [Fact]
    public void Parse_QrelsLines_GroupsByTopic()
    {
        var (judgements, error) = RelevanceJudgements.Parse("1 0 NCT1 2\n1 0 NCT2 0\n2 0 NCT1 1\n");

        error.Should().BeNull();
        judgements!.For("1").Should().Equal(new Dictionary<string, RelevanceGrade> { ["NCT1"] = RelevanceGrade.Eligible, ["NCT2"] = RelevanceGrade.NotRelevant });
        judgements.For("2")["NCT1"].Should().Be(RelevanceGrade.Excluded);
        judgements.Where(id => id == "NCT2").For("1").Keys.Should().Equal("NCT2");
    }

    [Fact]
    public void Parse_BadLine_SaysWhich()
    {
        RelevanceJudgements.Parse("1 0 NCT1 2\nbroken line\n").Error.Should().Be("line 2: expected 'topic iteration trial grade'");
    }

    [Fact]
    public void ParseTopics_TrackFormat_ReadsNumberAndText()
    {
        var (topics, error) = TrecTopic.ParseTopics("<topics><topic number=\"2\"> B text </topic><topic number=\"1\">A</topic></topics>");

        error.Should().BeNull();
        topics.Should().Equal(new TrecTopic("1", "A"), new TrecTopic("2", "B text"));
    }

    [Fact]
    public void ParseTopics_NotXml_IsAnError()
    {
        TrecTopic.ParseTopics("not xml").Error.Should().Contain("not well-formed XML");
    }
}
