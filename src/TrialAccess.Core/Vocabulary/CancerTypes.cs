using System.Collections.Concurrent;

namespace TrialAccess.Vocabulary;

/// <summary>A cancer type: an OncoTree code (or one of the two TrialAccess groupings SOLID and HEME) with its parent.</summary>
/// <param name="Code">OncoTree code ("LUAD"); "SOLID" and "HEME" are TrialAccess groupings over OncoTree tissues.</param>
/// <param name="Name">The OncoTree name ("Lung Adenocarcinoma").</param>
/// <param name="Parent">The parent code; null for the root "TISSUE".</param>
public sealed record CancerType(string Code, string Name, string? Parent);

/// <summary>
/// Cancer types with their synonyms and abbreviations, related through the OncoTree hierarchy, so that a trial for
/// "solid tumours" accepts lung adenocarcinoma and one for "NSCLC" accepts a "lung adenocarcinoma" patient.
/// </summary>
public sealed class CancerTypeCatalog
{
    /// <summary>Any solid tumour: every tissue except the myeloid and lymphoid ones.</summary>
    public const string Solid = "SOLID";

    /// <summary>Any haematological malignancy: the myeloid and lymphoid tissues.</summary>
    public const string Hematologic = "HEME";

    public const string Root = "TISSUE";

    /// <summary>
    /// The cancer types TrialAccess adds below an OncoTree node that OncoTree 2025-10-03 does not list, since trials name
    /// them as diseases of their own: Kaposi sarcoma (KS, below the soft tissue) and smoldering myeloma (SMM, beside plasma
    /// cell myeloma: a trial for myeloma treats active disease, one for smoldering myeloma the precursor) and cervical
    /// intraepithelial neoplasia (CIN, below the cervix: the pre-invasive lesion that trials of screening, topical and
    /// preventive treatment study) and brainstem glioma (BSG, below the brain: the gliomas trials name by where they lie,
    /// in the pons or medulla, diffuse or focal).
    /// </summary>
    public static IReadOnlySet<string> NotInOncoTree { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "KS", "SMM", "CIN", "BSG" };

    /// <summary>Resolved names and lineages are remembered (matching asks the same few thousand times per request); at most this many names.</summary>
    private const int RememberedNames = 50_000;

    private readonly Dictionary<string, CancerType> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string[]> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string[]> _lineages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string?> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _commonNames = new(StringComparer.OrdinalIgnoreCase);

    public PhraseMatcher<string> Names { get; } = new();

    public int Count => _types.Count;

    public IEnumerable<CancerType> All => _types.Values;

    /// <summary>Adds or replaces a type; its name becomes a synonym.</summary>
    public void Add(CancerType type, params IEnumerable<string> synonyms)
    {
        _lineages.Clear();
        _resolved.Clear();
        _types[type.Code] = type;
        // A tissue's name ("Lung", "Skin", "Other") is an organ, not a cancer: only its synonyms name the cancer. The two
        // groupings directly under the root ("Solid tumor", "Hematologic malignancy") are cancers by their names.
        if (type.Parent != Root || type.Code is Solid or Hematologic)
        {
            Names.Add(type.Name, type.Code);
        }

        foreach (var synonym in synonyms)
        {
            _commonNames.TryAdd(type.Code, synonym);
            Names.Add(synonym, type.Code);
        }
    }

    public CancerType? Find(string code) => _types.GetValueOrDefault(code);

    /// <summary>
    /// The first synonym the type was added with: the way trials usually name it ("T-cell lymphoma" for OncoTree's "Mature
    /// T and NK Neoplasms", "lung cancer" for the tissue "Lung"), or null when it has none.
    /// </summary>
    public string? CommonName(string code) => _commonNames.GetValueOrDefault(code);

