using System.Globalization;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// Reads laboratory results written as "Hgb: 13.5 g/dl", "creatinine of 0.9 mg/dL", "high CRP (145)",
/// "Prostate-specific antigen (PSA) level: 3.2 ng/mL", and normalises units (g/dl to g/dL, cells/mm3 to 10^9/L,
/// mEq/L to mmol/L for monovalent ions, IU/L to U/L). Results inside a urinalysis are not blood results and are skipped.
/// </summary>
internal static class LabExtractor
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "level", "levels", "of", "was", "is", "were", "are", "value", "values", "count", "at", "a", "high", "low", "elevated", "raised",
        "extremely", "very", "mildly", "markedly", "revealed", "showed", "result", "serum", "total", "concentration", "about", "around",
        "approximately", "normal", "reduced", "decreased", "increased",
    };

    private static readonly HashSet<string> UrineCues = new(StringComparer.Ordinal) { "ua", "urinalysis", "dipstick" };

    private static readonly HashSet<string> CellCountAnalytes = new(StringComparer.Ordinal) { "white blood cells", "neutrophils", "platelets" };

    private static readonly HashSet<string> DoseUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "mg", "mcg", "g", "units", "unit", "iu", "tablets", "tablet", "tabs", "puffs", "puff", "ml", "cc", "sessions", "cycles", "times", "days", "weeks",
        "months", "years", "hours", "kg", "lb", "lbs", "cm", "mm",
    };

    public static IEnumerable<LabResult> Extract(string text, NoteSentence sentence, NoteLexicon lexicon)
    {
        var urineFrom = UrineStart(text, sentence);
        foreach (var match in lexicon.Find(sentence.Tokens, LexiconKind.LabAnalyte))
        {
            var aliasStart = sentence.Tokens[match.First].Start;
            if (aliasStart >= urineFrom)
            {
                yield break;
            }

            var aliasEnd = sentence.Tokens[match.Next - 1].End;
            if (ReadValue(text, aliasEnd, sentence.End) is not { } read)
            {
                continue;
            }

            var analyte = match.Entry.Canonical;
            if (Normalise(analyte, read.Value, read.Unit) is not { } normalised)
            {
                continue;
            }

            yield return new LabResult
            {
                Analyte = analyte,
                Value = normalised.Value,
                Unit = normalised.Unit,
                UpperLimitOfNormal = read.UpperLimit is { } uln ? Normalise(analyte, uln, read.Unit)?.Value : null,
                Span = new SourceSpan(aliasStart, read.End - aliasStart),
            };
        }
    }

    private static int UrineStart(string text, NoteSentence sentence)
    {
        foreach (var token in sentence.Tokens)
        {
            if (UrineCues.Contains(token.Norm) || text.AsSpan(token.Start, Math.Min(3, sentence.End - token.Start)).Equals("u/a", StringComparison.OrdinalIgnoreCase))
            {
                return token.Start;
            }
        }

        return int.MaxValue;
    }

    private sealed record RawValue(decimal Value, string? Unit, decimal? UpperLimit, int End);

    private static RawValue? ReadValue(string text, int from, int end)
    {
        var i = from;
        var fillers = 0;
        while (i < end)
        {
            var c = text[i];
            if (c is ' ' or '\t' or ':' or '=' or '(' or '-')
            {
                i++;
                continue;
            }

            if (char.IsLetter(c))
            {
                var wordEnd = i;
                while (wordEnd < end && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] == '-'))
                {
                    wordEnd++;
                }

                var word = text[i..wordEnd];
                var isAbbreviationInParens = i > from && text[i - 1] == '(' && wordEnd < end && text[wordEnd] == ')' && word.Any(char.IsUpper);
                if (isAbbreviationInParens)
                {
                    i = wordEnd + 1;
                    continue;
                }

                if (!Fillers.Contains(word.ToLowerInvariant()) || ++fillers > 5)
                {
                    return null;
                }

                i = wordEnd;
                continue;
            }

            break;
        }

        if (i < end && text[i] is '>' or '<' or '≥' or '≤' or '~')
        {
            i++;
            while (i < end && text[i] is ' ' or '=')
            {
                i++;
            }
        }

        var numberStart = i;
        while (i < end)
        {
            var ch = text[i];
            if (char.IsAsciiDigit(ch)
                || (ch == '.' && i > numberStart && i + 1 < end && char.IsAsciiDigit(text[i + 1]))
                || (ch == ',' && i > numberStart && IsThousandsGroup(text, i, end)))
            {
                i++;
                continue;
            }

            break;
        }

        if (i == numberStart || !decimal.TryParse(text.AsSpan(numberStart, i - numberStart).ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (i < end && (char.IsAsciiDigit(text[i]) || text[i] == '/' && i + 1 < end && char.IsAsciiDigit(text[i + 1])))
        {
            return null;
        }

        if (i < end && char.IsLetter(text[i]) && !LooksLikeUnit(ReadWord(text, i, end)))
        {
            return null;
        }

        var valueEnd = i;
        var j = i;
        while (j < end && text[j] == ' ')
        {
            j++;
        }

        var unitStart = j;
        while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] is '/' or '%' or '^' or '.' or 'µ' or 'μ' or '*' or '³'))
        {
            j++;
        }

        while (j > unitStart && text[j - 1] == '.')
        {
            j--;
        }

        string? unit = j > unitStart ? text[unitStart..j] : null;
        if (unit is not null && unit.EndsWith("/24", StringComparison.Ordinal) && j + 2 <= end && text.AsSpan(j).StartsWith(" h", StringComparison.Ordinal))
        {
            unit += "h";
            j += 2;
        }

        if (unit is not null && !LooksLikeUnit(unit))
        {
            unit = null;
            j = valueEnd;
        }

        decimal? upper = null;
        var tail = text.AsSpan(j, Math.Min(45, end - j)).ToString();
        var normal = tail.IndexOf("normal", StringComparison.OrdinalIgnoreCase);
        if (normal >= 0 && tail.TrimStart().StartsWith('('))
        {
            var dash = tail.IndexOf('-', normal);
            if (dash > 0)
            {
                var k = dash + 1;
                while (k < tail.Length && tail[k] == ' ')
                {
                    k++;
                }

                var s = k;
                while (k < tail.Length && (char.IsAsciiDigit(tail[k]) || tail[k] == '.'))
                {
                    k++;
                }

                if (k > s && decimal.TryParse(tail.AsSpan(s, k - s), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var uln))
                {
                    upper = uln;
                }
            }
        }

        return new RawValue(value, unit, upper, j);
    }

    private static string ReadWord(string text, int from, int end)
    {
        var j = from;
        while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] is '/' or '%' or '^' or '.'))
        {
            j++;
        }

        return text[from..j];
    }

    private static bool IsThousandsGroup(string text, int comma, int end)
    {
        var digits = 0;
        var k = comma + 1;
        while (k < end && char.IsAsciiDigit(text[k]))
        {
            digits++;
            k++;
        }

        return digits == 3;
    }

    private static bool LooksLikeUnit(string unit)
    {
        var lower = unit.ToLowerInvariant();
        return lower.Contains('/') || lower.Contains('%') || lower is "uln" or "x" or "fl" or "second" or "seconds" or "sec" or "s" or "eu" or "mmhg" or "mg" or "g" or "u" or "iu"
            || lower.StartsWith("10^", StringComparison.Ordinal) || lower.StartsWith("x10", StringComparison.Ordinal) || lower is "units";
    }

    /// <summary>The value and unit in the analyte's usual unit; null when the number is not a result (a dose, a duration).</summary>
    internal static (decimal Value, string? Unit)? Normalise(string analyte, decimal value, string? unit)
    {
        // A value written without its unit is read in the unit its size allows: "creatinine 79" and "Cr 88" are umol/L
        // (no creatinine reaches 20 mg/dL), "Hb 124" is g/L and "albumin 33" g/L (haemoglobin and albumin in g/dL stay
        // under 25 and 10).
        if (unit is null)
        {
            return analyte switch
            {
                "creatinine" when value > 20m => (Math.Round(value / 88.4m, 2), "mg/dL"),
                "hemoglobin" when value > 25m => (value / 10m, "g/dL"),
                "albumin" when value > 10m => (value, "g/L"),
                _ => (value, null),
            };
        }

        var u = unit.Replace("μ", "u", StringComparison.Ordinal).Replace("µ", "u", StringComparison.Ordinal).ToLowerInvariant();
        if (DoseUnits.Contains(u))
        {
            return null;
        }

        if (CellCountAnalytes.Contains(analyte))
        {
            return u switch
            {
                "/mm3" or "/ul" or "/cu.mm" or "/cumm" or "/ml" or "cells/ul" or "cells/mm3" or "/mm^3" or "/mm³" => (Math.Round(value / 1000m, 3), "10^9/L"),
                "10^9/l" or "x10^9/l" or "k/ul" or "10^3/ul" or "x10^3/ul" or "10*9/l" or "x10*9/l" or "thou/ul" => (value, "10^9/L"),
                _ => (value, unit),
            };
        }

        return u switch
        {
            "g/dl" => (value, "g/dL"),
            "g/l" when analyte == "hemoglobin" => (value / 10m, "g/dL"),
            "g/l" => (value, "g/L"),
            "mg/dl" => (value, "mg/dL"),
            "umol/l" when analyte == "creatinine" => (Math.Round(value / 88.4m, 2), "mg/dL"),
            "umol/l" when analyte.Contains("bilirubin", StringComparison.Ordinal) => (Math.Round(value / 17.1m, 2), "mg/dL"),
            "ng/ml" or "ug/l" => (value, "ng/mL"),
            "pg/ml" => (value, "pg/mL"),
            "ng/dl" => (value, "ng/dL"),
            "u/l" or "iu/l" => (value, "U/L"),
            "u/ml" or "iu/ml" => (value, "IU/mL"),
            "meq/l" or "mmol/l" => (value, "mmol/L"),
            "mg/l" => (value, "mg/L"),
            "mu/l" or "miu/l" or "uiu/ml" or "uu/ml" or "mu/ml" or "miu/ml" => (value, "mIU/L"),
            "mm/hr" or "mm/h" => (value, "mm/h"),
            "s" or "sec" or "second" or "seconds" => (value, "s"),
            "fl" => (value, "fL"),
            "%" => (value, "%"),
            "ml/min" => (value, "mL/min"),
            "ml/min/1.73m2" or "ml/min/1.73" => (value, "mL/min/1.73m2"),
            "uln" or "x" => (value, "x ULN"),
            "eu" => (value, "EU"),
            "ug/24h" => (value, "ug/24h"),
            "ug/g" => (value, "ug/g"),
            _ => (value, unit),
        };
    }
}
