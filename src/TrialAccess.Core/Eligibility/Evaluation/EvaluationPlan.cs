using System.Runtime.CompilerServices;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;

namespace TrialAccess.Eligibility.Evaluation;

/// <summary>
/// What the evaluator reads from one criterion that does not depend on the patient: whether it only grants a
/// permission, the question a free-text criterion asks, and how an inclusion's constraints join ("A or B", per kind).
/// </summary>
internal sealed partial class CriterionPlan
{
    private CriterionPlan(bool permission, string? freeTextQuestion, int[][]? inclusionChains, FreeTextReading? freeText = null, int? atLeast = null)
    {
        Permission = permission;
        FreeTextQuestion = freeTextQuestion;
        InclusionChains = inclusionChains;
        FreeText = freeText;
        AtLeast = atLeast;
    }

    /// <summary>
    /// For an inclusion that asks for a number of the things it lists ("two or more cardiac risk factors (diabetes,
    /// hypertension, ...)", "at least 2 of 3 cardinal signs", "any of the following"): how many of its constraints
    /// (other than age and sex, which still must hold) are enough.
    /// </summary>
    public int? AtLeast { get; }

    public bool Permission { get; }

    /// <summary>For a criterion without constraints: "Does this apply to the patient: ...?"</summary>
    public string? FreeTextQuestion { get; }

    /// <summary>For a criterion without constraints, what can still be read from its words (see <see cref="FreeTextReading"/>).</summary>
    public FreeTextReading? FreeText { get; }

    /// <summary>
    /// For an inclusion of several constraints: the indices of its constraints as chains of alternatives. The criterion
    /// holds when every chain does; a chain holds when any of its constraints does.
    /// </summary>
    public int[][]? InclusionChains { get; }

    public static CriterionPlan For(ParsedCriterion criterion)
    {
        var text = criterion.Segment.Text;
        if (criterion.IsFreeText)
        {
            return new CriterionPlan(EligibilityEvaluator.IsPermission(text), $"Does this apply to the patient: \"{(text.Length > 200 ? text[..200] + "..." : text)}\"?", null, FreeTextReading.Of(text, criterion.Segment.Role));
        }

        var chains = criterion.Segment.Role == CriterionRole.Inclusion && criterion.Constraints.Count > 1 ? Chains(criterion.Constraints, text) : null;
        var atLeast = chains is not null && CountedAlternatives().Match(text) is { Success: true } count ? CountOf(count.Groups["n"].Value) : null;
        return new CriterionPlan(EligibilityEvaluator.IsPermission(text) || AllowedSubgroup(criterion), null, chains, atLeast: atLeast);
    }

    /// <summary>
    /// An inclusion that only names treated, stable metastases ("Stable brain metastases by CT or MRI scan", under "No
    /// untreated CNS metastases") says which patients with metastases may take part, not that every patient must have
    /// them: a trial of brain metastases says so in its title, which the studied population reads. "Must have", "at
    /// least one" or "documented" make it a requirement.
    /// </summary>
    private static bool AllowedSubgroup(ParsedCriterion criterion) =>
        criterion.Segment.Role == CriterionRole.Inclusion
        && criterion.Constraints.Count > 0
        && criterion.Constraints.All(c => c is MetastasisConstraint { Activity: MetastasisActivity.TreatedStable, Negated: false, Qualifies: false })
        && !RequiredPresence().IsMatch(criterion.Segment.Text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:must|required?|requires|requiring|at\s+least\s+one|documented|presence|confirmed|have|has)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RequiredPresence();

