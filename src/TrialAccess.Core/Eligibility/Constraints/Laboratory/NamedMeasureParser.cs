using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Parsing;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// Reads a threshold on a clinical measure that the vocabulary does not list as an analyte: a score or scale ("EDSS score
/// of 0 to 5.5", "Epworth Sleepiness Scale score of 8 or greater", "a score of 10 or above on the Clinical Institute
/// Withdrawal Assessment"), an index ("Apnea Hypopnea Index (AHI) > 30") or a measure named by its abbreviation ("CDAI &gt;
/// 450", "IOP ≥ 21 mmHg"). It becomes a <see cref="LaboratoryConstraint"/> on that name: answered from a result recorded
/// under the same name, otherwise a question, never presumed.
/// </summary>
/// <remarks>
/// Runs after every other family, on words none of them claimed. The measure must be named right before the bound (or
/// after it, as "on the ... scale"); a number of days, doses or episodes is no measure, nor is an age, a duration or a count
/// of lesions.
/// </remarks>
public static partial class NamedMeasureParser
{
    /// <summary>The analyte of a criterion about laboratory tests in general ("clinically significant laboratory abnormality").</summary>
    public const string LaboratoryPanel = "laboratory tests";

    /// <summary>The analyte of a criterion about the ECG in general ("abnormal screening ECG").</summary>
    public const string Electrocardiogram = "ECG";

    /// <summary>Every match of <see cref="Panel"/> holds one of these (lower case).</summary>
    private static readonly SearchValues<string> PanelFragments = SearchValues.Create(["lab", "hematolog", "haematolog", "chemistr", "urinalys", "ecg", "ekg", "electrocardiogra"], StringComparison.Ordinal);

    public static void Parse(CriterionContext c)
    {
        ReadThresholds(c);

        // "Any clinically significant laboratory abnormality", "must meet baseline laboratory requirements", "screening ECG
        // with clinically significant abnormalities": the tests in general, a question for the clinician, when nothing
        // more specific was read.
        if (c.Found.Count == 0 && c.Contains(PanelFragments) && Panel().Match(c.Text) is { Success: true } panel)
        {
            var analyte = panel.Groups["ecg"].Success ? Electrocardiogram : LaboratoryPanel;
            c.Add(new LaboratoryConstraint(analyte, null, null, false) { Span = CriterionContext.Span(panel) });
        }
    }

    private static void ReadThresholds(CriterionContext c)
    {
        // Most criteria hold a number; few name a measure by a head word or an abbreviation in capitals.
        if (!HasUnclaimedNumber(c) || !(c.Contains(HeadFragments) || HasCapitalPair(c.Text)))
        {
            return;
        }

        for (var m = BoundPattern().Match(c.Text); m.Success; m = m.NextMatch())
        {
            // Every match starts at its number, the operator or "between" before it read by a look-behind: the pattern is
            // tried only where a digit is, not at every letter of the criterion.
            var boundStart = m.Groups["op"].Success ? m.Groups["op"].Index : m.Groups["lead"].Success ? m.Groups["lead"].Index : m.Index;
            if ((m.Index > 0 && (char.IsDigit(c.Text[m.Index - 1]) || c.Text[m.Index - 1] is '.' or ',')) || c.IsClaimed(boundStart, m.Index + m.Length) || NotAMeasure().IsMatch(c.Text.AsSpan(m.Index + m.Length)))
            {
                continue;
            }

            var name = NameBefore(c.Text, boundStart, out var nameStart) ?? NameAfter(c.Text, m.Index + m.Length, out nameStart);
            if (name is null || c.IsClaimed(nameStart, nameStart + 1))
            {
                continue;
            }

            // "Grade ≥ 2 stomatitis", "class III heart failure": the grade of what follows, not a measure of its own; "any
            // history of PCWP > 18 mmHg" is a past finding, a condition.
            if ((GradeWord().IsMatch(name) && GradeOf().IsMatch(c.Text.AsSpan(m.Index + m.Length)))
                || HistoryOf().IsMatch(c.Text.AsSpan(Math.Max(0, nameStart - 160), Math.Min(160, nameStart))))
            {
                continue;
            }

            var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.Trim() : null;
            var span = CriterionContext.Span(Math.Min(nameStart, boundStart), Math.Max(m.Index + m.Length, nameStart + name.Length));
            if (m.Groups["lo"].Success)
            {
                if (CriterionContext.ParseNumber(m.Groups["lo"].Value) is { } lo && CriterionContext.ParseNumber(m.Groups["hi"].Value) is { } hi && lo < hi)
                {
                    c.Add(new LaboratoryConstraint(name, new Bound(Comparison.AtLeast, lo), unit, false) { Span = span });
                    c.Add(new LaboratoryConstraint(name, new Bound(Comparison.AtMost, hi), unit, false) { Span = span });
                }

                continue;
            }

            var comparison = m.Groups["op"].Success ? CriterionContext.ParseComparison(m.Groups["op"].Value) : CriterionContext.ParseTrailing(m.Groups["tail"].Value);
            if (comparison is { } comparing && CriterionContext.ParseNumber(m.Groups["num"].Value) is { } value)
            {
                c.Add(new LaboratoryConstraint(name, new Bound(comparing, value), unit, false) { Span = span });
            }
        }
    }

