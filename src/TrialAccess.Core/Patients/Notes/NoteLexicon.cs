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
internal sealed record LexiconEntry(LexiconKind Kind, string Canonical, string[] Words, string? Extra, string? Detail)
{
    /// <summary>An abbreviation that is an ordinary word in lower case ("GIST", "MALT"): matched only in capitals.</summary>
    public bool CapitalsOnly { get; init; }
}

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
        LoadCancerTypes(Vocabulary.CancerTypeCatalog.BuiltIn());
        Load(LexiconKind.Drug, DrugData);
        LoadDrugs(Vocabulary.DrugCatalog.BuiltIn());
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

    private static readonly HashSet<string> SiteModifiers = new(StringComparer.Ordinal)
    {
        "left", "right", "mid", "middle", "upper", "lower", "low", "high", "distal", "proximal", "sigmoid", "ascending", "descending",
        "transverse", "main", "anterior", "posterior", "lateral", "medial", "superior", "inferior", "outer", "inner",
    };

    private static readonly HashSet<string> SiteParts = new(StringComparer.Ordinal) { "head", "tail", "body", "neck", "dome", "base", "apex", "antrum", "fundus", "cardia" };

    /// <summary>
    /// Cancers named with where in the organ they are: "adenocarcinoma of the mid rectum", "carcinoma of the head of the
    /// pancreas" are the cancer entry without the location words ("adenocarcinoma of the rectum"), and "adenocarcinoma of
    /// the pancreatic head" the entry named with the organ first ("pancreatic adenocarcinoma"). Only mentions with such
    /// words are returned; the plain forms are found by <see cref="Find"/>.
    /// </summary>
    public List<LexiconMatch> FindLocatedCancers(IReadOnlyList<NoteToken> tokens)
    {
        var found = new List<LexiconMatch>();
        var index = _byFirstWord[LexiconKind.Cancer];
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            if (tokens[i + 1].Norm is not ("of" or "in") || !index.ContainsKey(tokens[i].Norm) && !IsCancerHead(tokens[i].Norm))
            {
                continue;
            }

            var j = i + 2;
            if (tokens[j].Norm == "the")
            {
                j++;
            }

            var skipped = 0;
            while (j < tokens.Count)
            {
                if (SiteModifiers.Contains(tokens[j].Norm))
                {
                    j++;
                    skipped++;
                }
                else if (SiteParts.Contains(tokens[j].Norm) && j + 1 < tokens.Count && tokens[j + 1].Norm == "of")
                {
                    j += j + 2 < tokens.Count && tokens[j + 2].Norm == "the" ? 3 : 2;
                    skipped++;
                }
                else
                {
                    break;
                }
            }

            // "Ductal adenocarcinoma of the pancreatic head", "carcinoma of the gastric antrum": the organ as an adjective
            // before the part is the cancer named the other way round ("pancreatic ductal adenocarcinoma").
            if (skipped == 0 && j + 1 < tokens.Count && SiteParts.Contains(tokens[j + 1].Norm) && (j + 2 >= tokens.Count || tokens[j + 2].Norm != "of"))
            {
                for (var h = Math.Max(0, i - 2); h <= i; h++)
                {
                    if (Entry(index, [tokens[j].Norm, .. tokens.Skip(h).Take(i - h + 1).Select(t => t.Norm)]) is { } adjectival)
                    {
                        found.Add(new LexiconMatch(adjectival, h, j + 2 - h));
                        i = j + 1;
                        break;
                    }
                }

                continue;
            }

            if (skipped == 0 || j >= tokens.Count)
            {
                continue;
            }

            // The longest histology (up to three words ending at i) and organ (up to three words from j) forming an entry.
            LexiconMatch? best = null;
            for (var h = Math.Max(0, i - 2); h <= i && best is null; h++)
            {
                for (var o = Math.Min(tokens.Count, j + 3); o > j && best is null; o--)
                {
                    var words = tokens.Skip(h).Take(i - h + 1).Select(t => t.Norm).Concat(["of", "the"]).Concat(tokens.Skip(j).Take(o - j).Select(t => t.Norm)).ToArray();
                    if (Entry(index, words) is { } entry)
                    {
                        best = new LexiconMatch(entry, h, o - h);
                    }
                }
            }

            if (best is { } match)
            {
                found.Add(match);
                i = match.Next - 1;
            }
        }

        return found;

        static bool IsCancerHead(string word) => word is "adenocarcinoma" or "carcinoma" or "cancer" or "tumor" or "tumour" or "malignancy" or "neoplasm" or "sarcoma" or "melanoma" or "lymphoma";
    }

    /// <summary>The entry whose aliases include the given name, when there is one.</summary>
    public LexiconEntry? Lookup(LexiconKind kind, string name) =>
        _byFirstWord.TryGetValue(kind, out var index) ? Entry(index, NoteText.Tokenize(name, 0, name.Length).Select(t => t.Norm).ToArray()) : null;

    /// <summary>The entry written exactly as these words, when there is one.</summary>
    private static LexiconEntry? Entry(Dictionary<string, List<LexiconEntry>> index, string[] words) =>
        words.Length > 0 && index.TryGetValue(words[0], out var candidates) ? candidates.FirstOrDefault(e => e.Words.SequenceEqual(words)) : null;

    /// <summary>Adds an entry unless one is already written as the same words (the first one loaded wins).</summary>
    private static void Add(Dictionary<string, List<LexiconEntry>> index, LexiconEntry entry)
    {
        if (!index.TryGetValue(entry.Words[0], out var list))
        {
            list = [];
            index[entry.Words[0]] = list;
        }

        if (!list.Exists(e => e.Words.SequenceEqual(entry.Words)))
        {
            list.Add(entry);
        }
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

        if (entry.CapitalsOnly && !IsCapitals(tokens, start, entry.Words.Length))
        {
            return false;
        }

        // Short single words ("as", "ms", "pt", "er", "all") are ordinary English or units unless written in capitals:
        // all in capitals, since a capital that starts a sentence or a title ("All liver disease was removed", "Mr D.H.")
        // is not an abbreviation. Lab names are followed by a value, which disambiguates them, so only one- and two-letter
        // ones need a capital, and one is enough ("Hb 124", "Cr 88").
        if (entry.Words.Length > 1 || entry.Words[0].Any(char.IsAsciiDigit))
        {
            return true;
        }

        return entry.Kind == LexiconKind.LabAnalyte
            ? entry.Words[0].Length > 2 || tokens[start].HasUpper
            : entry.Words[0].Length > 3 || tokens[start].AllUpper;
    }

    /// <summary>
    /// Every cancer type the curated catalogue names ("pancreatic neuroendocrine tumour", "mantle cell lymphoma",
    /// "myelodysplastic syndrome"), after the note's own cancer words, so that a note names what a criterion can name. An
    /// organ alone ("lung"), the bare word "cancer" and names qualified after a comma are left out; an abbreviation in capitals of at most five
    /// characters ("GIST", "MALT", "CUP") is read only in capitals.
    /// </summary>
    private void LoadCancerTypes(Vocabulary.CancerTypeCatalog catalog)
    {
        var index = _byFirstWord[LexiconKind.Cancer];

        // The note's own name for a type where it has one ("lung cancer" for NSCLC), so that mentions merge.
        var ownNames = index.Values.SelectMany(l => l).Where(e => e.Extra is not null).GroupBy(e => e.Extra!).ToDictionary(g => g.Key, g => g.First().Canonical);
        foreach (var names in catalog.Names.Entries.GroupBy(e => e.Value))
        {
            if (names.Key == Vocabulary.CancerTypeCatalog.Root || catalog.Find(names.Key) is not { } type)
            {
                continue;
            }

            var canonical = ownNames.GetValueOrDefault(type.Code) ?? type.Name.ToLowerInvariant();
            foreach (var (name, code) in names)
            {
                // OncoTree's qualified names ("Glioblastoma, IDH-Wildtype", "Diffuse Large B-Cell Lymphoma, NOS") are the
                // catalogue's convention, not how a note writes: the comma would pull a marker into the diagnosis.
                var words = NoteText.Tokenize(name, 0, name.Length).Select(t => t.Norm).ToArray();
                if (name.Contains(',') || words.Length == 0)
                {
                    continue;
                }

                var capitals = name.Length <= 5 && name.Any(char.IsLetter) && name.All(c => !char.IsLetter(c) || char.IsUpper(c));
                Add(index, new LexiconEntry(LexiconKind.Cancer, canonical, words, code, null) { CapitalsOnly = capitals });
            }
        }
    }

    /// <summary>
    /// Every drug the curated catalogue names ("rivaroxaban", "Xarelto"), after the note's own drug words, so that a note
    /// names what a criterion can name. A brand or abbreviation in capitals of at most five characters is read only in capitals.
    /// </summary>
    private void LoadDrugs(Vocabulary.DrugCatalog catalog)
    {
        var index = _byFirstWord[LexiconKind.Drug];
        foreach (var (name, drugName) in catalog.Names.Entries)
        {
            var words = NoteText.Tokenize(name, 0, name.Length).Select(t => t.Norm).ToArray();
            if (words.Length == 0 || catalog.Find(drugName) is not { } drug
                || (index.TryGetValue(words[0], out var list) && list.Exists(e => e.Words.SequenceEqual(words))))
            {
                continue;
            }

            var capitals = name.Length <= 5 && name.Any(char.IsLetter) && name.All(c => !char.IsLetter(c) || char.IsUpper(c));
            Add(index, new LexiconEntry(LexiconKind.Drug, drug.Name, words, drug.Classes.Count > 0 ? string.Join(", ", drug.Classes) : null, null) { CapitalsOnly = capitals });
        }
    }

    private static bool IsCapitals(IReadOnlyList<NoteToken> tokens, int start, int count)
    {
        for (var k = start; k < start + count; k++)
        {
            if (!tokens[k].AllUpper && !tokens[k].IsNumber)
            {
                return false;
            }
        }

        return true;
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
                if (words.Length > 0)
                {
                    Add(index, new LexiconEntry(kind, canonical, words, extra, detail));
                }
            }
        }
    }
}
