using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TrialAccess.Evaluation.Trec;

/// <summary>One TREC Clinical Trials topic: a patient description used as the query.</summary>
public sealed record TrecTopic(string Number, string Text)
{
    /// <summary>
    /// Reads the track's topics file (<c>&lt;topics&gt;&lt;topic number="1"&gt;text&lt;/topic&gt;...</c>).
    /// Returns an error message instead of throwing when the text is not such a file.
    /// </summary>
    public static (IReadOnlyList<TrecTopic> Topics, string? Error) ParseTopics(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            return ([], $"the topics file is not well-formed XML (line {e.LineNumber}): {e.Message}");
        }

        var topics = new List<TrecTopic>();
        foreach (var topic in document.Descendants("topic"))
        {
            var number = topic.Attribute("number")?.Value.Trim();
            if (string.IsNullOrEmpty(number))
            {
                return ([], "a <topic> element has no number attribute");
            }

            topics.Add(new TrecTopic(number, topic.Value.Trim()));
        }

        return topics.Count == 0
            ? ([], "the file holds no <topic> elements")
            : (topics.OrderBy(t => int.TryParse(t.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(t => t.Number, StringComparer.Ordinal).ToList(), null);
    }
}