    /// <summary>
    /// The measure named just before the bound, after words that only join the two ("score of", "must be", "at screening
    /// of"): a phrase ending in a measure's head word ("Epworth Sleepiness Scale score", "pain score") or an abbreviation
    /// in capitals ("CDAI", "PHQ-9", "(EDSS)").
    /// </summary>
    private static string? NameBefore(string text, int boundStart, out int start)
    {
        start = -1;
        var from = Math.Max(0, boundStart - 90);
        var before = text[from..boundStart];
        var cut = before.LastIndexOfAny([';', '.', ':', '\n']);
        if (cut >= 0 && !(before[cut] == '.' && cut + 1 < before.Length && char.IsDigit(before[cut + 1])))
        {
            before = before[(cut + 1)..];
            from += cut + 1;
        }

        var words = Word().Matches(before);
        var i = words.Count - 1;
        while (i >= 0 && Filler().IsMatch(words[i].Value))
        {
            i--;
        }

        if (i < 0)
        {
            return null;
        }

        var head = words[i].Value.Trim('(', ')', '[', ']');
        var isHead = HeadWord().IsMatch(head);
        if (!isHead && !IsAbbreviation(head))
        {
            return null;
        }

        // Walk back over the words that name the measure: capitals, abbreviations and the few lower-case modifiers scales
        // are named with ("pain", "total", "depression"), not verbs or function words.
        var first = i;
        while (first > 0 && i - first < 6 && !Stop().IsMatch(words[first - 1].Value)
            && (isHead || words[first - 1].Value.StartsWith('(') || IsAbbreviation(words[first - 1].Value.Trim('(', ')')) || char.IsUpper(words[first - 1].Value[0])))
        {
            first--;
        }

        var name = before[words[first].Index..(words[i].Index + words[i].Length)].Trim('(', ')', '[', ']', ' ');
        if (Excluded().IsMatch(name) || (isHead && first == i && !IsAbbreviation(head) && Generic().IsMatch(head)))
        {
            return null;
        }

        start = from + words[first].Index;
        return Collapse(name);
    }

    /// <summary>"A score of 10 or above on the Clinical Institute Withdrawal Assessment (CIWA)": the scale named after the bound.</summary>
    private static string? NameAfter(string text, int boundEnd, out int start)
    {
        start = -1;
        var m = ScaleAfter().Match(text, boundEnd);
        if (!m.Success || m.Index - boundEnd > 3)
        {
            return null;
        }

        var name = m.Groups["name"];
        if (Excluded().IsMatch(name.Value))
        {
            return null;
        }

        start = name.Index;
        return Collapse(name.Value);
    }

    /// <summary>One space between words, and the parenthesis of a trailing abbreviation closed ("Scale (EDSS)").</summary>
    private static string Collapse(string name)
    {
        name = Spaces().Replace(name, " ").Trim();
        return name.Count(ch => ch == '(') > name.Count(ch => ch == ')') ? name + ")" : name;
    }

    private static bool IsAbbreviation(string word)
    {
        if (word.Length is < 2 or > 12 || !char.IsLetter(word[0]))
        {
            return false;
        }

        var capitals = 0;
        foreach (var ch in word)
        {
            if (char.IsUpper(ch))
            {
                capitals++;
            }
            else if (!char.IsDigit(ch) && ch is not '-' and not '/' && !char.IsLower(ch))
            {
                return false;
            }
        }

        return capitals >= 2 && !NotAMeasureAbbreviation().IsMatch(word);
    }

