using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// Reads a free-text clinical note into a <see cref="PatientProfile"/>: age and sex, cancers with stage, metastatic
/// sites, biomarkers, performance status, therapies, laboratory results, other conditions and pregnancy, each with its
/// source span and certainty. One pass over the sentences; cost grows linearly with the length of the note.
/// </summary>
public static partial class NoteReader
{
    private const string HealthyVolunteer = "healthy volunteer";
    private const string Smoking = "smoking";
    private const string AlcoholConsumption = "alcohol consumption";
    private const string DrugAllergy = "drug allergy";

    [GeneratedRegex(@"^(?:non|never)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SelfNegatedHabit();

    private static readonly HashSet<string> ModifierHeads = new(StringComparer.Ordinal)
    {
        "vaccine", "vaccines", "vaccination", "shot", "shots", "jab", "immunization", "department", "unit", "ward", "scale", "service", "clinic", "team", "drugs", "medications",
        "management", "screening", "prophylaxis", "specialist", "program", "risk", "test", "testing", "tests", "score",
    };

    private static readonly HashSet<string> CurrentCues = new(StringComparer.Ordinal)
    {
        "on", "currently", "current", "takes", "taking", "uses", "using", "continue", "continues", "continued", "continuing", "receiving", "treating",
        "started", "starting", "maintained", "ongoing",
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

    [GeneratedRegex(@"pregnancy\s+test\s+(?:is|was|were)?\s*negative|negative\s+(?:for\s+)?pregnancy|not\s+pregnant|\b(?:beta\s*-?)?hcg\b[^.;]{0,25}?negative|\bpregnan(?:t|cy)\b[^.;]{0,12}?(?:ruled\s+out|excluded)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NotPregnant();

    [GeneratedRegex(@"\bpregnant\b|\b\d{1,2}\s*(?:\+\s*\d\s*)?(?:w|wk|wks|weeks?)(?:\s*\d\s*d)?\s*(?:of\s+)?(?:gestation|gestational)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pregnant();

    [GeneratedRegex(@"\b(?:not\s+)?(?:breast\s*-?\s*feeding|breastfeeding|breastfed|lactating)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Breastfeeding();

    /// <summary>Reads a note; an empty or blank note is an error, anything else gives a profile (possibly with few facts).</summary>
    public static PatientIntakeResult Read(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!note.Any(char.IsLetterOrDigit))
        {
            return PatientIntakeResult.Failure(PatientInputKind.Note, "The note is empty: there is no text to read.");
        }

        // A pattern can run out of time on a loaded machine (the process paused, not the note at fault): one more try tells
        // that from a note a pattern really cannot read in time.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return PatientIntakeResult.Success(PatientInputKind.Note, Extract(note));
            }
            catch (RegexMatchTimeoutException) when (attempt < 2)
            {
            }
            catch (RegexMatchTimeoutException)
            {
                return PatientIntakeResult.Failure(PatientInputKind.Note, "The note could not be read in reasonable time (a pattern took too long); shorten or split it.");
            }
        }
    }

    /// <summary>Extracts every fact the reader knows from a note.</summary>
    public static PatientProfile Extract(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var lexicon = NoteLexicon.Default;
        var (age, sex) = AgeAndSexExtractor.Extract(note);
        var patientSex = sex?.Value;
        var isChild = age?.Value < 10;
        var diagnoses = new List<Diagnosis>();
        var metastases = new List<MetastaticSite>();
        var biomarkers = new List<Biomarker>();
        var performance = new List<PerformanceStatus>();
        var therapies = new List<Therapy>();
        var labs = new List<LabResult>();
        var conditions = new List<Condition>();
        var settings = new List<SettingStatement>();
        var settingCancers = new List<Diagnosis?>();
        SourceSpan? nonMetastatic = null;
        Match? statedUnresectable = null;
        SourceSpan? imagedMetastases = null;
        Fact<bool>? pregnant = null;
        Fact<bool>? breastfeeding = null;

        var organPlaces = new List<(OrganAndHistology.Organ Organ, SourceSpan Span)>();
        (string Histology, SourceSpan Span)? histology = null;
        foreach (var sentence in NoteText.Sentences(note))
        {
            var tokens = sentence.Tokens;
            if (tokens.Count == 0)
            {
                continue;
            }

            var labSpans = new List<SourceSpan>();
            foreach (var lab in LabExtractor.Extract(note, sentence, lexicon))
            {
                labs.Add(lab);
                labSpans.Add(lab.Span!.Value);
            }

            // Vital signs and body measurements with a value are measurements too; a laboratory reading of the same words wins.
            var laboratorySpans = labSpans.ToArray();
            foreach (var vital in VitalSignExtractor.Extract(note, sentence))
            {
                if (!Array.Exists(laboratorySpans, l => Overlaps(l, vital.Span!.Value)))
                {
                    labs.Add(vital);
                    labSpans.Add(vital.Span!.Value);
                }
            }

            foreach (var score in ClinicalScoreExtractor.NamedScores(note, sentence))
            {
                if (!labSpans.Exists(l => Overlaps(l, score.Span!.Value)))
                {
                    labs.Add(score);
                    labSpans.Add(score.Span!.Value);
                }
            }

            // Each organ once, where first named: enough to tell one organ from several.
            if (organPlaces.Count < 2)
            {
                foreach (var place in OrganAndHistology.Places(note, sentence))
                {
                    if (!organPlaces.Exists(p => p.Organ == place.Organ))
                    {
                        organPlaces.Add(place);
                    }
                }
            }

            histology ??= OrganAndHistology.HistologyIn(note, sentence);
            var stage = ClinicalScoreExtractor.Stage(note, sentence);
            var firstDiagnosisInSentence = diagnoses.Count;
            var firstConditionInSentence = conditions.Count;
            foreach (var match in WithLocatedCancers(lexicon.Find(tokens, LexiconKind.Condition, LexiconKind.Cancer), lexicon.FindLocatedCancers(tokens)))
            {
                if (IsModifier(tokens, match))
                {
                    continue;
                }

                var span = SpanOf(tokens, match);
                if (labSpans.Any(l => Overlaps(l, span)))
                {
                    continue;
                }

                var certainty = QuestionedAfter(note, span, sentence.End) ? Certainty.Hypothetical : CertaintyScope.Of(tokens, match.First, match.Next, patientSex);
                if (match.Entry.Kind == LexiconKind.Cancer)
                {
                    diagnoses.Add(new Diagnosis
                    {
                        Text = note.Substring(span.Start, span.Length),
                        OncoTreeCode = match.Entry.Extra,
                        Histology = match.Entry.Detail,
                        Certainty = certainty,
                        IsPrimary = certainty != Certainty.Historical,
                        Stage = Descriptors(tokens, match.First),
                        Span = span,
                    });
                }
                else
                {
                    conditions.Add(new Condition { Text = note.Substring(span.Start, span.Length), Concept = match.Entry.Canonical, Certainty = certainty, Span = span });
                }
            }

            if (stage is not null && diagnoses.Count > firstDiagnosisInSentence)
            {
                var index = StagedCancer(note, diagnoses, firstDiagnosisInSentence, stage);
                var target = diagnoses[index];
                diagnoses[index] = target with { Stage = Merge(target.Stage, stage) };
            }
            else if ((stage?.Group is not null || stage?.T is not null) && conditions.Count == firstConditionInSentence
                && diagnoses.FindLastIndex(d => d.Certainty is Certainty.Asserted or Certainty.Historical) is var last and >= 0
                && diagnoses[last].Stage?.Group is null && diagnoses[last].Stage?.T is null)
            {
                // "...; after excision the disease is stage IIIB", "PET-CT stage it cT3 N1 M0": a stage group or TNM standing
                // alone belongs to the cancer last named.
                diagnoses[last] = diagnoses[last] with { Stage = Merge(diagnoses[last].Stage, stage) };
            }

            // "Liver biopsy showed a well-differentiated pancreatic neuroendocrine tumour": a cancer of another organ found
            // by a biopsy of a distant site has spread there.
            if (diagnoses.Count > firstDiagnosisInSentence
                && DistantSiteBiopsy().Match(note, sentence.Start, sentence.End - sentence.Start) is { Success: true } biopsy
                && diagnoses[firstDiagnosisInSentence] is { Certainty: Certainty.Asserted or Certainty.Historical } found
                && (found.OncoTreeCode ?? Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes.Resolve(found.Text)) is { } foundCode
                && Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes.TissueOf(foundCode) is { } foundTissue
                && !DistantSiteIsTissue(biopsy.Groups["site"].Value, foundTissue))
            {
                var site = biopsy.Groups["site"].Value.ToLowerInvariant();
                metastases.Add(new MetastaticSite { Site = site, Certainty = Certainty.Asserted, Span = new SourceSpan(biopsy.Index, biopsy.Length) });
                imagedMetastases ??= new SourceSpan(biopsy.Index, biopsy.Length);
            }

            if (nonMetastatic is null && NoDistantDisease().Match(note, sentence.Start, sentence.End - sentence.Start) is { Success: true } local)
            {
                nonMetastatic = new SourceSpan(local.Index, local.Length);
            }

            // Not a hypothesis or a question ("if the tumour is unresectable, ...", "whether it is resectable").
            if (statedUnresectable is null && StatedLocallyAdvancedOrUnresectable().Match(note, sentence.Start, sentence.End - sentence.Start) is { Success: true } unresectable
                && !HypothesisBefore().IsMatch(note.AsSpan(sentence.Start, unresectable.Index - sentence.Start)))
            {
                statedUnresectable = unresectable;
            }

            // Tried only on a sentence that speaks of metastases: the pattern starts at every letter x, c, p, m or s.
            if (imagedMetastases is null && MentionsMetastases(note.AsSpan(sentence.Start, sentence.End - sentence.Start))
                && ImagingShowsMetastases().Match(note, sentence.Start, sentence.End - sentence.Start) is { Success: true } imaged)
            {
                imagedMetastases = new SourceSpan(imaged.Index, imaged.Length);
            }

            // The lexicon's therapies first, so that the vocabulary does not read the same drug again ("Levothyroxine").
            therapies.AddRange(Therapies(note, tokens, lexicon, labSpans, patientSex));
            ConceptsOfGeneralMedicine(note, sentence, labSpans, conditions, diagnoses, therapies, patientSex);
            SelfNegatingWords(note, tokens, conditions);
            metastases.AddRange(Metastases(tokens, lexicon, patientSex));
            biomarkers.AddRange(BiomarkerExtractor.Extract(note, sentence, lexicon, patientSex));
            performance.AddRange(ClinicalScoreExtractor.PerformanceStatuses(note, sentence));
            foreach (var statement in SettingExtractor.Extract(note, sentence, patientSex))
            {
                settings.Add(statement);
                settingCancers.Add(NearestCancer(diagnoses, firstDiagnosisInSentence, statement.Span));
            }

            if (!isChild)
            {
                pregnant = Pregnancy(note, sentence, tokens, patientSex) ?? pregnant;
                breastfeeding = BreastfeedingFact(note, sentence) ?? breastfeeding;
            }
        }

        if (patientSex == PatientSex.Male)
        {
            pregnant = null;
            breastfeeding = null;
        }

        // One cancer named twice ("invasive ductal carcinoma ... this is de novo stage IV breast cancer") keeps what each
        // mention says of its stage.
        var readDiagnoses = Narrowest(DropGenericCancers(Consolidate(
            WithOrganAndHistology(lexicon, diagnoses, organPlaces, histology), d => CancerKey(d), d => d.Certainty, (d, c) => d with { Certainty = c },
            (kept, again) => again.Certainty is Certainty.Asserted or Certainty.Historical ? kept with { Stage = MergeStage(again.Stage, kept.Stage) } : kept)));
        if (nonMetastatic is { } statedLocal)
        {
            readDiagnoses = NotMetastatic(readDiagnoses, metastases, statedLocal);
        }
        else if (imagedMetastases is { } imagedSpan)
        {
            readDiagnoses = MetastaticOnImaging(readDiagnoses, imagedSpan);
        }

        if (statedUnresectable is { } statedExtent)
        {
            readDiagnoses = LocallyAdvancedAsStated(readDiagnoses, statedExtent);
        }

        var readTherapies = ProgressionOfAnyMention(Consolidate(therapies, t => t.Name + "|" + t.Kind, t => t.Certainty, (t, c) => t with { Certainty = c }), therapies);
        return new PatientProfile
        {
            Age = age,
            Sex = sex,
            Diagnoses = readDiagnoses,
            Metastases = Consolidate(metastases, m => m.Site, m => m.Certainty, (m, c) => m with { Certainty = c }),
            Biomarkers = biomarkers.DistinctBy(b => (b.Marker, b.Status, b.Alteration, b.Value)).ToList(),
            PerformanceStatuses = performance.DistinctBy(p => (p.Scale, p.Value)).ToList(),
            Therapies = readTherapies,
            LabResults = labs.DistinctBy(l => (l.Analyte, l.Value, l.Unit)).ToList(),
            Conditions = DropGeneric(Consolidate(InPastHistory(note, conditions), c => c.Concept ?? c.Text, c => c.Certainty, (x, c) => x with { Certainty = c })),
            Settings = UntreatedUnlessTreated(note, OfTheMainCancer(readDiagnoses, settings, settingCancers), readTherapies),
            Pregnant = pregnant,
            Breastfeeding = breastfeeding,
            SourceText = note,

            // A clinical note is read as a complete history: what it does not mention is presumed absent (and said so).
            CompleteHistory = true,
        };
    }

    /// <summary>The cancer named nearest a statement in its sentence (before or after it), if the sentence names one.</summary>
    private static Diagnosis? NearestCancer(List<Diagnosis> diagnoses, int first, SourceSpan? span)
    {
        if (span is not { } at)
        {
            return null;
        }

        Diagnosis? nearest = null;
        var best = int.MaxValue;
        for (var i = first; i < diagnoses.Count; i++)
        {
            if (diagnoses[i].Span is not { } named || diagnoses[i].Certainty == Certainty.FamilyHistory)
            {
                continue;
            }

            var distance = named.End <= at.Start ? at.Start - named.End : named.Start >= at.End ? named.Start - at.End : 0;
            if (distance < best)
            {
                (nearest, best) = (diagnoses[i], distance);
            }
        }

        return nearest;
    }

    /// <summary>
    /// A note about a second cancer ("acute myeloid leukaemia ... after chemotherapy for breast cancer, which remains in
    /// remission") states settings of each: a statement whose nearest cancer in its sentence is another one than the main
    /// cancer, and no kind of it, is that cancer's, and is left out of the main cancer's settings.
    /// </summary>
    private static List<SettingStatement> OfTheMainCancer(List<Diagnosis> readDiagnoses, List<SettingStatement> settings, List<Diagnosis?> cancers)
    {
        var catalog = Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        string? Code(Diagnosis d) => d.OncoTreeCode ?? catalog.Resolve(d.Text);
        var main = PatientSetting.MainCancer(readDiagnoses);
        if (main is null || Code(main) is not { } mainCode || readDiagnoses.Count < 2)
        {
            return settings;
        }

        bool Other(Diagnosis? d) => d is not null && Code(d) is { } code && CancerKey(d) != CancerKey(main)
            && !string.Equals(code, mainCode, StringComparison.OrdinalIgnoreCase) && !catalog.IsWithin(code, mainCode) && !catalog.IsWithin(mainCode, code);
        return settings.Where((_, i) => !Other(cancers[i])).ToList();
    }

    /// <summary>
    /// The cancer of a sentence a stage belongs to: the first one named, unless the stage is written just before another
    /// ("acute myeloid leukaemia, four years after chemotherapy for stage II breast cancer": the stage is the breast
    /// cancer's). A relative's cancer named first ("whose mother died of ovarian cancer, was found to have a pancreatic
    /// adenocarcinoma ... (stage IV)") does not take the patient's stage.
    /// </summary>
    private static int StagedCancer(string note, List<Diagnosis> diagnoses, int first, Stage stage)
    {
        var own = first;
        while (own < diagnoses.Count - 1 && diagnoses[own].Certainty == Certainty.FamilyHistory)
        {
            own++;
        }

        first = diagnoses[own].Certainty == Certainty.FamilyHistory ? first : own;
        if (stage.Span is not { } at)
        {
            return first;
        }

        for (var i = first; i < diagnoses.Count; i++)
        {
            if (diagnoses[i].Span is { } named && named.Start >= at.End && named.Start - at.End <= 40
                && note.AsSpan(at.End, named.Start - at.End).IndexOfAny(",;:.()") < 0)
            {
                return i;
            }
        }

        return first;
    }

    /// <summary>
    /// "She has not had chemotherapy" after a course of alectinib is no untreated cancer: a sentence about chemotherapy
    /// does not say the cancer is untreated when the note names another cancer drug the patient received and no longer
    /// takes. A sentence about treatment in general ("no treatment for the metastatic disease") stands.
    /// </summary>
    private static List<SettingStatement> UntreatedUnlessTreated(string note, List<SettingStatement> settings, IReadOnlyList<Therapy> therapies)
    {
        var drugs = Vocabulary.OncologyVocabulary.BuiltIn.Drugs;
        var treated = therapies.Any(t => t.Kind == TherapyKind.Drug && t.Certainty is Certainty.Asserted or Certainty.Historical && t.IsCurrent != true
            && drugs.Find(t.Name) is { } drug && !drug.Classes.Contains("chemotherapy") && drugs.IsAnticancer(t.Name, t.Classes) == true);
        return treated
            ? settings.Where(s => s.Setting != DiseaseSetting.Untreated || s.Span is not { } span || !note.AsSpan(span.Start, span.Length).Contains("chemo", StringComparison.OrdinalIgnoreCase)).ToList()
            : settings;
    }

    /// <summary>
    /// "No distant metastases on CT", "PSMA PET shows no nodal or distant disease", "non-metastatic": the primary cancer is
    /// recorded as not metastatic, unless a distant metastasis is stated (a later relapse) or its stage already says so.
    /// </summary>
    private static List<Diagnosis> NotMetastatic(List<Diagnosis> diagnoses, List<MetastaticSite> metastases, SourceSpan statement)
    {
        if (metastases.Exists(m => m.Certainty == Certainty.Asserted && !m.Site.Contains("lymph", StringComparison.OrdinalIgnoreCase) && !m.Site.Contains("node", StringComparison.OrdinalIgnoreCase)))
        {
            return diagnoses;
        }

        var primary = diagnoses.FindIndex(d => d.IsPrimary && d.Certainty == Certainty.Asserted);
        if (primary < 0 || diagnoses[primary].Stage?.Metastatic == true || diagnoses[primary].Stage?.Recurrent == true)
        {
            return diagnoses;
        }

        var result = diagnoses.ToList();
        var stage = result[primary].Stage;
        result[primary] = result[primary] with { Stage = stage is null ? new Stage { Metastatic = false, MetastaticSpan = statement } : stage with { Metastatic = false, MetastaticSpan = statement } };
        return result;
    }

    /// <summary>
    /// "So the tumour is locally advanced and unresectable", "the cancer was deemed inoperable": the note states the
    /// primary cancer's extent in a sentence of its own, not before its name. Sets what the stage does not already say.
    /// </summary>
    private static List<Diagnosis> LocallyAdvancedAsStated(List<Diagnosis> diagnoses, Match statement)
    {
        var primary = diagnoses.FindIndex(d => d.IsPrimary && d.Certainty == Certainty.Asserted);
        if (primary < 0)
        {
            return diagnoses;
        }

        var result = diagnoses.ToList();
        var stage = result[primary].Stage ?? new Stage { Span = new SourceSpan(statement.Index, statement.Length) };
        result[primary] = result[primary] with
        {
            Stage = stage with
            {
                LocallyAdvanced = stage.LocallyAdvanced ?? (statement.Groups["local"].Success && stage.Metastatic != true ? true : null),
                Unresectable = stage.Unresectable ?? (statement.Groups["unresectable"].Success ? true : null),
            },
        };
        return result;
    }

    /// <summary>"The tumour is locally advanced and unresectable", "the cancer was deemed inoperable", "it is not resectable".</summary>
    [GeneratedRegex(@"\b(?:tumou?r|cancer|carcinoma|disease|mass|it)\s+(?:is|was|remains|(?:is|was|has\s+been)\s+(?:deemed|judged|considered|felt)(?:\s+to\s+be)?)\s+(?:therefore\s+|thus\s+|now\s+)?(?:(?<local>locally[\s-]advanced)(?:(?:\s*,\s*|\s+and\s+|\s+but\s+)(?<unresectable>unresectable|inoperable|non-?resectable|not\s+(?:surgically\s+)?resectable))?|(?<unresectable>unresectable|inoperable|non-?resectable|not\s+(?:surgically\s+)?resectable))\b|\b(?<!\bnot\s)(?:consider|considers|considered|judge|judges|judged|deem|deems|deemed|regard|regards|regarded)\s+(?:the\s+|her\s+|his\s+|this\s+)?(?:tumou?r|cancer|carcinoma|disease|mass|it)\s+(?:to\s+be\s+|as\s+)?(?<unresectable>unresectable|inoperable|non-?resectable|not\s+(?:surgically\s+)?resectable)\b|,\s+(?:deemed|judged|considered)\s+(?:to\s+be\s+)?(?<unresectable>unresectable|inoperable|non-?resectable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StatedLocallyAdvancedOrUnresectable();

    [GeneratedRegex(@"\b(?:if|whether|unless|may|might|could|possibly|probably|likely|suspected|question)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HypothesisBefore();

    private static bool MentionsMetastases(ReadOnlySpan<char> sentence) =>
        sentence.Contains("metast", StringComparison.OrdinalIgnoreCase) || sentence.Contains("mets", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "CXR was remarkable for metastatic lesions", "the staging CT showed multiple metastases": imaging that found
    /// metastases without naming where makes the primary cancer metastatic, unless its stage already says otherwise.
    /// </summary>
    private static List<Diagnosis> MetastaticOnImaging(List<Diagnosis> diagnoses, SourceSpan statement)
    {
        var primary = diagnoses.FindIndex(d => d.IsPrimary && d.Certainty == Certainty.Asserted);
        if (primary < 0 || diagnoses[primary].Stage?.Metastatic is not null)
        {
            return diagnoses;
        }

        var result = diagnoses.ToList();
        var stage = result[primary].Stage;
        result[primary] = result[primary] with { Stage = stage is null ? new Stage { Metastatic = true, MetastaticSpan = statement } : stage with { Metastatic = true, MetastaticSpan = statement } };
        return result;
    }

    [GeneratedRegex(@"\b(?:CXR|chest\s+x-?ray|CT(?:\s+scan)?|PET(?:[-/ ]CT)?|MRI|bone\s+scan|scans?|imaging|x-?rays?|ultrasound|staging(?:\s+work-?up)?)\b[^.;]{0,40}?\b(?:remarkable\s+for|showed|shows|revealed|reveals|demonstrated|demonstrates|consistent\s+with|positive\s+for|found)\s+(?:(?:multiple|several|numerous|diffuse|widespread|new|innumerable|many)\s+)?(?:metastatic\s+(?:lesions?|disease|deposits?|foci|nodules?|masses|spread)|metastases|metastasis|mets)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ImagingShowsMetastases();

    [GeneratedRegex(@"\b(?<site>liver|lung|bone|brain|adrenal|peritoneal|pleural|skin)\s+(?:(?:core|needle|lesion|nodule|mass)\s+)?biops(?:y|ies)\s+(?:showed|shows|confirmed|confirms|revealed|reveals|demonstrated|demonstrates|found)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DistantSiteBiopsy();

    /// <summary>True when the biopsied site is the cancer's own organ (a lung biopsy of a lung cancer).</summary>
    private static bool DistantSiteIsTissue(string site, string tissue) => (site.ToLowerInvariant(), tissue.ToUpperInvariant()) switch
    {
        ("liver", "LIVER" or "BILIARY_TRACT") => true,
        ("lung" or "pleural", "LUNG" or "PLEURA") => true,
        ("bone", "BONE" or "MYELOID" or "LYMPH") => true,
        ("brain", "BRAIN" or "CNS") => true,
        ("adrenal", "ADRENAL_GLAND") => true,
        ("peritoneal", "PERITONEUM" or "OVARY") => true,
        ("skin", "SKIN") => true,
        _ => false,
    };

    /// <summary>
    /// "No distant metastases", "no distant or peritoneal disease", "staging CT clear", "non-metastatic", "M0"; "no liver, lung or peritoneal metastases" (two sites or more, the
    /// staging's own list); "no disease outside the femur"; "so the tumour is localised", "the disease is confined to the
    /// pelvis".
    /// </summary>
    [GeneratedRegex(@"\bno\s+(?:evidence\s+of\s+|signs?\s+of\s+)?(?:(?:nodal|regional|lymph\s+node)\s+(?:or|and|/)\s+)?(?:distant|metastatic|systemic|extra-?\w+)(?:\s+(?:or|and|/)\s+(?:peritoneal|nodal|regional))?\s+(?:disease|metastas[ie]s|spread|involvement)\b|\bstaging\s+(?:(?!(?:not|no|never)\b)[\w-]+\s+){0,4}?(?:(?:was|were|is|are)\s+)?(?:clear|negative|unremarkable)\b|\bno\s+(?:evidence\s+of\s+)?(?:distant\s+)?metastas[ie]s\b|\bno\s+(?:(?:liver|lung|bone|brain|peritoneal|hepatic|pulmonary|osseous|adrenal|visceral)(?:\s*,\s*|\s+or\s+|\s+and\s+|\s*,\s*or\s+)){1,4}(?:liver|lung|bone|brain|peritoneal|hepatic|pulmonary|osseous|adrenal|visceral)\s+(?:metastas[ie]s|deposits|spread)\b|\bnon-?metastatic\b|\b(?-i:c?M0)\b|\bno\s+(?:evidence\s+of\s+)?(?:disease|tumou?r|cancer)\s+(?:outside|beyond)\s+(?:the\s+)?\w+|\b(?:tumou?r|cancer|disease|sarcoma|carcinoma)\s+(?:is|was|remains|appears)\s+(?:therefore\s+|thus\s+)?(?:locali[sz]ed|confined\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NoDistantDisease();

    /// <summary>
    /// Conditions listed under a "Past Medical History:" heading (up to the next heading: "Social History:",
    /// "Medications:", ...) are the patient's history, however far from the heading they stand: a list of ten past
    /// problems is not ten current ones.
    /// </summary>
    private static List<Condition> InPastHistory(string note, List<Condition> conditions)
    {
        var sections = PastHistoryHeading().Matches(note)
            .Select(h => (Start: h.Index + h.Length, End: NextHeading().Match(note, h.Index + h.Length) is { Success: true } next ? next.Index : note.Length))
            .ToList();
        if (sections.Count == 0)
        {
            return conditions;
        }

        return [.. conditions.Select(c => c.Certainty == Certainty.Asserted && c.Span is { } span && sections.Exists(s => span.Start >= s.Start && span.Start < s.End)
            ? c with { Certainty = Certainty.Historical }
            : c)];
    }

    [GeneratedRegex(@"\b(?:past\s+medical\s+history|past\s+medical\s+hx|PMHx?|past\s+history|medical\s+history)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastHistoryHeading();

    [GeneratedRegex(@"\b(?:(?:social|family|surgical|past\s+surgical|present(?:ing)?|obstetric|gyn(?:ecologic)?|sexual|travel)\s+history|history\s+of\s+present(?:ing)?\s+illness|HPI|PSH|SH|FH|meds|medications?(?:\s+on\s+admission)?|allergies|physical\s+exam(?:ination)?|exam|labs?|laboratory|vitals?|vital\s+signs|ROS|review\s+of\s+systems|assessment|impression|plan|hospital\s+course|chief\s+complaint|CC)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextHeading();

    /// <summary>
    /// The conditions, symptoms, medications and procedures of general medicine that the eligibility vocabulary knows
    /// (by name, synonym and lay phrasing: "shortness of breath" is dyspnea) and that the note lexicon did not already
    /// read in this sentence, each with the certainty its words give it (negated, historical, family, hypothetical).
    /// The eligibility engine then finds the patient's own words for the concepts its criteria name.
    /// </summary>
    private static void ConceptsOfGeneralMedicine(string note, NoteSentence sentence, List<SourceSpan> labSpans, List<Condition> conditions, List<Diagnosis> diagnoses, List<Therapy> therapies, PatientSex? patientSex)
    {
        var text = note[sentence.Start..sentence.End];
        var matches = Vocabulary.OncologyVocabulary.BuiltIn.Concepts.Names.FindAll(text, Vocabulary.Tokenizer.Tokenize(text));
        if (matches.Count == 0)
        {
            return;
        }

        var tokens = sentence.Tokens;
        foreach (var m in matches)
        {
            // A lab value's words are the lab's; a fact the lexicon already read stands unless this names another concept
            // within its words ("hepatitis C cirrhosis" is cirrhosis and hepatitis C).
            var span = new SourceSpan(sentence.Start + m.Start, m.End - m.Start);
            var name = m.Value.Name;
            if (labSpans.Exists(l => Overlaps(l, span))
                || conditions.Exists(c => c.Span is { } s && Overlaps(s, span) && (string.Equals(c.Concept, name, StringComparison.OrdinalIgnoreCase) || Vocabulary.OncologyVocabulary.BuiltIn.Concepts.Names.FindAll(c.Text, Vocabulary.Tokenizer.Tokenize(c.Text)).Exists(x => x.Value.Name == name)))
                || diagnoses.Exists(d => d.Span is { } s && Overlaps(s, span) && s.Start <= span.Start && s.End >= span.End)
                || therapies.Exists(t => t.Span is { } s && Overlaps(s, span) && (m.Value.Kind != Vocabulary.MedicalConceptKind.Condition || (s.Start <= span.Start && s.End >= span.End))))
            {
                continue;
            }

            // "Healthy", "otherwise healthy" describe a patient; a note is never about a healthy volunteer.
            if (name == HealthyVolunteer)
            {
                continue;
            }

            var first = 0;
            while (first < tokens.Count && tokens[first].End <= span.Start)
            {
                first++;
            }

            var next = first;
            while (next < tokens.Count && tokens[next].Start < span.End)
            {
                next++;
            }

            if (first >= tokens.Count)
            {
                continue;
            }

            // "TB vaccination", "flu shot", "Birmingham Vasculitis Activity Score": the concept names something else.
            if ((next < tokens.Count && ModifierHeads.Contains(tokens[next].Norm)) || (next + 1 < tokens.Count && tokens[next + 1].Norm is "score" or "scale" or "index"))
            {
                continue;
            }

            // Short capitals are ambiguous in notes ("PCP" is the primary care physician more often than pneumonia); the
            // note lexicon reads the abbreviations notes use.
            var words = note.Substring(span.Start, span.Length);
            if (words.Length <= 5 && !words.Any(char.IsLower))
            {
                continue;
            }

            // "Sensitive to isoniazid and rifampicin": a susceptibility result, not a treatment given.
            if (m.Value.Kind == Vocabulary.MedicalConceptKind.Medication && IsSusceptibility(tokens, first))
            {
                continue;
            }

            // "Pain worsened with coughing", "dyspnea relieved by rest": what brings on or eases another symptom.
            if (m.Value.Kind == Vocabulary.MedicalConceptKind.Condition && IsTrigger(tokens, first))
            {
                continue;
            }

            var certainty = CertaintyScope.Of(tokens, first, next, patientSex);

            // "Non-smoker", "never drinker": a habit named with its own negation.
            if (certainty is Certainty.Asserted or Certainty.Historical && m.Value.Name is Smoking or AlcoholConsumption && SelfNegatedHabit().IsMatch(words))
            {
                certainty = Certainty.Negated;
            }

            // "Allergic to penicillin", "intolerance of codeine": the reaction to the drug, not a treatment with it.
            if (m.Value.Kind == Vocabulary.MedicalConceptKind.Medication && IsAllergen(tokens, first))
            {
                conditions.Add(new Condition { Text = words, Concept = $"allergy to {m.Value.Name}", Certainty = certainty, Span = span });
                conditions.Add(new Condition { Text = words, Concept = DrugAllergy, Certainty = certainty, Span = span });
                continue;
            }

            switch (m.Value.Kind)
            {
                case Vocabulary.MedicalConceptKind.Medication:
                    therapies.Add(new Therapy { Name = words, Kind = TherapyKind.Drug, Certainty = certainty == Certainty.Asserted ? Certainty.Historical : certainty, IsCurrent = certainty == Certainty.Asserted && CurrentBefore(tokens, first) ? true : null, Span = span });
                    break;
                case Vocabulary.MedicalConceptKind.Procedure:
                    therapies.Add(new Therapy { Name = words, Kind = TherapyKind.Procedure, Certainty = certainty == Certainty.Asserted ? Certainty.Historical : certainty, Span = span });
                    break;
                default:
                    conditions.Add(new Condition { Text = words, Concept = m.Value.Name, Certainty = certainty, Span = span });
                    break;
            }
        }
    }

    private static readonly HashSet<string> ModifyingVerbs = new(StringComparer.Ordinal)
    {
        "worse", "worsened", "worsens", "worsening", "exacerbated", "aggravated", "increased", "provoked", "precipitated",
        "triggered", "elicited", "relieved", "improved", "eased", "better", "induced", "brought", "reproduced",
    };

    /// <summary>True when the words just before a condition make it what modifies another ("worsened with", "brought on by").</summary>
    private static bool IsTrigger(IReadOnlyList<NoteToken> tokens, int first)
    {
        if (first < 2 || tokens[first - 1].Norm is not ("with" or "by" or "on" or "upon" or "during" or "when" or "while"))
        {
            return false;
        }

        var verb = tokens[first - 2].Norm;
        return ModifyingVerbs.Contains(verb) || (verb == "on" && first >= 3 && tokens[first - 3].Norm == "brought");
    }

    /// <summary>True when the words just before a drug's name make it the object of an allergy ("allergic to", "intolerant of").</summary>
    private static bool IsAllergen(IReadOnlyList<NoteToken> tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 8; k--)
        {
            if (tokens[k].Norm is "allergic" or "allergy" or "allergies" or "intolerant" or "intolerance" or "hypersensitivity" or "hypersensitive" or "anaphylaxis")
            {
                return true;
            }

            if (tokens[k + 1 < tokens.Count ? k + 1 : k].BreakBefore || tokens[k].Norm is "but" or "and" && k + 1 < first && tokens[k + 1].Norm is "is" or "was" or "takes" or "on")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Words that state their own negation: "NKDA" (no known drug allergies), "NKA" (no known allergies), "nonsmoker",
    /// "nondrinker", "teetotal". Each becomes the negated fact it abbreviates.
    /// </summary>
    private static void SelfNegatingWords(string note, IReadOnlyList<NoteToken> tokens, List<Condition> conditions)
    {
        foreach (var token in tokens)
        {
            var concept = token.Norm switch
            {
                "nkda" or "nkma" when token.HasUpper => DrugAllergy,
                "nka" when token.HasUpper => "allergy",
                "nonsmoker" or "nonsmokers" => Smoking,
                "nondrinker" or "nondrinkers" or "teetotal" or "teetotaler" or "teetotaller" => AlcoholConsumption,
                _ => null,
            };
            if (concept is not null)
            {
                conditions.Add(new Condition { Text = note.Substring(token.Start, token.Length), Concept = concept, Certainty = Certainty.Negated, Span = new SourceSpan(token.Start, token.Length) });
            }
        }
    }

    private static bool CurrentBefore(IReadOnlyList<NoteToken> tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            if (CurrentCues.Contains(tokens[k].Norm))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a sentence names a lymph node and no organ or word of distant spread.</summary>
    private static bool InNodeOnly(IReadOnlyList<NoteToken> tokens)
    {
        var node = false;
        foreach (var token in tokens)
        {
            switch (token.Norm)
            {
                case "node" or "nodes" or "nodal":
                    node = true;
                    break;
                case "liver" or "hepatic" or "lung" or "lungs" or "pulmonary" or "bone" or "bones" or "osseous" or "brain" or "adrenal" or "peritoneal"
                    or "peritoneum" or "pleural" or "pleura" or "skin" or "subcutaneous" or "distant" or "widespread" or "disseminated" or "multiple"
                    or "visceral" or "spine" or "spinal" or "leptomeningeal" or "ovary" or "ovarian" or "omental" or "stage" or "supraclavicular" or "retroperitoneal" or "para" or "paraaortic" or "mediastinal":
                    return false;
            }
        }

        return node;
    }

    /// <summary>"metastatic", "locally advanced", "early-stage", "non-muscle-invasive", "unresectable", "recurrent" just before a cancer's name, as a stage.</summary>
    private static Stage? Descriptors(IReadOnlyList<NoteToken> tokens, int first)
    {
        bool? metastatic = null, locallyAdvanced = null, early = null, unresectable = null, recurrent = null;
        var from = first;
        for (var k = first - 1; k >= 0 && k >= first - 4; k--)
        {
            var word = tokens[k].Norm;
            switch (word)
            {
                // "non-metastatic osteosarcoma", "nonmetastatic": not spread.
                case "metastatic" when k > 0 && tokens[k - 1].Norm == "non":
                    metastatic = false;
                    k--;
                    break;
                case "nonmetastatic":
                    metastatic = false;
                    break;
                // "core biopsy of the axillary node shows metastatic melanoma": a cancer found in a lymph node, the sentence
                // naming no organ beyond the nodes, is regional spread; it says nothing of distant metastases.
                case "metastatic" when InNodeOnly(tokens):
                    continue;
                case "metastatic":
                    metastatic = true;
                    break;
                case "advanced" when k > 0 && tokens[k - 1].Norm == "locally":
                    locallyAdvanced = true;
                    k--;
                    break;
                case "invasive" when k > 1 && tokens[k - 1].Norm == "muscle" && tokens[k - 2].Norm == "non":
                    early = true;
                    k -= 2;
                    break;

                // "high-grade non-invasive papillary urothelial carcinoma": confined to the lining where it started.
                case "invasive" when k > 0 && tokens[k - 1].Norm is "non" or "noninvasive":
                    early = true;
                    k--;
                    break;
                case "noninvasive":
                    early = true;
                    break;
                case "papillary" when k == first - 1:
                    continue;
                case "stage" when k > 0 && tokens[k - 1].Norm == "early":
                    continue;
                case "early" or "localized" or "localised":
                    early = true;
                    break;
                case "unresectable" or "inoperable":
                    unresectable = true;
                    break;
                case "recurrent" or "relapsed" or "refractory":
                    recurrent = true;
                    break;
                case "and" or "or" or "advanced" or "widely" or "newly" or "diagnosed" or "progressive" or "castration" or "castrate" or "hormone" or "resistant" or "sensitive":
                    continue;
                default:
                    k = -1;
                    continue;
            }

            from = k;
            if (tokens[k].BreakBefore)
            {
                break;
            }
        }

        return from == first ? null : new Stage
        {
            Metastatic = metastatic,
            LocallyAdvanced = locallyAdvanced,
            Early = early,
            Unresectable = unresectable,
            Recurrent = recurrent,
            Span = new SourceSpan(tokens[from].Start, tokens[first - 1].End - tokens[from].Start),
        };
    }

    /// <summary>"Hypothyroidism?": a question mark right after a diagnosis marks it as uncertain.</summary>
    private static bool QuestionedAfter(string note, SourceSpan span, int sentenceEnd)
    {
        var i = span.End;
        while (i < note.Length && i <= sentenceEnd && note[i] == ' ')
        {
            i++;
        }

        return i < note.Length && note[i] == '?';
    }

    /// <summary>"TB vaccination", "stroke department", "vasculitis activity score": the concept names something else.</summary>
    /// <summary>The lexicon's matches with cancers named by their place in the organ, which replace what they overlap.</summary>
    /// <summary>
    /// The lexicon's matches with the cancers named with their location in place of those they overlap, unless the plain
    /// match is the more specific cancer ("invasive ductal carcinoma of the left breast" is a ductal carcinoma, not only
    /// a carcinoma of the breast).
    /// </summary>
    private static IEnumerable<LexiconMatch> WithLocatedCancers(List<LexiconMatch> matches, List<LexiconMatch> located)
    {
        if (located.Count == 0)
        {
            return matches;
        }

        var catalog = Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        bool MoreSpecific(LexiconMatch plain, LexiconMatch place) =>
            plain.Entry.Kind == LexiconKind.Cancer && plain.First < place.First && plain.Entry.Extra is { } code && place.Entry.Extra is { } broader
            && !string.Equals(code, broader, StringComparison.OrdinalIgnoreCase) && catalog.IsWithin(code, broader);
        var kept = located.Where(l => !matches.Exists(m => m.First < l.Next && l.First < m.Next && MoreSpecific(m, l))).ToList();
        return matches.Where(m => !kept.Exists(l => m.First < l.Next && l.First < m.Next)).Concat(kept).OrderBy(m => m.First);
    }

    private static bool IsModifier(IReadOnlyList<NoteToken> tokens, LexiconMatch match) =>
        (match.Next < tokens.Count && ModifierHeads.Contains(tokens[match.Next].Norm))
        || (match.Next + 1 < tokens.Count && tokens[match.Next + 1].Norm is "score" or "scale" or "index");

    /// <summary>"sensitive to isoniazid", "resistant to imatinib": a susceptibility result, not a treatment given.</summary>
    private static bool IsSusceptibility(IReadOnlyList<NoteToken> tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 16; k--)
        {
            if (tokens[k].Norm is "sensitive" or "susceptible" or "resistant" or "resistance" or "susceptibility" or "sensitivity")
            {
                return true;
            }
        }

        return false;
    }

    private static string CancerKey(Diagnosis d) => CanonicalCancer(d.Text);

    /// <summary>The canonical name of a cancer diagnosis as the note lexicon knows it ("breast cancer" for "infiltrating ductal breast carcinoma").</summary>
    public static string CanonicalCancer(string text) => NoteLexicon.Default.Lookup(LexiconKind.Cancer, text)?.Canonical ?? text.ToLowerInvariant();

    /// <summary>
    /// One fact per concept and person: the patient's own mentions merge (a stated one wins over a negated or a
    /// hypothetical one, so "no known X ... X confirmed" is X), and a relative's mentions stay separate. With
    /// <paramref name="merge"/>, the first mention also takes in what a later one adds.
    /// </summary>
    private static List<T> Consolidate<T>(List<T> items, Func<T, string> key, Func<T, Certainty> certaintyOf, Func<T, Certainty, T> with, Func<T, T, T>? merge = null)
    {
        var result = new List<T>();
        var positions = new Dictionary<(string, bool), int>();
        foreach (var item in items)
        {
            var certainty = certaintyOf(item);
            var family = certainty == Certainty.FamilyHistory;
            var k = (key(item), family);
            if (!positions.TryGetValue(k, out var at))
            {
                positions[k] = result.Count;
                result.Add(item);
                continue;
            }

            if (merge is not null)
            {
                result[at] = merge(result[at], item);
            }

            var kept = certaintyOf(result[at]);
            if (Rank(certainty) > Rank(kept))
            {
                result[at] = with(result[at], certainty);
            }
        }

        return result;

        static int Rank(Certainty c) => c switch
        {
            Certainty.Asserted => 4,
            Certainty.Historical => 3,
            Certainty.Hypothetical => 2,
            Certainty.Negated => 1,
            Certainty.FamilyHistory => 0,
        };
    }

    private static readonly HashSet<string> GenericCancers = new(StringComparer.Ordinal)
    {
        "cancer", "lymphoma", "leukemia", "astrocytoma", "glioma", "sarcoma",
        "solid tumor", "hematologic malignancy", "myeloid", "lymphoid", "myeloid neoplasm", "lymphoid neoplasm", "acute leukemia", "chronic leukemia",
    };

    /// <summary>
    /// "The tumour", "carcinoma", "lymphoma" add nothing when the note also names the specific cancer, but for a stage: when
    /// the note names one specific cancer of its own, the stage said of the bare word ("biopsies still show lymphoma ...
    /// Lugano stage IE") is that cancer's, unless it has a stage group or TNM of its own.
    /// </summary>
    private static List<Diagnosis> DropGenericCancers(List<Diagnosis> diagnoses)
    {
        bool Own(Diagnosis d) => d.Certainty is Certainty.Asserted or Certainty.Historical;
        var hasSpecific = diagnoses.Any(d => d.Certainty != Certainty.FamilyHistory && !GenericCancers.Contains(CancerKey(d)));
        if (!hasSpecific)
        {
            return diagnoses;
        }

        var kept = diagnoses.Where(d => d.Certainty == Certainty.FamilyHistory || !GenericCancers.Contains(CancerKey(d))).ToList();
        var specific = kept.Where(d => Own(d)).Select(CancerKey).Distinct(StringComparer.Ordinal).Count() == 1 ? kept.FindIndex(d => Own(d)) : -1;
        var staged = diagnoses.LastOrDefault(d => Own(d) && GenericCancers.Contains(CancerKey(d)) && (d.Stage?.Group is not null || d.Stage?.T is not null));
        if (specific >= 0 && staged is not null && kept[specific].Stage?.Group is null && kept[specific].Stage?.T is null)
        {
            kept[specific] = kept[specific] with { Stage = Merge(kept[specific].Stage, staged.Stage!) };
        }

        return kept;
    }

    /// <summary>
    /// "Peripheral T-cell lymphoma, not otherwise specified ... relapsed PTCL-NOS": one cancer named twice, once by a
    /// broader type. The narrower diagnosis stays, with what the broader mention said of the stage.
    /// </summary>
    private static List<Diagnosis> Narrowest(List<Diagnosis> diagnoses)
    {
        var catalog = Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        var result = diagnoses.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var broad = result[i];
            if (broad.Certainty is not (Certainty.Asserted or Certainty.Historical) || broad.OncoTreeCode is not { } broadCode)
            {
                continue;
            }

            var narrower = result.FindIndex(d => d != broad && d.Certainty is Certainty.Asserted or Certainty.Historical && d.OncoTreeCode is { } code
                && !string.Equals(code, broadCode, StringComparison.OrdinalIgnoreCase)
                && ((catalog.IsWithin(code, broadCode) && !catalog.IsGroup(broadCode)) || NamedAsAKindOf(catalog, code, broadCode)));
            if (narrower < 0)
            {
                continue;
            }

            var kept = result[narrower];
            result[narrower] = kept with { Stage = MergeStage(broad.Stage, kept.Stage) };
            result.RemoveAt(i);
            i = -1;
        }

        return result;
    }

    /// <summary>
    /// "A diffuse large B-cell lymphoma ... so this is a primary CNS lymphoma": a type whose OncoTree name names another
    /// type ("Primary DLBCL of the central nervous system") is a form of it, though OncoTree files the two side by side.
    /// </summary>
    private static bool NamedAsAKindOf(Vocabulary.CancerTypeCatalog catalog, string code, string other)
    {
        if (catalog.Find(code)?.Name is not { } name)
        {
            return false;
        }

        // The name from each of its words on, so that a shorter name inside it is found and not only the whole.
        foreach (var start in Vocabulary.Tokenizer.Tokenize(name).Skip(1).Select(t => t.Start))
        {
            var rest = name[start..];
            if (catalog.Names.FindAll(rest, Vocabulary.Tokenizer.Tokenize(rest)).Exists(m => string.Equals(m.Value, other, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="Merge"/>, and the group and TNM categories the narrower mention does not state.</summary>
    private static Stage? MergeStage(Stage? broader, Stage? narrower) => broader is null ? narrower : narrower is null ? broader : Merge(broader, narrower) with
    {
        Group = narrower.Group ?? broader.Group,
        T = narrower.T ?? broader.T,
        N = narrower.N ?? broader.N,
        M = narrower.M ?? broader.M,
    };

    /// <summary>
    /// "A 4 cm mass in the right upper lobe ... the biopsy shows adenocarcinoma": a note that names no specific cancer but
    /// places a tumour in one organ and says its histology names the cancer by the two together
    /// (<see cref="OrganAndHistology"/>); the bare "tumour" or "carcinoma" it replaces gives it its stage and certainty.
    /// </summary>
    private static List<Diagnosis> WithOrganAndHistology(NoteLexicon lexicon, List<Diagnosis> diagnoses, List<(OrganAndHistology.Organ Organ, SourceSpan Span)> places, (string Histology, SourceSpan Span)? histology)
    {
        var catalog = Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        var own = diagnoses.Where(d => d.Certainty is not (Certainty.FamilyHistory or Certainty.Negated)).ToList();
        string? CodeOf(Diagnosis d) => GenericCancers.Contains(CancerKey(d)) ? null : d.OncoTreeCode ?? catalog.Resolve(d.Text);
        var named = own.Select(CodeOf).OfType<string>().Where(c => c != Vocabulary.CancerTypeCatalog.Root).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count > 1 || own.Exists(d => CodeOf(d) is null && !GenericCancers.Contains(CancerKey(d))))
        {
            return diagnoses;
        }

        // "An ulcerated tumour of the distal oesophagus ... biopsies show adenocarcinoma": the organ's cancer is named, and
        // the histology makes it the narrower one.
        var replaced = own.Where(d => d.Certainty is Certainty.Asserted or Certainty.Historical).ToList();
        if (OrganAndHistology.Compose(lexicon, places, histology, replaced.Count > 0) is not { } read
            || (named.Count == 1 && (string.Equals(read.Code, named[0], StringComparison.OrdinalIgnoreCase) || !catalog.IsWithin(read.Code, named[0]))))
        {
            return diagnoses;
        }

        var first = replaced.Find(d => CodeOf(d) is not null && d.Certainty == Certainty.Asserted) ?? replaced.Find(d => CodeOf(d) is not null)
            ?? replaced.Find(d => d.Certainty == Certainty.Asserted) ?? replaced.FirstOrDefault();
        var namedFirst = first is not null && CodeOf(first) is not null;
        var composed = new Diagnosis
        {
            Text = namedFirst ? first!.Text : read.Name,
            OncoTreeCode = read.Code,
            Histology = read.Histology is "cancer" ? read.Entry.Detail : read.Histology,
            Certainty = first?.Certainty ?? Certainty.Asserted,
            IsPrimary = true,
            Stage = replaced.Aggregate((Stage?)null, (stage, d) => MergeStage(stage, d.Stage)),
            Span = namedFirst ? first!.Span : read.Span,
        };
        return [.. diagnoses.Where(d => !replaced.Contains(d)), composed];
    }

    private static List<Condition> DropGeneric(List<Condition> conditions)
    {
        var concepts = conditions.Where(c => c.Certainty != Certainty.FamilyHistory).Select(c => c.Concept).ToHashSet(StringComparer.Ordinal);
        return conditions.Where(c => !(c.Concept == "diabetes mellitus" && c.Certainty != Certainty.FamilyHistory
            && concepts.Any(other => other is not null && other != c.Concept && other.EndsWith("diabetes mellitus", StringComparison.Ordinal)))).ToList();
    }

    private static Stage Merge(Stage? existing, Stage stated) => existing is null
        ? stated
        : stated with
        {
            Metastatic = stated.Metastatic ?? existing.Metastatic,
            LocallyAdvanced = stated.LocallyAdvanced ?? existing.LocallyAdvanced,
            Early = stated.Early ?? existing.Early,
            Unresectable = stated.Unresectable ?? existing.Unresectable,
            Recurrent = stated.Recurrent ?? existing.Recurrent,
        };

    private static IEnumerable<MetastaticSite> Metastases(IReadOnlyList<NoteToken> tokens, NoteLexicon lexicon, PatientSex? sex)
    {
        var sites = lexicon.Find(tokens, LexiconKind.MetastaticSite);
        var siteWords = sites.SelectMany(s => Enumerable.Range(s.First, s.Count)).ToHashSet();
        foreach (var site in sites)
        {
            var after = site.Next < tokens.Count ? tokens[site.Next].Norm : "";
            var after2 = site.Next + 1 < tokens.Count ? tokens[site.Next + 1].Norm : "";
            // "bone and liver metastases", "lung, liver and nodal metastases": sites joined before one metastasis word.
            var chain = site.Next;
            while (chain < tokens.Count && chain < site.Next + 8 && (siteWords.Contains(chain) || tokens[chain].Norm is "and" or "or"))
            {
                chain++;
            }

            var chained = chain > site.Next && chain < tokens.Count && IsMetastasisWord(tokens[chain].Norm) && !tokens[chain].BreakBefore;
            var isMetWord = IsMetastasisWord(after) || (after is "and" or "or" && IsMetastasisWord(after2)) || chained;
            var toBefore = false;
            for (var k = site.First - 1; k >= 0 && k >= site.First - 8; k--)
            {
                var w = tokens[k].Norm;
                // "Metastases to the liver", "spread to the bones", "sclerotic metastases in the spine, pelvis and ribs".
                if ((w == "to" || (w is "in" or "within" or "throughout" or "involving" && k > 0 && IsMetastasisWord(tokens[k - 1].Norm)))
                    && k > 0 && (IsMetastasisWord(tokens[k - 1].Norm) || tokens[k - 1].Norm is "spread" or "metastasized" or "metastasised"))
                {
                    toBefore = true;
                    break;
                }

                // "Spread to retroperitoneal nodes and the lungs": a place's adjective between "to" and the site.
                if (w is not ("and" or "or" or "the" or "both" or "multiple" or "bilateral" or "left" or "right" or "several") && !siteWords.Contains(k) && !PlaceAdjective().IsMatch(w))
                {
                    break;
                }
            }

            if (!isMetWord && !toBefore)
            {
                continue;
            }

            var certainty = CertaintyScope.Of(tokens, site.First, site.Next, sex);
            var end = chained && !IsMetastasisWord(after) ? chain : isMetWord ? site.Next + (after is "and" or "or" ? 1 : 0) : site.Next - 1;
            var start = tokens[site.First].Start;
            var rest = tokens.Skip(site.Next).Take(8).Select(t => t.Norm).ToList();
            yield return new MetastaticSite
            {
                Site = site.Entry.Canonical,
                TreatedAndStable = rest.Contains("stable") && (rest.Contains("treated") || rest.Contains("irradiated") || rest.Contains("resected")) ? true
                    : rest.Contains("untreated") || rest.Contains("progressing") || rest.Contains("active") ? false : null,
                Symptomatic = rest.Contains("asymptomatic") ? false : rest.Contains("symptomatic") ? true : null,
                Certainty = certainty == Certainty.Historical ? Certainty.Asserted : certainty,
                Span = new SourceSpan(start, tokens[Math.Min(end, tokens.Count - 1)].End - start),
            };
        }
    }

    [GeneratedRegex(@"^(?:retroperitoneal|para-?aortic|paraaortic|mediastinal|hilar|axillary|cervical|supraclavicular|inguinal|pelvic|abdominal|regional|distant|iliac|peritoneal|pleural|contralateral|ipsilateral|upper|lower)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAdjective();

    /// <summary>"until two months ago", "until last year", "until March": the drug was stopped at a time now past.</summary>
    private static bool StoppedSince(IReadOnlyList<NoteToken> tokens, int next)
    {
        if (next >= tokens.Count || tokens[next].Norm != "until" || tokens[next].BreakBefore)
        {
            return false;
        }

        for (var k = next + 1; k < tokens.Count && k <= next + 4; k++)
        {
            if (tokens[k].Norm is "ago" or "last" or "recently" or "previously")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMetastasisWord(string word) => word is "mets" or "met" or "metastasis" or "metastases" or "metastatic" or "metastasic";

    private static IEnumerable<Therapy> Therapies(string note, IReadOnlyList<NoteToken> tokens, NoteLexicon lexicon, List<SourceSpan> labSpans, PatientSex? sex)
    {
        var matches = lexicon.Find(tokens, LexiconKind.Drug, LexiconKind.Procedure).ToList();
        foreach (var match in matches)
        {
            if (IsPurposeOfDrug(tokens, matches, match))
            {
                continue;
            }

            var span = SpanOf(tokens, match);
            // "Strong oestrogen receptor expression", "testosterone levels": the hormone's receptor or level, not a drug given.
            if (labSpans.Any(l => Overlaps(l, span)) || IsSusceptibility(tokens, match.First)
                || (match.Next < tokens.Count && tokens[match.Next].Norm is "receptor" or "receptors" or "level" or "levels"))
            {
                continue;
            }

            var certainty = CertaintyScope.Of(tokens, match.First, match.Next, sex);
            if (certainty == Certainty.FamilyHistory)
            {
                continue;
            }

            var progressed = ProgressedOn(tokens, match);
            var current = false;
            for (var k = match.First - 1; k >= 0 && k >= match.First - 4; k--)
            {
                // "takes aspirin and had hydroxyurea": a verb of the past between the cue and the drug is the drug's own.
                if (tokens[k].Norm is "had" or "received" or "took" or "completed" or "stopped" or "discontinued")
                {
                    break;
                }

                if (CurrentCues.Contains(tokens[k].Norm))
                {
                    current = tokens[k].Norm != "on" || progressed != true;
                    break;
                }
            }

            // "had hydroxyurea until two months ago", "on imatinib until last year": taken until a time now past.
            if (current && StoppedSince(tokens, match.Next))
            {
                current = false;
            }

            var kind = match.Entry.Kind == LexiconKind.Drug ? TherapyKind.Drug : match.Entry.Extra switch
            {
                "radiotherapy" => TherapyKind.Radiotherapy,
                "surgery" => TherapyKind.Surgery,
                _ => TherapyKind.Procedure,
            };
            yield return new Therapy
            {
                Name = match.Entry.Canonical,
                Kind = kind,
                Classes = match.Entry.Kind == LexiconKind.Drug && match.Entry.Extra is { } classes ? classes.Split(',', StringSplitOptions.TrimEntries) : [],
                Cycles = Cycles(tokens, match),
                Line = Line(tokens, match),
                IsCurrent = certainty is Certainty.Asserted or Certainty.Historical ? current : null,
                ProgressedOn = progressed,
                Certainty = certainty == Certainty.Asserted && !current ? Certainty.Historical : certainty == Certainty.Historical && current ? Certainty.Asserted : certainty,
                Span = span,
                Site = kind == TherapyKind.Radiotherapy ? Vocabulary.RadiotherapyFields.Around(note, span.Start, span.Start + span.Length) : null,
            };
        }
    }


    /// <summary>
    /// "Hydroxycarbamide for cytoreduction", "dexamethasone for debulking": a procedure word after a drug and "for" says
    /// what the drug was given for; no operation was done.
    /// </summary>
    private static bool IsPurposeOfDrug(IReadOnlyList<NoteToken> tokens, List<LexiconMatch> matches, LexiconMatch match)
    {
        if (match.Entry.Kind != LexiconKind.Procedure || match.First < 2 || tokens[match.First - 1].Norm != "for")
        {
            return false;
        }

        var forAt = match.First - 1;
        return matches.Exists(m => m.Entry.Kind == LexiconKind.Drug && m.Next <= forAt && m.Next >= forAt - 4
            && Enumerable.Range(m.Next, forAt - m.Next).All(k => !tokens[k].Norm.Any(c => c is '.' or ';') && tokens[k].Norm is not ("and" or "then" or "followed" or "before" or "after")));
    }

    /// <summary>
    /// A drug named twice ("first line osimertinib ... now progressing on osimertinib") is one therapy: progression
    /// stated at any mention is kept on it.
    /// </summary>
    private static List<Therapy> ProgressionOfAnyMention(List<Therapy> consolidated, List<Therapy> mentions) =>
        consolidated.Select(t => t.ProgressedOn is null && mentions.Any(m => m.Name == t.Name && m.Kind == t.Kind && m.ProgressedOn == true)
            ? t with { ProgressedOn = true }
            : t).ToList();

    private static int? Cycles(IReadOnlyList<NoteToken> tokens, LexiconMatch match)
    {
        for (var k = match.First - 1; k >= 1 && k >= match.First - 4; k--)
        {
            if (tokens[k].Norm is "cycles" or "cycle" or "courses")
            {
                return NumberAt(tokens[k - 1].Norm);
            }
        }

        for (var k = match.Next; k + 1 < tokens.Count && k < match.Next + 3; k++)
        {
            if (tokens[k].Norm == "x" && NumberAt(tokens[k + 1].Norm) is { } n && k + 2 < tokens.Count && tokens[k + 2].Norm is "cycles" or "cycle")
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>"first-line carboplatin", "2L docetaxel", "docetaxel as second line".</summary>
    private static int? Line(IReadOnlyList<NoteToken> tokens, LexiconMatch match)
    {
        static int? Ordinal(string word) => word switch
        {
            "first" or "1st" or "1l" => 1,
            "second" or "2nd" or "2l" => 2,
            "third" or "3rd" or "3l" => 3,
            "fourth" or "4th" or "4l" => 4,
            _ => null,
        };

        for (var k = match.First - 1; k >= 0 && k >= match.First - 3; k--)
        {
            if (Ordinal(tokens[k].Norm) is { } n && (tokens[k].Norm.EndsWith('l') || (k + 1 < tokens.Count && tokens[k + 1].Norm == "line")))
            {
                return n;
            }
        }

        for (var k = match.Next; k + 1 < tokens.Count && k <= match.Next + 2; k++)
        {
            if (Ordinal(tokens[k].Norm) is { } n && tokens[k + 1].Norm == "line")
            {
                return n;
            }
        }

        return null;
    }

    private static int? NumberAt(string word) =>
        NumberWords.TryGetValue(word, out var n) ? n : int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) && d is > 0 and < 100 ? d : null;

    private static bool? ProgressedOn(IReadOnlyList<NoteToken> tokens, LexiconMatch match)
    {
        for (var k = match.First - 1; k >= 0 && k >= match.First - 3; k--)
        {
            if (tokens[k].Norm is "refractory" or "failed" or "resistant")
            {
                return true;
            }

            if (tokens[k].Norm is "progressed" or "progression" or "relapsed" or "relapse" or "recurred")
            {
                return IsDeniedOrFree(tokens, k) ? null : true;
            }
        }

        // "Hydroxyurea resistance", "platinum-refractory", "imatinib failure": the drug's own failure, after it.
        if (match.Next < tokens.Count && tokens[match.Next].Norm is "resistance" or "resistant" or "refractory" or "failure"
            && !(match.First > 0 && tokens[match.First - 1].Norm is "no" or "not" or "without" or "of"))
        {
            return true;
        }

        // "progressed after 18 months of letrozole", "relapsed after six cycles of docetaxel": a duration between.
        for (var k = match.First - 1; k >= 0 && k >= match.First - 6; k--)
        {
            var word = tokens[k].Norm;
            if (word is "progressed" or "relapsed" or "recurred" or "rose")
            {
                return k + 1 < match.First && tokens[k + 1].Norm is "after" or "on" or "during" or "despite" && !IsDeniedOrFree(tokens, k) ? true : null;
            }

            if (!(tokens[k].IsNumber || NumberWords.ContainsKey(word) || word is "after" or "on" or "of" or "during" or "despite" or "month" or "months" or "year" or "years" or "week" or "weeks" or "cycle" or "cycles" or "courses"))
            {
                break;
            }
        }

        // "Progressive disease in the lung and liver on osimertinib", "progression of the nodes despite nivolumab": the
        // drug right after "on", "despite" or "during", and a progression word earlier in the same sentence that is
        // not denied ("no progression") and not "progression-free".
        var before = match.First - 1;
        if (before >= 1 && tokens[before].Norm is "on" or "despite" or "during")
        {
            for (var k = before - 1; k >= 0 && k >= before - 8; k--)
            {
                if (tokens[k].Norm is "progressive" or "progressing" or "progressed" or "progression")
                {
                    return IsDeniedOrFree(tokens, k) ? null : true;
                }
            }
        }

        return null;
    }

    /// <summary>"No progression", "no evidence of progression", "progression free": the word does not say the disease progressed.</summary>
    private static bool IsDeniedOrFree(IReadOnlyList<NoteToken> tokens, int k) =>
        (k > 0 && tokens[k - 1].Norm is "no" or "not" or "without")
        || (k > 2 && tokens[k - 3].Norm is "no" && tokens[k - 2].Norm is "evidence" or "sign" or "signs" && tokens[k - 1].Norm is "of")
        || (k + 1 < tokens.Count && tokens[k + 1].Norm is "free");

    private static Fact<bool>? Pregnancy(string note, NoteSentence sentence, IReadOnlyList<NoteToken> tokens, PatientSex? sex)
    {
        var slice = note[sentence.Start..sentence.End];
        var negative = NotPregnant().Match(slice);
        if (negative.Success)
        {
            return new Fact<bool>(false, Certainty.Negated, new SourceSpan(sentence.Start + negative.Index, negative.Length));
        }

        var positive = Pregnant().Match(slice);
        if (!positive.Success || slice.Contains("born", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var index = tokens.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Start >= sentence.Start + positive.Index).i;
        var certainty = CertaintyScope.Of(tokens, index, index + 1, sex);
        return certainty switch
        {
            Certainty.Negated => new Fact<bool>(false, Certainty.Negated, new SourceSpan(sentence.Start + positive.Index, positive.Length)),
            Certainty.Asserted => new Fact<bool>(true, Certainty.Asserted, new SourceSpan(sentence.Start + positive.Index, positive.Length)),
            _ => null,
        };
    }

    [GeneratedRegex(@"\b(?:not|no|neither|nor)\s+(?:currently\s+)?(?:pregnant|pregnancy)\s*(?:,\s*)?(?:or|nor|and)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedPair();

    private static Fact<bool>? BreastfeedingFact(string note, NoteSentence sentence)
    {
        var slice = note[sentence.Start..sentence.End];
        var m = Breastfeeding().Match(slice);
        if (!m.Success)
        {
            return null;
        }

        var span = new SourceSpan(sentence.Start + m.Index, m.Length);
        var before = slice[..m.Index].TrimEnd();
        // "is not pregnant or breastfeeding", "neither pregnant nor lactating": the denial reaches over the pair.
        if (m.Value.StartsWith("not", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" no", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" not", StringComparison.OrdinalIgnoreCase)
            || DeniedPair().IsMatch(before))
        {
            return new Fact<bool>(false, Certainty.Negated, span);
        }

        if (before.EndsWith(" is", StringComparison.OrdinalIgnoreCase) && m.Value.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new Fact<bool>(true, m.Value.EndsWith("ed", StringComparison.OrdinalIgnoreCase) ? Certainty.Historical : Certainty.Asserted, span);
    }

    private static SourceSpan SpanOf(IReadOnlyList<NoteToken> tokens, LexiconMatch match) =>
        new(tokens[match.First].Start, tokens[match.Next - 1].End - tokens[match.First].Start);

    private static bool Overlaps(SourceSpan a, SourceSpan b) => a.Start < b.End && b.Start < a.End;
}
