using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// Reads a condition, treatment or exposure the vocabulary does not name from the words that introduce it: "History of
/// vestibular disease", "Diagnosis of Still's disease", "Use of hemp seeds", "Treatment with teriparatide",
/// "Contraindication to triptans", "Patients with phaeochromocytoma". It runs after every other family, and only on a
/// criterion none of them read.
/// </summary>
/// <remarks>
/// The concept is kept as written (<see cref="ConditionConstraint.Unlisted"/>): the engine looks for those words in the
/// record, and since it cannot know the record's other names for it, such a constraint never counts against the
/// patient (see <see cref="ConditionConstraint.Check"/>).
/// </remarks>
public static partial class UnlistedConceptParser
{
    /// <summary>The most items read from one list ("History of A, B or C").</summary>
    private const int MostItems = 6;

    public static void Parse(CriterionContext c)
    {
        if (c.Found.Count > 0 || c.Text.Length > 160)
        {
            return;
        }

        var lead = Lead().Match(c.Text);
        var named = lead.Groups["lead"].Success;
        var quals = lead.Groups["quals"];

        // With no lead words, a short criterion can still name a concept: after a subject ("Patients with
        // phaeochromocytoma", "Subjects who have an inflammatory joint disease"), "known" ("Known zinc deficiency") or
        // a clinical qualifier ("Severe coronary calcification", "No concurrent hematologic disorders").
        // In an exclusion list a bare noun phrase ("Renal osteodystrophy", "Paralyzed hemidiaphragm") names what excludes.
        var bare = !named && ((lead.Groups["subject"].Success && !lead.Groups["be"].Success) || (lead.Groups["neg"].Success && lead.Groups["neg"].Index <= 3)
            || (c.Role == Segmentation.CriterionRole.Exclusion && c.Text.Length <= 45 && NounPhrase().IsMatch(c.Text) && !VerbWord().IsMatch(c.Text)) || KnownQualifier().IsMatch(quals.Value) || ClinicalQualifier().IsMatch(quals.Value));
        if (!named && !bare)
        {
            return;
        }

        var verb = named ? lead.Groups["lead"].Value.ToLowerInvariant() : string.Empty;
        var kind = Exposure().IsMatch(verb) ? MedicalConceptKind.Medication : MedicalConceptKind.Condition;
        var ability = Ability().Match(verb);
        var prefix = verb switch
        {
            _ when verb.StartsWith("contraindication", StringComparison.Ordinal) => "contraindication to ",
            _ when verb.StartsWith("allerg", StringComparison.Ordinal) || verb.Contains("sensitivity", StringComparison.Ordinal) => "allergy to ",
            _ when verb.StartsWith("intolerance", StringComparison.Ordinal) => "intolerance to ",
            _ when ability.Success => "unable to ",
            _ when verb.StartsWith("requirement", StringComparison.Ordinal) || verb.StartsWith("need", StringComparison.Ordinal) => "need for ",
            _ => string.Empty,
        };

        // A bare concept is read only when nothing else follows it; its qualifiers are kept ("severe", "active").
        var objectStart = bare ? quals.Index : lead.Index + lead.Length;
        var rest = c.Text[objectStart..];
        // The concept's words end after its qualifiers ("known or suspected", "documented"), which are no stop.
        var skip = LeadingQualifier().Match(rest) is { Success: true } q0 ? q0.Length : 0;
        var end = End().Match(rest, skip) is { Success: true } stop ? stop.Index : rest.Length;
        if (bare && ((end < rest.TrimEnd().TrimEnd('.', ';').Length && !BareTail().IsMatch(rest[end..])) || end > 60))
        {
            return;
        }

        // "Prior samarium allowed", "patients with prior therapy are eligible": a permission, not a requirement.
        if (Permission().IsMatch(rest))
        {
            return;
        }

        // "Treatment with IA rtPA or by mechanical means", "contraindication to the IV administration of 50 mL": the
        // words left hanging before the stop are not the concept's.
        var span = c.Text[objectStart..(objectStart + end)];
        span = Hanging().Replace(span, string.Empty);

        // "Active or recent thrombophlebitis": qualifiers before the list are every item's, not items of their own.
        string? sharedQualifier = null;
        if (LeadingQualifier().Match(span) is { Success: true, Length: > 0 } leading && leading.Length < span.Length)
        {
            sharedQualifier = Dropped().IsMatch(leading.Value.Trim()) ? null : Regex.Replace(leading.Value.Trim().TrimEnd(',', '/').ToLowerInvariant(), @"\s+", " ");
            objectStart += leading.Length;
            span = span[leading.Length..];
        }

        var items = new List<(int Start, int End)>();
        // "Unable to take oral or nasogastric medication": an ability is one concept, whatever its words list.
        foreach (Match item in ability.Success ? WholeItem().Matches(span) : Item().Matches(span))
        {
            if (items.Count == MostItems)
            {
                return;
            }

            var name = item.Groups["name"];
            items.Add((objectStart + name.Index, objectStart + name.Index + name.Length));
        }

        // "Tumors of the ovary, breast, uterus": the later items complete the first one's words, they are no concepts alone.
        if (items.Count == 0 || (items.Count > 1 && Preposition().IsMatch(c.Text[items[0].Start..items[0].End])))
        {
            return;
        }

        // "Autoimmune or inflammatory disease": an item without a head noun shares the last item's.
        var lastWords = c.Text[items[^1].Start..items[^1].End].Trim().TrimEnd('.', ',', ';', ':');
        var sharedHead = HeadNoun().Match(lastWords) is { Success: true } head ? head.Value : null;
        // "Any other eosinophilic disorders": another one than the disease the trial studies.
        var other = OtherWord().IsMatch(quals.Value);
        var added = new List<EligibilityConstraint>();
        for (var index = 0; index < items.Count; index++)
        {
            var (start, stopAt) = items[index];
            var last = index == items.Count - 1;
            var name = c.Text[start..stopAt].Trim().TrimEnd('.', ',', ';', ':');

            // "Clinically significant central nervous system dysfunction": the qualifier is asked about, the concept is what follows it.
            var qualifier = sharedQualifier;
            if (LeadingQualifier().Match(name) is { Success: true, Length: > 0 } q && q.Length < name.Length)
            {
                qualifier = Dropped().IsMatch(q.Value.Trim()) ? null : q.Value.Trim().ToLowerInvariant();
                name = name[q.Length..];
            }

            if (sharedHead is not null && !HeadNoun().IsMatch(name) && !name.Contains(' ', StringComparison.Ordinal) && !last)
            {
                name += " " + sharedHead.Trim();
            }

            // "Aggressive or violent behavior", "conjugated or unconjugated auristatin": an adjective alone shares the
            // words of the next item after its own first word.
            var nextWords = last ? string.Empty : c.Text[items[index + 1].Start..items[index + 1].End].Trim().TrimEnd('.', ',', ';', ':');
            if (!last && !name.Contains(' ', StringComparison.Ordinal) && Adjective().IsMatch(name) && nextWords.IndexOf(' ') is > 0 and var space)
            {
                name += nextWords[space..];
            }

            // "Axis 1 psychiatric diagnosis": a lone word cut short by a number names nothing.
            if (!name.Contains(' ', StringComparison.Ordinal) && stopAt < c.Text.Length - 1 && char.IsDigit(c.Text[stopAt..].TrimStart()[0]))
            {
                return;
            }

            var itemPrefix = prefix;
            var itemExposure = false;
            if (prefix.Length == 0 && ItemAllergy().Match(name) is { Success: true } allergy)
            {
                itemPrefix = "allergy to ";
                name = name[allergy.Length..];
            }
            else if (prefix.Length == 0 && ItemExposure().Match(name) is { Success: true } exposure)
            {
                itemExposure = true;
                name = name[exposure.Length..];
            }

            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 6 || name.Length < 3 || !words.Any(w => w.Any(char.IsLetter)) || words.All(w => Generic().IsMatch(w)) || Vague().IsMatch(name)
                || c.IsCovered(start, stopAt))
            {
                return;
            }

            var itemKind = itemPrefix.Length > 0 ? MedicalConceptKind.Condition
                : itemExposure || TreatmentHead().IsMatch(name) ? MedicalConceptKind.Medication
                : verb.StartsWith("undergo", StringComparison.Ordinal) ? MedicalConceptKind.Procedure
                : kind;
            var written = Article().Replace(name, string.Empty);
            // "Renal osteodystrophy" opening its item: the capital is the list's, not the name's.
            var concept = itemPrefix + (written.Length > 1 && char.IsUpper(written[0]) && char.IsLower(written[1]) ? char.ToLowerInvariant(written[0]) + written[1..] : written);
            // "Able to take oral medication" is the absence of an inability.
            var negated = c.IsNegatedAt(lead.Index + lead.Length) ^ (ability.Success && !ability.Value.Contains("un", StringComparison.Ordinal) && !ability.Value.Contains("inab", StringComparison.Ordinal) && !ability.Value.Contains("not", StringComparison.Ordinal));
            added.Add(itemKind == MedicalConceptKind.Medication
                ? new PriorTherapyConstraint(concept, TherapyAgentKind.Drug, Current: CurrentUse().IsMatch(c.Text[..start])) { Span = CriterionContext.Span(start, stopAt), Negated = negated, Unlisted = true }
                : new ConditionConstraint(concept, itemKind, Qualifier: qualifier) { Span = CriterionContext.Span(start, stopAt), Negated = negated, Unlisted = true, Other = other });
        }

