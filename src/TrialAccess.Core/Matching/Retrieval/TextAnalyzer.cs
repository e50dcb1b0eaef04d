namespace TrialAccess.Matching.Retrieval;

/// <summary>
/// Turns text into index terms: words of letters and digits, lower case, in American spelling, English stop words
/// removed, Porter-stemmed.
/// The same analysis is applied to trials and to queries.
/// </summary>
public static class TextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "me", "more", "most", "my", "myself", "nor", "of", "off", "on", "once", "only",
        "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "also", "may", "must", "within", "per",
    };

    /// <summary>Calls <paramref name="term"/> for each index term of <paramref name="text"/>, in order.</summary>
    public static void Analyze(ReadOnlySpan<char> text, Action<string> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var tooLong = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            // "T-cell", "B-cell": a single letter hyphened to the next word makes one term with it ("tcell"), so a
            // T-cell lymphoma is not searched as any "cell" lymphoma.
            if (c == '-' && length == 1 && char.IsLetter(buffer[0]) && i + 1 < text.Length && char.IsLetter(text[i + 1])
                && (i < 2 || !char.IsLetterOrDigit(text[i - 2])))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    tooLong = true;
                }

                continue;
            }

            if (length > 0 && !tooLong)
            {
                // British and American spellings are one term ("thrombocythaemia", "thrombocythemia").
                var word = Vocabulary.Spelling.American(new string(buffer[..length]));
                if (!StopWords.Contains(word) && (length > 1 || char.IsDigit(word[0])))
                {
                    term(PorterStemmer.Stem(word));
                }
            }

            length = 0;
            tooLong = false;
        }
    }

    /// <summary>The index terms of <paramref name="text"/>, in order, with repeats.</summary>
    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        if (!string.IsNullOrEmpty(text))
        {
            Analyze(text, terms.Add);
        }

        return terms;
    }
}