    private static int? CountOf(string word) => word.ToLowerInvariant() switch
    {
        "" or "a" or "any" => 1,
        var count => Numbers.NumberText.CountOrNull(count) is { } n && n is > 0 and < 20 ? n : null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?<n>\d{1,2}|one|two|three|four|five)\s+(?:or\s+more|out\s+of\s+(?:\d{1,2}|two|three|four|five|six)|of\s+(?:the\s+)?(?:following|these|(?:\d{1,2}|two|three|four|five|six)\b))|at\s+least\s+(?<n>\d{1,2}|one|two|three|four|five)\s+(?:of|out\s+of)\b|(?:any|either)\s+(?:one\s+)?of\s+(?:the\s+)?(?:following|these|\w+\s+(?:risk\s+)?(?:factors|criteria|features|symptoms|signs))(?<n>)|(?:meets?|meeting|fulfil{1,2}s?|fulfil{1,2}ing|satisf(?:y|ies|ying))\s+any\s+(?:one\s+)?(?:of\s+(?:the\s+)?(?:following\s+)?)?(?:conditions|criteria)\b(?<n>))", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CountedAlternatives();

    /// <summary>
    /// Constraints of one kind joined by "or" ("ECOG 0-1 or KPS 70 or more", "creatinine at most 1.5 mg/dL or clearance
    /// at least 60 mL/min", "A, B, or C") are one chain of alternatives; cancer types in one criterion are always one
    /// chain (a patient has one cancer); anything else is a chain of its own.
    /// </summary>
    private static int[][] Chains(IReadOnlyList<EligibilityConstraint> constraints, string text)
    {
        // "Have an unresectable, locally advanced adenocarcinoma of the pancreas. Or patients who are not to undergo
        // surgery because of a high surgical risk": a sentence that begins with "Or" is an alternative to everything
        // before it. (A and B) or C is written as chains: (A or C) and (B or C).
        if (AlternativeSentence().Match(text) is { Success: true } alternative)
        {
            var before = Enumerable.Range(0, constraints.Count).Where(i => constraints[i].Span.Start < alternative.Index).ToArray();
            var after = Enumerable.Range(0, constraints.Count).Where(i => constraints[i].Span.Start >= alternative.Index).ToArray();
            if (before.Length > 0 && after.Length > 0)
            {
                var first = ChainsOf(constraints, text, before);
                var second = ChainsOf(constraints, text, after);
                return [.. first.SelectMany(a => second.Select(b => a.Concat(b).ToArray()))];
            }
        }

        return ChainsOf(constraints, text, Enumerable.Range(0, constraints.Count).ToArray());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.;])\s*\bor\b(?=\s+\w)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AlternativeSentence();

    private static int[][] ChainsOf(IReadOnlyList<EligibilityConstraint> all, string text, int[] indices)
    {
        var constraints = indices.Select(i => all[i]).ToList();
        // "Post-menopausal, surgically sterile, or using birth control": a list joined by commas and a last "or", of
        // whatever kinds, is one set of alternatives.
        var ordered = Enumerable.Range(0, constraints.Count).OrderBy(i => constraints[i].Span.Start).ToArray();
        var joins = ordered.Zip(ordered.Skip(1)).Select(pair => Separator(text, constraints[pair.First].Span, constraints[pair.Second].Span)).ToList();
        // Not "no diabetes or fasting glucose >= 120" (neither), nor a list beside the cancer it is about.
        if (joins.Count > 0 && joins[^1] == Join.Or && joins.Contains(Join.Comma) && joins.All(j => j is Join.Or or Join.Comma)
            && constraints.Select(c => c.Kind).Distinct().Count() > 1 && !constraints.Any(c => c.Negated || c.Kind == ConstraintKind.CancerType))
        {
            return [ordered.Select(i => indices[i]).ToArray()];
        }

        var chains = new List<int[]>();
        foreach (var group in Enumerable.Range(0, constraints.Count).GroupBy(i => constraints[i].Kind))
        {
            var items = group.OrderBy(i => constraints[i].Span.Start).ToList();
            if (group.Key == ConstraintKind.CancerType)
            {
                // A subtype left out ("AML, excluding M3") holds beside the cancers named, not as one more of them.
                chains.Add([.. items.Where(i => constraints[i] is not CancerTypeConstraint { Excepts: true })]);
                chains.AddRange(items.Where(i => constraints[i] is CancerTypeConstraint { Excepts: true }).Select(i => new[] { i }));
                chains.RemoveAll(c => c.Length == 0);
                continue;
            }

            var separators = items.Zip(items.Skip(1)).Select(pair => Separator(text, constraints[pair.First].Span, constraints[pair.Second].Span)).ToList();
            var chain = new List<int> { items[0] };
            for (var i = 1; i < items.Count; i++)
            {
                // "No cyclosporine, methotrexate or azathioprine", "at least 4 weeks since A or B": an absence of
                // alternatives is an absence of each (neither), so negated items are never alternatives of each other.
                // "ECOG performance status <= 2 (Karnofsky >= 60%)": a score on the other scale in brackets is the same
                // requirement restated, so either answers it.
                var joined = (separators[i - 1] == Join.Or
                    || (separators[i - 1] == Join.Comma && separators.Skip(i).FirstOrDefault(s => s != Join.Comma) == Join.Or)
                    || (group.Key == ConstraintKind.PerformanceStatus && OpensBracket(text, constraints[items[i - 1]].Span, constraints[items[i]].Span)))
                    && !(constraints[items[i - 1]].Negated && constraints[items[i]].Negated);
                if (!joined)
                {
                    chains.Add([.. chain]);
                    chain = [];
                }

                chain.Add(items[i]);
            }

            chains.Add([.. chain]);
        }

        return [.. chains.Select(c => c.Select(i => indices[i]).ToArray())];
    }

    private enum Join
    {
        And,
        Or,
        Comma,
    }

    private static bool OpensBracket(string text, Patients.SourceSpan first, Patients.SourceSpan second)
    {
        var from = Math.Min(first.End, text.Length);
        var to = Math.Min(Math.Max(from, second.Start), text.Length);
        return text.AsSpan(from, to - from).Trim() is ['(' or '[', ..] and { Length: < 12 };
    }

    private static Join Separator(string text, Patients.SourceSpan first, Patients.SourceSpan second)
    {
        var from = Math.Min(first.End, text.Length);
        var to = Math.Min(Math.Max(from, second.Start), text.Length);
        var between = text[from..to];
        // Registry text is wrapped ("surgically sterile, or\n        practicing birth control"): "or" between any whitespace.
        if (OrWord().IsMatch(between) || between.Contains('/') || between.Contains("either", StringComparison.OrdinalIgnoreCase))
        {
            return Join.Or;
        }

        return between.Trim() == "," ? Join.Comma : Join.And;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\s)or(?:\s|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OrWord();
}

