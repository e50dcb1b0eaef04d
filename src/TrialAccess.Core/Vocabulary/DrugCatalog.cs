using System.Collections.Concurrent;

namespace TrialAccess.Vocabulary;

/// <summary>A drug with its classes ("platinum", "anti-PD-1", "EGFR TKI") and molecular targets.</summary>
public sealed record Drug(string Name, IReadOnlyList<string> Classes, IReadOnlyList<string> Targets);

/// <summary>
/// Oncology drugs with their classes and targets, and the class names criteria use ("platinum-based chemotherapy",
/// "checkpoint inhibitor"), so that "no prior anti-PD-1" excludes a patient who had pembrolizumab.
/// </summary>
public sealed class DrugCatalog
{
    private readonly Dictionary<string, Drug> _drugs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether each class named so far treats cancer (asked for every patient drug of every check); cleared when a drug is added.</summary>
    private readonly ConcurrentDictionary<string, bool> _anticancerClasses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Drug names and synonyms, to the canonical drug name.</summary>
    public PhraseMatcher<string> Names { get; } = new();

    /// <summary>Class names as criteria write them, to the canonical class.</summary>
    public PhraseMatcher<string> ClassNames { get; } = new();

    public int Count => _drugs.Count;

    public void Add(Drug drug, params IEnumerable<string> synonyms)
    {
        if (_drugs.TryGetValue(drug.Name, out var known) && known.Classes.Count > 0 && drug.Classes.Count == 0)
        {
            drug = known;
        }

        _drugs[drug.Name] = drug;
        _anticancerClasses.Clear();
        Names.Add(drug.Name, drug.Name);
        foreach (var synonym in synonyms)
        {
            Names.Add(synonym, drug.Name);
        }
    }

    public Drug? Find(string nameOrSynonym) =>
        _drugs.TryGetValue(nameOrSynonym, out var drug) ? drug
        : Names.TryGet(nameOrSynonym, out var name) ? _drugs.GetValueOrDefault(name) : null;

    /// <summary>True when the named drug (a patient's therapy) belongs to the class or is the drug named.</summary>
    public bool Matches(string therapyName, IReadOnlyList<string> therapyClasses, string drugOrClass)
    {
        if (SameName(therapyName, drugOrClass) || therapyClasses.Any(c => SameName(c, drugOrClass)))
        {
            return true;
        }

        var drug = Find(therapyName);
        return drug is not null && (SameName(drug.Name, drugOrClass) || drug.Classes.Any(c => SameName(c, drugOrClass)));
    }

    /// <summary>The same name, ignoring case and a plural "s" ("antidepressants" is the class "antidepressant").</summary>
    private static bool SameName(string a, string b) =>
        a.Length == b.Length ? a.Equals(b, StringComparison.OrdinalIgnoreCase)
        : a.Length == b.Length + 1 ? a[^1] is 's' or 'S' && a.StartsWith(b, StringComparison.OrdinalIgnoreCase)
        : b.Length == a.Length + 1 && b[^1] is 's' or 'S' && b.StartsWith(a, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a patient's drug treats cancer: true when it or its classes are anticancer (chemotherapy, targeted,
    /// immune, endocrine, cell or radioligand therapy), false when what is known of it says otherwise (a statin, a
    /// supplement, a corticosteroid), null when nothing is known of it.
    /// </summary>
    public bool? IsAnticancer(string therapyName, IReadOnlyList<string> therapyClasses)
    {
        var classes = Find(therapyName)?.Classes is { Count: > 0 } known ? therapyClasses.Concat(known).ToList() : therapyClasses;
        if (classes.Count == 0)
        {
            return null;
        }

        foreach (var c in classes)
        {
            if (IsAnticancerClass(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A class treats cancer when it is not supportive and is an anticancer class or the class of a drug that has one.</summary>
    private bool IsAnticancerClass(string drugClass) => _anticancerClasses.GetOrAdd(
        drugClass,
        static (c, drugs) => !SupportiveClasses.Contains(c)
            && (AnticancerClasses.Contains(c) || drugs.Values.Any(d => d.Classes.Contains(c, StringComparer.OrdinalIgnoreCase) && d.Classes.Any(AnticancerClasses.Contains))),
        _drugs);

    private static readonly HashSet<string> AnticancerClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "chemotherapy", "targeted therapy", "immunotherapy", "endocrine therapy", "hypomethylating agent", "cell therapy",
        "CAR-T cell therapy", "radiopharmaceutical", "antineoplastic agent", "cancer vaccine", "somatostatin analog",
    };

    /// <summary>Classes of drugs given alongside cancer treatment, or for other diseases, that do not treat the cancer.</summary>
    private static readonly HashSet<string> SupportiveClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "corticosteroid", "anticoagulant", "antiplatelet agent", "antidiabetic agent", "growth factor", "bone-modifying agent",
        "bisphosphonate", "supplement", "opioid", "analgesic", "antibiotic", "antiviral", "antiretroviral", "antifungal agent",
        "statin", "diuretic", "antihypertensive", "bronchodilator", "thyroid hormone", "antiepileptic", "antidepressant",
        "immunosuppressant", "low molecular weight heparin",
    };

    public static DrugCatalog BuiltIn()
    {
        var catalog = new DrugCatalog();
        foreach (var line in CuratedDrugs.Drugs)
        {
            var parts = line.Split('|');
            var classes = parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries);
            var targets = parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries);
            catalog.Add(new Drug(parts[0], classes, targets), parts.Length > 3 ? parts[3].Split(';', StringSplitOptions.RemoveEmptyEntries) : []);
        }

        foreach (var line in CuratedDrugs.Classes)
        {
            var parts = line.Split('|');
            catalog.ClassNames.Add(parts[0], parts[0]);
            foreach (var name in parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                catalog.ClassNames.Add(name, parts[0]);
            }
        }

        return catalog;
    }
}
