using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>A threshold that applies instead of the main one for patients with a condition: "≤ 5 x ULN if liver metastases".</summary>
/// <param name="Condition">"liver metastases", "bone metastases" or "Gilbert syndrome".</param>
public sealed record LaboratoryException(string Condition, Bound Bound, bool TimesUpperLimit);

/// <summary>A laboratory threshold: "ANC ≥ 1.5 x 10^9/L", "bilirubin ≤ 1.5 x ULN", "creatinine clearance ≥ 60 mL/min".</summary>
/// <param name="Analyte">Canonical analyte name from the vocabulary ("ANC", "AST", "transaminases").</param>
/// <param name="Bound">The bound, in <paramref name="Unit"/> (or in multiples of the upper limit of normal).</param>
/// <param name="Unit">The unit as written, or null when none is written.</param>
/// <param name="TimesUpperLimit">True when the bound is a multiple of the upper limit of normal.</param>
/// <param name="Exception">A different bound for patients with liver or bone metastases or Gilbert syndrome, when the criterion gives one.</param>
public sealed partial record LaboratoryConstraint(string Analyte, Bound? Bound, string? Unit, bool TimesUpperLimit, LaboratoryException? Exception = null) : EligibilityConstraint
{
    private static readonly ConcurrentDictionary<(string Analyte, bool TimesUpperLimit), ConstraintCheck> NoResult = new();

    public override ConstraintKind Kind => ConstraintKind.Laboratory;

    public override string Describe() => Bound is { } b
        ? $"{Analyte} {b}{(TimesUpperLimit ? " x ULN" : Unit is null ? string.Empty : " " + Unit)}{(Exception is { } e ? $" ({e.Bound}{(e.TimesUpperLimit ? " x ULN" : string.Empty)} if {e.Condition})" : string.Empty)}"
        : Analyte is NamedMeasureParser.LaboratoryPanel or NamedMeasureParser.Electrocardiogram ? $"{Analyte} (clinician's judgement)"
        : $"{Analyte} (adequate)";

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        if (Analyte != "transaminases")
        {
            return CheckOne(patient, context, Analyte);
        }

