namespace TrialAccess.Patients.Notes;

/// <summary>The kind of concept a lexicon entry names.</summary>
internal enum LexiconKind
{
    Condition,
    Cancer,
    Drug,
    Procedure,
    LabAnalyte,
    MetastaticSite,
    Marker,
}

/// <summary>One way of writing a concept: its words, the concept's canonical name and what else the lexicon knows.</summary>
/// <param name="Kind">What the entry names.</param>
/// <param name="Canonical">The concept's one name, used for every alias.</param>
/// <param name="Words">The alias as matching words.</param>
/// <param name="Extra">Kind-specific: OncoTree code (cancer), drug classes, procedure kind, default unit (lab), parent concept (condition).</param>
/// <param name="Detail">A second kind-specific value: histology (cancer).</param>
internal sealed record LexiconEntry(LexiconKind Kind, string Canonical, string[] Words, string? Extra, string? Detail);

/// <summary>A lexicon entry found in a sentence, by token range [First, First + Count).</summary>
internal readonly record struct LexiconMatch(LexiconEntry Entry, int First, int Count)
{
    public int Next => First + Count;
}

/// <summary>
/// The small note-reading vocabulary: abbreviations and names of conditions, cancers, drugs, oncologic procedures, lab
/// analytes, metastatic sites and tumour markers. It stands behind this one type so that the curated oncology
/// vocabulary can replace it without touching the extractors.
/// </summary>
internal sealed partial class NoteLexicon
{
    public static NoteLexicon Default { get; } = new();

    private readonly Dictionary<LexiconKind, Dictionary<string, List<LexiconEntry>>> _byFirstWord = [];

    private NoteLexicon()
    {
        Load(LexiconKind.Condition, ConditionData);
        Load(LexiconKind.Cancer, CancerData);
        Load(LexiconKind.Drug, DrugData);
        Load(LexiconKind.Procedure, ProcedureData);
        Load(LexiconKind.LabAnalyte, LabData);
        Load(LexiconKind.MetastaticSite, SiteData);
        Load(LexiconKind.Marker, MarkerData);
        foreach (var index in _byFirstWord.Values)
        {
            foreach (var list in index.Values)
            {
                list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            }
        }
    }

    /// <summary>Longest matches, left to right, of entries of the given kinds in a sentence's tokens.</summary>
    public List<LexiconMatch> Find(IReadOnlyList<NoteToken> tokens, params LexiconKind[] kinds)
    {
        var matches = new List<LexiconMatch>();
        var i = 0;
        while (i < tokens.Count)
        {
            LexiconMatch? best = null;
            foreach (var kind in kinds)
            {
                if (!_byFirstWord.TryGetValue(kind, out var index) || !index.TryGetValue(tokens[i].Norm, out var candidates))
                {
                    continue;
                }

                foreach (var entry in candidates)
                {
                    if (best is { } b && b.Count >= entry.Words.Length)
                    {
                        break;
                    }

                    if (Matches(tokens, i, entry))
                    {
                        best = new LexiconMatch(entry, i, entry.Words.Length);
                        break;
                    }
                }
            }

            if (best is { } found)
            {
                matches.Add(found);
                i = found.Next;
            }
            else
            {
                i++;
            }
        }

        return matches;
    }

    /// <summary>The entry whose aliases include the given name, when there is one.</summary>
    public LexiconEntry? Lookup(LexiconKind kind, string name)
    {
        var words = NoteText.Tokenize(name, 0, name.Length).Select(t => t.Norm).ToArray();
        if (words.Length == 0 || !_byFirstWord.TryGetValue(kind, out var index) || !index.TryGetValue(words[0], out var candidates))
        {
            return null;
        }

        return candidates.FirstOrDefault(e => e.Words.SequenceEqual(words));
    }

    private static bool Matches(IReadOnlyList<NoteToken> tokens, int start, LexiconEntry entry)
    {
        if (start + entry.Words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < entry.Words.Length; k++)
        {
            if (tokens[start + k].Norm != entry.Words[k])
            {
                return false;
            }
        }

        // Short single words ("as", "ms", "pt", "er", "all") are ordinary English or units unless written in capitals.
        // Lab names are followed by a value, which disambiguates them, so only one- and two-letter ones need the capital.
        var shortest = entry.Kind == LexiconKind.LabAnalyte ? 2 : 3;
        return entry.Words.Length > 1 || entry.Words[0].Length > shortest || entry.Words[0].Any(char.IsAsciiDigit) || tokens[start].HasUpper;
    }

    private void Load(LexiconKind kind, string data)
    {
        if (!_byFirstWord.TryGetValue(kind, out var index))
        {
            index = new Dictionary<string, List<LexiconEntry>>(StringComparer.Ordinal);
            _byFirstWord[kind] = index;
        }

        foreach (var rawLine in data.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            var head = equals < 0 ? line : line[..equals];
            var aliases = equals < 0 ? [] : line[(equals + 3)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var parts = head.Split('|', StringSplitOptions.TrimEntries);
            var canonical = parts[0];
            var extra = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            var detail = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null;
            foreach (var alias in aliases.Prepend(canonical))
            {
                var words = NoteText.Tokenize(alias, 0, alias.Length).Select(t => t.Norm).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                if (!index.TryGetValue(words[0], out var list))
                {
                    list = [];
                    index[words[0]] = list;
                }

                if (!list.Any(e => e.Words.SequenceEqual(words)))
                {
                    list.Add(new LexiconEntry(kind, canonical, words, extra, detail));
                }
            }
        }
    }
}