    /// <summary>Every <see cref="HeadWord"/>, lower case, and the words after which <see cref="NameAfter"/> looks.</summary>
    private static readonly SearchValues<string> HeadFragments = SearchValues.Create(
        ["score", "scale", "index", "class", "grade", "rating", "questionnaire", "inventory", "assessment", "test", "ratio", "percentile", "count",
            "measurement", "pressure", "thickness", "acuity", "volume", "velocity", "fraction", "distance", "strength", "intensity", "frequency", "severity", "level"],
        StringComparison.Ordinal);

    /// <summary>True when two capitals stand together, as in every abbreviation <see cref="IsAbbreviation"/> accepts but a few ("HbA1c" has them apart).</summary>
    private static bool HasCapitalPair(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a number stands outside every span another family read (most lab and time bounds are read).</summary>
    private static bool HasUnclaimedNumber(CriterionContext c)
    {
        var text = c.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is >= '0' and <= '9')
            {
                end++;
            }

            if (!c.IsClaimed(i, end))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    [GeneratedRegex(@"(?:(?<=(?<lead>\b(?:between|from|of|range\s+of))\s+)(?<lo>\d+(?:[.,]\d+)?)\s*(?:-|–|to|and)\s*(?<hi>\d+(?:[.,]\d+)?)|(?<lo>\d+(?:[.,]\d+)?)\s*(?:-|–)\s*(?<hi>\d+(?:[.,]\d+)?)|(?<=" + CriterionContext.Operator + @"\s*:?\s*)" + CriterionContext.NumberPattern + @"|" + CriterionContext.NumberPattern + @"(?<tail>\s*(?:or|and)\s+(?:more|greater|higher|above|less|lower|below|over)\b))(?<unit>\s*(?:%|mmhg|points?|cm|mm|ml|m|kg/m2|kg/m²|ms)(?![a-z]))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundPattern();

    /// <summary>What after a number makes it a count, a time or a dose rather than a measure's value.</summary>
    [GeneratedRegex(@"^\s*(?:-|–|to|and)?\s*\d*\s*(?:x\s*ULN|times|(?:calendar\s+)?(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|h|minutes?|mins?|seconds?|sec|d)\b|years?\s+old|episodes?|attacks?|doses?|cycles?|courses?|lines?|regimens?|prior|previous|lesions?|nodes?|sites?|organs?|drinks?|cigarettes?|packs?|pack-years?|units?|mg|mcg|µg|ug|g|gy|cgy|iu|mg/|ml/|/|per\b|cm\b|mm\b|tablets?|pills?|sessions?|visits?|measurements?|occasions?|readings?|items?|criteria|symptoms?|of\s+the\s+following|or\s+more\s+of|\)?\s*of\s+(?:the|these|which)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAMeasure();

    [GeneratedRegex(@"[\p{L}\p{N}(\[][\p{L}\p{N}'’&/\-()\]]*")]
    private static partial Regex Word();

    /// <summary>Words between a measure's name and its bound that only join them.</summary>
    [GeneratedRegex(@"^(?:of|is|was|be|must|should|will|shall|has|have|had|a|an|the|at|on|value|values|result|results|screening|baseline|entry|enrol+ment|visit|randomi[sz]ation|day|\d+|\(?[<>≤≥=]+\)?|least|more|less|greater|than|equal|to|or|and|between|from|range|within|not|no|exceed|exceeding|above|below|over|under)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?:score|scores|scale|index|class|grade|rating|questionnaire|inventory|assessment|test|ratio|percentile|T-score|Z-score|scoring|subscale|subscore|classification|criteria|count|measurement|pressure|thickness|acuity|volume|velocity|fraction|distance|strength|intensity|frequency|severity|level)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadWord();

    /// <summary>A head word alone, without the words that say which measure ("score ≥ 4", "level above 2").</summary>
    [GeneratedRegex(@"^(?:score|scores|scale|index|class|grade|rating|test|ratio|count|level|volume)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Generic();

    /// <summary>Words that end a measure's name going back: verbs, function words, the patient.</summary>
    [GeneratedRegex(@"^(?:a|an|the|with|has|have|had|having|must|should|is|are|was|were|be|been|of|in|on|at|for|by|to|and|or|as|if|who|which|that|patients?|subjects?|participants?|individuals?|their|his|her|documented|confirmed|defined|measured|assessed|evaluated|determined|using|by|per|any|all|no|not|without|require[sd]?|requiring|screening|baseline|[\d.,]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stop();

    /// <summary>Names other families read or that are no measure of the patient (an age, a dose, a duration, a count of things).</summary>
    [GeneratedRegex(@"\b(?:age|aged|ages|years?|months?|weeks?|days?|dose|doses|dosage|duration|history|number|cycles?|lines?|prior|previous|times?|interval|follow-up|visit|gestation(?:al)?|tumou?r|lesions?|nodes?|metastas[ie]s|ECOG|Karnofsky|KPS|Lansky|WHO|Zubrod|performance|life\s+expectancy|stage|ISS|FIGO|TNM|AJCC|QTc?|QTcF|LVEF|ejection|NYHA|New\s+York\s+Heart|Ann\s+Arbor|cigarettes?|drinks?|pack|smok\w*|cm|mm|weight|height|BMI|temperature|platelets?|neutrophils?|hemoglobin|haemoglobin|creatinine|bilirubin|ANC|WBC|HIV|CD4|viral)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Excluded();

    /// <summary>Capitals that are not the name of a measure: units, limits, imaging, organisations, roman numerals.</summary>
    [GeneratedRegex(@"^(?:ULN|LLN|IULN|UNL|CT|MRI|PET|US|USA|UK|EU|FDA|IRB|ICF|NCI|CTCAE|NCI-CTCAE|AE|AEs|SAE|DNA|RNA|PCR|II|III|IV|VI|VII|VIII|IX|XI|XII|OR|AND|NOT|NO|ID|IV|IM|SC|PO|BID|TID|QD|ICU|ER|ED|GP|MD|PI|MG|ML|KG|CM|MM|MS|HR|SD|CI|IQR|UNK)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAMeasureAbbreviation();

    [GeneratedRegex(@"\G\s*(?:points?\s+)?(?:on|in|using|by|according\s+to|as\s+measured\s+by|as\s+assessed\s+by)\s+(?:the\s+)?(?<name>(?:[A-Z][\w'’-]*|of|for|and|\([A-Za-z0-9-]+\))(?:\s+(?:[A-Z][\w'’-]*|of|for|and|\([A-Za-z0-9-]+\)|scale|score|index|questionnaire|inventory|test|rating))*?\s*(?:scale|score|index|questionnaire|inventory|test|rating|assessment|\([A-Z][A-Za-z0-9-]+\)))", RegexOptions.CultureInvariant)]
    private static partial Regex ScaleAfter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(?:grade|class)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GradeWord();

    [GeneratedRegex(@"^\s*(?!(?:at|on|in|or|and|during|for|if|unless|with|per|by|according|as|within|prior|before|after|is|are|was)\b)\p{L}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GradeOf();

    [GeneratedRegex(@"\bhistory\s+of\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HistoryOf();

    [GeneratedRegex(@"\b(?:(?:laborator(?:y|ies)|lab)\s+(?:safety\s+)?(?:tests?|testing|values?|results?|abnormalit(?:y|ies)|parameters?|findings|data|evaluations?|assessments?|requirements?|criteria|ranges?|studies)|(?:ha?ematolog\w*|(?:clinical\s+|serum\s+|blood\s+)?(?:bio)?chemistry|urinalys[ie]s)\s+(?:or\s+\w+\s+)?(?:tests?|values?|results?|abnormalit(?:y|ies)|parameters?|panels?)|abnormal\s+(?:screening\s+)?(?:laboratory|lab)\b|(?<ecg>(?:ECG|EKG|electrocardiogra\w+)\s+(?:\w+\s+){0,3}?(?:abnormalit\w+|findings?|results?|changes?)|abnormal(?:ities)?\s+(?:on\s+)?(?:the\s+|a\s+)?(?:screening\s+|baseline\s+|resting\s+)?(?:12-lead\s+)?(?:ECG|EKG|electrocardiogra\w+)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Panel();
}
