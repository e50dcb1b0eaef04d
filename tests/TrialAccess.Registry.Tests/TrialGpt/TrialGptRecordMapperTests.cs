using System.Text.Json;
using TrialAccess.Registry.Tests.Sources;
using TrialAccess.Registry.TrialGpt;
using TrialAccess.Trials;

namespace TrialAccess.Registry.Tests.TrialGpt;

public class TrialGptRecordMapperTests
{
    [Fact]
    public void Map_CorpusRecord_ReadsTitleListsAndCriteria()
    {
        using var document = JsonDocument.Parse(SampleRecords.TrialGptRecord());
        var result = TrialGptRecordMapper.Map(document.RootElement, "corpus.jsonl:1");

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        var trial = result.Trial!;
        trial.NctId.Value.Should().Be("NCT90000003");
        trial.Phases.Should().Equal(TrialPhase.Phase2);
        trial.Conditions.Should().Equal("Breast Cancer");
        trial.Interventions.Select(i => i.Name).Should().Equal("Walking", "Patient's diary");
        trial.Enrollment!.Count.Should().Be(60);
        trial.Dates.LastUpdate.Should().BeNull("the format carries no dates");
        trial.OverallStatus.Should().Be(RecruitmentStatus.NotStated);
        trial.Eligibility.Criteria.Should().Be("Inclusion Criteria:\n\nWomen aged 18 or over\n\nExclusion Criteria:\n\nMetastatic disease");
    }

    [Theory]
    [InlineData("['a', 'b']", new[] { "a", "b" })]
    [InlineData("[\"it's\", 'x']", new[] { "it's", "x" })]
    [InlineData("[]", new string[0])]
    [InlineData("plain", new[] { "plain" })]
    public void PythonList_Literals_AreRead(string text, string[] expected)
    {
        TrialGptRecordMapper.PythonList(text).Should().Equal(expected);
    }

    [Fact]
    public void Map_BadId_NamesTheField()
    {
        using var document = JsonDocument.Parse("""{"_id": "sigir-2015", "title": "x"}""");
        TrialGptRecordMapper.Map(document.RootElement, "c.jsonl:4").Error!.Field.Should().Be("_id");
    }
}