    /// <summary>
    /// Makes <paramref name="code"/> a grouping over types in several branches of the tree: "leukaemia" holds acute myeloid
    /// (myeloid tissue) and chronic lymphocytic leukaemia (lymphoid tissue), which OncoTree files apart. A member, and
    /// anything below it, is within the group.
    /// </summary>
    public void AddMembers(string code, params IEnumerable<string> members)
    {
        _lineages.Clear();
        _members[code] = [.. (_members.GetValueOrDefault(code) ?? []).Concat(members).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>True when the code is a grouping with members (<see cref="AddMembers"/>) rather than a node of the tree alone.</summary>
    public bool IsGroup(string code) => _members.ContainsKey(code);

    /// <summary>The group's members, or none.</summary>
    public IReadOnlyList<string> MembersOf(string code) => _members.GetValueOrDefault(code) ?? [];

    /// <summary>
    /// The groupings that name the cancer of <paramref name="code"/> without its subtype: groups whose members all lie in
    /// one tissue (of those the vocabulary knows) and one of which holds the code ("acute lymphoblastic leukaemia", B or T lineage; "oesophageal cancer",
    /// adenocarcinoma or squamous). A grouping across tissues ("leukaemia", "neuroendocrine tumour") is not one.
    /// </summary>
    public IEnumerable<string> GroupsNaming(string code) =>
        _members.Where(g => g.Value.Any(m => IsWithin(code, m)) && !SpansTissues(g.Key)).Select(g => g.Key);

    /// <summary>
    /// The small family a type belongs to, named in trials as one disease: the type's parent when it lies at least two
    /// levels below its tissue and holds at most <see cref="FamilySize"/> kinds ("marginal zone lymphoma" for a MALT
    /// lymphoma, "cholangiocarcinoma" for an intrahepatic one, "Hodgkin lymphoma" for a classical one). Not an organ's
    /// cancers, nor a lineage class, which OncoTree names "... Neoplasms" ("mature T and NK neoplasms": a cutaneous T-cell
    /// lymphoma is no peripheral one; "myeloproliferative neoplasms").
    /// </summary>
    public string? FamilyOf(string code)
    {
        if (Find(code)?.Parent is not { } parent || Find(parent) is not { } family || IsGroup(parent)
            || family.Name.EndsWith("Neoplasms", StringComparison.OrdinalIgnoreCase) || family.Name.EndsWith("Neoplasm", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var depth = 0;
        for (var current = Find(parent); current?.Parent is { } above && above != Root; current = Find(above))
        {
            depth++;
        }

        return depth >= 2 && _types.Values.Count(t => string.Equals(t.Parent, parent, StringComparison.OrdinalIgnoreCase)) <= FamilySize && IsWithin(code, parent) ? parent : null;
    }

    /// <summary>The most kinds a family (<see cref="FamilyOf"/>) holds.</summary>
    public const int FamilySize = 6;

    /// <summary>True for a grouping whose members lie in more than one tissue ("leukaemia": myeloid and lymphoid), of those the vocabulary knows.</summary>
    public bool SpansTissues(string code) =>
        _members.TryGetValue(code, out var members) && members.Select(TissueOf).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count() != 1;

    /// <summary>Resolves a name, synonym or abbreviation ("NSCLC", "lung adenocarcinoma") or a code to a code.</summary>
    public string? Resolve(string nameOrCode)
    {
        if (_resolved.TryGetValue(nameOrCode, out var known))
        {
            return known;
        }

        var code = ResolveNew(nameOrCode);
        if (_resolved.Count < RememberedNames)
        {
            _resolved[nameOrCode] = code;
        }

        return code;
    }

    private string? ResolveNew(string nameOrCode)
    {
        if (_types.TryGetValue(nameOrCode, out var type))
        {
            return type.Code;
        }

        var code = Lookup(nameOrCode);
        if (code is not (null or Root))
        {
            // "Leukemia, Myeloid, Acute" names acute myeloid leukaemia, not leukaemia in general.
            return nameOrCode.Contains(',') && Lookup(string.Join(' ', nameOrCode.Split(',', StringSplitOptions.TrimEntries).Reverse())) is { } natural
                && natural != code && IsWithin(natural, code) ? natural : code;
        }

        // A registry's condition is often a MeSH heading: inverted ("Carcinoma, Hepatocellular", "Leukemia, Myeloid,
        // Acute") or named with a generic noun ("Breast Neoplasms", "Brain Tumors"). Read as written first; only when
        // that names no particular cancer, read the heading in natural order and with "cancer" for the generic noun.
        foreach (var variant in HeadingVariants(nameOrCode))
        {
            if (Lookup(variant) is { } better && better != Root)
            {
                return better;
            }
        }

        return code;
    }

    private string? Lookup(string name)
    {
        if (Names.TryGet(name, out var code))
        {
            return code;
        }

        var matches = Names.FindAll(name, Tokenizer.Tokenize(name));
        return matches.Count == 0 ? null : matches.MaxBy(m => m.End - m.Start).Value;
    }

    private static readonly string[] GenericNouns = ["neoplasms", "neoplasm", "neoplasia", "tumors", "tumours", "tumor", "tumour", "malignancies", "malignancy", "cancers"];

    /// <summary>"Carcinoma, Renal Cell" as "Renal Cell Carcinoma"; "Prostatic Neoplasms" as "Prostatic cancer".</summary>
    private static IEnumerable<string> HeadingVariants(string name)
    {
        var parts = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var natural = parts.Length > 1 ? string.Join(' ', parts.Reverse()) : name;
        if (parts.Length > 1)
        {
            yield return natural;
        }

        var words = natural.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var generic = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (GenericNouns.Contains(words[i].ToLowerInvariant()))
            {
                words[i] = "cancer";
                generic = true;
            }
        }

        if (generic)
        {
            yield return string.Join(' ', words);
        }

        // "Gastrointestinal Stromal Tumors": the vocabulary names the type in the singular.
        if (natural.EndsWith('s') && natural.Length > 4 && !natural.EndsWith("ss", StringComparison.Ordinal) && !natural.EndsWith("sis", StringComparison.OrdinalIgnoreCase))
        {
            yield return natural.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? natural[..^3] + "y" : natural[..^1];
        }

        // "Cervical Adenosquamous Carcinoma", "Cervical Small Cell Carcinoma": a histology the vocabulary does not file
        // under the organ is at least a cancer of the organ ("cervical cancer").
        var organ = natural.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => !HistologyWords.Contains(w.ToLowerInvariant())).ToList();
        if (organ.Count > 0 && organ.Count < natural.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length && natural.Split(' ').Any(w => HistologyNouns.Contains(w.ToLowerInvariant())))
        {
            yield return string.Join(' ', organ) + " cancer";
        }
    }

    /// <summary>The nouns that make a name a cancer's histology ("adenocarcinoma", "carcinoma").</summary>
    private static readonly HashSet<string> HistologyNouns = new(StringComparer.Ordinal)
    {
        "carcinoma", "carcinomas", "adenocarcinoma", "adenocarcinomas", "cancer", "cancers", "neoplasm", "neoplasms", "tumor", "tumors", "tumour", "tumours",
    };

    /// <summary>Histology and grading words left out when a name is read as a cancer of its organ.</summary>
    private static readonly HashSet<string> HistologyWords = new(StringComparer.Ordinal)
    {
        "carcinoma", "carcinomas", "adenocarcinoma", "adenocarcinomas", "cancer", "cancers", "neoplasm", "neoplasms", "tumor", "tumors", "tumour", "tumours",
        "adenosquamous", "squamous", "small", "large", "cell", "cells", "clear", "papillary", "serous", "mucinous", "endometrioid", "undifferentiated",
        "poorly", "well", "moderately", "differentiated", "nos", "not", "otherwise", "specified", "malignant", "primary", "invasive", "basaloid",
    };

    /// <summary>
    /// The code, its parent, its parent's parent ... up to the root, then SOLID or HEME where it belongs; then the groups
    /// that hold one of these as a member, with their own lineages ("AML" ... then "LEUK").
    /// </summary>
    public IReadOnlyList<string> Lineage(string code) => _lineages.GetOrAdd(code, WalkWithGroups);

    private string[] WalkWithGroups(string code)
    {
        var lineage = Walk(code).ToList();
        if (_members.Count == 0)
        {
            return [.. lineage];
        }

        var seen = new HashSet<string>(lineage, StringComparer.OrdinalIgnoreCase);
        foreach (var (group, members) in _members)
        {
            if (!seen.Contains(group) && members.Any(m => lineage.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                foreach (var step in Walk(group))
                {
                    if (seen.Add(step))
                    {
                        lineage.Add(step);
                    }
                }
            }
        }

        return [.. lineage];
    }

    private IEnumerable<string> Walk(string code)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var current = Find(code); current is not null && seen.Add(current.Code); current = current.Parent is null ? null : Find(current.Parent))
        {
            yield return current.Code;
            if (current.Code is Solid or Hematologic)
            {
                yield break;
            }

            if (current.Parent == Root)
            {
                yield return current.Code is "MYELOID" or "LYMPH" ? Hematologic : Solid;
            }
        }
    }

    /// <summary>The tissue (the OncoTree level under the root: LUNG, BREAST, CNS/BRAIN, LYMPH, ...) a code belongs to, or null.</summary>
    public string? TissueOf(string code)
    {
        foreach (var ancestor in Lineage(code))
        {
            if (Find(ancestor)?.Parent == Root)
            {
                return ancestor;
            }
        }

        return null;
    }

    /// <summary>
    /// True when two tissues may name the same cancers in a registry record: MeSH, which ClinicalTrials.gov uses for
    /// conditions, files thyroid, parathyroid, oesophageal and tracheal neoplasms under Head and Neck Neoplasms,
    /// where OncoTree gives them tissues of their own.
    /// </summary>
    public static bool TissuesOverlap(string tissue, string other) =>
        OverlappingTissues.Contains((tissue.ToUpperInvariant(), other.ToUpperInvariant())) || OverlappingTissues.Contains((other.ToUpperInvariant(), tissue.ToUpperInvariant()));

    private static readonly HashSet<(string, string)> OverlappingTissues = [("HEAD_NECK", "THYROID"), ("HEAD_NECK", "STOMACH")];

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsWithin(string code, string ancestor)
    {
        if (ancestor.Equals(Root, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var below = (string?)null;
        foreach (var step in Lineage(code))
        {
            if (step.Equals(ancestor, StringComparison.OrdinalIgnoreCase))
            {
                return below is null || !NotCalledBy.Contains((below, ancestor.ToUpperInvariant()));
            }

            below ??= NotCalledByCodes.Contains(step) ? step.ToUpperInvariant() : null;
        }

        return false;
    }

    /// <summary>
    /// Where the tree files a cancer under a name that clinicians do not use for it: OncoTree puts plasma cell myeloma
    /// among the mature B-cell neoplasms, under Non-Hodgkin Lymphoma and Lymphoid Neoplasm ("lymphoma"), yet a trial for
    /// "non-Hodgkin lymphoma" or "lymphoma" does not mean myeloma. "B-cell malignancy" still does.
    /// </summary>
    private static readonly HashSet<(string Code, string Ancestor)> NotCalledBy = [("PCM", "NHL"), ("PCM", "LNM")];

    private static readonly HashSet<string> NotCalledByCodes = new(NotCalledBy.Select(n => n.Code), StringComparer.OrdinalIgnoreCase);

    /// <summary>The curated set TrialAccess ships: the common cancers, their synonyms and abbreviations.</summary>
    public static CancerTypeCatalog BuiltIn()
    {
        var catalog = new CancerTypeCatalog();
        foreach (var line in CuratedCancerTypes.Lines)
        {
            var parts = line.Split('|');
            catalog.Add(new CancerType(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2]), parts.Length > 3 ? parts[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
            if (parts.Length > 4)
            {
                catalog.AddMembers(parts[0], parts[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        AddOrganNames(catalog);
        return catalog;
    }

    /// <summary>
    /// The cancer of an organ, named the way criteria put it ("carcinoma of the bladder", "adenocarcinoma of the breast",
    /// "malignancy of the pancreas", "ovarian adenocarcinoma"): the organ's type, where no synonym names a more precise one
    /// ("adenocarcinoma of the lung" stays lung adenocarcinoma). Without these names the phrase reads as a bare
    /// "carcinoma", a cancer of any organ.
    /// </summary>
    private static void AddOrganNames(CancerTypeCatalog catalog)
    {
        (string Code, string[] Nouns, string[] Adjectives)[] organs =
        [
            ("BREAST", ["breast"], ["breast", "mammary"]),
            ("LUNG", ["lung", "lungs", "bronchus"], ["lung", "pulmonary", "bronchial"]),
            ("PROSTATE", ["prostate", "prostate gland"], ["prostate", "prostatic"]),
            ("PANCREAS", ["pancreas"], ["pancreatic", "pancreas"]),
            ("STAD", ["stomach"], ["gastric", "stomach"]),
            ("ESO", ["esophagus", "oesophagus"], ["esophageal", "oesophageal"]),
            ("COAD", ["colon"], ["colon", "colonic"]),
            ("READ", ["rectum"], ["rectal"]),
            ("COADREAD", ["colon and rectum", "colon or rectum", "large bowel", "large intestine"], ["colorectal"]),
            ("BLADDER", ["bladder", "urinary bladder"], ["bladder"]),
            ("KIDNEY", ["kidney", "kidneys"], ["kidney", "renal"]),
            ("OVARY", ["ovary", "ovaries"], ["ovarian"]),
            ("UCEC", ["endometrium"], ["endometrial"]),
            ("UTERUS", ["uterus", "uterine corpus", "corpus uteri"], ["uterine"]),
            ("CERVIX", ["cervix", "uterine cervix", "cervix uteri"], ["cervical"]),
            ("THYROID", ["thyroid", "thyroid gland"], ["thyroid"]),
            ("LIVER", ["liver"], ["liver", "hepatic"]),
            ("HEAD_NECK", ["head and neck"], ["head and neck"]),
            ("ANSC", ["anus", "anal canal"], ["anal"]),
            ("VULVA", ["vulva", "vagina"], ["vulvar", "vulval", "vaginal"]),
        ];
        string[] nounForms = ["carcinoma of the {0}", "cancer of the {0}", "adenocarcinoma of the {0}", "malignancy of the {0}", "malignant neoplasm of the {0}", "malignant tumor of the {0}", "malignant tumour of the {0}", "carcinomas of the {0}", "cancers of the {0}"];
        string[] adjectiveForms = ["{0} cancer", "{0} carcinoma", "{0} adenocarcinoma", "{0} malignancy", "{0} cancers", "{0} carcinomas", "{0} adenocarcinomas"];
        foreach (var (code, nouns, adjectives) in organs)
        {
            if (catalog.Find(code) is not { } type)
            {
                continue;
            }

            var names = nouns.SelectMany(n => nounForms.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, n)))
                .Concat(adjectives.SelectMany(a => adjectiveForms.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, a))))
                .Where(name => !catalog.Names.TryGet(name, out var known) || known is Root or Solid)
                .ToList();
            if (names.Count > 0)
            {
                catalog.Add(type, names);
            }
        }
    }
}
