using System.Text.RegularExpressions;
using TrialAccess.Numbers;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// The setting of the cancer as the note states it (<see cref="SettingStatement"/>): "newly diagnosed", "has received no
/// systemic therapy", "relapsed", "four prior lines", "refractory to", "castration-resistant", "platinum-sensitive",
/// "recurrence 30 months after her last platinum dose". A statement about a relative, or one that is denied ("no
/// evidence of recurrence") or hypothetical, is not the patient's setting.
/// </summary>
internal static partial class SettingExtractor
{
    public static IEnumerable<SettingStatement> Extract(string note, NoteSentence sentence, PatientSex? sex)
    {
        var slice = note[sentence.Start..sentence.End];
        var tokens = sentence.Tokens;

        // The certainty of the words at a match: a relative's setting is not the patient's; a denied or hypothetical one
        // is not stated (patterns of absence, "no prior therapy", are read whatever the scope says of their words).
        Certainty CertaintyAt(Match m)
        {
            var start = sentence.Start + m.Index;
            var first = -1;
            var next = -1;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (first < 0 && tokens[i].End > start)
                {
                    first = i;
                }

                if (tokens[i].Start < start + m.Length)
                {
                    next = i + 1;
                }
            }

            return first < 0 || next <= first ? Certainty.Asserted : CertaintyScope.Of(tokens, first, next, sex);
        }

        SettingStatement At(DiseaseSetting setting, Match m, int? lines = null) => new(setting, new SourceSpan(sentence.Start + m.Index, m.Length), lines);

