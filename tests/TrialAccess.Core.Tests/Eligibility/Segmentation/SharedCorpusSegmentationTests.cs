using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Registry.Sources;
using TrialAccess.Testing;

namespace TrialAccess.Core.Tests.Eligibility.Segmentation;

public class SharedCorpusSegmentationTests
{
    [SharedDataFact]
    public async Task Segment_EveryRecordOfTheSharedCorpus_NeverThrowsAndKeepsSpansInside()
    {
        var (files, _) = TrialSources.Expand([SharedData.PathTo("trials")]);
        var trials = 0;
        var criteria = 0;
        foreach (var file in files)
        {
            await foreach (var read in TrialSources.ReadFileAsync(file))
            {
                if (read.Trial?.Eligibility.Criteria is not { } text)
                {
                    continue;
                }

                var result = CriteriaSegmenter.Segment(text);
                trials++;
                criteria += result.Criteria.Count;
                foreach (var criterion in result.Criteria)
                {
                    criterion.Span.End.Should().BeLessThanOrEqualTo(text.Length);
                    criterion.Span.Slice(text).Should().Be(criterion.Text);
                }
            }
        }

        trials.Should().BeGreaterThan(7000);
        criteria.Should().BeGreaterThan(trials * 5);
    }
}

public class SharedCorpusParsingTests
{
    [SharedDataFact]
    public async Task Parse_EveryCriterionOfTheSharedCorpus_NeverThrowsAndKeepsConstraintSpansInside()
    {
        var (files, _) = TrialSources.Expand([SharedData.PathTo("trials")]);
        var parsed = 0;
        foreach (var file in files)
        {
            await foreach (var read in TrialSources.ReadFileAsync(file))
            {
                if (read.Trial is not { } trial)
                {
                    continue;
                }

                foreach (var criterion in TrialAccess.Eligibility.Parsing.TrialCriteriaParser.Parse(trial).Criteria)
                {
                    parsed++;
                    criterion.Constraints.All(c => c.Span.Start >= 0 && c.Span.End <= criterion.Segment.Text.Length).Should().BeTrue(criterion.Segment.Text);
                }
            }
        }

        parsed.Should().BeGreaterThan(50_000);
    }
}
