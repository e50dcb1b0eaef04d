using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// A cancer named in two parts: where the tumour is ("a 4 cm mass in the right upper lobe", "an ulcerated tumour of the
/// distal oesophagus", "a carcinoma of the left lower lobe", "a pancreatic mass") and what the biopsy showed
/// ("adenocarcinoma", often in another sentence). Together they name the cancer ("adenocarcinoma of the lung"), which
/// neither part names alone. Read only when the note names no specific cancer of its own and places a tumour in one
/// organ; organs where metastases usually lie (liver, bone, brain, nodes) place nothing.
/// </summary>
internal static partial class OrganAndHistology
{
    internal sealed record Organ(string[] Nouns, string[] Adjectives);

    private static readonly Organ Lung = new(["lung"], ["lung", "pulmonary"]);
    private static readonly Organ Breast = new(["breast"], ["breast"]);
    private static readonly Organ Esophagus = new(["esophagus", "oesophagus"], ["esophageal", "oesophageal"]);
    private static readonly Organ Stomach = new(["stomach"], ["gastric", "stomach"]);
    private static readonly Organ Pancreas = new(["pancreas"], ["pancreatic"]);
    private static readonly Organ Colon = new(["colon"], ["colon", "colonic"]);
    private static readonly Organ Rectum = new(["rectum"], ["rectal"]);
    private static readonly Organ Kidney = new(["kidney"], ["renal", "kidney"]);
    private static readonly Organ Bladder = new(["bladder"], ["bladder"]);
    private static readonly Organ Prostate = new(["prostate"], ["prostate", "prostatic"]);
    private static readonly Organ Ovary = new(["ovary"], ["ovarian"]);
    private static readonly Organ Endometrium = new(["endometrium", "uterus"], ["endometrial", "uterine"]);
    private static readonly Organ Cervix = new(["cervix"], ["cervical"]);
    private static readonly Organ Thyroid = new(["thyroid"], ["thyroid"]);
    private static readonly Organ Anus = new(["anus", "anal canal"], ["anal"]);
    private static readonly Organ Vulva = new(["vulva"], ["vulvar", "vulval"]);
    private static readonly Organ Vagina = new(["vagina"], ["vaginal"]);
    private static readonly Organ Penis = new(["penis"], ["penile"]);
    private static readonly Organ Gallbladder = new(["gallbladder"], ["gallbladder"]);
    private static readonly Organ Hypopharynx = new(["hypopharynx"], ["hypopharyngeal"]);
    private static readonly Organ Larynx = new(["larynx"], ["laryngeal"]);
    private static readonly Organ Oropharynx = new(["oropharynx"], ["oropharyngeal"]);
    private static readonly Organ Nasopharynx = new(["nasopharynx"], ["nasopharyngeal"]);
    private static readonly Organ OralCavity = new(["oral cavity"], ["oral cavity", "oral"]);

