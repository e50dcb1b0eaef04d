namespace TrialAccess.Vocabulary;

/// <summary>A word of a text: lower-cased letters and digits, with where it lies in the text.</summary>
public readonly record struct Token(string Value, int Start, int End);

/// <summary>
/// Splits text into lower-cased words of letters and digits ("PD-L1" gives "pd" and "l1"), British medical spellings
/// read as American ones (<see cref="Spelling"/>).
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        // Lower-cased once for the whole text (invariant lower-casing keeps every offset), then one string per word.
        var lower = text.ToLowerInvariant();
        var tokens = new List<Token>(text.Length / 6 + 1);
        var i = 0;
        while (i < lower.Length)
        {
            if (!char.IsLetterOrDigit(lower[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < lower.Length && char.IsLetterOrDigit(lower[i]))
            {
                i++;
            }

            tokens.Add(new Token(Spelling.American(lower.Substring(start, i - start)), start, i));
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
    // Phrases of one word by that word; longer phrases by their first two words (short lists to compare), longest first.
    private readonly Dictionary<string, List<(string[] Words, T Value, string Phrase)>> _byFirstWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    private volatile bool _sorted = true;

    public int Count { get; private set; }

    /// <summary>Adds a phrase; a phrase already present keeps its first value.</summary>
    public void Add(string phrase, T value)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Value).ToArray();
        if (words.Length == 0)
        {
            return;
        }

        var key = KeyOf(words);
        if (!_byFirstWords.TryGetValue(key, out var list))
        {
            list = [];
            _byFirstWords[key] = list;
        }

        if (list.Exists(e => e.Words.AsSpan().SequenceEqual(words)))
        {
            return;
        }

        list.Add((words, value, phrase));
        _firstWords.Add(words[0]);
        _sorted = false;
        Count++;
    }

    public bool Contains(string phrase) => TryGet(phrase, out _);

    /// <summary>Every phrase as it was added, with its value.</summary>
    public IEnumerable<KeyValuePair<string, T>> Entries =>
        _byFirstWords.Values.SelectMany(list => list).Select(e => new KeyValuePair<string, T>(e.Phrase, e.Value));

    public bool TryGet(string phrase, out T value)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Value).ToArray();
        if (words.Length > 0 && _byFirstWords.TryGetValue(KeyOf(words), out var list))
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
    /// ("ALL", "MET", "ER") matches only where the text has it in capitals too, since in lower case it is a common word;
    /// one with a digit ("HER2") also where the text starts it with a capital ("Her2").
    /// </summary>
    public List<PhraseMatch<T>> FindAll(string text, IReadOnlyList<Token> tokens)
    {
        EnsureSorted();
        var matches = new List<PhraseMatch<T>>();
        var byFirstWords = _byFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[64];
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            if (_firstWords.Contains(tokens[i].Value))
            {
                if (i + 1 < tokens.Count && byFirstWords.TryGetValue(KeyOf(tokens[i].Value, tokens[i + 1].Value, pair), out var longer))
                {
                    matched = TryMatch(text, tokens, i, longer, matches);
                }

                if (matched == 0 && _byFirstWords.TryGetValue(tokens[i].Value, out var single))
                {
                    matched = TryMatch(text, tokens, i, single, matches);
                }
            }

            i += Math.Max(1, matched);
        }

        return matches;
    }

    private static string KeyOf(string[] words) => words.Length == 1 ? words[0] : words[0] + " " + words[1];

    /// <summary>The key of two words, written into <paramref name="buffer"/> when it fits (looked up once per word of every text).</summary>
    private static ReadOnlySpan<char> KeyOf(string first, string second, Span<char> buffer)
    {
        var length = first.Length + 1 + second.Length;
        if (length > buffer.Length)
        {
            return first + " " + second;
        }

        first.CopyTo(buffer);
        buffer[first.Length] = ' ';
        second.CopyTo(buffer[(first.Length + 1)..]);
        return buffer[..length];
    }

    private void EnsureSorted()
    {
        if (_sorted)
        {
            return;
        }

        lock (_byFirstWords)
        {
            if (_sorted)
            {
                return;
            }

            foreach (var list in _byFirstWords.Values)
            {
                list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            }

            _sorted = true;
        }
    }

    private static int TryMatch(string text, IReadOnlyList<Token> tokens, int i, List<(string[] Words, T Value, string Phrase)> candidates, List<PhraseMatch<T>> matches)
    {
        foreach (var (words, value, phrase) in candidates)
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

            // "Her2", "Cd20": a name with a digit is no common word; written with a capital first it is the name still.
            if (ok && IsCapitalsOnly(phrase) && HasLowerCase(text, tokens[i].Start, tokens[i + words.Length - 1].End)
                && !(phrase.Any(char.IsAsciiDigit) && char.IsUpper(text[tokens[i].Start])))
            {
                ok = false;
            }

            if (ok)
            {
                matches.Add(new PhraseMatch<T>(value, tokens[i].Start, tokens[i + words.Length - 1].End, phrase));
                return words.Length;
            }
        }

        return 0;
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
