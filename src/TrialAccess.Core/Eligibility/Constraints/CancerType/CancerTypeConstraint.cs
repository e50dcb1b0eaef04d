using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>A cancer type by OncoTree code: "histologically confirmed NSCLC" is NSCLC, and accepts a LUAD patient.</summary>
/// <param name="Code">OncoTree code (or SOLID/HEME/TISSUE for any solid, haematological or any cancer).</param>
/// <param name="Name">The name as written in the criterion.</param>
public sealed partial record CancerTypeConstraint(string Code, string Name) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.CancerType;

    /// <summary>
    /// The one group of the cancer's own scale the criterion names beside it ("high-risk MDS", "CML in chronic phase",
    /// "low-grade glioma" when the name itself carries no grade): a patient recorded in the other group is presumed not
    /// to be in it. Empty when the words name no group or both.
    /// </summary>
    public IReadOnlyList<DiseaseSetting> Groups { get; init; } = [];

    /// <summary>
    /// True for a subtype the criterion leaves out of a cancer it names before it ("AML, excluding M3 (acute promyelocytic
    /// leukemia)", "AML (not APL)"): the constraint is negated and holds beside the cancer, not as an alternative to it.
    /// </summary>
    public bool Excepts { get; init; }

    /// <summary>An AML's workup: its karyotype or the genes tested ("normal karyotype", "NPM1 wild-type", "FLT3-ITD negative", "inv(16)").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:normal|complex|monosomal)\s+karyotype|\bkaryotype\s+(?:is\s+|was\s+|shows?\s+)?(?:normal|46,?\s*X[XY])|\bNPM1\b|\bFLT3\b|\bCEBPA\b|\binv\(16\)|\bt\(8;21\)|\bRUNX1::RUNX1T1\b|\bCBFB::MYH11\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AmlWorkup();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bPML\b|\bRARA\b|promyelocytic|t\(15;\s?17\)|\bAPL\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PromyelocyticWords();

    public override string Describe() => Groups.Count == 0 ? $"cancer type {Code} ({Name})" : $"cancer type {Code} ({Name}), {string.Join(", ", Groups.Select(CancerGroups.Describe))}";

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var catalog = context.Vocabulary.CancerTypes;
        var diagnoses = patient.Diagnoses.Where(d => d.Certainty is Certainty.Asserted or Certainty.Historical).ToList();
        if (diagnoses.Count == 0)
        {
            return patient.Diagnoses.Any(d => d.Certainty == Certainty.Negated)
                ? ConstraintCheck.NotMet("no cancer diagnosis")
                : NotRecorded(patient, ConstraintCheck.Unknown("What is the patient's cancer diagnosis?", "no diagnosis recorded"), "cancer diagnosis");
        }

        var broader = (Diagnosis?)null;
        foreach (var diagnosis in diagnoses)
        {
            var code = diagnosis.OncoTreeCode ?? catalog.Resolve(diagnosis.Text) ?? catalog.Resolve(diagnosis.Histology ?? string.Empty);
            if (code is null)
            {
                continue;
            }

            if (catalog.IsWithin(code, Code))
            {
                return CancerGroups.Against(Groups, patient) is { } other
                    ? new ConstraintCheck(
                        CriterionOutcome.NotMet,
                        $"diagnosis {diagnosis.Text} ({code}), but {other}; the criterion names {string.Join(", ", Groups.Select(CancerGroups.Describe))} disease: presumed not in it, confirm",
                        $"Is the patient's {diagnosis.Text} {string.Join(", ", Groups.Select(CancerGroups.Describe))}?") { Presumed = true }
                    : ConstraintCheck.Met($"diagnosis {diagnosis.Text} ({code})");
            }

            if (catalog.IsWithin(Code, code))
            {
                broader = diagnosis;
            }
        }

        // Acute promyelocytic leukaemia is the AML with t(15;17), PML::RARA: a workup that reports the karyotype or the
        // genes of an AML and not that fusion rules it out. Presumed, to confirm.
        if (broader is not null && catalog.IsWithin(Code, "APLPMLRARA") && patient.SourceText is { } text
            && AmlWorkup().Match(text) is { Success: true } workup && !PromyelocyticWords().IsMatch(text))
        {
            return new ConstraintCheck(CriterionOutcome.NotMet, $"diagnosis {broader.Text}, its workup reported (\"{workup.Value}\") without PML::RARA: presumed not {Name}, confirm", $"Is the patient's {broader.Text} a {Name}?") { Presumed = true };
        }

        if (broader is not null)
        {
            return ConstraintCheck.Unknown($"Is the patient's {broader.Text} a {Name}?", $"diagnosis {broader.Text} is broader than {Code}");
        }

        // NotMet only when every mapped diagnosis lies in another tissue (lung against breast) or, for "solid tumour" and
        // "haematological malignancy", in the other group. Within one tissue the vocabulary is too coarse to rule a
        // patient out ("anaplastic astrocytoma" against "high-grade glioma"): that is a question, not a failure.
        var mapped = diagnoses
            .Select(d => (Diagnosis: d, Code: d.OncoTreeCode ?? catalog.Resolve(d.Text) ?? catalog.Resolve(d.Histology ?? string.Empty)))
            .Where(d => d.Code is not null)
            .ToList();
        if (mapped.Count == 0)
        {
            return ConstraintCheck.Unknown($"Is the patient's cancer a {Name}?", $"diagnosis {diagnoses[0].Text} not mapped to OncoTree");
        }

        // A grouping across tissues ("leukaemia", "neuroendocrine tumour") is compared as solid against haematological:
        // a lung cancer is no leukaemia, but whether a lymphoma or a small cell carcinoma is one is a question.
        // A grouping within one tissue ("oesophageal cancer": adenocarcinoma or squamous) is compared as that tissue.
        var byGroup = Code is CancerTypeCatalog.Solid or CancerTypeCatalog.Hematologic
            || (catalog.IsGroup(Code) && catalog.MembersOf(Code).Select(catalog.TissueOf).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Skip(1).Any());
        var wanted = byGroup ? GroupOf(catalog, Code) : catalog.TissueOf(Code);
        var clearlyOther = wanted is not null && mapped.All(d =>
        {
            var have = byGroup ? GroupOf(catalog, d.Code!) : catalog.TissueOf(d.Code!);
            return have is not null && !string.Equals(have, wanted, StringComparison.OrdinalIgnoreCase)
                && !(CancerTypeCatalog.TissuesOverlap(have, wanted) && (MeshWorded().IsMatch(Name) || IsThyroid(have) || IsThyroid(wanted)));
        });
        if (clearlyOther)
        {
            return ConstraintCheck.NotMet($"diagnosis {string.Join(", ", mapped.Select(d => $"{d.Diagnosis.Text} ({d.Code})"))}");
        }

        // The blood cancers are named as distinct diseases (an MDS is no AML, a myeloma no Hodgkin lymphoma): within the
        // myeloid or lymphoid tissue, two named diseases neither of which contains the other fail on a presumption.
        if (!byGroup && mapped.TrueForAll(d => DistinctBloodCancers(catalog, d.Code!, Code)))
        {
            return new ConstraintCheck(
                CriterionOutcome.NotMet,
                $"diagnosis {string.Join(", ", mapped.Select(d => $"{d.Diagnosis.Text} ({d.Code})"))} is another blood cancer than {Code}: presumed not one, confirm",
                $"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?") { Presumed = true };
        }

        // Two named subtypes of one cancer ("papillary" against "clear cell renal cell carcinoma", "lung squamous cell
        // carcinoma" against "lung adenocarcinoma"): neither is the other, presumed and said so. A type "not otherwise
        // specified", or one directly below the organ, is too coarse to rule anyone out.
        if (!byGroup && mapped.TrueForAll(d => DistinctSubtypes(catalog, d.Code!, Code)))
        {
            return new ConstraintCheck(
                CriterionOutcome.NotMet,
                $"diagnosis {string.Join(", ", mapped.Select(d => $"{d.Diagnosis.Text} ({d.Code})"))} is another subtype than {Code}: presumed not one, confirm",
                $"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?") { Presumed = true };
        }

        // Two types that exclude each other by definition, where the vocabulary's tree does not say so (see
        // ExclusiveTypes). Presumed (combined histologies exist), to confirm.
        if (!byGroup && mapped.TrueForAll(d => Exclusive(catalog, d.Code!, Code)))
        {
            return new ConstraintCheck(
                CriterionOutcome.NotMet,
                $"diagnosis {string.Join(", ", mapped.Select(d => $"{d.Diagnosis.Text} ({d.Code})"))} excludes {Code} by definition: presumed not one, confirm",
                $"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?") { Presumed = true };
        }

        // The encapsulated gliomas (pilocytic astrocytoma, the optic pathway gliomas) are low-grade tumours: a glioma the
        // record gives a high grade is not one. Presumed, to confirm.
        if (catalog.IsWithin(Code, "ENCG") && patient.Settings.Any(s => s.Setting == DiseaseSetting.HighGrade) && !patient.Settings.Any(s => s.Setting == DiseaseSetting.LowGrade)
            && mapped.TrueForAll(d => !catalog.IsWithin(d.Code!, "ENCG")))
        {
            return new ConstraintCheck(
                CriterionOutcome.NotMet,
                $"diagnosis {mapped[0].Diagnosis.Text} of a high grade; {Code} is low-grade: presumed not one, confirm",
                $"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?") { Presumed = true };
        }

        // A carcinoma is no sarcoma, in the same organ too (a uterine serous carcinoma against "Sarcoma of the Uterus").
        // Against a grouping named by its histology ("sarcoma": the soft tissue, bone and uterine sarcomas), a carcinoma
        // in a tissue none of its members lies in fails on the record, as against one tissue.
        if (byGroup && Histology(catalog, Code) is { } groupHistology
            && mapped.TrueForAll(d => !catalog.IsWithin(d.Code!, Code) && Histology(catalog, d.Code!) is { } h && h != groupHistology
                && catalog.TissueOf(d.Code!) is { } tissue && !catalog.MembersOf(Code).Any(member => string.Equals(catalog.TissueOf(member), tissue, StringComparison.OrdinalIgnoreCase))))
        {
            return ConstraintCheck.NotMet($"diagnosis {string.Join(", ", mapped.Select(d => $"{d.Diagnosis.Text} ({d.Code})"))}");
        }

        if (mapped.TrueForAll(d => !catalog.IsWithin(d.Code!, Code) && !catalog.IsWithin(Code, d.Code!)
            && Histology(catalog, d.Code!) is { } have && Histology(catalog, Code) is { } wantedHistology && have != wantedHistology))
        {
            return new ConstraintCheck(
                CriterionOutcome.NotMet,
                $"diagnosis {string.Join(", ", mapped.Select(d => $"{d.Diagnosis.Text} ({d.Code})"))} is a {Histology(catalog, mapped[0].Code!)}, not a {Histology(catalog, Code)}: presumed not {Code}, confirm",
                $"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?") { Presumed = true };
        }

        // The words name a histology ("squamous cell carcinoma of the head and neck") and the record another one (an
        // adenoid cystic carcinoma of the submandibular gland): in one organ, where the vocabulary put both under a
        // coarse heading, the cell types still differ. Presumed, to confirm.
        if (HistologyNamed(Name) is { } named
            && mapped.TrueForAll(d => HistologyNamed($"{d.Diagnosis.Text} {d.Diagnosis.Histology} {catalog.Find(d.Code!)?.Name}") is { } recorded && recorded != named))
        {
            return new ConstraintCheck(
                CriterionOutcome.NotMet,
                $"diagnosis {mapped[0].Diagnosis.Text} ({mapped[0].Code}) is {HistologyNamed($"{mapped[0].Diagnosis.Text} {mapped[0].Diagnosis.Histology} {catalog.Find(mapped[0].Code!)?.Name}")}, the criterion names {named}: presumed not {Code}, confirm",
                $"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?") { Presumed = true };
        }

        return ConstraintCheck.Unknown($"Is the patient's {mapped[0].Diagnosis.Text} a {Name}?", $"diagnosis {mapped[0].Diagnosis.Text} ({mapped[0].Code}) is related to but not within {Code}");
    }

    /// <summary>"carcinoma" or "sarcoma" when the type or a type above it is named so (a carcinosarcoma is neither), else null.</summary>
    /// <summary>The one cell type the words name ("squamous cell", "adenocarcinoma", "adenoid cystic"), or null for none or several.</summary>
    private static string? HistologyNamed(string words)
    {
        string? found = null;
        foreach (Match m in CellType().Matches(words))
        {
            var type = m.Value.ToLowerInvariant() switch
            {
                var w when w.StartsWith("squamous", StringComparison.Ordinal) => "squamous cell",
                var w when w.StartsWith("adenoid", StringComparison.Ordinal) => "adenoid cystic",
                var w when w.StartsWith("adeno", StringComparison.Ordinal) => "adenocarcinoma",
                var w when w.StartsWith("small", StringComparison.Ordinal) => "small cell",
                var w when w.StartsWith("mucoepidermoid", StringComparison.Ordinal) => "mucoepidermoid",
                "medullary" => "medullary",
                "anaplastic" => "anaplastic",
                "papillary" => "papillary",
                _ => "urothelial",
            };
            if (found is not null && found != type)
            {
                return null;
            }

            found = type;
        }

        return found;
    }

    [GeneratedRegex(@"(?<![\w-])(?<!\bnon\s)(?:squamous(?:[- ]cell)?|adenoid\s+cystic|adenocarcinomas?|small[- ]cell|mucoepidermoid|urothelial|transitional[- ]cell|medullary|anaplastic|papillary)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CellType();

    private static string? Histology(CancerTypeCatalog catalog, string code)
    {
        foreach (var step in catalog.Lineage(code))
        {
            var name = catalog.Find(step)?.Name;
            if (name is null)
            {
                continue;
            }

            var sarcoma = name.Contains("sarcoma", StringComparison.OrdinalIgnoreCase);
            var carcinoma = name.Contains("carcinoma", StringComparison.OrdinalIgnoreCase);
            if (sarcoma != carcinoma)
            {
                return sarcoma ? "sarcoma" : "carcinoma";
            }

            if (sarcoma)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A MeSH heading ("Head and Neck Neoplasms"), which files the oesophagus and thyroid under the head and neck, unlike
    /// OncoTree. Sponsors too count the thyroid among head and neck cancers, but not the oesophagus: "Head and Neck
    /// Cancer" in their words fails an oesophageal cancer.
    /// </summary>
    [GeneratedRegex(@"\bneoplasms?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeshWorded();

    private static bool IsThyroid(string tissue) => string.Equals(tissue, "THYROID", StringComparison.OrdinalIgnoreCase);

    private static bool DistinctBloodCancers(CancerTypeCatalog catalog, string have, string wanted)
    {
        var tissue = catalog.TissueOf(have);
        return tissue is "MYELOID" or "LYMPH"
            && string.Equals(tissue, catalog.TissueOf(wanted), StringComparison.OrdinalIgnoreCase)
            && !catalog.IsWithin(have, wanted) && !catalog.IsWithin(wanted, have)
            && catalog.Find(have)?.Parent is { } haveParent && !string.Equals(haveParent, tissue, StringComparison.OrdinalIgnoreCase)
            && catalog.Find(wanted)?.Parent is { } wantedParent && !string.Equals(wantedParent, tissue, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Two solid cancer types of one organ, each below a named cancer of it (not directly below the organ), neither within
    /// the other nor "not otherwise specified", that share a cancer type below the organ: sibling subtypes.
    /// </summary>
    private static bool DistinctSubtypes(CancerTypeCatalog catalog, string have, string wanted)
    {
        // The brain's tumours are left out: the WHO classifications of 2016 and 2021 renamed them by their molecular
        // findings, so an "anaplastic astrocytoma" of an older record may be a glioblastoma of a newer trial.
        var tissue = catalog.TissueOf(have);
        if (tissue is null or "MYELOID" or "LYMPH" or "BRAIN" || !string.Equals(tissue, catalog.TissueOf(wanted), StringComparison.OrdinalIgnoreCase)
            || catalog.IsWithin(have, wanted) || catalog.IsWithin(wanted, have) || catalog.IsGroup(have) || catalog.IsGroup(wanted)
            || NotOtherwiseSpecified(catalog, have) || NotOtherwiseSpecified(catalog, wanted))
        {
            return false;
        }

        bool BelowACancer(string code) => catalog.Find(code)?.Parent is { } parent && !string.Equals(parent, tissue, StringComparison.OrdinalIgnoreCase);
        var shared = catalog.Lineage(wanted).Where(a => !string.Equals(a, tissue, StringComparison.OrdinalIgnoreCase) && !catalog.IsGroup(a)
            && catalog.Find(a)?.Parent is { } p && catalog.IsWithin(a, tissue) && !string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase));
        return BelowACancer(have) && BelowACancer(wanted) && shared.Any(a => catalog.IsWithin(have, a));

        static bool NotOtherwiseSpecified(CancerTypeCatalog catalog, string code) =>
            code.EndsWith("NOS", StringComparison.OrdinalIgnoreCase) || catalog.Find(code)?.Name.Contains("NOS", StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// Pairs of types that exclude each other by their definitions though the tree puts them apart only at the organ or
    /// leaves the brain's types undivided: "non-small cell lung cancer" is every lung carcinoma but the small cell one; the
    /// diffuse midline gliomas, and the gliomas of the brain stem, lie in the midline and the diffuse hemispheric gliomas
    /// in a cerebral hemisphere (WHO 2021); a medullary thyroid cancer grows from the C cells, every other thyroid cancer
    /// (differentiated, poorly differentiated, Hurthle cell, anaplastic) from the follicular cells.
    /// </summary>
    private static readonly (string, string)[] ExclusiveTypes = [("SCLC", "NSCLC"), ("DMG", "DHG"), ("BSG", "DHG"), ("THME", "WDTC"), ("THME", "THPD"), ("THME", "THHC"), ("THME", "THAP")];

    private static bool Exclusive(CancerTypeCatalog catalog, string have, string wanted) =>
        Array.Exists(ExclusiveTypes, pair => (catalog.IsWithin(have, pair.Item1) && catalog.IsWithin(wanted, pair.Item2)) || (catalog.IsWithin(have, pair.Item2) && catalog.IsWithin(wanted, pair.Item1)));

    private static string? GroupOf(CancerTypeCatalog catalog, string code) =>
        catalog.IsWithin(code, CancerTypeCatalog.Solid) ? CancerTypeCatalog.Solid
        : catalog.IsWithin(code, CancerTypeCatalog.Hematologic) ? CancerTypeCatalog.Hematologic
        : null;
}

/// <summary>Finds cancer types by the vocabulary's names and abbreviations; "triple negative" also yields the three negative receptors.</summary>
public static partial class CancerTypeParser
{
    [GeneratedRegex(@"^(?:lymphomas?|leuka?emias?|sarcomas?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FamilyWord();

    /// <summary>The word before a family word is part of a name ("cleaved cell", "intraocular"), not a setting, a determiner or a conjunction.</summary>
    [GeneratedRegex(@"(?<![a-z-])(?!(?:or|and|any|of|with|the|a|an|all|other|malignant|primary|recurrent|relapsed|refractory|untreated|advanced|aggressive|indolent|confirmed|documented|proven|diagnosed|newly|active|prior|previous|known|histologically|pathologically|cytologically|biopsy)\s$)[a-z][a-z-]+\s$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnknownModifier();

    [GeneratedRegex(@"\G\s*(?:screening|screened|prevention|chemoprevention|risk(?:\s+(?:assessment|reduction|factors?))?|awareness|education|vaccines?|vaccination)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ScreenedFor();

    public static void Parse(CriterionContext c)
    {
        var matches = c.Vocabulary.CancerTypes.Names.FindAll(c.Text, c.Tokens).ToList();
        foreach (var m in matches)
        {
            if (c.IsClaimed(m.Start, m.End))
            {
                continue;
            }

            // "Indolent B-cell lymphoma: diffuse small cleaved cell lymphoma, follicular mixed cell lymphoma": a family word
            // ending a name the vocabulary does not hold, beside a named member of the family, is that member's kind, not
            // every lymphoma.
            if (FamilyWord().IsMatch(c.Text.AsSpan(m.Start, m.End - m.Start)) && UnknownModifier().IsMatch(Before(c, m.Start))
                && matches.Exists(o => o.Value != m.Value && c.Vocabulary.CancerTypes.IsWithin(o.Value, m.Value)))
            {
                continue;
            }

            // "Hematopoietic:" or "Lung:" ending in a colon labels a group of values (organ function), not a diagnosis.
            if (m.End < c.Text.Length && c.Text[m.End] == ':')
            {
                continue;
            }

            // An organ or tissue name alone ("kidney", "bone", "thyroid") is where a cancer is, not a cancer: it counts
            // only when the words say so ("kidney cancer", "thyroid carcinoma").
            if (c.Vocabulary.CancerTypes.Find(m.Value)?.Parent == CancerTypeCatalog.Root && !CancerNoun().IsMatch(c.Text.AsSpan(m.Start, Math.Min(c.Text.Length, m.End + 30) - m.Start)))
            {
                continue;
            }

            // The bare words "cancer", "tumour", "carcinoma" are a cancer type only when a diagnosis is being stated.
            // "Prior anthracycline for any malignancy": the cancer a treatment was for is not a diagnosis asked for.
            // (The words read around the match are bounded windows: the patterns look at a few words on either side.)
            if (m.Value == "TISSUE" && (!Diagnosis().IsMatch(Before(c, m.Start)) || TreatedFor().IsMatch(Before(c, m.Start)) || NotACancer().IsMatch(c.Lower.AsSpan(m.End, Math.Min(80, c.Lower.Length - m.End))) || Before(c, m.Start).EndsWith("anti-", StringComparison.Ordinal)))
            {
                continue;
            }

            if (c.Found.OfType<CancerTypeConstraint>().Any(f => f.Code == m.Value))
            {
                continue;
            }

            // "Able to undergo routine cervical cancer screening", "breast cancer risk assessment": what is screened for
            // or prevented, not a diagnosis the patient has.
            if (ScreenedFor().IsMatch(c.Lower, Math.Min(m.End, c.Lower.Length)))
            {
                c.Claim(m.Start, m.End);
                continue;
            }

            // "AML, excluding M3 (acute promyelocytic leukemia)", "AML (not APL)": a subtype of a cancer named before it,
            // left out of it.
            if (IsExceptedSubtype(c, m.Start, m.Value))
            {
                c.Add(new CancerTypeConstraint(m.Value, c.Text[m.Start..m.End])
                {
                    Span = CriterionContext.Span(m.Start, m.End),
                    Negated = true,
                    Excepts = true,
                });
                continue;
            }

            // "No prior chemotherapy for breast cancer", "malignancy other than breast cancer": the cancer qualifies
            // the rule, it is not one.
            c.Add(new CancerTypeConstraint(m.Value, c.Text[m.Start..m.End])
            {
                Span = CriterionContext.Span(m.Start, m.End),
                Negated = c.IsNegatedAt(m.Start),
                Qualifies = c.IsQualifierAt(m.Start),
                Groups = CancerGroups.Named(c.Text, m.Start, m.End),
            });
            AddElided(c, m.Start, m.End, m.Value);
            if (TripleNegative().IsMatch(c.Text[m.Start..m.End]))
            {
                foreach (var marker in new[] { "ESR1", "PGR", "ERBB2" })
                {
                    c.Add(new BiomarkerConstraint(marker, null, BiomarkerStatus.Negative) { Span = CriterionContext.Span(m.Start, m.End) }, claim: false);
                }
            }
        }
    }

    /// <summary>
    /// The cancers a coordination names by sharing the last one's words: "papillary or follicular thyroid cancer" names
    /// papillary thyroid cancer too, "Hodgkin or non-Hodgkin lymphoma" Hodgkin lymphoma, "breast, ovarian or prostate
    /// cancer" breast and ovarian cancer. A word before the conjunction counts only where, with those words, it names a
    /// cancer of its own ("recurrent or metastatic breast cancer" names no other).
    /// </summary>
    private static void AddElided(CriterionContext c, int start, int end, string code)
    {
        var names = c.Vocabulary.CancerTypes.Names;
        var words = c.Text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tail = string.Join(' ', words.Skip(1));
        var tailCode = words.Length > 1 ? c.Vocabulary.CancerTypes.Resolve(tail) : null;
        var at = start;
        for (var item = 0; item < 4; item++)
        {
            // The few words before: a window starting at a word, not the whole criterion again for each cancer named.
            var window = at > ElidedWindow ? Math.Max(0, c.Text.IndexOf(' ', at - ElidedWindow) + 1) : 0;
            var before = ElidedBefore().Match(c.Text, Math.Min(window, at), at - Math.Min(window, at));
            if (!before.Success)
            {
                return;
            }

            var word = before.Groups["a"].Value;
            string? named = null;
            foreach (var candidate in words.Length > 1 ? new[] { $"{word} {tail}", $"{word} {c.Text[start..end]}" } : new[] { $"{word} {c.Text[start..end]}" })
            {
                var atStart = names.FindAll(candidate, Vocabulary.Tokenizer.Tokenize(candidate)).Where(x => x.Start == 0).ToList();
                if (atStart.Count > 0 && atStart.MaxBy(x => x.End - x.Start) is var whole && whole.Value is { } found && found != code && found != tailCode
                    && found != CancerTypeCatalog.Root && whole.End > word.Length)
                {
                    named = found;
                    break;
                }
            }

            if (named is null)
            {
                return;
            }

            var from = before.Groups["a"].Index;
            if (!c.Found.OfType<CancerTypeConstraint>().Any(f => f.Code == named))
            {
                c.Add(new CancerTypeConstraint(named, $"{word} {tail}".Trim())
                {
                    Span = CriterionContext.Span(from, end),
                    Negated = c.IsNegatedAt(from),
                    Qualifies = c.IsQualifierAt(from),
                    Groups = CancerGroups.Named(c.Text, from, end),
                }, claim: false);
            }

            at = from;
        }
    }

    private const int ElidedWindow = 80;

    /// <summary>
    /// True when the cancer at <paramref name="start"/> is excepted or negated ("excluding M3 (...)", "other than",
    /// "(not APL)") and lies strictly below a cancer the criterion names before it, neither negated nor a qualifier.
    /// </summary>
    private static bool IsExceptedSubtype(CriterionContext c, int start, string code)
    {
        // The cancer it would be left out of first (most cancers named have none before them), then the words.
        var catalog = c.Vocabulary.CancerTypes;
        return c.Found.OfType<CancerTypeConstraint>().Any(f => !f.Negated && !f.Qualifies && f.Span.End <= start
                && !string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase) && catalog.IsWithin(code, f.Code)
                && f.Code is not (CancerTypeCatalog.Root or CancerTypeCatalog.Solid or CancerTypeCatalog.Hematologic) && !catalog.IsGroup(f.Code)
                && CloseAfter(c.Text, f.Span.End, start))
            && (c.IsExceptedAt(start) || c.IsNegatedAt(start) || GlossedException().IsMatch(c.Lower.AsSpan(Math.Max(0, start - 60), Math.Min(start, c.Lower.Length) - Math.Max(0, start - 60))));
    }

    /// <summary>
    /// True when few words stand between the cancer and the subtype left out of it, bracketed asides apart ("AML (&gt; 20%
    /// blasts ...), excluding M3"): not "masses measurable by CT are required for all diagnoses except CLL", where the
    /// exception is of the requirement.
    /// </summary>
    private static bool CloseAfter(string text, int end, int start)
    {
        var between = CriterionContext.BracketedAside().Replace(text[end..start], " ");
        return between.Split([' ', ',', '(', ')', ';'], StringSplitOptions.RemoveEmptyEntries).Length <= 5;
    }


    /// <summary>An exception named by a short label glossed in brackets: "excluding M3 (", "except FAB M3 (".</summary>
    [GeneratedRegex(@"\b(?:excluding|except(?:\s+for)?|other\s+than|not)\s+(?:[\w/-]+\s+){0,2}[\w/-]+\s*\(\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex GlossedException();

    [GeneratedRegex(@"(?<a>[A-Za-z][\w'-]*)\s*(?:,\s*(?:(?:and|or|and/or)\s+)?|\s+(?:or|and|and/or|&)\s+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ElidedBefore();

    [GeneratedRegex(@"(?:confirmed|diagnosis\s+of|diagnosed\s+with|documented|proven|with\s+(?:a\s+|an\s+)?(?:known\s+)?|having|suffering\s+from|advanced|metastatic|recurrent|primary|any|active|untreated)\s+(?:\w+\s+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnosis();

    [GeneratedRegex(@"cancer|carcinoma|tumou?r|neoplas|malignan|oma\b|omas\b|leuka?emia|myelodysplas|metasta", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancerNoun();

    private static ReadOnlySpan<char> Before(CriterionContext c, int at) => c.Lower.AsSpan(Math.Max(0, at - 120), at - Math.Max(0, at - 120));

    [GeneratedRegex(@"\bfor\s+(?:any|a|an|the|another|other|prior|previous)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TreatedFor();

    [GeneratedRegex(@"^[\s-]*(?:therap|treatment|drug|agent|vaccine|tissue|sample|specimen|lesion|cells?\b|size|marker|board|burden|volume|response|growth|type|(?:\w+\s+)?(?:diameter|dimension|measur))", RegexOptions.CultureInvariant)]
    private static partial Regex NotACancer();

    [GeneratedRegex(@"TNBC|triple[- ]negative", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TripleNegative();
}
