using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Parsing;

/// <summary>
/// One criterion while it is parsed: its text, words, role and headings, the vocabulary, and the parts of the text
/// that a constraint has already claimed (so that "brain metastases" is not also read as a general condition).
/// </summary>
public sealed partial class CriterionContext
{
    private readonly List<(int Start, int End)> _claimed = [];
    private List<Token>? _tokens;
    private int[]? _clauseStarts;

    public CriterionContext(string text, CriterionRole role, OncologyVocabulary vocabulary, string? section = null, string? lead = null)
    {
        Text = text;
        Lower = text.ToLowerInvariant();
        Role = role;
        Vocabulary = vocabulary;
        Section = section;
        Lead = lead;
    }

    public string Text { get; }

    /// <summary>The text in lower case, with the same length and offsets as <see cref="Text"/>.</summary>
    public string Lower { get; }

    public CriterionRole Role { get; }

    public OncologyVocabulary Vocabulary { get; }

    /// <summary>The sub-heading above the criterion ("Age", "Performance status"), which completes short items ("18 and over").</summary>
    public string? Section { get; }

    public string? Lead { get; }

    // From Lower, which the tokenizer would otherwise lower-case a second time: the same words at the same offsets.
    public IReadOnlyList<Token> Tokens => _tokens ??= Tokenizer.Tokenize(Lower);