        foreach (var constraint in added)
        {
            c.Add(constraint);
        }
    }

    [GeneratedRegex(@"^(?:use|treatment|treated|therapy|exposure|exposed|taking|receiving|received|current\s+use)", RegexOptions.CultureInvariant)]
    private static partial Regex Exposure();

    /// <summary>
    /// The words before the concept: an optional subject and negation ("Patients who have had", "No", "Subject has a",
    /// "Patients with"), optional qualifiers ("known", "prior", "current or past") and the lead itself ("history of",
    /// "diagnosis of", "use of", "contraindication to").
    /// </summary>
    [GeneratedRegex(@"^\W*(?<neg>(?:no|not|without|never|free\s+of)\s+)?(?<subject>(?:the\s+)?(?:patients?|subjects?|participants?|individuals|persons?|women|men|children|adults)\s+(?:who\s+(?:have|has|had|are|is)\s+(?:had\s+|been\s+)?|(?:must\s+)?(?:not\s+)?(?:has|have|had)\s+(?:had\s+)?|with\s+|(?=(?:unable|able|inability)\s+to\b))|(?:has|have|had)\s+(?:had\s+)?)?(?<be>(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+)?(?:(?:must|should)\s+(?:not\s+)?be\s+|(?:is|are)\s+(?:not\s+)?))?(?<quals>(?:(?:a|an|any|known|suspected|documented|confirmed|current|currently|prior|previous|previously|past|personal|active|recent|ongoing|concurrent|concomitant|significant|clinical|medical|severe|uncontrolled|unstable|symptomatic|acute|chronic|other|or|and)(?:\s+|\s*,\s*|\s*/\s*))*)(?:(?<lead>(?:(?:medical\s+)?history|presence|evidence)\s+(?:or|and/or)\s+(?:(?:current|active|past)\s+)?(?:presence|history|evidence)\s+of|(?:medical\s+)?history\s+of|diagnosis\s+of|diagnosed\s+with|presence\s+of|evidence\s+of|signs?\s+of|use\s+of|treatment\s+with|treated\s+with|therapy\s+with|exposure\s+to|exposed\s+to|contraindications?\s+(?:to|for)|intolerance\s+(?:to|of)|(?:hyper)?sensitivity\s+to|allerg(?:y|ies)\s+to|allergic\s+to|(?:requirement|need)\s+for|taking|receiving|received|undergone|(?:unable|inability|able|ability)\s+to|cannot|can\s+not)\s+(?:an?\s+|any\s+)?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    /// <summary>Where the concept's words end: a clause, a time, a purpose, a definition, an exception or an example.</summary>
    [GeneratedRegex(@"[;:(\[]|\.(?:\s|$)|,\s*(?:which|that|who|as|if|unless|except|including|e\.g|i\.e|such|defined|requiring|with|or\s+other|and\s+other)\b|\s(?:that|which|who|whose|requiring|required|within|in\s+the\s+(?:last|past|previous|preceding)|during|for|as|defined|according|per|unless|except|other\s+than|if|when|before|after|prior\s+to|since|at|or\s+other|and/or\s+other|or\s+any|e\.g|i\.e|including|such\s+as|due\s+to|with|without|on|by|from|in\s+whom|in\s+any|previously|currently|at\s+present|cannot|in\s+the|of\s+any|is|are|was|were|will|may|must|should|can|could|would|has|have|had|not|of\s+any|of\s+the\s+following|more|less|greater|than|judged|considered|deemed|assessed|determined|thought|believed|felt|suspected|expected|documented|confirmed|diagnosed|treated|using|based\s+on|proven|established|[<>≤≥=]|\d+)\b|\s[<>≤≥=]|$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex End();

    /// <summary>One item of the list of concepts: "A", "B" and "C" in "A, B and/or C".</summary>
    [GeneratedRegex(@"(?<name>(?:[^,/]|(?<![a-z]{4})/|/(?![a-z]{4}))+?)\s*(?:,\s*(?:and\s+|or\s+|and/or\s+)?|\s+(?:and/or|or|and|nor)\s+|\s/\s|(?<=[a-z]{4})/(?=[a-z]{4})|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    /// <summary>Words that name no concept of their own.</summary>
    [GeneratedRegex(@"^(?:a|an|the|any|all|other|another|certain|some|such|these|those|this|that|same|each|either|both|no|of|to|in|on|or|and|known|current|prior|previous|significant|clinically|relevant|serious|severe|major|minor|medical|important|concomitant|concurrent|active|chronic|acute|new|condition|conditions|disease|diseases|disorder|disorders|illness|illnesses|medication|medications|medicine|medicines|drug|drugs|therapy|therapies|treatment|treatments|agent|agents|product|products|substance|substances|problem|problems|abnormality|abnormalities|history|evidence|factor|factors|event|events|finding|findings|symptom|symptoms|procedure|procedures|surgery|type|types|form|forms|kind|use|more|less|fewer|one|two|three|several|multiple|otherwise|higher|lower|worse|better|above|past|present|future|former|potentially|possible|probable|likely|documented|confirmed|unstable|uncontrolled|symptomatic|untreated)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Generic();

    /// <summary>Objects that are no condition or treatment of the patient: the study, its drugs, time and paperwork.</summary>
    [GeneratedRegex(@"\b(?:study|studies|trial|trials|protocol|investigator|investigators|sponsor|consent|criteria|criterion|group|groups|cohort|cohorts|arm|arms|visit|visits|screening|randomi[sz]ation|enrol+ment|baseline|days?|weeks?|months?|years?|hours?|dose|doses|dosing|following|above|below|listed|specified|described|mentioned|these|this|those|such|investigational|experimental|placebo|participation|prohibited|disallowed|contraindicated|restricted|excluded|permitted|allowed|approved|unapproved|non-?approved|registered|non-?registered|licensed|unlicensed|marketed|patient|patients|subject|subjects|participant|participants|unknown|uncertain|any\s+kind|any\s+type|aged?|that|which|whose|records?|available|availability|responses?|responders?|responsive|refractory|resistan\w*|additional|decisions?|judge?ments?|opinions?|discretion|physicians?|doctors?|class|grade|score|stage|status|level|index|count|value|ratio|lesions?|invasive|tumou?rs?|cancers?|carcinomas?|metasta\w*|sarcomas?|lymphomas?|leuka?emias?|melanomas?|gliomas?|adenomas?|margins?|nodes?|explanations?|causes?|reasons?|restrictions?|mismatch\w*|minimal|only|normal|regular|histolog\w*|features?|components?|english|french|spanish|german|languages?|communicate|read|write|speak|understand|comply|follow|attend|return|travel|prescribed|screen|re-screen(?:ed)?|failures?|unable|able|inability|being|findings|\w+-(?:diagnosed|confirmed|documented))\b|malignan|neoplas|blastoma", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vague();

    [GeneratedRegex(@"^\W*[A-Za-z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Za-z][\w'’/-]*){0,4}\s*[.;]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NounPhrase();

    [GeneratedRegex(@"\b(?:is|are|be|been|being|was|were|must|will|shall|should|may|might|can|could|would|have|has|had|do|does|did|to|for|with|without|not|none|see|n/a|na|nil|if|unless|only|all|criteria|criterion|exclusion|inclusion|applicable|above|below|following|yes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbWord();

    [GeneratedRegex(@"\bother\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherWord();

    [GeneratedRegex(@"\b(?:current|currently|concurrent|concomitant|ongoing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrentUse();

    [GeneratedRegex(@"^\w+(?:ive|al|ic|ous|ent|ant|ary|ory|ed)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Adjective();

    [GeneratedRegex(@"^(?:known\s+)?(?:(?:hyper)?sensitivity|allerg(?:y|ies)|allergic\s+reaction)\s+to\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemAllergy();

    [GeneratedRegex(@"^(?:(?:prior|previous|current|concomitant|concurrent)\s+)?(?:use|treatment|exposure|therapy)\s+(?:of|with|to)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemExposure();

    [GeneratedRegex(@"^\s*(?<name>.+?)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex WholeItem();

    [GeneratedRegex(@"\s(?:of|in|on|to|for|from|at|into)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"\s+(?:or|and|and/or|nor|of|the|an?|to|in|on|for|with|by)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hanging();

    [GeneratedRegex(@"\s(?:disease|diseases|disorder|disorders|dysfunction|failure|insufficiency|impairment|syndrome|syndromes|infection|infections|injury|injuries|abnormality|abnormalities|condition|conditions|illness|deficiency|damage)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadNoun();

    [GeneratedRegex(@"^(?:(?:clinically\s+significant|clinically\s+relevant|significant|severe|serious|active|uncontrolled|unstable|symptomatic|chronic|acute|documented|known|suspected|confirmed|current|previous|prior|potentially|life-threatening|major|untreated|progressive|recurrent|persistent|ongoing|concurrent|concomitant|recent|past|present|former|other|any|or|and)(?:[\s,]+|\s*/\s*))+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingQualifier();

    [GeneratedRegex(@"^(?:(?:documented|known|suspected|confirmed|current|previous|prior|potentially|ongoing|concurrent|concomitant|other|any|or|and)(?:[\s,]+|\s*/\s*|$))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dropped();

    [GeneratedRegex(@"(?:therapy|therapies|treatment|treatments|agents?|medications?|drugs?|inhibitors?|antibod(?:y|ies)|vaccines?|vaccination|steroids?|corticosteroids?|\w+ives|supplements?|supplementation)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TreatmentHead();

    /// <summary>What may follow a bare concept: a time, a place of the record, or the verdict on it.</summary>
    [GeneratedRegex(@"^\s*(?:\([A-Z]{2,6}s?\)\s*)?(?:\((?:mild|moderate|minimal|trace)\b[^)]*\b(?:allowed|permitted|acceptable|eligible)\)|\((?:within|in\s+the|during|for|at|<|>|≤|≥)[^)]*\)|within\b[^,;]*|in\s+the\s+(?:last|past|previous|preceding)\b[^,;]*|(?:is|are)\s+(?:excluded|not\s+eligible|ineligible))?\s*[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareTail();

    [GeneratedRegex(@"^(?:(?:unable|inability|able|ability)\s+to|cannot|can\s+not)", RegexOptions.CultureInvariant)]
    private static partial Regex Ability();

    [GeneratedRegex(@"\b(?:active|severe|uncontrolled|unstable|symptomatic|acute|chronic|significant|recent|concurrent|concomitant|prior|previous|other)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClinicalQualifier();

    [GeneratedRegex(@"\b(?:allowed|permitted|eligible|acceptable|is\s+not\s+(?:an\s+)?exclusion)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Permission();

    [GeneratedRegex(@"\b(?:known|suspected|documented|confirmed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KnownQualifier();

    [GeneratedRegex(@"^(?:an?|the|any)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Article();
}
