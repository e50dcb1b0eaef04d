using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Testing;

namespace TrialAccess.Registry.Tests.Sources;

/// <summary>Every reader against the real records in ../shared/data/trials.</summary>
public class SharedCorpusTests
{
    private static async Task<List<TrialReadResult>> ReadAsync(string relative)
    {
        var (files, _) = TrialSources.Expand([SharedData.PathTo(relative)]);
        var results = new List<TrialReadResult>();
        foreach (var file in files)
        {
            await foreach (var result in TrialSources.ReadFileAsync(file))
            {
                results.Add(result);
            }
        }

        return results;
    }

    [SharedDataTheory]
    [InlineData("trials/ctgov-xml", 6786)]
    [InlineData("trials/ctgov-v2", 100)]
    [InlineData("trials/trialgpt-format", 1038)]
    public async Task ReadFileAsync_SharedSource_ReadsEveryRecordWithoutFailure(string folder, int expectedRecords)
    {
        var results = await ReadAsync(folder);

        results.Where(r => !r.IsSuccess).Select(r => r.Error!.ToString()).Should().BeEmpty();
        results.Should().HaveCount(expectedRecords);
    }

    [SharedDataFact]
    public async Task ReadFileAsync_AllSharedSources_Hold7856DistinctTrials()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "trials/ctgov-xml", "trials/ctgov-v2", "trials/trialgpt-format" })
        {
            foreach (var result in await ReadAsync(folder))
            {
                ids.Add(result.Trial!.NctId.Value);
            }
        }

        ids.Should().HaveCount(7856);
    }

    [SharedDataFact]
    public async Task ReadFileAsync_NciCtsRecords_ReadEveryFileWithCriteriaAndConditions()
    {
        var results = await ReadAsync("trials/nci-cts");

        results.Where(r => !r.IsSuccess).Select(r => r.Error!.ToString()).Should().BeEmpty();
        results.Should().HaveCount(15, "one record per file");
        var trials = results.Select(r => r.Trial!).ToList();
        trials.Select(t => t.NctId).Distinct().Should().HaveCount(14, "NCT02201992.json repeats NCI-2014-01507");
        trials.Should().OnlyContain(t => t.Eligibility.Criteria != null && t.Conditions.Count > 0);
        trials.Should().OnlyContain(t => t.OverallStatus != Trials.RecruitmentStatus.NotStated && t.Phases.Count > 0 && t.Dates.LastUpdate != null);
        trials.SelectMany(t => t.Sites).Should().Contain(s => s.Status == Trials.RecruitmentStatus.Recruiting && s.Coordinates != null);
        trials.SelectMany(t => t.Sites).Should().OnlyContain(s => s.Status != Trials.RecruitmentStatus.NotStated);
    }

    [SharedDataFact]
    public async Task ReadFileAsync_XmlCorpus_KeepsCriteriaStatusAndSites()
    {
        var results = await ReadAsync("trials/ctgov-xml");
        var trials = results.Select(r => r.Trial!).ToList();

        trials.Count(t => t.Eligibility.Criteria is not null).Should().Be(6771);
        trials.Count(t => t.OverallStatus == Trials.RecruitmentStatus.Recruiting).Should().Be(76);
        trials.Should().OnlyContain(t => t.Dates.LastUpdate != null);
        trials.SelectMany(t => t.Sites).Should().Contain(s => s.Status == Trials.RecruitmentStatus.Recruiting);
    }
}