    /// <summary>True when one of the words (lower case, letters and digits) is a word of the text.</summary>
    /// <remarks>
    /// A cheap test before a pattern that can only match where one of its words stands. A criterion has a few dozen
    /// words and is asked about a few: a scan costs less than building a set of them.
    /// </remarks>
    public bool HasWord(string word)
    {
        var tokens = Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Value == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the lower-cased text contains one of the fragments.</summary>
    /// <remarks>A cheap test before a long pattern of alternatives, each of which holds one of the fragments.</remarks>
    public bool Contains(SearchValues<string> fragments) => Lower.AsSpan().ContainsAny(fragments);

    public List<EligibilityConstraint> Found { get; } = [];

    /// <summary>True when the text holds a digit (as <c>\d</c> matches: any script), which every number pattern needs.</summary>
    public bool HasDigit => _hasDigit ??= HoldsDigit(Text);

    private bool? _hasDigit;

    private static bool HoldsDigit(string text)
    {
        foreach (var ch in text)
        {
            if (char.IsDigit(ch))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the criterion is about current treatment, once read (<see cref="PriorTherapyParser.IsAboutCurrentTreatment"/>).</summary>
    internal bool? AboutCurrentTreatment { get; set; }

    /// <summary>True when the heading holds one of the words at the start of a word ("Age" but not "Stage").</summary>
    public bool SectionIs(params string[] words) => Section is { } s && words.Any(w => StartsAWordIn(s, w));

    private static bool StartsAWordIn(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    public void Claim(int start, int end) => _claimed.Add((start, end));

    /// <summary>True when one claim holds the whole of the words from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool IsCovered(int start, int end)
    {
        foreach (var (claimedStart, claimedEnd) in _claimed)
        {
            if (claimedStart <= start && claimedEnd >= end)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsClaimed(int start, int end)
    {
        foreach (var (claimedStart, claimedEnd) in _claimed)
        {
            if (start < claimedEnd && end > claimedStart)
            {
                return true;
            }
        }

        return false;
    }

    public void Add(EligibilityConstraint constraint, bool claim = true)
    {
        Found.Add(constraint with { Role = Role });
        if (claim)
        {
            Claim(constraint.Span.Start, constraint.Span.End);
        }
    }

    public static SourceSpan Span(int start, int end) => new(start, Math.Max(0, end - start));

    public static SourceSpan Span(Capture match) => new(match.Index, match.Length);

    /// <summary>
    /// True when a negation cue ("no", "not", "without", "never", "free of", "absence of") stands before
    /// <paramref name="position"/> in the same clause. Comparisons ("no more than") are not negations.
    /// </summary>
    public bool IsNegatedAt(int position)
    {
        // Boundaries over the whole text, found once: a parenthesis ends the clause when what it holds grants or
        // excepts, which may be written after the position ("no prior chemotherapy (prior tamoxifen allowed)").
        var clauseStart = 0;
        var previousStart = 0;
        var starts = _clauseStarts ??= ClauseStarts();
        foreach (var start in starts)
        {
            if (start > position)
            {
                break;
            }

            previousStart = clauseStart;
            clauseStart = start;
        }

        // "Must not have illnesses other than liver disease, including heart failure, renal failure": the exception
        // covers what it names; the list after "including" is the negated rule's again.
        if (clauseStart > 0 && ExceptionBoundaryBefore().IsMatch(Lower.AsSpan(0, clauseStart)) && ListResumes().IsMatch(Lower.AsSpan(clauseStart, Math.Min(position, Lower.Length) - clauseStart)))
        {
            clauseStart = previousStart;
        }

        // "No previous treatment, including surgery (excluding biopsy), radiotherapy or hormones": an exception in a
        // parenthesis ends where the parenthesis closes, and the list after it is the negated rule's again.
        if (clauseStart > 0 && position <= Lower.Length && position > clauseStart
            && Lower.LastIndexOf(')', position - 1, position - clauseStart) is var close and >= 0
            && Lower.LastIndexOf('(', clauseStart - 1) is var open and >= 0
            && Lower.IndexOf(')', open) == close)
        {
            clauseStart = 0;
            foreach (var start in starts)
            {
                if (start > open)
                {
                    break;
                }

                clauseStart = start;
            }
        }

        // In an exclusion, "No informed consent, pregnancy, homelessness" lists exclusions, the first one negated: a
        // double negative does not carry past a comma there.
        var window = Lower.AsSpan()[clauseStart..Math.Min(position, Lower.Length)];
        if (Role == CriterionRole.Exclusion && window.LastIndexOf(',') is var comma and >= 0)
        {
            window = window[(comma + 1)..];
        }

        // "Non-smoker", "non smoker": the prefix negates the word it is written on, and only that word.
        return NegationCue().IsMatch(window) || NonPrefix().IsMatch(window);
    }

    /// <summary>Where each clause starts: after every boundary of <see cref="ClauseBoundary"/>.</summary>
    /// <remarks>
    /// The pattern tries its words at almost every letter. A criterion without any of them as a word (the tokens are the
    /// words the pattern's <c>\b</c> sees, or more) has only the punctuation boundaries, which the shorter pattern finds
    /// at the same places: no word boundary overlaps a punctuation one.
    /// </remarks>
    private int[] ClauseStarts()
    {
        var boundaries = HasAnyWord(ClauseWords) ? ClauseBoundary().Matches(Lower) : PunctuationBoundary().Matches(Lower);
        var runOn = RunOnRuleWord().Matches(Text);
        var starts = new int[boundaries.Count + runOn.Count];
        for (var i = 0; i < boundaries.Count; i++)
        {
            starts[i] = boundaries[i].Index + boundaries[i].Length;
        }

        // A rule of a run-together block starts its own clause ("... not amenable to curative therapy At least 1
        // measurable lesion"): a negation before it does not reach into it.
        for (var i = 0; i < runOn.Count; i++)
        {
            starts[boundaries.Count + i] = runOn[i].Index;
        }

        if (runOn.Count > 0)
        {
            Array.Sort(starts);
        }

        return starts;
    }

    /// <summary>A rule of a run-together block starting: a capitalised opening word after a lower-case word, or a label ("Radiotherapy:").</summary>
    [GeneratedRegex(@"(?<=[a-z0-9%)]\s+)(?:No|At|Prior|Must|Concurrent|Recovered|Not|Other|See|Previous|Greater|More|Less|Any|Patients?)\b|\b[A-Z][a-z]+(?:\s+[a-z]+)?:", RegexOptions.CultureInvariant)]
    internal static partial Regex RunOnRuleStart();

    /// <summary>The first alternative of <see cref="RunOnRuleStart"/>: a capitalised opening word after a lower-case word (a label says what its rule is about, and stays in it).</summary>
    [GeneratedRegex(@"(?<=[a-z0-9%)]\s+)(?:No|At|Prior|Must|Concurrent|Recovered|Not|Other|See|Previous|Greater|More|Less|Any|Patients?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RunOnRuleWord();

    /// <summary>The words of <see cref="ClauseBoundary"/>'s word alternatives ("other than" and "with the exception" by one word each).</summary>
    private static readonly string[] ClauseWords = ["but", "except", "unless", "other", "excluding", "however", "exception", "if", "or"];

    private bool HasAnyWord(string[] words)
    {
        var tokens = Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Array.IndexOf(words, tokens[i].Value) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the words at <paramref name="position"/> only qualify or except something else: the disease a therapy
    /// was for ("no prior chemotherapy for breast cancer", "medications for their Parkinson's disease") or an exception
    /// ("respiratory illness other than asthma", "liver disease in addition to viral hepatitis"). Such a mention is
    /// not a requirement about that disease.
    /// </summary>
    public bool IsQualifierAt(int position)
    {
        var before = Lower.AsSpan()[Math.Max(0, position - 80)..Math.Min(position, Lower.Length)];
        return (MayNameTherapy && TherapyFor().IsMatch(before)) || (MayExcept && ExceptedBefore().IsMatch(before)) || ContextOf().IsMatch(before) || IsAftermathAt(position)
            || IsCauseOrOptionAt(position) || OtherStudyBefore().IsMatch(before) || PermittedBefore().IsMatch(before) || IsGrantedAfter(position)
            || (ParticipatedInBefore().IsMatch(before) && StudyNamedAfter().IsMatch(Lower, Math.Min(position, Lower.Length)));
    }

    /// <summary>"Participated in a CDI vaccine study", "enrolled in an asthma trial": the condition names the study.</summary>
    [GeneratedRegex(@"\b(?:participat\w*|enrol+(?:ed|ment)?)\s+in\s+(?:an?\s+|any\s+|the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ParticipatedInBefore();

    [GeneratedRegex(@"\G(?:[\w'.-]+\s+){1,4}(?:study|studies|trials?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StudyNamedAfter();

    // Keyword tests, once per criterion, before the patterns asked at many positions: each pattern can only match where
    // one of its words stands, and most criteria hold none of them (the patterns are case-sensitive on Lower, as these).
    private bool? _mayNameTherapy;
    private bool? _mayExcept;
    private bool? _mayGrant;
    private bool? _mayNameCause;

    /// <summary>Every alternative of <see cref="TherapyFor"/> starts with a word holding one of these.</summary>
    private static readonly SearchValues<string> TherapyWords = SearchValues.Create(
        ["therap", "treat", "chemo", "radiation", "surgery", "resection", "medication", "drug", "agent", "regimen", "transplant", "intervention", "procedure", "operation"],
        StringComparison.Ordinal);

    /// <summary>Every alternative of <see cref="ExceptedBefore"/> holds one of these.</summary>
    private static readonly SearchValues<string> ExceptionWords = SearchValues.Create(
        ["not", "exclud", "except", "other", "cause", "etiolog", "reason", "apart", "aside", "besides", "addition"], StringComparison.Ordinal);

    /// <summary>Every match of <see cref="PermittedAfter"/> ends with one of these.</summary>
    private static readonly SearchValues<string> GrantWords = SearchValues.Create(
        ["excluded", "allowed", "permitted", "acceptable", "included", "enrolled", "continued"], StringComparison.Ordinal);

    /// <summary>Every alternative of <see cref="CauseOrOption"/> holds one of these.</summary>
    private static readonly SearchValues<string> CauseWords = SearchValues.Create(
        ["due", "secondary", "cause", "because", "attribut", "result", "consequence", "complication", "setting", "context", "associated", "related", "known",
            "produce", "lead", "mimic", "intended", "used", "given", "prescribed", "aim", "control", "treat", "manage", "prevent", "without", "whether",
            "regardless", "irrespective", "willing", "toxic", "adverse", "side", "administered", "swallowed", "ingested", "delivered"],
        StringComparison.Ordinal);

    private bool MayNameTherapy => _mayNameTherapy ??= Lower.AsSpan().ContainsAny(TherapyWords);

    private bool MayExcept => _mayExcept ??= Lower.AsSpan().ContainsAny(ExceptionWords);

    private bool MayGrant => _mayGrant ??= Lower.AsSpan().ContainsAny(GrantWords);

    private bool MayNameCause => _mayNameCause ??= Lower.AsSpan().ContainsAny(CauseWords);

    /// <summary>True when a grant follows <paramref name="position"/> ("... are allowed"), see <see cref="PermittedAfter"/>.</summary>
    private bool IsGrantedAfter(int position) => MayGrant && PermittedAfter().IsMatch(Lower, Math.Min(position, Lower.Length));

    /// <summary>
    /// True when the words at <paramref name="position"/> name a cause, a purpose or an option of what the criterion is
    /// about, not a requirement of their own: "hospitalisation due to asthma", "toxicity related to prior therapy",
    /// "suicide attempt associated with the current episode of depression", "drugs to control diarrhoea", "agents
    /// intended to treat or prevent breast cancer", "with or without chronic cough".
    /// </summary>
    public bool IsCauseOrOptionAt(int position) => MayNameCause && CauseOrOption().IsMatch(Lower.AsSpan(Math.Max(0, position - 60), Math.Min(position, Lower.Length) - Math.Max(0, position - 60)));

    /// <summary>
    /// True when the words at <paramref name="position"/> name what the patient is allergic, intolerant or otherwise
    /// unable to take ("allergy to ribavirin", "hypersensitivity to the study drug or its excipients", "contraindications
    /// to metronidazole", "adverse reaction to corticosteroids"): the criterion is about that reaction, not about having
    /// received the agent.
    /// </summary>
    public bool IsAllergyObjectAt(int position) => AllergyObject().IsMatch(Lower.AsSpan()[Math.Max(0, position - 200)..Math.Min(position, Lower.Length)])
        || AllergyAfter().IsMatch(Lower, Math.Min(position, Lower.Length));

    /// <summary>Agents listed before the reaction: "oxaliplatin, fludarabine, cytarabine or rituximab intolerance", "penicillin allergy".</summary>
    [GeneratedRegex(@"\G[\w-]+(?:(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and/or)\s+)[\w-]+){0,6}\s+(?:intoleran\w*|allerg\w*|hypersensitiv\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AllergyAfter();

    /// <summary>True when <paramref name="position"/> lies inside a web address, whose words are not the criterion's.</summary>
    public bool IsInsideUrl(int position)
    {
        for (var m = Url().Match(Text); m.Success; m = m.NextMatch())
        {
            if (position >= m.Index && position < m.Index + m.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the words at <paramref name="position"/> are named as an exception ("other than levothyroxine").</summary>
    public bool IsExceptedAt(int position) => MayExcept && ExceptedBefore().IsMatch(Lower.AsSpan()[Math.Max(0, position - 80)..Math.Min(position, Lower.Length)]);

    /// <summary>
    /// True when a treatment at <paramref name="position"/> is one the patient could have, not one they had: "not
    /// amenable to lumpectomy", "eligible for autologous transplant", "guidelines for stem cell transplantation".
    /// </summary>
    /// <summary>
    /// True when the drug at <paramref name="position"/> is given for a measurement the criterion states ("FEV1 &lt; 70%
    /// after 2 puffs of albuterol", "pre-bronchodilator FEV1", "reversibility after inhaled beta2-agonists"): the
    /// measurement's own constraint asks about it; it is not a treatment the patient must have had.
    /// </summary>
    public bool IsTestDrugAt(int position) =>
        TestDrugBefore().IsMatch(Lower.AsSpan(Math.Max(0, position - 40), position - Math.Max(0, position - 40)))
        && (Found.Any(f => f.Kind is ConstraintKind.Laboratory or ConstraintKind.OrganFunction) || MeasurementWords().IsMatch(Lower));

    public bool IsProspectiveAt(int position) => Prospective().IsMatch(Lower.AsSpan()[Math.Max(0, position - 110)..Math.Min(position, Lower.Length)]);

    /// <summary>
    /// True when what ends at <paramref name="position"/> may also be given when the study starts ("vaccinated within 3
    /// years prior to, or at the time of, initiating study drug"): an inclusion the patient can meet at enrolment, which
    /// no history answers.
    /// </summary>
    public bool IsDueByEnrolmentAfter(int position) =>
        Role == CriterionRole.Inclusion && position < Lower.Length
        && DueByEnrolment().IsMatch(Lower.AsSpan()[position..Math.Min(Lower.Length, position + 140)]);

    /// <summary>True when a treatment at <paramref name="position"/> is one something requires ("lesions that require radiotherapy", "pneumonitis requiring steroids").</summary>
    public bool IsRequiredAt(int position) => Required().IsMatch(Lower.AsSpan()[Math.Max(0, position - 40)..Math.Min(position, Lower.Length)]);

    /// <summary>The last of <paramref name="first"/> and the matches after it that ends by <paramref name="position"/>, or null.</summary>
    public static Match? LastMatchBefore(Match first, int position)
    {
        Match? last = null;
        for (var m = first; m.Success && m.Index + m.Length <= position; m = m.NextMatch())
        {
            last = m;
        }

        return last;
    }

    public static decimal? ParseNumber(string text)
    {
        var cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Numbers.NumberText.DecimalOrNull(cleaned);
    }

    /// <summary>The comparison an operator word or symbol means ("≥", "at least", "no more than").</summary>
    public static Comparison? ParseComparison(string op)
    {
        // "Greater than or equal (>=)": the symbol in parentheses repeats the words; "to" is often left out.
        var o = Whitespace().Replace(op.EndsWith(')') ? op[..op.LastIndexOf('(')] : op, " ").Trim().ToLowerInvariant();
        if (o.EndsWith(" or equal", StringComparison.Ordinal))
        {
            o += " to";
        }

        return o switch
        {
            ">=" or "=>" or "≥" or "⩾" or "≧" or "> or =" or "=/>" or ">/=" or "= or >" or "at least" or "of at least" or "no less than" or "not less than"
                or "greater than or equal to" or "more than or equal to" or "equal to or greater than" or "equal or greater than" or "minimum" or "minimum of"
                or "greater or equal to" or "≥=" or "> =" or "superior or equal to" or "equal or superior to"
                or "above or equal to" or "higher or equal to" or "equal to or above" or "equal or above" or "equal to or higher" or "equal or higher" or "equal to or over" or "equal or over" => Comparison.AtLeast,
            "<=" or "=<" or "≤" or "⩽" or "≦" or "< or =" or "=/<" or "</=" or "= or <" or "less than or equal to" or "equal to or less than" or "equal or less than"
                or "no more than" or "not more than" or "no greater than" or "not greater than" or "no higher than" or "not higher than" or "up to" or "maximum"
                or "maximum of" or "not exceeding" or "not to exceed" or "not exceed" or "does not exceed" or "less or equal to" or "< =" or "inferior or equal to" or "equal or inferior to"
                or "below or equal to" or "lower or equal to" or "equal to or below" or "equal or below" or "equal to or lower" or "equal or lower" or "equal to or under" or "equal or under" => Comparison.AtMost,
            ">" or "greater than" or "more than" or "higher than" or "above" or "over" or "exceeding" or "in excess of" or "exceeds" or "superior to" => Comparison.GreaterThan,
            "<" or "less than" or "lower than" or "below" or "under" or "fewer than" or "inferior to" => Comparison.LessThan,
            "=" or "equal to" => Comparison.Equal,
            _ => null,
        };
    }

    /// <summary>Operators and words that compare, as a regex fragment with group <c>op</c>.</summary>
    public const string Operator = @"(?<op>(?:>\s*or\s*=|<\s*or\s*=|=\s*or\s*>|=\s*or\s*<|=/>|>/=|=/<|</=|>=|=>|≥=?|⩾|≧|<=|=<|≤|⩽|≦|> =|< =|>|<|=|(?:of\s+)?at\s+least|no\s+less\s+than|not\s+less\s+than|greater\s+than\s+or\s+equal(?:\s+to)?|greater\s+or\s+equal(?:\s+to)?|(?:below|lower|above|higher)\s+or\s+equal(?:\s+to)?|equal\s+(?:to\s+)?or\s+(?:below|lower|under|above|higher|over)\b|(?:superior|inferior)\s+or\s+equal\s+to|equal\s+or\s+(?:superior|inferior)\s+to|(?:superior|inferior)\s+to|more\s+than\s+or\s+equal(?:\s+to)?|equal\s+to\s+or\s+greater\s+than|equal\s+or\s+greater\s+than|less\s+than\s+or\s+equal(?:\s+to)?|less\s+or\s+equal(?:\s+to)?|equal\s+to\s+or\s+less\s+than|equal\s+or\s+less\s+than|no\s+(?:more|greater|higher)\s+than|not\s+(?:more|greater|higher)\s+than|greater\s+than|more\s+than|higher\s+than|in\s+excess\s+of|exceeding|exceeds|above|over|less\s+than|fewer\s+than|lower\s+than|below|under|up\s+to|maximum(?:\s+of)?|minimum(?:\s+of)?|not\s+to\s+exceed|not\s+exceeding|does\s+not\s+exceed|not\s+exceed))(?:\s*\((?:>=|≥|<=|≤|>|<|=)\))?";

    /// <summary>A number ("1,500", "1.5", "100 000"), as a regex fragment with group <c>num</c>.</summary>
    public const string NumberPattern = @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\s\d{3})+(?!\d)|\d+(?:\.\d+)?|\.\d+)";

    /// <summary>Words after a number that make it a bound ("18 or older", "2 or more").</summary>
    public static Comparison? ParseTrailing(string words)
    {
        var w = words.ToLowerInvariant();
        if (TrailingAtLeast().IsMatch(w))
        {
            return Comparison.AtLeast;
        }

        if (TrailingAtMost().IsMatch(w))
        {
            return Comparison.AtMost;
        }

        return null;
    }

    // Generated once rather than looked up in the regex cache at every bound read; the same patterns, no case folding.
    [GeneratedRegex(@"\s+")]
    internal static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(?:years?\s*(?:of\s+age\s*)?)?(?:or|and)\s+(?:more|greater|higher|above|older|over|longer)|^\s*\+")]
    private static partial Regex TrailingAtLeast();

    [GeneratedRegex(@"^\s*(?:years?\s*(?:of\s+age\s*)?)?(?:or|and)\s+(?:less|lower|below|younger|under|fewer)")]
    private static partial Regex TrailingAtMost();

    [GeneratedRegex(@"\b(?:therap(?:y|ies)|treatments?|treated|chemotherap(?:y|ies)|chemo|radiotherapy|radiation|irradiation|immunotherap(?:y|ies)|surgery|resection|medications?|drugs?|agents?|regimens?|transplant(?:ation)?|(?:surgical\s+)?(?:interventions?|procedures?|operations?))\s+(?:\w+\s+){0,2}(?:for|of|against|to\s+treat)\s+(?:(?:[a-z'-]+\s+){1,3}(?:or|and|and/or)\s+(?:other\s+|any\s+|related\s+)?)?(?:(?:the|this|that|their|his|her|a|an|any|prior|previous|current|underlying|primary|metastatic|advanced|recurrent|locally|early|localized|invasive|or|and|stage\s+\w+)\s+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex TherapyFor();

    [GeneratedRegex(@"\b(?:allerg\w*|hypersensitiv\w*|anaphyla\w*|(?<!\b(?:resistan\w*|refractory|failure|failed|progression)(?:\s+(?:to|of|on))?\s*(?:or|and|and/or|/)\s*)intoleran\w*(?!\s+(?:of|to)\s+(?:or|and|and/or)\s+(?:resistan|refractory))|contra-?\s?indicat\w*|sensitivit(?:y|ies)|adverse\s+(?:drug\s+)?(?:reactions?|events?|effects?)|(?:drug\s+)?reactions?)\s+(?:[\w-]+\s+){0,2}(?:to|of|with|against|for|from)\b[^.;:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AllergyObject();

    /// <summary>"Recovered from (the toxic effects of) any prior surgery": what follows is about the aftermath of a treatment, if there was one.</summary>
    public bool IsAftermathAt(int position) => RecoveredFrom().IsMatch(Lower.AsSpan()[Math.Max(0, position - 80)..Math.Min(position, Lower.Length)]);

    [GeneratedRegex(@"\b(?:due\s+to|secondary\s+to|caused\s+by|(?:toxicit(?:y|ies)|toxic\s+effects?|adverse\s+(?:events?|effects?)|side[- ]effects?)\s+(?:(?:continuing|resulting|persisting|remaining|arising|related|attributed)\s+)?(?:from|of|following|after|to)|because\s+of|attribut(?:able|ed)\s+to|as\s+a\s+(?:result|consequence|complication)\s+of|in\s+the\s+(?:setting|context)\s+of|associated\s+with|related\s+to|known\s+to\s+cause|(?:that|which)\s+(?:can|could|may|might|would)\s+(?:produce|cause|result\s+in|lead\s+to|mimic)|(?:intended|used|given|prescribed|aim(?:ed|ing))\s+(?:at|to)(?:\s+(?:treat|prevent|control|manage))?(?:\s+or\s+(?:treat|prevent|control|manage))?|(?<!\b(?:unable|inability|failure|failed|difficult)\s)to\s+(?:control|treat|manage|prevent)(?:\s+or\s+(?:treat|prevent|control|manage))?|with\s+or\s+without|whether\s+or\s+not|regardless\s+of|irrespective\s+of|willing(?:ness)?\s+to\s+(?:limit|avoid|reduce|stop|quit|abstain\s+from|refrain\s+from)|(?:can|may)\s+(?:then\s+|also\s+)?be\s+(?:given|administered|taken|delivered|swallowed|ingested)\s+(?:through|via|by|with|using))\s+(?:[\w'-]+[\s,()]+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CauseOrOption();

    /// <summary>
    /// True when, in an exclusion, the treatment at <paramref name="position"/> follows "despite" ("infection without
    /// improvement despite appropriate antibiotics", "diarrhoea despite a course of vancomycin"): it describes the
    /// condition excluded and does not exclude on its own.
    /// </summary>
    public bool IsTreatmentDespiteAt(int position) =>
        Role == CriterionRole.Exclusion && DespiteBefore().IsMatch(Lower.AsSpan(Math.Max(0, position - 50), position - Math.Max(0, position - 50)));

    [GeneratedRegex(@"\b(?:despite|in\s+spite\s+of|notwithstanding)\s+(?:[\w-]+\s+){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DespiteBefore();

    /// <summary>True when the words at <paramref name="position"/> name what the patient may have or take ("may be on levodopa"), a permission.</summary>
    public bool IsPermittedAt(int position) => PermittedBefore().IsMatch(Lower.AsSpan(Math.Max(0, position - 60), Math.Min(position, Lower.Length) - Math.Max(0, position - 60)))
        || IsGrantedAfter(position)
        || (Lower.Contains("may have", StringComparison.Ordinal) && MayHaveBefore().IsMatch(Lower.AsSpan(0, Math.Min(position, Lower.Length))));

    /// <summary>"Patients may have documented resistance or intolerance to interferon, imatinib or hydroxyurea": a permission of the whole list.</summary>
    [GeneratedRegex(@"\b(?:patients?|subjects?|participants?|they)\s+may\s+have\s+(?!been\b)[^.;:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MayHaveBefore();

    /// <summary>"Patients on opiates and acetaminophen will not be excluded", "inhaled steroids are allowed": a grant written after what it grants.</summary>
    [GeneratedRegex(@"\G[\w'-]*(?:[\s,/]+(?:and|or|[\w'-]+)){0,4}\s+(?:will\s+not\s+be\s+excluded|(?:is|are)\s+not\s+excluded|(?:is|are)\s+(?:allowed|permitted|acceptable)|may\s+be\s+(?:included|enrolled|continued))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PermittedAfter();

    /// <summary>
    /// True when the substance named just before <paramref name="end"/> is measured or stained, not given: "dim
    /// immunoglobulin expression", "thyroid hormone levels", "insulin antibodies", "IgG deposits".
    /// </summary>
    public bool IsMeasuredSubstanceAt(int end) => MeasuredAfter().IsMatch(Lower, Math.Min(end, Lower.Length));

    /// <summary>
    /// True when the hormone named from <paramref name="start"/> to <paramref name="end"/> is the body's own, not one
    /// given: "resistance to thyroid hormone", "secretion of TSH", "growth hormone deficiency", "GH-secreting tumours".
    /// </summary>
    public bool IsEndogenousHormoneAt(int start, int end) =>
        EndogenousBefore().IsMatch(Lower.AsSpan(Math.Max(0, start - 40), Math.Min(start, Lower.Length) - Math.Max(0, start - 40)))
        || EndogenousAfter().IsMatch(Lower, Math.Min(end, Lower.Length));

    /// <summary>True when the substance starting at <paramref name="start"/> is what antibodies are against ("antibodies to mouse immunoglobulins", "antibodies against insulin"): an antigen, not a treatment.</summary>
    public bool IsAntigenAt(int start) => AntibodiesAgainstBefore().IsMatch(Lower.AsSpan(Math.Max(0, start - 60), Math.Min(start, Lower.Length) - Math.Max(0, start - 60)));

    [GeneratedRegex(@"\b(?:anti-?)?antibod(?:y|ies)\s+(?:to|against|directed\s+against|reactive\s+(?:to|with))\s+(?:[\w-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AntibodiesAgainstBefore();

    [GeneratedRegex(@"\G[\s-]*(?:expression|expressing|levels?|deposits?|deposition|staining|stain|concentrations?|titers?|titres?|positivity|negativity|receptors?|spike|antibod(?:y|ies)|resistance|binding|secretion|production|deficiency|assay)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MeasuredAfter();

    /// <summary>"But may be on levodopa", "may continue to take statins": what the patient is allowed, not a rule.</summary>
    [GeneratedRegex(@"\b(?:may|can|could)\s+(?:still\s+)?(?:be\s+(?:on|taking|receiving|using)|continue(?:\s+(?:on|with|to\s+(?:take|receive|use)))?|remain\s+on|stay\s+on|receive|take|use|have\s+(?:received|had|taken|used))\s+(?:[\w'-]+\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PermittedBefore();

    /// <summary>"Participating in another asthma-related study": the condition names the other study, not the patient.</summary>
    [GeneratedRegex(@"\b(?:participat\w*|enrol+(?:ed|ment)?|involve(?:d|ment))\s+in\s+(?:an?\s+|any\s+)?(?:another|other|different|concurrent|simultaneous)\s+(?:[\w'-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherStudyBefore();

    [GeneratedRegex(@"\brecover(?:ed|y|ing)?\s+from\s+(?:[\w-]+[\s,]+){0,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex RecoveredFrom();

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:(?:trials?|stud(?:y|ies)|network|program(?:me)?|registry|consortium|guidelines?)\s+(?:\w+\s+){0,2}(?:in|of|for|on)|(?:inclusion|exclusion)(?:\s+criteria)?\s+for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContextOf();

    /// <summary>
    /// A treatment or procedure to come, not one had: "eligible for allogeneic peripheral blood stem cell or bone marrow
    /// transplantation", "run-in chemotherapy", "scheduled for surgery", "while on"; as much one ruled out ("ineligible for
    /// potentially curative surgical resection", "unsuitable for surgery", "unfit for intensive chemotherapy", "not potentially
    /// curable by radiation therapy"). A candidacy (a clinical judgement,
    /// which no history answers) reaches over a list of up to twelve words without a verb of its own; a plan, which a
    /// complete history would mention, only over four, as before, and a name given with its synonym after a slash
    /// ("replace their current SABA with albuterol/salbutamol") counts once; a count of cycles or doses ("expected to complete
    /// at least 2 cycles of chemotherapy") is not one of the four.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:amenable\s+to|(?:potentially\s+)?(?:in)?curable\s+(?:by|with)|(?:in)?eligible\s+for|candidates?\s+for|(?:un)?suitable\s+for|(?:un)?fit\s+for|considered\s+for|awaiting|referred\s+for|predicted\s+(?:treatment|therapy)\s+(?:must\s+|will\s+)?(?:include|involve)s?(?:\s+the\s+use\s+of)?|run-in)\s+(?:(?!(?:have|has|had|received?|receiving|who|which|that|must|is|are|was|were|not|no|without|prior|previous)\b)[\w-]+(?:\s+|/)){0,12}|(?:scheduled\s+for|planned|planning|guidelines?\s+for|compliance\s+with|treated\s+by|intend\w*\s+to\s+(?:have|undergo|receive)|(?:will|must|should|shall)\s+(?:also\s+)?(?:receive|undergo)|to\s+(?:receive|undergo|complete)|(?:willing(?:ness)?|unwilling|able|unable|ability|agrees?|agreement|consents?)\s+(?:and\s+able\s+)?to\s+(?:take|use|start|stop|discontinue|avoid|switch\s+to|comply\s+with|tolerate|undergo|replace|substitute|change)|prior\s+to|before|while\s+(?:taking|receiving|on|undergoing)|can\s+be\s+(?:safely\s+)?(?:encompassed|included|covered|treated|irradiated)\s+(?:by|in|within|with))\s+(?:(?:at\s+least\s+|a\s+minimum\s+of\s+|up\s+to\s+)?(?:\d+|one|two|three|four|five|six)\s+(?:cycles?|courses?|doses?)\s+of\s+)?(?:[\w-]+(?:\s+|/)){0,4}(?:[\w-]+/)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Prospective();

    [GeneratedRegex(@"\b(?:resistance|insensitivity|secretion|hypersecretion|oversecretion|action|actions|production|overproduction|deficiency|deficiencies|excess|synthesis)\s+(?:to|of)\s+(?:the\s+)?(?:endogenous\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EndogenousBefore();

    [GeneratedRegex(@"\G\s*(?:\([^)]{1,8}\)\s*)?[-\s]?(?:receptors?|resistance|insensitivity|deficien(?:t|cy|cies)|secretion|hypersecretion|secreting|producing|production|excess)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EndogenousAfter();

    [GeneratedRegex(@"^[^.;]*?\bor\s*,?\s*(?:at\s+the\s+time\s+of|at|on\s+the\s+day\s+of|by\s+the\s+time\s+of|before|prior\s+to)\s*,?\s*(?:the\s+)?(?:initiat\w*|start\w*|first\s+dose|enrol\w*|randomi[sz]\w*|registration|study\s+entry|entry\s+into)", RegexOptions.CultureInvariant)]
    private static partial Regex DueByEnrolment();

    [GeneratedRegex(@"(?:\b(?:pre|post)[- ]?|\b(?:after|following|post)\s+(?:(?:\d+|two|four)\s+puffs?\s+of\s+|(?:inhalation|administration|a\s+dose|a\s+challenge)\s+(?:of\s+|with\s+)?)?(?:inhaled\s+|nebuli[sz]ed\s+)?|\b(?:\d+(?:\s*-\s*\d+)?|two|four)\s+puffs?\s+of\s+|\b(?:reversib\w*|responsive\w*|response)\s+(?:to|with)\s+(?:inhaled\s+|nebuli[sz]ed\s+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TestDrugBefore();

    [GeneratedRegex(@"\b(?:fev1|fvc|pef|spirometr\w*|reversib\w*|bronchodilat\w*\s+response|challenge|stimulation\s+test|test(?:ing)?|pc20)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MeasurementWords();

    [GeneratedRegex(@"\b(?:requir(?:e|es|ed|ing)|needs?|needing)\s+(?:[\w-]+\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"\b(?:other\s+than|except|excluding)$", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionBoundaryBefore();

    [GeneratedRegex(@",\s*(?:including|such\s+as|namely)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ListResumes();

    [GeneratedRegex(@"(?:\(\s*(?:not|excluding|except)\s+(?:[\w'-]+\s+){0,3}[\w-]*$)|\b(?:other\s+(?:[\w-]+\s+){0,3}than|(?:other\s+)?(?:known\s+)?(?:causes?|etiolog(?:y|ies)|reasons?)\s+(?:of|for)|except(?:\s+for)?|apart\s+from|aside\s+from|besides|in\s+addition\s+to|excluding|with\s+the\s+exception\s+of)\s+(?:(?!(?:including|such|namely)\b)[\w'-]+[\s,]+){0,3}(?!(?:including|such|namely)\b)[\w-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptedBefore();

    [GeneratedRegex(@";|\.\s|\bbut\b|\bexcept\b|\bunless\b|\bother than\b|\bexcluding\b|\bhowever\b|\bwith the exception\b|\bif\b|\((?=[^)]*\b(?:allowed|permitted|acceptable|eligible|may|except|unless|other\s+than|excluding|but|not\s+(?:an?\s+)?exclusions?|not\s+excluded)\b)|\bor\s+(?=\w+\s+(?:is|are|must|should)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    /// <summary>The alternatives of <see cref="ClauseBoundary"/> without a word, in the same order.</summary>
    [GeneratedRegex(@";|\.\s|\((?=[^)]*\b(?:allowed|permitted|acceptable|eligible|may|except|unless|other\s+than|excluding|but|not\s+(?:an?\s+)?exclusions?|not\s+excluded)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PunctuationBoundary();

    [GeneratedRegex(@"\b(?:no|not(?!\s+(?:more|less|greater|higher|lower|exceed|exceeding|to\s+exceed|including|applicable|required|limited|only|necessarily|yet|otherwise|respond(?:s|ed|ing)?|responsive|tolerat(?:e|ed|es|ing)|tolerant|improv(?:ed|ing)|adequately|well)\b)|(?<!\bwith\s+or\s+)without|never(?!\s+(?:smokers?|drinkers?)\b)|absence\s+of|free\s+(?:of|from)|independent(?:ly)?\s+of|lack\s+of|none|nor|neither|cannot|denies|unable\s+to\s+receive|refrain(?:s|ing)?\s+from|abstain(?:s|ing)?\s+from)\b(?!\s+(?:more|less|greater|higher|longer|fewer)\s+than)", RegexOptions.CultureInvariant)]
    private static partial Regex NegationCue();

    [GeneratedRegex(@"\bnon[- ]?$", RegexOptions.CultureInvariant)]
    private static partial Regex NonPrefix();

    /// <summary>A bracketed aside, round or square, without brackets inside it ("(AML subtype M3)", "[WHO]").</summary>
    [GeneratedRegex(@"\([^()]*\)|\[[^\[\]]*\]", RegexOptions.CultureInvariant)]
    internal static partial Regex BracketedAside();
}