        // Both must pass: a failing one decides, then an unknown one, AST first.
        var ast = CheckOne(patient, context, "AST");
        var alt = CheckOne(patient, context, "ALT");
        return ast.Outcome == CriterionOutcome.NotMet ? ast
            : alt.Outcome == CriterionOutcome.NotMet ? alt
            : ast.Outcome == CriterionOutcome.Unknown ? ast
            : alt.Outcome == CriterionOutcome.Unknown ? alt
            : ast;
    }

    private ConstraintCheck CheckOne(PatientProfile patient, EvaluationContext context, string analyte)
    {
        // The latest result (the last recorded among those of the latest date).
        LabResult? result = null;
        foreach (var recorded in patient.LabResults)
        {
            if (Same(context.Vocabulary, recorded.Analyte, analyte) && (result is null || (recorded.MeasuredOn ?? DateOnly.MinValue) >= (result.MeasuredOn ?? DateOnly.MinValue)))
            {
                result = recorded;
            }
        }

        if (result is null && Bound is null && analyte is NamedMeasureParser.LaboratoryPanel or NamedMeasureParser.Electrocardiogram)
        {
            return ConstraintCheck.Unknown($"Are the patient's {(analyte == NamedMeasureParser.Electrocardiogram ? "ECG findings" : analyte)} within what the trial allows?", $"the trial asks about {analyte} in general; a clinician judges them");
        }

        if (result is null && DiseaseMeasures.WithoutTheDisease(analyte, patient, context) is { } withoutTheDisease)
        {
            return withoutTheDisease;
        }

        if (result is null)
        {
            // Most patients have no result for most analytes: that answer depends only on the analyte, made once.
            return NoResult.GetOrAdd((analyte, TimesUpperLimit), key =>
                ConstraintCheck.Unknown($"What is the patient's latest {key.Analyte}{(key.TimesUpperLimit ? " (with the lab's upper limit of normal)" : string.Empty)}?", $"no {key.Analyte} result recorded"));
        }

        var question = $"What is the patient's latest {analyte}{(TimesUpperLimit ? " (with the lab's upper limit of normal)" : string.Empty)}?";
        var evidence = $"{analyte} {Number(result.Value)}{(result.Unit is null ? string.Empty : " " + result.Unit)}{(result.MeasuredOn is { } d ? $" on {d:yyyy-MM-dd}" : string.Empty)}";
        if (Bound is not { } bound)
        {
            return ConstraintCheck.Unknown($"Is the patient's {analyte} within the range the trial requires?", evidence);
        }

        var main = Admits(context.Vocabulary, result, bound, TimesUpperLimit, analyte);
        if (main is null)
        {
            return ConstraintCheck.Unknown(question, evidence + (TimesUpperLimit ? " (no upper limit of normal reported)" : " (unit not comparable)"));
        }

        if (main.Value || Exception is not { } exception)
        {
            return ConstraintCheck.Of(main.Value, evidence);
        }

        var alternative = Admits(context.Vocabulary, result, exception.Bound, exception.TimesUpperLimit, analyte);
        if (alternative != true)
        {
            return ConstraintCheck.NotMet(evidence);
        }

        var site = exception.Condition.Split(' ')[0];
        var metastasis = patient.Metastases.FirstOrDefault(m => m.Site.Contains(site, StringComparison.OrdinalIgnoreCase) || (site == "liver" && m.Site.Contains("hepatic", StringComparison.OrdinalIgnoreCase)));
        var gilbert = patient.Conditions.FirstOrDefault(c => c.Text.Contains("gilbert", StringComparison.OrdinalIgnoreCase));
        var applies = exception.Condition.StartsWith("Gilbert", StringComparison.Ordinal) ? gilbert?.Certainty : metastasis?.Certainty;
        return applies switch
        {
            Certainty.Asserted => ConstraintCheck.Met($"{evidence}, within the limit for {exception.Condition}"),
            Certainty.Negated => ConstraintCheck.NotMet(evidence),
            _ => ConstraintCheck.Unknown($"Does the patient have {exception.Condition}? ({analyte} passes only the limit for {exception.Condition})", evidence),
        };
    }

    private bool? Admits(OncologyVocabulary vocabulary, LabResult result, Bound bound, bool timesUpperLimit, string analyte)
    {
        if (timesUpperLimit)
        {
            // Saturating: a value far above a tiny limit (1,000,000 against 1e-25) is above every bound, not an overflow.
            return result.UpperLimitOfNormal is { } uln && uln > 0 ? bound.Admits(Numbers.SaturatingDecimal.Divide(result.Value, uln)!.Value) : null;
        }

        var known = vocabulary.Labs.Find(analyte);
        if (known is null)
        {
            return bound.Admits(result.Value);
        }

        var value = vocabulary.Labs.ToCanonical(analyte, result.Value, result.Unit);
        var limit = vocabulary.Labs.ToCanonical(analyte, bound.Value, Unit);
        return value is { } v && limit is { } l ? (bound with { Value = l }).Admits(v) : null;
    }

    private static bool Same(OncologyVocabulary vocabulary, string resultAnalyte, string analyte) =>
        resultAnalyte.Equals(analyte, StringComparison.OrdinalIgnoreCase) || vocabulary.Labs.Find(resultAnalyte)?.Name == analyte
        || (vocabulary.Labs.Find(analyte) is null && SameMeasure(resultAnalyte, analyte));

    /// <summary>
    /// A score or scale named two ways: "Hamilton Depression Rating Scale-17 (HAM-D-17)" in a criterion is the "HAM-D" of a
    /// note, "Epworth Sleepiness Scale score" its "Epworth Sleepiness Scale".
    /// </summary>
    internal static bool SameMeasure(string recorded, string named)
    {
        var keys = MeasureKeys(named);
        return MeasureKeys(recorded).Any(keys.Contains);
    }

    private static HashSet<string> MeasureKeys(string name)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void AddKey(string text)
        {
            var key = MeasureKeyText().Replace(text.ToLowerInvariant(), string.Empty);
            if (key.Length >= 2)
            {
                keys.Add(key);
                var withoutNumber = key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                if (withoutNumber.Length >= 2 && withoutNumber.Length < key.Length)
                {
                    keys.Add(withoutNumber);
                }
            }
        }

        foreach (Match abbreviation in MeasureAbbreviation().Matches(name))
        {
            AddKey(abbreviation.Groups[1].Value);
        }

        var bare = MeasureAbbreviation().Replace(name, " ");
        AddKey(bare);
        AddKey(MeasureHeadWords().Replace(bare, " "));
        return keys;
    }

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex MeasureKeyText();

    [GeneratedRegex(@"\(([^)]{2,15})\)", RegexOptions.CultureInvariant)]
    private static partial Regex MeasureAbbreviation();

    [GeneratedRegex(@"\b(?:total|score|scores|scale|rating)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeasureHeadWords();
}

/// <summary>
/// Reads laboratory thresholds. Several analytes sharing one bound ("AST and ALT ≤ 2.5 x ULN") each get it; a second
/// bound introduced by "if/for/in ... liver metastases" or "Gilbert" becomes the exception.
/// </summary>
public static partial class LaboratoryParser
{
    [GeneratedRegex(@"\b(?:corrected|adjusted|normali[sz]ed)\s+(?:for|to)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex CorrectedFor();

    /// <summary>
    /// "Weight gain or loss of greater than 5 kg", "a decrease in haemoglobin of 2 g/dL": a bound on a change, not on the
    /// value, which the record's latest value does not answer.
    /// </summary>
    private static bool IsChange(CriterionContext c, PhraseMatch<string> m) =>
        ChangeAfter().IsMatch(c.Lower.AsSpan(m.End, Math.Min(24, c.Lower.Length - m.End)))
        || ChangeBefore().IsMatch(c.Lower.AsSpan(Math.Max(0, m.Start - 30), m.Start - Math.Max(0, m.Start - 30)));

    [GeneratedRegex(@"^\s*(?:level\s+|value\s+)?(?:gain(?:ed|s)?|loss|lost|change[sd]?|increase[sd]?|decrease[sd]?|drop(?:ped|s)?|reduction|reduced|rise|rose|fall|fell|decline[sd]?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeAfter();

    [GeneratedRegex(@"\b(?:gain|loss|change|increase|decrease|drop|reduction|rise|fall|decline)s?\s+(?:of|in)\s+(?:the\s+|their\s+|his\s+|her\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeBefore();

    public static void Parse(CriterionContext c)
    {
        // The second term of a ratio ("urine protein:creatinine ratio") is not a threshold on that analyte, nor is what a
        // measurement is corrected for ("QT interval corrected for heart rate").
        var mentions = c.Vocabulary.Labs.Names.FindAll(c.Text, c.Tokens)
            .Where(m => !c.IsClaimed(m.Start, m.End) && !(m.Start > 0 && c.Text[m.Start - 1] is ':' or '/') && !c.Text.AsSpan(m.End).TrimStart().StartsWith("ratio", StringComparison.OrdinalIgnoreCase)
                && !CorrectedFor().IsMatch(c.Lower.AsSpan()[Math.Max(0, m.Start - 20)..m.Start]) && !IsChange(c, m))
            .ToList();
        if (mentions.Count == 0)
        {
            return;
        }

        // Gilbert syndrome raises bilirubin: named beside a bilirubin bound ("unless Gilbert's disease is documented")
        // it is an exception to that bound, not a condition of its own.
        if (c.Lower.Contains("gilbert", StringComparison.Ordinal) && mentions.Any(m => m.Value.Contains("bilirubin", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (Match gilbert in GilbertSyndrome().Matches(c.Text))
            {
                c.Claim(gilbert.Index, gilbert.Index + gilbert.Length);
            }
        }

        var pending = new List<PhraseMatch<string>>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            pending.Add(mention);
            var windowEnd = i + 1 < mentions.Count ? mentions[i + 1].Start : c.Text.Length;
            var window = c.Text[mention.End..windowEnd];
            var bound = MayHoldBound(window) ? BoundPattern().Match(window) : Match.Empty;
            if ((!bound.Success || bound.Index > 70) && !RangePattern().IsMatch(window))
            {
                if (i + 1 < mentions.Count && Joiner().IsMatch(window))
                {
                    continue;
                }

                if (Adequate().IsMatch(c.Lower) || c.SectionIs("hematopoietic", "hepatic", "renal", "laboratory", "organ function", "bone marrow"))
                {
                    foreach (var p in pending)
                    {
                        c.Add(new LaboratoryConstraint(p.Value, null, null, false) { Span = CriterionContext.Span(p.Start, p.End) });
                    }
                }

                pending.Clear();
                continue;
            }

            var parsed = bound.Success ? Read(bound) : null;
            if (parsed is null && !RangePattern().IsMatch(window))
            {
                pending.Clear();
                continue;
            }

            var afterBound = window[(bound.Index + bound.Length)..];
            var exception = ReadException(afterBound, out var exceptionEnd);
            var end = mention.End + bound.Index + bound.Length;
            if (exception is not null)
            {
                c.Claim(end, Math.Min(c.Text.Length, end + exceptionEnd + 25));
            }

            if (RangePattern().Match(window) is { Success: true } range && (!bound.Success || range.Index <= bound.Index) && CriterionContext.ParseNumber(range.Groups["lo"].Value) is { } lo && CriterionContext.ParseNumber(range.Groups["hi"].Value) is { } hi && lo < hi)
            {
                var rangeUnit = range.Groups["unit"].Success ? range.Groups["unit"].Value.Trim() : null;
                foreach (var p in pending)
                {
                    c.Add(new LaboratoryConstraint(p.Value, new Bound(Comparison.AtLeast, lo), rangeUnit, false) { Span = CriterionContext.Span(p.Start, mention.End + range.Index + range.Length) });
                    c.Add(new LaboratoryConstraint(p.Value, new Bound(Comparison.AtMost, hi), rangeUnit, false) { Span = CriterionContext.Span(p.Start, mention.End + range.Index + range.Length) });
                }

                pending.Clear();
                continue;
            }

            if (parsed is null)
            {
                pending.Clear();
                continue;
            }

            foreach (var p in pending)
            {
                var (b, unit, uln) = parsed.Value;
                c.Add(new LaboratoryConstraint(p.Value, b, unit, uln, exception) { Span = CriterionContext.Span(p.Start, end) });
            }

            pending.Clear();
        }
    }

    private static (Bound Bound, string? Unit, bool TimesUpperLimit)? Read(Match m)
    {
        if (m.Groups["wnl"].Success || m.Groups["ulnonly"].Success)
        {
            return (new Bound(Comparison.AtMost, 1), null, true);
        }

        if (CriterionContext.ParseNumber(m.Groups["num"].Value) is not { } value)
        {
            return null;
        }

        var comparison = m.Groups["op"].Success ? CriterionContext.ParseComparison(m.Groups["op"].Value) : CriterionContext.ParseTrailing(m.Groups["tail"].Value);
        if (comparison is null)
        {
            return null;
        }

        var uln = m.Groups["uln"].Success;
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.Trim() : null;
        if (unit is not null)
        {
            unit = CriterionContext.Whitespace().Replace(TimesSign().Replace(unit, string.Empty), string.Empty);
        }

        return (new Bound(comparison.Value, value), uln ? null : unit, uln);
    }

    private static LaboratoryException? ReadException(string rest, out int end)
    {
        var m = rest.AsSpan().ContainsAny(ExceptionSites) ? ExceptionPattern().Match(rest) : Match.Empty;
        end = m.Success ? m.Index + m.Length : 0;
        if (!m.Success || m.Index > 40 || CriterionContext.ParseNumber(m.Groups["num"].Value) is not { } value)
        {
            return null;
        }

        var comparison = m.Groups["op"].Success ? CriterionContext.ParseComparison(m.Groups["op"].Value) ?? Comparison.AtMost : Comparison.AtMost;
        var condition = m.Groups["site"].Value.ToLowerInvariant() switch
        {
            "liver" or "hepatic" => "liver metastases",
            "bone" => "bone metastases",
            _ => "Gilbert syndrome",
        };
        return new LaboratoryException(condition, new Bound(comparison, value), m.Groups["uln"].Success);
    }

    /// <summary>
    /// True when the words can hold a bound: every alternative of <see cref="BoundPattern"/> holds a digit (any script,
    /// as <c>\d</c>), "normal", "WNL" or "ULN". Most words after an analyte hold none, and the pattern is slow to rule out.
    /// </summary>
    private static bool MayHoldBound(string words)
    {
        foreach (var ch in words)
        {
            if (char.IsDigit(ch))
            {
                return true;
            }
        }

        return words.Contains("normal", StringComparison.OrdinalIgnoreCase) || words.Contains("wnl", StringComparison.OrdinalIgnoreCase) || words.Contains("uln", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every match of <see cref="ExceptionPattern"/> ends with one of these.</summary>
    private static readonly SearchValues<string> ExceptionSites = SearchValues.Create(["liver", "hepatic", "bone", "gilbert"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[x×*]\s*")]
    private static partial Regex TimesSign();

    [GeneratedRegex(@"\bGilbert(?:'s|’s|s)?(?:\s+(?:syndrome|disease))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GilbertSyndrome();

    [GeneratedRegex(@"^[\s,()]*(?:and|or|&|/|,)[\s,()]*$|^\s*\([^)]{0,20}\)\s*(?:and|or|,|/)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joiner();

    [GeneratedRegex(@"^[^\d;]{0,30}?(?<lo>\d+(?:\.\d+)?)(?:\s*(?:kg\s*/\s*m(?:2|²|\^2)|g\s*/\s*dl|mg\s*/\s*dl|%))?\s*(?:-|–|to|and)\s*(?<hi>\d+(?:\.\d+)?)(?:" + Unit + @"|(?=\s*(?:$|[,;.)(]|inclusive\b|(?:at|on|in|during|for|and|or|if|unless|except)\b)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(?:adequate|normal|sufficient|acceptable)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Adequate();

    private const string Unit = @"(?<unit>\s*(?:[x×*]\s*10\s*(?:\^|e|\*\*)?\s*(?<exp>\d{1,2})\s*/\s*(?:l|µl|ul|mcl|μl|mm3|mm³|liter)|(?:cells\s*)?/\s*(?:mm3|mm\^3|mm³|µl|ul|mcl|μl|cumm|cmm|l)|(?:g|mg|µg|ug|ng|pg)\s*/\s*(?:dl|l|ml|100\s*ml)|(?:µ|u|μ|mc|m)?mol\s*/\s*l|ml\s*/\s*min(?:ute)?(?:\s*/\s*1\.73\s*m(?:2|²)?)?|(?:m)?(?:iu|u)\s*/\s*(?:l|ml)|%|g%|gm/dl|ms(?:ec)?|seconds|copies\s*/\s*ml|kg\s*/\s*m(?:2|²|\^2)|kilograms?\s+per\s+square\s+met(?:er|re)s?|kilograms?\s*/\s*square\s+met(?:er|re)s?|kilograms?\s+per\s+met(?:er|re)\s+squared|mmhg)(?![a-z]))";

    private const string Uln = @"(?<uln>\s*(?:[x×*]|times|fold|-fold)?\s*(?:the\s+)?(?:institutional\s+|upper\s+normal\s+limit|local\s+)?(?:(?:upper\s+limit(?:s)?\s+(?:of\s+)?(?:the\s+)?(?:institutional\s+)?(?:normal|norm)(?:\s+range)?)|\(?ULN\)?|IULN|UNL|N\b|normal\b(?:\s+(?:values?|range|limits?))?))";

    [GeneratedRegex(@"(?<wnl>within\s+(?:the\s+)?(?:institutional\s+)?normal\s+(?:limits|range)|\bWNL\b)|(?<ulnonly>(?:<=|=<|≤|⩽|</=|<\s*or\s*=|not\s+(?:more|greater|higher)\s+than|no\s+(?:more|greater|higher)\s+than|less\s+than\s+or\s+equal(?:\s+to)?|at\s+or\s+below)\s*(?:the\s+)?(?:institutional\s+|local\s+)?(?:\(?ULN\)?|upper\s+limit\s+of\s+(?:the\s+)?normal))|" + CriterionContext.Operator + @"\s*:?\s*" + CriterionContext.NumberPattern + @"(?:" + Uln + "|" + Unit + @")?(?<tail>\s*(?:or|and)\s+(?:more|greater|higher|above|less|lower|below))?|" + CriterionContext.NumberPattern + @"(?:" + Uln + "|" + Unit + @")?(?<tail>\s*(?:or|and)\s+(?:more|greater|higher|above|less|lower|below|over))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundPattern();

    [GeneratedRegex(@"(?:" + CriterionContext.Operator + @"\s*)?" + CriterionContext.NumberPattern + Uln + @"?[^.;]{0,40}?\b(?:if|for|in|with|when|where)\b[^.;]{0,40}?(?<site>liver|hepatic|bone|Gilbert)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionPattern();
}
