using System.Text.RegularExpressions;
using TrialAccess.Patients.Evaluation;
using TrialAccess.Patients.Notes;
using TrialAccess.Testing;

namespace TrialAccess.Core.Tests.Patients.Notes;

/// <summary>The 75 TREC 2021 clinical trials topics, read in place from <c>../shared</c>.</summary>
public sealed partial class Trec2021TopicsTests
{
    public const string TopicsFile = "benchmarks/trec2021/topics2021.xml";

    [GeneratedRegex(@"\d+\s*-?\s*(?:years?|yrs?|months?|days?|weeks?)\s*-?\s*old|\d+\s*(?:yo|y/o)\b|\b\d+\s?[MF]\b|\b\d+\s*(?:year|yr)s?\s+(?:man|woman|male|female)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesAge();

    [GeneratedRegex(@"\b(?:man|woman|male|female|boy|girl|gentleman|lady|he|she)\b|\b\d+\s?[MF]\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesSex();

    private static IReadOnlyDictionary<int, string> Topics() => FactEvaluation.ParseTopics(File.ReadAllText(SharedData.PathTo(TopicsFile)));

    [SharedDataFact]
    public void Extract_EveryTopicStatingAgeAndSex_GivesBoth()
    {
        var topics = Topics();
        topics.Should().HaveCount(75);
        var missing = new List<string>();
        foreach (var (number, text) in topics)
        {
            var profile = NoteReader.Extract(text);
            if (StatesAge().IsMatch(text) && profile.Age is null)
            {
                missing.Add($"topic {number}: age");
            }

            if (StatesSex().IsMatch(text) && profile.Sex is null)
            {
                missing.Add($"topic {number}: sex");
            }
        }

        topics.Values.Count(t => StatesAge().IsMatch(t)).Should().Be(75);
        missing.Should().BeEmpty();
    }

    [SharedDataFact]
    public void Extract_EveryTopic_AgeSpanCoversTheStatedNumber()
    {
        foreach (var (number, text) in Topics())
        {
            var age = NoteReader.Extract(text).Age!;
            age.Span!.Value.Slice(text).Should().MatchRegex(@"^\d", $"topic {number}");
        }
    }
}
