using TrialAccess.Matching.Retrieval;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Matching.Retrieval;

public class TrialSearchIndexTests
{
    private static ClinicalTrial Trial(string id, string title, string? criteria = null, params string[] conditions) => new()
    {
        NctId = NctId.Parse(id),
        BriefTitle = title,
        Conditions = conditions,
        Eligibility = new TrialEligibility { Criteria = criteria },
    };

    private static readonly ClinicalTrial[] Trials =
    [
        Trial("NCT00000001", "Osimertinib in EGFR mutant lung cancer", "Inclusion: EGFR exon 19 deletion", "Non-Small Cell Lung Cancer"),
        Trial("NCT00000002", "Exercise for breast cancer survivors", "Women after surgery", "Breast Cancer"),
        Trial("NCT00000003", "Lung function in asthma", "Adults with asthma", "Asthma"),
    ];

    [Fact]
    public void Search_Query_RanksTheTrialWithMoreMatchingTermsFirst()
    {
        var index = TrialSearchIndex.Build(Trials);

        var hits = index.Search(TrialSearchIndex.Query("58 year old woman with EGFR-mutated lung cancers"), 10);

        hits.Select(h => h.NctId.Value).Should().Equal("NCT00000001", "NCT00000002", "NCT00000003");
        hits.Select(h => h.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Search_Filter_DropsRejectedDocuments()
    {
        var index = TrialSearchIndex.Build(Trials);

        var hits = index.Search(TrialSearchIndex.Query("lung"), 10, keep: d => index.IdOf(d).Value != "NCT00000001");

        hits.Select(h => h.NctId.Value).Should().Equal("NCT00000003");
    }

    [Fact]
    public void Search_NoMatchingTerm_ReturnsNothing()
    {
        TrialSearchIndex.Build(Trials).Search(TrialSearchIndex.Query("glioblastoma"), 10).Should().BeEmpty();
    }

    [Fact]
    public void Search_TopSmallerThanMatches_KeepsTheBest()
    {
        var index = TrialSearchIndex.Build(Trials);

        index.Search(TrialSearchIndex.Query("cancer lung"), 1).Should().ContainSingle().Which.NctId.Value.Should().Be("NCT00000001");
    }

    [Fact]
    public void Query_StopWordsAndStems_AreAnalysedLikeTheIndex()
    {
        TrialSearchIndex.Query("The tumors and the Tumor").Should().Equal(new Dictionary<string, float> { ["tumor"] = 2 });
    }
}