        foreach (Match m in NewlyDiagnosed().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.NewlyDiagnosed, m);
            }
        }

        // A pattern of absence ("no residual disease") is read whatever the scope says of its words.
        foreach (Match m in Resected().Matches(slice))
        {
            if (CertaintyAt(m) != Certainty.FamilyHistory)
            {
                yield return At(DiseaseSetting.Resected, m);
            }
        }

        foreach (Match m in slice.AsSpan().ContainsAny(OperableWords) ? Operable().Matches(slice) : (IEnumerable<Match>)[])
        {
            if (CertaintyAt(m) is not (Certainty.Negated or Certainty.FamilyHistory))
            {
                yield return At(DiseaseSetting.Operable, m);
            }
        }

        // "No systemic treatment since the chemoradiation": nothing since an earlier treatment, which the record names.
        foreach (Match m in Untreated().Matches(slice))
        {
            if (CertaintyAt(m) != Certainty.FamilyHistory && !SinceAfter().IsMatch(slice, m.Index + m.Length))
            {
                yield return At(DiseaseSetting.Untreated, m);
            }
        }

        foreach (Match m in Relapsed().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.Relapsed, m);
            }
        }

        // "Remains in first complete remission", "achieved CR1": a first treatment worked and nothing has come back. A second
        // or later remission ("in CR2") follows a relapse.
        foreach (Match m in Remission().Matches(slice))
        {
            // "CT shows no evidence of disease, a complete response to first-line chemotherapy": the denial ends at the
            // comma; the response is stated.
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical
                || (m.Groups["response"].Success && !DeniedInClause().IsMatch(slice.AsSpan(0, m.Index))))
            {
                yield return At(m.Groups["later"].Success ? DiseaseSetting.Relapsed : DiseaseSetting.FirstRemission, m);
            }
        }

        // "A partial response after four cycles", "stable disease on", "started maintenance atezolizumab": the treatment is
        // controlling the disease (whether a later word says it stopped doing so is the reader's business).
        foreach (Match m in Responding().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.Responding, m);
            }
        }

        // "Has not yet had any salvage treatment", "salvage chemotherapy with ICE": salvage treats a disease that came back
        // or did not respond, so it says the disease relapsed whether the salvage was given or is still to come.
        foreach (Match m in Salvage().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical or Certainty.Negated)
            {
                yield return At(DiseaseSetting.Relapsed, m);
            }
        }

        foreach (Match m in PriorLines().Matches(slice))
        {
            if (CertaintyAt(m) is not (Certainty.Asserted or Certainty.Historical))
            {
                continue;
            }

            var count = Count(m.Groups["n"].Value);
            if (count is null or > 0)
            {
                yield return At(DiseaseSetting.PreviouslyTreated, m, count);
            }
        }

        foreach (Match m in Refractory().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.PreviouslyTreated, m);
            }
        }

        // "BCG-unresponsive", "imatinib-resistant", "lenalidomide-refractory": the cancer progressed on that drug.
        foreach (Match m in slice.AsSpan().ContainsAny(FailedWords) ? DrugFailed().Matches(slice) : (IEnumerable<Match>)[])
        {
            var drug = m.Groups["drug"].Value;
            if (NoteLexicon.Default.Find(NoteText.Tokenize(drug, 0, drug.Length), LexiconKind.Drug) is [{ First: 0 } found] && found.Next == NoteText.Tokenize(drug, 0, drug.Length).Count
                && CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.PreviouslyTreated, m);
            }
        }

        foreach (Match m in Castration().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(m.Groups["resistant"].Success ? DiseaseSetting.CastrationResistant : DiseaseSetting.CastrationSensitive, m);
            }
        }

        foreach (Match m in RiskGroups.Group().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(m.Groups["low"].Success ? DiseaseSetting.LowerRisk : m.Groups["mid"].Success ? DiseaseSetting.IntermediateRisk : DiseaseSetting.HigherRisk, m);
            }
        }

        foreach (Match m in GradeAndPhase.Grade().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(m.Groups["low"].Success ? DiseaseSetting.LowGrade : DiseaseSetting.HighGrade, m);
            }
        }

        // The patient cannot have the operation; the form carries its own negation ("not fit for oesophagectomy").
        foreach (Match m in slice.AsSpan().ContainsAny(InoperableWords) ? MedicallyInoperable().Matches(slice) : (IEnumerable<Match>)[])
        {
            if (CertaintyAt(m) != Certainty.FamilyHistory)
            {
                yield return At(DiseaseSetting.MedicallyInoperable, m);
            }
        }

        // The unfit form carries its own negation ("not a candidate for transplant"), so only the fit form asks for certainty.
        foreach (Match m in TransplantFitness.Fitness().Matches(slice))
        {
            if (m.Groups["unfit"].Success)
            {
                yield return At(DiseaseSetting.TransplantIneligible, m);
            }
            else if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.TransplantEligible, m);
            }
        }

        foreach (Match m in slice.Contains("cisplatin", StringComparison.OrdinalIgnoreCase) ? CisplatinFitness.Fitness().Matches(slice) : (IEnumerable<Match>)[])
        {
            if (m.Groups["unfit"].Success)
            {
                yield return At(DiseaseSetting.CisplatinIneligible, m);
            }
            else if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(DiseaseSetting.CisplatinEligible, m);
            }
        }

        foreach (Match m in GradeAndPhase.Phase().Matches(slice))
        {
            if (CertaintyAt(m) is Certainty.Asserted or Certainty.Historical)
            {
                yield return At(m.Groups["chronic"].Success ? DiseaseSetting.ChronicPhase : DiseaseSetting.AdvancedPhase, m);
            }
        }

        foreach (Match m in Platinum().Matches(slice))
        {
            if (CertaintyAt(m) is not (Certainty.Asserted or Certainty.Historical))
            {
                continue;
            }

            if (m.Groups["resistant"].Success)
            {
                yield return At(DiseaseSetting.PlatinumResistant, m);
            }
            else if (m.Groups["sensitive"].Success)
            {
                yield return At(DiseaseSetting.PlatinumSensitive, m);
            }
            else if (Count(m.Groups["months"].Value) is { } months)
            {
                // The platinum-free interval: six months or more is platinum-sensitive.
                yield return At(months >= 6 ? DiseaseSetting.PlatinumSensitive : DiseaseSetting.PlatinumResistant, m);
            }
        }
    }

    private static int? Count(string word) => word.ToLowerInvariant() switch
    {
        "" => null,
        "a" or "single" => 1,
        var count => NumberText.CountOrNull(count),
    };

    // "newly diagnosed glioblastoma", "was just diagnosed with", "de novo metastatic", "diagnosed this week", "diagnosed
    // ten days ago"; not "newly diagnosed brain metastases", nor "the relapse was diagnosed last week".
    [GeneratedRegex(@"\b(?:(?:newly|just|recently)[- ](?:been\s+)?diagnosed|new\s+diagnosis\s+of)\b(?!\s+(?:with\s+)?(?:\w+[- ]){0,2}?(?:metasta|mets\b|recurren|relaps|progress))|\bde[- ]novo\s+(?:metastatic|stage\s+(?:IV|4)|advanced)|(?<!\b(?:metastas[ie]s|metastatic\s+disease|mets|relapse|recurrence|progression|spread)\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?)\bdiagnosed\s+(?:(?:this|last)\s+(?:week|month)|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:days?|weeks?)\s+ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NewlyDiagnosed();

    // "has received no systemic therapy yet", "has not received chemotherapy", "has never been treated", "No prior
    // treatment", "has not started chemotherapy", "treatment-naive", "previously untreated", "no treatment so far", "stage II
    // oral cavity cancer, untreated", "has had no antileukaemic treatment"; not a named drug the patient
    // has not had ("has not had lenvatinib"), nor untreated brain metastases.
    [GeneratedRegex(@"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:treated\b|started\s+(?:any\s+)?(?:treatment|therapy|chemotherapy|chemo)\b)|\b(?:not|never)\s+(?:yet\s+)?(?:been\s+given|received|had|undergone)\s+(?:any\s+)?(?:prior\s+|previous\s+)?(?:systemic\s+|anti-?cancer\s+|cytotoxic\s+|anti-?(?:leuka?emic|neoplastic|tumou?r|lymphoma|myeloma)\s+|(?:cancer|lymphoma|leuka?emia|myeloma|sarcoma|tumou?r)\s+)?(?:treatment|therapy|therapies|chemotherapy|chemo)\b|\b(?:received|had|undergone|with)\s+no\s+(?:prior\s+|previous\s+)?(?:systemic\s+|anti-?cancer\s+|cytotoxic\s+|cancer[- ]directed\s+|anti-?(?:leuka?emic|neoplastic|tumou?r|lymphoma|myeloma)\s+|(?:cancer|lymphoma|leuka?emia|myeloma|sarcoma|tumou?r)\s+)?(?:treatment|therapy|therapies|chemotherapy|chemo)\b|(?:^|[.;:]\s*|\b(?:and|with)\s+)no\s+(?:prior|previous)\s+(?:systemic\s+|anti-?cancer\s+)?(?:treatment|therapy|therapies|chemotherapy)\b|\b(?:treatment|therapy|chemotherapy|chemo)[- ]na[iï]ve\b|\bpreviously\s+untreated\b|\bno\s+(?:(?:cancer|systemic|anti-?cancer)\s+)?(?:treatment|therapy)\s+(?:so\s+far|yet|to\s+date)\b|\b(?:cancer|carcinoma|disease|lymphoma|leuka?emia|myeloma|sarcoma|tumou?r)\s*,\s*untreated\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Untreated();

    [GeneratedRegex(@"\G(?:\s+(?:for\s+(?:it|this|the\s+\w+)|of\s+any\s+kind))?\s+(?:since|after|following|beyond)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceAfter();

    // "resected with clear margins", "negative surgical margins", "R0 resection", "complete resection", "no residual or
    // metastatic disease", "no evidence of disease", "NED"; not "no evidence of metastatic disease" alone (a staging
    // result, said of unresected tumours too) nor "incomplete resection".
    [GeneratedRegex(@"\b(?:clear|negative|free|uninvolved|tumou?r[- ]free)\s+(?:surgical\s+|resection\s+|circumferential\s+|radial\s+)?margins?\b|\bmargins?\s+(?:(?:were|was|are|is)\s+)?(?:clear|negative|free|uninvolved)\b|\bR0(?:\s+resection)?\b|(?<!in)\bcomplete(?:ly)?\s+(?:surgical(?:ly)?\s+)?(?:resect(?:ed|ion)|excised|excision|removed)\b|\bno\s+(?:gross\s+|microscopic\s+|radiologic(?:al)?\s+)?(?:evidence\s+of\s+)?residual\s+(?:or\s+(?:metastatic|distant|recurrent|new)\s+)?(?:disease|tumou?r|cancer)\b|\bno\s+evidence\s+of\s+(?:residual\s+|recurrent\s+)?disease\b|\b(?-i:NED)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Resected();

    /// <summary>
    /// The cancer is to be operated on: "resectable", "operable" (not "unresectable", "borderline resectable"), surgery
    /// or an "-ectomy" planned or scheduled, a candidate for it, or a plan that ends in it ("recommends preoperative
    /// radiotherapy followed by wide local excision").
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:un|non-?|in|borderline\s+|potentially\s+))\b(?:resectable|operable)\b|\b(?:surgery|resection|[a-z]{2,20}ectomy|operation)\s+(?:is|was|has\s+been)\s+(?:planned|scheduled|recommended|proposed)\b|\b(?:planned|scheduled|listed|booked)\s+for\s+(?:(?:a|an|the|radical|curative|total|partial|elective)\s+)*(?:surgery|resection|[a-z]{2,20}ectomy)\b|\bcandidate\s+for\s+(?:(?:a|an|radical|curative|total|partial)\s+)*(?:surgery|resection|[a-z]{2,20}ectomy)\b|\b(?:recommends?|recommended|recommending|plans?|planned|planning|proposes?|proposed|scheduled|will\s+(?:have|undergo|receive)|(?:is|are)\s+to\s+(?:have|undergo|receive|be\s+offered))\b[^.;]{0,80}?\b(?:followed\s+by|then|before)\s+(?:(?:a|an|the|radical|curative|total|partial|wide|local|definitive|surgical)\s+)*(?:surgery|resection|excision|[a-z]{2,20}ectomy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Operable();

    /// <summary>
    /// "Medically inoperable", "not fit for oesophagectomy", "unfit for surgery", "not a surgical candidate": an operation
    /// on the cancer is ruled out for the patient (not "not fit for cholecystectomy", another operation).
    /// </summary>
    [GeneratedRegex(@"\bmedically\s+(?:inoperable|unfit\s+for\s+surgery)\b|\bnot\s+(?:an?\s+)?(?:suitable\s+)?surgical\s+candidate\b|\b(?:not\s+(?:medically\s+)?fit|unfit|not\s+(?:an?\s+)?(?:suitable\s+|surgical\s+)?candidate)\s+for\s+(?:an?\s+|any\s+|radical\s+|curative\s+|major\s+)*(?:surgery|surgical\s+resection|resection|operation|(?!chole|append|tonsil|adenoid)[a-z]{3,20}ectomy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MedicallyInoperable();

    /// <summary>Every match of <see cref="MedicallyInoperable"/> holds one of these.</summary>
    private static readonly System.Buffers.SearchValues<string> InoperableWords = System.Buffers.SearchValues.Create(["inoperable", "fit for", "surgical candidate", "candidate for"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Every match of <see cref="Operable"/> holds one of these: the pattern runs only on a slice that does.</summary>
    private static readonly System.Buffers.SearchValues<string> OperableWords = System.Buffers.SearchValues.Create(
        ["resectable", "operable", "plan", "scheduled", "recommend", "propose", "listed", "booked", "candidate", "will", "to have", "to undergo", "to receive", "to be offered"], StringComparison.OrdinalIgnoreCase);

    // "relapsed after R-CHOP", "peritoneal recurrence", "in first relapse", "recurrent glioblastoma", "progressed after
    // eight months"; not a risk of recurrence, a recurrence-free interval or a recurrent infection.
    [GeneratedRegex(@"(?<!\b(?:risk|rates?|chance|probability|fear|signs?|evidence|time|free)\s+(?:of|to)\s+(?:\w+\s+)?)\b(?:relapsed|relapses?|recurred|recurrences?|recurrent\s+(?:[\w-]+\s+){0,4}?(?:cancer|carcinoma|disease|tumou?r|malignancy|\w+omas?|leuka?emia|metastas[ie]s)|(?:progressed|progression)\s+(?:after|on|despite|following|during|through))\b(?![- ]free)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Relapsed();

    // "in first complete remission", "reached complete remission", "remains in CR1", "in morphologic remission", "in CR2";
    // myeloma's "in VGPR" (a very good partial response, the response its first treatment aims at); not a partial
    // remission, nor one hoped for ("to achieve remission", "failed to reach remission"). A complete response to the first
    // treatment ("a complete response to first-line platinum chemotherapy") is a first remission.
    [GeneratedRegex(@"(?<!\b(?:fail(?:ed|s|ure)?\s+to|not|never|no|without|unable\s+to|to)\s+(?:\w+\s+){0,2})\b(?:(?:in|into|achieved|attained|reached|achieving|attaining|reaching)\s+(?:a\s+)?(?:(?<later>second|third|2nd|3rd|subsequent)\s+|first\s+|1st\s+)?(?:complete\s+|morphologic(?:al)?\s+|hematologic(?:al)?\s+|haematologic(?:al)?\s+|molecular\s+|stringent\s+complete\s+)?remission|(?:in|achieved|attained|reached)\s+(?-i:(?<later>CR[2-9])|CR1?|CRi)|(?-i:(?<later>CR[2-9])|CR1)|(?:in|achieved|attained|reached|achieving|attaining|reaching)\s+(?:a\s+)?(?:(?-i:VGPR|sCR)|very\s+good\s+partial\s+response)|(?<response>complete\s+(?:clinical\s+|radiologic(?:al)?\s+|metabolic\s+|biochemical\s+)?response)\s+(?:to|after|following)\s+(?:(?:her|his|the|their)\s+)?(?:first[- ]line|initial|primary|front[- ]?line|induction))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Remission();

    // "a partial response", "a good radiological response", "is responding", "responded well to", "stable disease on
    // olaparib", "started maintenance atezolizumab", "on maintenance capecitabine"; not "no response", "failed to respond",
    // nor a maintenance planned ("to start maintenance").
    [GeneratedRegex(@"(?<!\b(?:no|not|never|without|poor|minimal|lack\s+of|failed\s+to\s+achieve)\s+(?:\w+\s+)?)\b(?:(?:very\s+good\s+|good\s+|excellent\s+|major\s+|near[- ]complete\s+)?partial\s+(?:clinical\s+|radiologic(?:al)?\s+|metabolic\s+)?response|(?:good|excellent|major)\s+(?:clinical\s+|radiologic(?:al)?\s+|metabolic\s+)?response|(?:is|are|has\s+been|was|remains|continues)\s+(?:still\s+)?responding|responded\s+(?:well\s+)?to|stable\s+disease\s+(?:on|after|following|since|with)|(?:is|remains|continues|now|currently|started|starting|began|begun|receiving)\s+(?:on\s+)?(?:\w+\s+){0,2}?maintenance)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Responding();

    [GeneratedRegex(@"\b(?:no|not|never|without|failed|unable)\b[^,;.:]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedInClause();

    [GeneratedRegex(@"\bsalvage\s+(?:(?:systemic|high-dose|platinum-based|combination)\s+)?(?:treatment|therapy|chemotherapy|chemo|regimen|radiotherapy|radiation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Salvage();

    // "four prior lines", "two previous regimens", "3 lines of prior therapy", "prior lines of therapy".
    [GeneratedRegex(@"\b(?:(?<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:prior|previous)\s+(?:lines?|regimens?)|(?<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+lines?\s+of\s+(?:prior\s+|previous\s+)?(?:systemic\s+)?(?:therapy|treatment|chemotherapy)|(?:prior|previous)\s+lines?\s+of\s+(?:systemic\s+)?(?:therapy|treatment)|(?:previously|heavily)\s+(?:pre-?)?treated|pre-?treated)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PriorLines();

    /// <summary>The words <see cref="DrugFailed"/> needs, looked for first: its pattern has no literal to search a long text by.</summary>
    private static readonly System.Buffers.SearchValues<string> FailedWords = System.Buffers.SearchValues.Create(["resistant", "refractory", "unresponsive"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?<drug>[A-Za-z][A-Za-z0-9]{0,30})[- ](?:resistant|refractory|unresponsive)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DrugFailed();

    // "refractory to lenalidomide", "triple-class refractory", "refractory disease"; not radioiodine-refractory (not systemic).
    [GeneratedRegex(@"(?<!(?:iodine|RAI|radioiodine|platinum|castration|castrate|hormone)[- ])\brefractory\s+(?:to\b|disease\b|lymphoma\b|myeloma\b|leuka?emia\b)|\b(?:double|triple|quad|penta)[- ]class[- ]refractory\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Refractory();

    [GeneratedRegex(@"\b(?<resistant>(?:castration|castrate|androgen)[- ](?:resistant|refractory|independent)|hormone[- ](?:resistant|refractory)|(?-i:m?CRPC))\b|\b(?:(?:castration|castrate|hormone)[- ](?:sensitive|na[iï]ve)|androgen[- ]dependent|(?-i:m?(?:HSPC|CSPC)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Castration();

    // "platinum-sensitive", "platinum-resistant", "recurrence 30 months after her last platinum dose", "a platinum-free interval of 14 months".
    [GeneratedRegex(@"\b(?:(?<resistant>platinum[- ](?:resistant|refractory))|(?<sensitive>platinum[- ]sensitive)|(?:recurrence|relapse|progression|recurred|relapsed|progressed)\s+(?<months>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty)\s+months?\s+(?:after|following|from)\s+(?:(?:her|his|the)\s+)?(?:last|final|completion\s+of)?\s*(?:dose\s+of\s+)?(?:platinum|carboplatin|cisplatin|oxaliplatin)|platinum[- ]free\s+interval\s+(?:of\s+|was\s+|is\s+)?(?<months>\d{1,3})\s+months?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Platinum();
}
