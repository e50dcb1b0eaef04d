namespace TrialAccess.Vocabulary;

/// <summary>A word of a text: lower-cased letters and digits, with where it lies in the text.</summary>
public readonly record struct Token(string Value, int Start, int End);

/// <summary>Splits text into lower-cased words of letters and digits ("PD-L1" gives "pd" and "l1").</summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(text.Substring(start, i - start).ToLowerInvariant(), start, i));
        }

        return tokens;
    }

    /// <summary>The key a phrase is stored under: its words joined by single spaces.</summary>
    public static string Key(string phrase) => string.Join(' ', Tokenize(phrase).Select(t => t.Value));
}

/// <summary>A phrase of the vocabulary found in a text.</summary>
public readonly record struct PhraseMatch<T>(T Value, int Start, int End, string Phrase);

/// <summary>
/// Finds the longest vocabulary phrases in a text, word by word (case-insensitive, punctuation-insensitive), in time
/// linear in the text's words. Phrases that differ only in punctuation ("PD-L1", "PD L1") are the same phrase.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Value, string Phrase)>> _byFirstWord = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Adds a phrase; a phrase already present keeps its first value.</summary>
    public void Add(string phrase, T value)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Value).ToArray();
        if (words.Length == 0)
        {
            return;
        }

        if (!_byFirstWord.TryGetValue(words[0], out var list))
        {
            list = [];
            _byFirstWord[words[0]] = list;
        }

        if (list.Any(e => e.Words.AsSpan().SequenceEqual(words)))
        {
            return;
        }

        list.Add((words, value, phrase));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        Count++;
    }

    public bool Contains(string phrase)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Value).ToArray();
        return words.Length > 0 && _byFirstWord.TryGetValue(words[0], out var list) && list.Any(e => e.Words.AsSpan().SequenceEqual(words));
    }

    public bool TryGet(string phrase, out T value)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Value).ToArray();
        if (words.Length > 0 && _byFirstWord.TryGetValue(words[0], out var list))
        {
            foreach (var entry in list)
            {
                if (entry.Words.AsSpan().SequenceEqual(words))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Every non-overlapping longest match, left to right. A phrase registered in capitals of at most five characters
    /// ("ALL", "MET", "ER") matches only where the text has it in capitals too, since in lower case it is a common word.
    /// </summary>
    public List<PhraseMatch<T>> FindAll(string text, IReadOnlyList<Token> tokens)
    {
        var matches = new List<PhraseMatch<T>>();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            if (_byFirstWord.TryGetValue(tokens[i].Value, out var list))
            {
                foreach (var (words, value, phrase) in list)
                {
                    if (i + words.Length > tokens.Count)
                    {
                        continue;
                    }

                    var ok = true;
                    for (var w = 1; w < words.Length && ok; w++)
                    {
                        ok = tokens[i + w].Value == words[w];
                    }

                    if (ok && IsCapitalsOnly(phrase) && HasLowerCase(text, tokens[i].Start, tokens[i + words.Length - 1].End))
                    {
                        ok = false;
                    }

                    if (ok)
                    {
                        matches.Add(new PhraseMatch<T>(value, tokens[i].Start, tokens[i + words.Length - 1].End, phrase));
                        matched = words.Length;
                        break;
                    }
                }
            }

            i += Math.Max(1, matched);
        }

        return matches;
    }

    private static bool IsCapitalsOnly(string phrase)
    {
        if (phrase.Length > 5)
        {
            return false;
        }

        var letters = false;
        foreach (var c in phrase)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters |= char.IsLetter(c);
        }

        return letters;
    }

    private static bool HasLowerCase(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLower(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