    /// <summary>The organ a word names; "upper", "middle" and "lower lobe" are the lung's.</summary>
    private static Organ? OrganOf(string words)
    {
        var w = string.Join(' ', words.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return w switch
        {
            "lung" or "lungs" or "pulmonary" or "lingula" or "lobe" => Lung,
            "breast" or "quadrant" => Breast,
            "esophagus" or "oesophagus" or "esophageal" or "oesophageal" => Esophagus,
            "stomach" or "gastric" => Stomach,
            "pancreas" or "pancreatic" => Pancreas,
            "colon" or "colonic" or "caecum" or "cecum" or "caecal" or "cecal" or "sigmoid" or "rectosigmoid" => Colon,
            "rectum" or "rectal" => Rectum,
            "kidney" or "renal" => Kidney,
            "bladder" => Bladder,
            "prostate" or "prostatic" => Prostate,
            "ovary" or "ovarian" => Ovary,
            "endometrium" or "endometrial" or "uterus" or "uterine" => Endometrium,
            "cervix" => Cervix,
            "thyroid" => Thyroid,
            "anus" or "anal canal" or "anal" => Anus,
            "vulva" or "vulvar" or "vulval" => Vulva,
            "vagina" or "vaginal" => Vagina,
            "penis" or "penile" => Penis,
            "gallbladder" or "gall bladder" => Gallbladder,
            "hypopharynx" or "hypopharyngeal" or "pyriform sinus" or "piriform sinus" or "postcricoid region" => Hypopharynx,
            "larynx" or "laryngeal" or "glottis" or "supraglottis" or "supraglottic larynx" => Larynx,
            "oropharynx" or "oropharyngeal" or "tonsil" or "base of tongue" => Oropharynx,
            "nasopharynx" or "nasopharyngeal" or "postnasal space" => Nasopharynx,
            "incisors" => Esophagus,
            "anal verge" => Rectum,
            "oral cavity" or "tongue" or "oral tongue" or "floor of mouth" or "floor of the mouth" or "buccal mucosa" or "gingiva" or "alveolar ridge" or "retromolar trigone" => OralCavity,
            _ => null,
        };
    }

    /// <summary>
    /// "tumour of the distal oesophagus", "mass in the right upper lobe", "carcinoma arising in the left breast", "a lump in her
    /// left breast", "a mass in the upper outer quadrant" (a breast's quadrants are outer or inner); at
    /// endoscopy, "an ulcerated lesion of the gastric body" (a lesion with the look of a tumour, in a part of the organ).
    /// </summary>
    [GeneratedRegex(@"\b(?:tumou?rs?|mass|masses|lump|lumps|carcinoma|adenocarcinoma|cancer|neoplasm|malignancy|growth|(?<=(?:ulcerated|ulcerating|exophytic|polypoid|fungating|friable|stricturing|circumferential|infiltrating|infiltrative|malignant|malignant[- ]looking|malignant[- ]appearing)\s+)lesion)\s+(?:arising\s+)?(?:in|of|at|from|involving)\s+(?:(?:the|her|his|their)\s+)?(?:(?:left|right|mid|middle|upper|lower|distal|proximal|sigmoid|ascending|descending|transverse|anterior|posterior|lateral|medial|outer|inner|superior|inferior|(?:mid|upper|lower)-thoracic|thoracic|tail\s+of\s+the|head\s+of\s+the|body\s+of\s+the|(?:lateral\s+|ventral\s+)?(?:border|margin|surface)\s+of\s+the|oral)\s+){0,3}(lungs?|lingula|(?<=(?:upper|middle|lower)\s+)lobe|breast|(?<=(?:outer|inner)\s+)quadrant|o?esophagus|stomach|pancreas|colon|caecum|cecum|rectum|kidney|bladder|prostate|ovary|endometrium|uterus|cervix|thyroid|anus|anal\s+canal|vulva|vagina|penis|gall\s?bladder|hypopharynx|p[iy]riform\s+sinus|postcricoid\s+region|larynx|glottis|supraglottis|supraglottic\s+larynx|oropharynx|tonsil|base\s+of\s+tongue|nasopharynx|postnasal\s+space|oral\s+cavity|tongue|floor\s+of\s+(?:the\s+)?mouth|buccal\s+mucosa|gingiva|alveolar\s+ridge|retromolar\s+trigone|(?:gastric|o?esophageal|pancreatic|rectal|colonic)(?=\s+(?:body|antrum|fundus|cardia|pylorus|lesser\s+curve|greater\s+curve|head|tail|neck|uncinate\s+process|wall|mucosa)\b))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TumourInOrgan();

    /// <summary>"ulcerating tumour 24-30 cm from incisors (mid-thoracic oesophagus)": the organ alone in brackets after the tumour.</summary>
    [GeneratedRegex(@"\b(?:tumou?rs?|mass|masses|lesion|carcinoma|adenocarcinoma|cancer|neoplasm|malignancy|growth)\b[^.;()]{0,40}\(\s*(?:(?:left|right|mid|middle|upper|lower|distal|proximal|sigmoid|ascending|descending|transverse|anterior|posterior|lateral|medial|outer|inner|superior|inferior|(?:mid|upper|lower)-thoracic|thoracic|tail\s+of\s+the|head\s+of\s+the|body\s+of\s+the)\s+){0,3}(lungs?|lingula|(?<=(?:upper|middle|lower)\s+)lobe|breast|o?esophagus|stomach|pancreas|colon|caecum|cecum|rectum|kidney|bladder|prostate|ovary|endometrium|uterus|cervix|thyroid|anus|anal\s+canal|vulva|vagina|penis|gall\s?bladder|hypopharynx|p[iy]riform\s+sinus|larynx|glottis|oropharynx|tonsil|base\s+of\s+tongue)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TumourWithOrganAside();

    /// <summary>
    /// At endoscopy, how far a tumour lies from the incisors places it in the oesophagus, how far from the anal verge in the
    /// rectum: "an ulcerated tumour from 28 to 33 cm from the incisors", "a mass 6 cm from the anal verge".
    /// </summary>
    [GeneratedRegex(@"\b(?:tumou?rs?|mass|masses|lesion|carcinoma|adenocarcinoma|cancer|neoplasm|malignancy|growth|stricture)\b[^.;()]{0,40}?\b\d+(?:\s*(?:-|\u2013|to)\s*\d+)?\s*cm\s+from\s+(?:the\s+)?(incisors|anal\s+verge)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TumourAtEndoscopicDistance();

    /// <summary>"a pancreatic mass", "a left lung tumour", "a renal mass", "a nasopharyngeal mass", "a sigmoid adenocarcinoma".</summary>
    [GeneratedRegex(@"\b(lung|pulmonary|breast|o?esophageal|gastric|stomach|pancreatic|colonic|ca?ecal|sigmoid|rectosigmoid|rectal|renal|kidney|bladder|prostatic|prostate|ovarian|endometrial|uterine|thyroid|anal|vulval|vulvar|vaginal|penile|gallbladder|hypopharyngeal|laryngeal|oropharyngeal|nasopharyngeal|tongue)\s+(?:tumou?rs?|mass|masses|lump|lumps|neoplasm|carcinoma|adenocarcinoma|cancer|malignancy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OrganTumour();

    /// <summary>What a biopsy shows, the most specific first.</summary>
    [GeneratedRegex(@"\b(small[\s-]cell carcinoma|squamous[\s-]cell carcinoma|squamous carcinoma|adenosquamous carcinoma|large[\s-]cell carcinoma|urothelial carcinoma|transitional[\s-]cell carcinoma|clear[\s-]cell carcinoma|serous carcinoma|invasive ductal carcinoma|invasive lobular carcinoma|ductal carcinoma|lobular carcinoma|adenocarcinoma|carcinoma)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Histology();

    /// <summary>A denial, a doubt or a relative before a histology in its sentence: "no evidence of", "suspicious for", "her mother had".</summary>
    [GeneratedRegex(@"\b(?:no|not|without|negative\s+for|ruled\s+out|free\s+of|suspicious\s+for|concerning\s+for|suspected|possible|probable|likely|differential|mother|father|sister|brother|aunt|uncle|grandmother|grandfather|daughter|son|family)\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DeniedOrDoubtedBefore();

    /// <summary>Where a sentence places a tumour: each organ it names with a tumour word, and where.</summary>
    public static IEnumerable<(Organ Organ, SourceSpan Span)> Places(string note, NoteSentence sentence)
    {
        foreach (var pattern in new[] { TumourInOrgan(), OrganTumour(), TumourWithOrganAside(), TumourAtEndoscopicDistance() })
        {
            for (var m = pattern.Match(note, sentence.Start, sentence.End - sentence.Start); m.Success; m = m.NextMatch())
            {
                if (OrganOf(m.Groups[1].Value) is { } organ)
                {
                    yield return (organ, new SourceSpan(m.Index, m.Length));
                }
            }
        }
    }

    /// <summary>The first histology a sentence states as found, neither denied nor in doubt.</summary>
    public static (string Histology, SourceSpan Span)? HistologyIn(string note, NoteSentence sentence)
    {
        for (var h = Histology().Match(note, sentence.Start, sentence.End - sentence.Start); h.Success; h = h.NextMatch())
        {
            var clauseStart = Math.Max(note.LastIndexOfAny(['.', ';'], Math.Max(sentence.Start, h.Index - 1)) + 1, sentence.Start);
            if (!DeniedOrDoubtedBefore().IsMatch(note[clauseStart..h.Index]))
            {
                return (h.Groups[1].Value.ToLowerInvariant().Replace('-', ' '), new SourceSpan(h.Index, h.Length));
            }
        }

        return null;
    }

    /// <summary>
    /// The cancer the note names in two parts, as a lexicon entry with its name, code, histology and where it was read, or
    /// null when the note places tumours in no organ or in more than one, or the two parts name no cancer the lexicon knows.
    /// Without a histology, a bare "tumour" or "carcinoma" the note names is the organ's cancer.
    /// </summary>
    public static (LexiconEntry Entry, string Name, string Code, string Histology, SourceSpan Span)? Compose(
        NoteLexicon lexicon, IReadOnlyList<(Organ Organ, SourceSpan Span)> places, (string Histology, SourceSpan Span)? found, bool hasGenericCancer)
    {
        if (places.Count == 0 || places.Select(p => p.Organ).Distinct().Count() != 1 || places[0].Organ is not { } organ)
        {
            return null;
        }

        if (found is null && !hasGenericCancer)
        {
            return null;
        }

        var histology = found?.Histology ?? "cancer";
        foreach (var name in Names(organ, histology))
        {
            if (lexicon.Lookup(LexiconKind.Cancer, name) is { } entry
                && (entry.Extra ?? Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes.Resolve(name)) is { } code && code != Vocabulary.CancerTypeCatalog.Root)
            {
                return (entry, name, code, histology, found?.Span ?? places[0].Span);
            }
        }

        return null;
    }

    /// <summary>The names to look up, the histology with the organ first and the organ's cancer last.</summary>
    private static IEnumerable<string> Names(Organ organ, string histology)
    {
        foreach (var noun in organ.Nouns)
        {
            yield return $"{histology} of the {noun}";
        }

        foreach (var adjective in organ.Adjectives)
        {
            yield return $"{adjective} {histology}";
        }

        foreach (var adjective in organ.Adjectives)
        {
            yield return $"{adjective} cancer";
            yield return $"{adjective} carcinoma";
        }

        foreach (var noun in organ.Nouns)
        {
            yield return $"cancer of the {noun}";
            yield return $"carcinoma of the {noun}";
        }
    }
}