/// <summary>
/// What the evaluator can read from a criterion it did not parse into constraints: the words that say what it is about
/// (stemmed, without the words every criterion uses), and whether it is about something a complete history would
/// mention (a condition, event, exposure or procedure) rather than a measurement, a score, a disease's specifics or a
/// practical matter. Such a criterion, when the patient's record mentions none of its words, is presumed not to apply
/// to the patient (an exclusion not met; an inclusion not met, or met when it asks for an absence).
/// </summary>
/// <param name="Terms">The criterion's content words, stemmed.</param>
/// <param name="Presumable">True when absence from a complete history may be presumed.</param>
/// <param name="AsksForAbsence">True when the criterion asks for something to be absent ("no history of ...", "free of ...").</param>
internal sealed partial record FreeTextReading(IReadOnlySet<string> Terms, bool Presumable, bool AsksForAbsence)
{
    /// <summary>Words that say nothing of what a criterion is about.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "patient", "subject", "particip", "individu", "person", "peopl", "volunt", "histori", "known", "signific", "clinic",
        "diseas", "disord", "condit", "ani", "current", "activ", "prior", "previou", "evid", "diagnosi", "diagnos",
        "includ", "sever", "relev", "import", "major", "minor", "medic", "physician", "investig", "studi", "trial",
        "document", "confirm", "present", "presenc", "requir", "need", "last", "month", "year", "week", "day", "time",
        "week", "follow", "mean", "defin", "accord", "criteria", "criterion", "exclud", "exclus", "inclus", "elig",
        "enrol", "particip", "receiv", "treatment", "therapi", "use", "take", "abl", "unabl", "must", "pleas", "note",
        "e", "g", "ie", "etc", "le", "ge", "gt", "lt", "kg", "mg", "ml", "dl", "l", "mm", "cm", "uncontrol", "control",
        "stabl", "unstabl", "acut", "chronic", "new", "onset", "suspect", "potenti", "risk", "factor", "age", "old",
        "adult", "male", "femal", "women", "men", "woman", "man", "child", "children", "type", "form", "level", "test",
        "result", "normal", "abnorm", "signific", "first", "second", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "least", "more", "less", "greater", "higher", "lower", "great", "high", "low",
        "anoth", "otherwis", "without", "except", "allow", "permit", "accept", "prohibit", "exclud", "oper", "agent", "drug",
        "regimen", "thereof", "such", "like", "well", "also", "either", "neither", "none", "ever", "past", "recent",
        "histor", "start", "dose", "visit", "screen", "baselin", "enter", "entri", "random", "period", "prior", "befor",
        "after", "date", "consid", "deem", "judg", "opinion", "discret", "cours", "part", "pleas", "see", "abov", "below",
    };

    public static FreeTextReading Of(string text, Segmentation.CriterionRole role)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Matching.Retrieval.TextAnalyzer.Terms(text))
        {
            if (term.Length > 2 && !Generic.Contains(term) && !term.Any(char.IsDigit))
            {
                terms.Add(term);
            }
        }

        // A time window ("within 24 weeks", "30 days prior to randomization") dates the exposure; it is not a value to measure.
        var presumable = terms.Count > 0 && !NeverPresumed().IsMatch(TimeWindow().Replace(text, " ")) && !EligibilityEvaluator.IsPermission(text) && !text.TrimEnd().EndsWith(':');
        var absence = role == Segmentation.CriterionRole.Inclusion && AbsenceCue().IsMatch(text);
        return new FreeTextReading(terms, presumable, absence) { NotARule = NotARuleText().IsMatch(text) };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:within|in\s+the\s+(?:last|past|previous|preceding)|during\s+the\s+(?:last|past|previous|preceding)|for\s+(?:at\s+least\s+)?)?\s*(?<!\S)\d+\s*(?:hours?|days?|weeks?|months?|years?)(?=\s*(?:$|[,;.)]|\s(?:prior|before|preceding|of|from|since|after)\b))", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TimeWindow();

    /// <summary>
    /// True when the text asks nothing of the patient at entry: a heading left among the criteria ("Sub-study I &amp;
    /// II", "Elimination Criteria", "Historical control group"), the inclusion criteria restated ("Failure to meet the
    /// inclusion criteria"), or an event during the study ("Lost to follow up", "missed doses ≥ 3 times", "inability
    /// to continue with the treatment", "the drug should not be continued").
    /// </summary>
    public bool NotARule { get; init; }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:[\w'&/-]+\s+){0,3}(?:criteria|groups?|cohorts?|arms?|sub-?stud(?:y|ies)(?:\s+[\w&]+){0,3}|part\s+[a-z0-9]+|phase\s+[ivx0-9]+)|(?:failure|fail(?:s|ed)?|not)\s+(?:to\s+)?(?:meet|fulfil+)\s+(?:(?:the|all|any|of|one)\s+)*(?:(?:above|listed)\s+)?inclusion\s+criteri(?:a|on)|(?:patients?\s+|subjects?\s+)?(?:who\s+(?:are|were)\s+)?lost\s+to\s+follow[- ]?up|withdraw(?:al|s)?\s+(?:of\s+)?(?:their\s+)?consent|(?:[\w'-]+\s+){0,3}(?:(?:dis|in)?ability|unable|fail(?:s|ure)?)\s+to\s+continue\s+(?:with\s+)?(?:the\s+)?(?:study\s+)?(?:treatment|therapy|medication|participation|study|trial)|[^;]{0,200}\b(?:should|must|will)\s+(?:not\s+be\s+continued|be\s+(?:stopped|discontinued|withdrawn))\b[^;]{0,200})\W*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotARuleText();

    /// <summary>True when the record mentions one of the criterion's words (the patient's own words, stemmed alike).</summary>
    public bool MentionedIn(IReadOnlySet<string> patientTerms)
    {
        foreach (var term in Terms)
        {
            if (patientTerms.Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Measurements, scores, values, disease specifics, reproduction and practical matters: never presumed from silence.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d|[<>≤≥=]|\b(?:(?:hypo|hyper)(?:kal|natr|calc|magnes|phosphat|album|prote|glyc|ox)\w*emia|(?!osteo|sarco)\w+penia|\w+cytosis|eosinophilia|dysfunction|level|levels|count|counts|score|scores|index|ratio|fraction|value|values|titer|titre|concentration|clearance|pressure|saturation|rate|bmi|body\s+mass|weight|height|qtc?|interval|grade|stage|staging|class|classification|scale|test|tests|testing|assay|positive|negative|measurable|size|diameter|volume|dose|doses|duration|life\s+expectancy|tumou?rs?|lesions?|metasta\w*|histolog\w*|cytolog\w*|patholog\w*|biops\w*|imaging|scan|mri|ct|x-ray|ultrasound|echocardiogra\w*|ecg|ekg|pregnan\w*|lactat\w*|breast[- ]?feed\w*|contracepti\w*|menopaus\w*|menstrua\w*|fertil\w*|consent|willing|comply|complian\w*|language|english|speak|read|write|live|lives|living|resid\w*|travel|insurance|telephone|available|availability|visit|visits|follow-?up|sign|signed|agree\w*|able|ability|capable|capacity|understand|opinion|judg\w*|discretion|investigator|sponsor|site|protocol)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NeverPresumed();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:no|not|without|never|free\s+(?:of|from)|absence\s+of|lack\s+of|none)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AbsenceCue();
}

/// <summary>How items listed under one lead ending in a colon are read together.</summary>
internal enum ListReading
{
    /// <summary>Under "except:", "other than:": exceptions to the lead's rule, not rules of their own.</summary>
    Exceptions,

    /// <summary>Under "one of the following:", or a list of diagnoses: alternatives, one of which must hold.</summary>
    Alternatives,

    /// <summary>
    /// Under an inclusion's "by not using any of the medications listed below:", "must not have received the following:":
    /// what the patient must not have, each item an inclusion met when the patient does not have it.
    /// </summary>
    Withheld,
}

/// <summary>
/// What the evaluator reads from a trial's parsed eligibility that does not depend on the patient, worked out once per
/// parse and kept beside it (<see cref="For"/>): each criterion's plan, the registry's limits and studied conditions as
/// criteria, the lists read together, and the inclusions that name diagnoses. Matching evaluates the same parse for
/// many patients; only what depends on the patient is left to each evaluation.
/// </summary>
internal sealed partial class EvaluationPlan
{
    private static readonly ConditionalWeakTable<ParsedEligibility, EvaluationPlan> Plans = [];

    private EvaluationPlan(ParsedEligibility eligibility)
    {
        Criteria = [.. eligibility.Criteria.Select(CriterionPlan.For)];
        Registry = [.. eligibility.RegistryConstraints.Select(constraint => new ParsedCriterion(RegistrySegment(constraint.Describe()), [constraint]))];
        RegistryPlans = [.. Registry.Select(CriterionPlan.For)];
        if (eligibility.StudiedCancers.Count > 0)
        {
            Studied = new ParsedCriterion(RegistrySegment($"conditions studied: {string.Join("; ", eligibility.StudiedCancers.Select(s => s.Name))}"), [.. eligibility.StudiedCancers]);
        }
        else if (eligibility.StudiedConditions.Count > 0)
        {
            var names = eligibility.StudiedConditions.Select(s => s is CancerTypeConstraint cancer ? cancer.Name : ((ConditionConstraint)s).Concept).ToList();
            Studied = new ParsedCriterion(RegistrySegment($"conditions studied: {string.Join("; ", names)}"), [.. eligibility.StudiedConditions]);
            StudiedConditionsQuestion = $"Does the patient have {string.Join(" or ", names)}?";
        }

        PublishesNoCriteria = eligibility.Criteria.Count == 0
            || eligibility.Criteria.All(c => c.Segment.Text.Contains("no eligibility criteria", StringComparison.OrdinalIgnoreCase));
        Lists = ReadLists(eligibility.Criteria, Criteria);
        (Diagnoses, DiagnosesAreCancers) = ReadDiagnoses(eligibility.Criteria, Criteria);
    }

    public CriterionPlan[] Criteria { get; }

    /// <summary>The registry's age and sex limits, each as an inclusion criterion.</summary>
    public ParsedCriterion[] Registry { get; }

    public CriterionPlan[] RegistryPlans { get; }

    /// <summary>The record's conditions as one registry inclusion of alternatives, or null when it names none.</summary>
    public ParsedCriterion? Studied { get; }

    /// <summary>Set when <see cref="Studied"/> holds conditions that are not all cancers: what to ask when none is recorded.</summary>
    public string? StudiedConditionsQuestion { get; }

    /// <summary>The record publishes no criteria ("No eligibility criteria"): it says nothing of who may join.</summary>
    public bool PublishesNoCriteria { get; }

    /// <summary>Items under one lead read together: the indices of the criteria and how.</summary>
    public IReadOnlyList<(int[] Criteria, ListReading Reading)> Lists { get; }

    /// <summary>
    /// Inclusions that name diseases (their diagnosis constraints by index, see <see cref="IsDiagnosis"/>): a trial's
    /// cohorts, one diagnosis each, when at least two name two different cancers or, for other diseases, three name
    /// three. Empty otherwise.
    /// </summary>
    public IReadOnlyList<(int Criterion, int[] Named)> Diagnoses { get; }

    /// <summary>True when every diagnosis of <see cref="Diagnoses"/> is a cancer (cohorts of other diseases are stricter).</summary>
    public bool DiagnosesAreCancers { get; }

    /// <summary>The plan of a parse, worked out on first use and kept as long as the parse is.</summary>
    public static EvaluationPlan For(ParsedEligibility eligibility) => Plans.GetValue(eligibility, e => new EvaluationPlan(e));

    private static CriterionSegment RegistrySegment(string text) =>
        new(CriterionRole.Inclusion, 0, text + " (registry)", default, Section: "registry");

    /// <summary>
    /// Items listed under a lead ending in a colon: under "except:" or "other than:" they are the exceptions of the lead's
    /// rule; under "one of the following:", or when every item names only cancer types (a list of eligible diagnoses),
    /// two or more inclusions are alternatives.
    /// </summary>
    private static List<(int[] Criteria, ListReading Reading)> ReadLists(IReadOnlyList<ParsedCriterion> criteria, CriterionPlan[] plans)
    {
        var lists = new List<(int[] Criteria, ListReading Reading)>();
        // Items under a withholding lead are read with it however the record indents them (often not at all).
        var listed = Enumerable.Range(0, criteria.Count).Where(i => criteria[i].Segment.Lead is { } lead
            && (criteria[i].Segment.Depth > 0 || (criteria[i].Segment.Role == CriterionRole.Inclusion && EligibilityEvaluator.IsWithheldLead(lead))));
        foreach (var group in listed.GroupBy(i => (criteria[i].Segment.Lead, criteria[i].Segment.Role)))
        {
            var items = group.ToArray();
            var lead = group.Key.Lead!;
            if (EligibilityEvaluator.IsExceptionLead(lead))
            {
                lists.Add((items, ListReading.Exceptions));
                continue;
            }

            if (group.Key.Role == CriterionRole.Inclusion && EligibilityEvaluator.IsWithheldLead(lead))
            {
                // Only the items that name treatments: a lead's scope can run on over rules of their own ("No history of ...").
                var withheld = items.Where(i => !criteria[i].IsFreeText && criteria[i].Constraints.All(c => c.Kind == ConstraintKind.PriorTherapy && !c.Negated)).ToArray();
                if (withheld.Length > 0)
                {
                    lists.Add((withheld, ListReading.Withheld));
                }

                continue;
            }

            // A criterion evaluated without constraints (free text, a permission) names no diagnosis.
            var diagnosisList = items.All(i => !criteria[i].IsFreeText && !plans[i].Permission && criteria[i].Constraints.All(c => c.Kind == ConstraintKind.CancerType));
            if (group.Key.Role == CriterionRole.Inclusion && items.Length >= 2
                && (diagnosisList || EligibilityEvaluator.IsAlternativesLead(lead) || (items.Count(i => !criteria[i].IsFreeText) >= MinimumConditionList && items.All(i => IsBareCondition(criteria[i], plans[i])))))
            {
                lists.Add((items, ListReading.Alternatives));
            }
        }

        // A run of inclusions each naming only a condition ("Hypertension", "Diabetes", "Tobacco usage", "Sleep
        // apnea"), with no lead: a list of risk factors or features, of which a patient has some, not all.
        var run = new List<int>();
        for (var i = 0; i <= criteria.Count; i++)
        {
            if (i < criteria.Count && criteria[i].Segment.Role == CriterionRole.Inclusion && (criteria[i].Segment.Lead is null || criteria[i].Segment.Depth == 0)
                && IsBareCondition(criteria[i], plans[i]))
            {
                run.Add(i);
                continue;
            }

            if (run.Count(r => !criteria[r].IsFreeText) >= MinimumConditionList)
            {
                lists.Add(([.. run], ListReading.Alternatives));
            }

            run.Clear();
        }

        return lists;
    }

    /// <summary>Three items at least make a list of conditions read as alternatives.</summary>
    private const int MinimumConditionList = 3;

    /// <summary>
    /// An item that only names conditions, briefly and without a verb of obligation ("Hypertension", "Chest pain at
    /// rest", "Known valvular disease").
    /// </summary>
    /// <remarks>
    /// A sign with a value beside the condition ("Obesity (BMI > 35)") and a short item the engine does not read
    /// ("Elevated jugular venous pressure") stay in the list; only items naming conditions count towards its length.
    /// </remarks>
    private static bool IsBareCondition(ParsedCriterion criterion, CriterionPlan plan) =>
        !plan.Permission && criterion.Scope is null
        && criterion.Segment.Text.Length <= 80
        && (criterion.IsFreeText || (criterion.Constraints.Any(c => c.Kind == ConstraintKind.Condition)
            && criterion.Constraints.All(c => c.Kind is ConstraintKind.Condition or ConstraintKind.Laboratory && !c.Negated)))
        && !ObligationWords().IsMatch(criterion.Segment.Text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:must|should|shall|required?|requiring|need|needs|diagnos\w*|confirmed|documented|no|not|without|free|absence)\b|:\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ObligationWords();

    private static (List<(int Criterion, int[] Named)> Diagnoses, bool OnlyCancers) ReadDiagnoses(IReadOnlyList<ParsedCriterion> criteria, CriterionPlan[] plans)
    {
        var diagnoses = new List<(int Criterion, int[] Named)>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            if (criterion.Segment.Role != CriterionRole.Inclusion || criterion.Segment.Section == "registry" || criterion.IsFreeText || plans[i].Permission)
            {
                continue;
            }

            var named = Enumerable.Range(0, criterion.Constraints.Count).Where(c => IsDiagnosis(criterion.Constraints[c])).ToArray();

            // An item under a cancer that names no kind of it ("Non-Hodgkin lymphoma with intracranial lesions" /
            // "Intraocular lymphoma eligible, if not sole site") says more of that cancer; it is no cohort beside it. The
            // kinds of a broader cancer listed under it ("haematological malignancy" / "CML", "AML") are its cohorts.
            if (named.Length > 0 && diagnoses.Count > 0 && criterion.Segment.Depth > 0 && UnderDiagnosis(criteria, i, diagnoses[^1].Criterion)
                && NoKindOf(criteria[diagnoses[^1].Criterion], diagnoses[^1].Named, criterion, named))
            {
                continue;
            }

            if (named.Length > 0)
            {
                diagnoses.Add((i, named));
            }
        }

        // Cancers of two kinds are already cohorts ("CML chronic phase", "AML in first remission"); other diseases must
        // make three items of three diseases ("Secondary hypothyroidism ...", "Iodide-induced hyperthyroidism", "Toxic
        // nodules ..."), as two may be a disease and its required comorbidity.
        var names = diagnoses.SelectMany(d => d.Named.Select(c => criteria[d.Criterion].Constraints[c] switch
        {
            CancerTypeConstraint cancer => cancer.Code,
            ConditionConstraint condition => condition.Concept,
            _ => string.Empty,
        })).Distinct().Count();
        var onlyCancers = diagnoses.All(d => d.Named.All(c => criteria[d.Criterion].Constraints[c] is CancerTypeConstraint));
        var minimum = onlyCancers ? 2 : MinimumConditionList;
        return (diagnoses.Count < minimum || names < minimum ? [] : diagnoses, onlyCancers);
    }

    /// <summary>True when every diagnosis of the item is a cancer and none is, or lies within, a cancer of the criterion above it.</summary>
    private static bool NoKindOf(ParsedCriterion parent, int[] parentNamed, ParsedCriterion item, int[] itemNamed)
    {
        var catalog = Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        var above = parentNamed.Select(c => parent.Constraints[c]).OfType<CancerTypeConstraint>().Select(c => c.Code).ToList();
        var below = itemNamed.Select(c => item.Constraints[c]).ToList();
        return above.Count > 0 && below.TrueForAll(c => c is CancerTypeConstraint cancer && !above.Exists(a => catalog.IsWithin(cancer.Code, a)));
    }

    /// <summary>True when the nearest criterion above <paramref name="i"/> at a lesser depth is <paramref name="diagnosis"/>.</summary>
    private static bool UnderDiagnosis(IReadOnlyList<ParsedCriterion> criteria, int i, int diagnosis)
    {
        var depth = criteria[i].Segment.Depth;
        for (var k = i - 1; k >= 0; k--)
        {
            if (criteria[k].Segment.Depth < depth)
            {
                return k == diagnosis;
            }
        }

        return false;
    }

    /// <summary>A disease the criterion requires: a cancer, or a condition (not a medication or procedure) named without negation, qualification or time limit.</summary>
    internal static bool IsDiagnosis(EligibilityConstraint constraint) => constraint switch
    {
        CancerTypeConstraint { Negated: false } => true,
        ConditionConstraint { Negated: false, Qualifies: false, ConceptKind: Vocabulary.MedicalConceptKind.Condition, WithinMonths: null } => true,
        _ => false,
    };
}
