namespace TrialAccess.Patients.Notes;

/// <summary>A word or number in a note: where it is and its matching form (lower case, no apostrophes).</summary>
/// <param name="Start">Index of the first character in the note.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Norm">The matching form.</param>
/// <param name="HasUpper">True when written with at least one capital.</param>
/// <param name="BreakBefore">True when a bracket, colon or list dash separates this word from the one before: scopes do not cross it.</param>
internal readonly record struct NoteToken(int Start, int Length, string Norm, bool HasUpper, bool BreakBefore = false)
{
    public int End => Start + Length;

    /// <summary>True when every letter is a capital ("GIST", "T2").</summary>
    public bool AllUpper { get; init; }

    /// <summary>True when a comma separates this word from the one before.</summary>
    public bool CommaBefore { get; init; }

    public bool IsNumber => Norm.Length > 0 && char.IsAsciiDigit(Norm[0]) && Norm.All(c => char.IsAsciiDigit(c) || c is '.' or ',');
}

/// <summary>A stretch of a note read as one unit: a sentence, a list item or, in unpunctuated text, a bounded run of words.</summary>
internal sealed record NoteSentence(int Start, int End, IReadOnlyList<NoteToken> Tokens);

/// <summary>Splits a note into sentences and words in one linear pass.</summary>
internal static class NoteText
{
    /// <summary>Longest sentence kept whole; unpunctuated text is cut at the next space after this many characters.</summary>
    public const int MaxSentenceLength = 600;

    public static IEnumerable<NoteSentence> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = c is '\n' or '\r'
                || (c is '.' or '!' or '?' or ';' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsInitial(text, i))
                || (i - start >= MaxSentenceLength && char.IsWhiteSpace(c));
            if (boundary)
            {
                if (i > start)
                {
                    yield return Sentence(text, start, i);
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return Sentence(text, start, text.Length);
        }
    }

    private static bool IsInitial(string text, int dot)
    {
        // "E. coli", "V. cholerae", "Dr. X": a single letter or a title before the dot does not end a sentence.
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var length = dot - wordStart;
        if (length == 1 && char.IsUpper(text[wordStart]) && dot + 2 < text.Length && char.IsLower(text[dot + 2]))
        {
            return true;
        }

        var word = text.AsSpan(wordStart, length);
        return word.Equals("dr", StringComparison.OrdinalIgnoreCase) || word.Equals("vs", StringComparison.OrdinalIgnoreCase)
            || word.Equals("approx", StringComparison.OrdinalIgnoreCase);
    }

    private static NoteSentence Sentence(string text, int start, int end) => new(start, end, Tokenize(text, start, end));

    public static List<NoteToken> Tokenize(string text, int start, int end)
    {
        var tokens = new List<NoteToken>();
        var i = start;
        var buffer = new System.Text.StringBuilder();
        var breakBefore = false;
        var commaBefore = false;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                breakBefore |= text[i] is '(' or ')' or ':' or '[' or ']' || (text[i] == '-' && i > start && text[i - 1] == ' ');
                commaBefore |= text[i] == ',';
                i++;
                continue;
            }

            var tokenStart = i;
            var hasUpper = false;
            var hasLower = false;
            buffer.Clear();
            while (i < end)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    hasUpper |= char.IsUpper(c);
                    hasLower |= char.IsLower(c);
                    buffer.Append(char.ToLowerInvariant(c));
                    i++;
                }
                else if (c is '\'' or '\u2019' && i + 1 < end && char.IsLetter(text[i + 1]) && buffer.Length > 0)
                {
                    i++;
                }
                else if (c is '.' or ',' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && buffer.Length > 0 && char.IsAsciiDigit(buffer[^1])
                    && (c == '.' || IsThousands(text, i, end)))
                {
                    if (c == '.')
                    {
                        buffer.Append('.');
                    }

                    i++;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new NoteToken(tokenStart, i - tokenStart, Vocabulary.Spelling.American(buffer.ToString()), hasUpper, breakBefore && tokens.Count > 0)
            {
                AllUpper = hasUpper && !hasLower,
                CommaBefore = commaBefore && tokens.Count > 0,
            });
            breakBefore = false;
            commaBefore = false;
        }

        return tokens;
    }

    private static bool IsThousands(string text, int comma, int end)
    {
        var digits = 0;
        var j = comma + 1;
        while (j < end && char.IsAsciiDigit(text[j]))
        {
            digits++;
            j++;
        }

        return digits == 3;
    }
}
