using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// Reads tumour markers and gene alterations: "EGFR exon 19 del", "KRAS G12C", "HER2-positive", "ER/PR negative",
/// "ALK wild type", "positive for HPV 16", "triple negative", "PD-L1 TPS 60%". A marker named without a result is not a fact.
/// </summary>
internal static partial class BiomarkerExtractor
{
    [GeneratedRegex(@"^[A-Z]\d{2,4}(?:[A-Z]|fs|del|ins|\*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ProteinChange();

    public static IEnumerable<Biomarker> Extract(string text, NoteSentence sentence, NoteLexicon lexicon, PatientSex? sex)
    {
        var tokens = sentence.Tokens;
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Norm == "triple" && tokens[k + 1].Norm == "negative")
            {
                var span = new SourceSpan(tokens[k].Start, tokens[k + 1].End - tokens[k].Start);
                foreach (var marker in new[] { "ESR1", "PGR", "ERBB2" })
                {
                    yield return new Biomarker { Marker = marker, Status = BiomarkerStatus.Negative, Span = span };
                }
            }
        }

        var matches = lexicon.Find(tokens, LexiconKind.Marker);
        for (var m = 0; m < matches.Count; m++)
        {
            // "ER/PR negative", "ER and PR positive": markers in a row share the result that follows the last.
            var group = new List<LexiconMatch> { matches[m] };
            while (m + 1 < matches.Count && !HasSign(text, tokens, group[^1], sentence.End)
                && (matches[m + 1].First == group[^1].Next || (matches[m + 1].First == group[^1].Next + 1 && tokens[group[^1].Next].Norm is "and" or "or")))
            {
                group.Add(matches[++m]);
            }

            var last = group[^1];
            var result = ReadResult(text, tokens, last.Next, sentence.End) ?? ReadResultBefore(tokens, group[0].First) ?? ImmunohistochemistryZero(text, tokens, last);
            if (result is not { } r)
            {
                continue;
            }

            // No staining is a negative result: "ER 0%", "PD-L1 TPS 0%"; for the hormone receptors under 1% is negative.
            if (r is { Status: BiomarkerStatus.Positive, Unit: "%", Value: { } percent } && (percent == 0 || (percent < 1 && last.Entry.Canonical is "ESR1" or "PGR")))
            {
                r = r with { Status = BiomarkerStatus.Negative };
            }

            var certainty = CertaintyScope.Of(tokens, group[0].First, last.Next, sex);
            var status = r.Status;
            if (certainty == Certainty.Negated)
            {
                // "no EGFR mutation": a negated alteration is a negative result, stated as fact.
                certainty = Certainty.Asserted;
                status = status == BiomarkerStatus.Positive ? BiomarkerStatus.Negative : status;
            }

            // "oestrogen- and progesterone-receptor negative": the word left hanging by its hyphen takes the rest of the
            // next marker's name ("oestrogen receptor") and shares its result.
            if (Suspended(text, tokens, group[0], lexicon) is { } suspended)
            {
                group.Insert(0, suspended);
            }

            foreach (var match in group)
            {
                var start = tokens[match.First].Start;
                var end = Math.Max(r.End, tokens[match.Next - 1].End);
                yield return new Biomarker
                {
                    Marker = match.Entry.Canonical,
                    Alteration = r.Alteration,
                    Status = status,
                    Value = r.Value,
                    Unit = r.Unit,
                    Certainty = certainty,
                    Span = new SourceSpan(start, end - start),
                };
            }
        }
    }

    /// <summary>
    /// The marker named by a word that hangs, with or without a hyphen, before "and" or "or" and the rest of the next
    /// marker's name: "estrogen" in "estrogen- and progesterone-receptor" or "oestrogen and progesterone receptor"; null
    /// when there is none. The match returned covers the hanging word only.
    /// </summary>
    private static LexiconMatch? Suspended(string text, IReadOnlyList<NoteToken> tokens, LexiconMatch next, NoteLexicon lexicon)
    {
        if (next.First < 2 || next.Count < 2 || tokens[next.First - 1].Norm is not ("and" or "or"))
        {
            return null;
        }

        // "oestrogen- and progesterone-receptor", or without the hyphen, "oestrogen and progesterone receptor negative".
        var hanging = tokens[next.First - 2];
        var hyphen = hanging.End + 1 < text.Length && text[hanging.End] == '-' && char.IsWhiteSpace(text[hanging.End + 1]);
        if (!hyphen && (hanging.End >= text.Length || !char.IsWhiteSpace(text[hanging.End])))
        {
            return null;
        }

        var phrase = new List<NoteToken> { hanging };
        for (var k = next.First + 1; k < next.Next; k++)
        {
            phrase.Add(tokens[k]);
        }

        var found = lexicon.Find(phrase, LexiconKind.Marker);
        return found is [{ First: 0 } only] && only.Count == phrase.Count && only.Entry.Canonical != next.Entry.Canonical
            ? new LexiconMatch(only.Entry, next.First - 2, 1)
            : null;
    }

    /// <summary>"ER+", "HER2-": the marker carries its own result, so it does not share the next one's.</summary>
    private static bool HasSign(string text, IReadOnlyList<NoteToken> tokens, LexiconMatch match, int sentenceEnd)
    {
        var after = tokens[match.Next - 1].End;
        return after < sentenceEnd && text[after] is '+' or '-' && (after + 1 >= sentenceEnd || !char.IsLetterOrDigit(text[after + 1]));
    }

    private readonly record struct Result(BiomarkerStatus Status, string? Alteration, decimal? Value, string? Unit, int End);

    private static Result? ReadResult(string text, IReadOnlyList<NoteToken> tokens, int next, int sentenceEnd)
    {
        if (next > 0)
        {
            var after = tokens[next - 1].End;
            if (after < sentenceEnd && text[after] == '+' && (after + 1 >= sentenceEnd || !char.IsLetterOrDigit(text[after + 1])))
            {
                return new Result(BiomarkerStatus.Positive, null, null, null, after + 1);
            }

            if (after + 1 < sentenceEnd && text[after] == '-' && !char.IsLetterOrDigit(text[after + 1]) || after + 1 == sentenceEnd && text[after] == '-')
            {
                return new Result(BiomarkerStatus.Negative, null, null, null, after + 1);
            }
        }

        string? alteration = null;
        decimal? value = null;
        string? unit = null;
        for (var k = next; k < tokens.Count && k < next + 5; k++)
        {
            var word = tokens[k].Norm;
            var raw = text.Substring(tokens[k].Start, tokens[k].Length);
            switch (word)
            {
                case "positive" or "pos" or "detected" or "expressing" or "overexpression" or "overexpressed":
                    return new Result(BiomarkerStatus.Positive, alteration, value, unit, tokens[k].End);
                case "negative" or "neg" or "undetected":
                    return new Result(BiomarkerStatus.Negative, alteration, value, unit, tokens[k].End);
                case "wild" when k + 1 < tokens.Count && tokens[k + 1].Norm == "type":
                    return new Result(BiomarkerStatus.WildType, null, null, null, tokens[k + 1].End);
                case "wt" or "wildtype":
                    return new Result(BiomarkerStatus.WildType, null, null, null, tokens[k].End);
                case "equivocal" or "indeterminate":
                    return new Result(BiomarkerStatus.Equivocal, alteration, value, unit, tokens[k].End);
                case "low" when alteration is null:
                    return new Result(BiomarkerStatus.Low, null, value, unit, tokens[k].End);
                case "mutation" or "mutations" or "mutant" or "mutated" or "mut":
                    return new Result(BiomarkerStatus.Positive, alteration ?? "mutation", value, unit, tokens[k].End);
                case "alteration" or "alterations" or "aberration" or "aberrations":
                    return new Result(BiomarkerStatus.Positive, alteration ?? "alteration", value, unit, tokens[k].End);
                case "amplification" or "amplified" or "amp":
                    return new Result(BiomarkerStatus.Positive, "amplification", value, unit, tokens[k].End);
                case "fusion" or "rearrangement" or "rearranged" or "translocation":
                    return new Result(BiomarkerStatus.Positive, "fusion", value, unit, tokens[k].End);
                case "exon" when k + 2 < tokens.Count && tokens[k + 1].IsNumber:
                    var kind = tokens[k + 2].Norm switch
                    {
                        "del" or "deletion" or "deletions" => "deletion",
                        "ins" or "insertion" or "insertions" => "insertion",
                        "skipping" => "skipping",
                        "mutation" or "mutations" => "mutation",
                        _ => null,
                    };
                    if (kind is null)
                    {
                        return null;
                    }

                    return new Result(BiomarkerStatus.Positive, $"exon {tokens[k + 1].Norm} {kind}", null, null, tokens[k + 2].End);
                // "a germline BRCA1 pathogenic variant"; not a variant of uncertain significance.
                case "pathogenic" when k + 1 < tokens.Count && tokens[k + 1].Norm is "variant" or "variants" or "mutation" or "mutations" or "alteration":
                    return new Result(BiomarkerStatus.Positive, "mutation", value, unit, tokens[k + 1].End);
                case "likely" when k + 2 < tokens.Count && tokens[k + 1].Norm == "pathogenic" && tokens[k + 2].Norm is "variant" or "variants" or "mutation" or "mutations":
                    return new Result(BiomarkerStatus.Positive, "mutation", value, unit, tokens[k + 2].End);
                // "an FLT3 internal tandem duplication": the alteration found, spelt out.
                case "internal" when k + 2 < tokens.Count && tokens[k + 1].Norm == "tandem" && tokens[k + 2].Norm is "duplication" or "duplications":
                    return new Result(BiomarkerStatus.Positive, "ITD", value, unit, tokens[k + 2].End);
                // "FLT3-ITD and TKD negative": the kinds of FLT3 alteration tested, then one result for both.
                case "itd" or "tkd":
                    alteration ??= raw.ToUpperInvariant();
                    continue;
                case "and" or "or" when alteration is "ITD" or "TKD" && k + 1 < tokens.Count && tokens[k + 1].Norm is "itd" or "tkd":
                    continue;
                // "PD-L1 is expressed on 20% of tumour cells": the share expressing it follows.
                case "expressed":
                    if (k + 1 < tokens.Count && tokens[k + 1].Norm is "on" or "in" or "by")
                    {
                        k++;
                    }

                    unit ??= "%";
                    continue;
                // "ER Allred 8/8", "PR Allred score 2": the Allred score of a hormone receptor, 0-2 negative and 3-8 positive.
                case "allred":
                    {
                        var at = k + 1 < tokens.Count && tokens[k + 1].Norm == "score" ? k + 2 : k + 1;
                        if (at < tokens.Count && tokens[at].IsNumber && int.TryParse(tokens[at].Norm, out var allred) && allred is >= 0 and <= 8)
                        {
                            var end = tokens[at].End;
                            if (end + 1 < text.Length && text[end] == '/' && at + 1 < tokens.Count && tokens[at + 1].Start == end + 1 && tokens[at + 1].Norm == "8")
                            {
                                end = tokens[at + 1].End;
                            }

                            return new Result(allred <= 2 ? BiomarkerStatus.Negative : BiomarkerStatus.Positive, null, null, null, end);
                        }

                        return null;
                    }

                case "tps" or "cps" or "score" or "expression" or "of" or "ihc" or "immunohistochemistry" or "immunohistochemical" or "staining" or "status" or "is" or "was" or "are" or "were" or "all" or "both" or "testing" or "test" or "by" or "fish":
                    unit = word is "cps" ? "CPS" : unit;
                    continue;
                default:
                    if (ProteinChange().IsMatch(raw))
                    {
                        return new Result(BiomarkerStatus.Positive, raw, null, null, tokens[k].End);
                    }

                    if (tokens[k].IsNumber && decimal.TryParse(word, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    {
                        var end = tokens[k].End;
                        if (end < text.Length && text[end] == '+' && number is >= 0 and <= 3)
                        {
                            // An immunohistochemistry score: 0 and 1+ are negative (1+ is "low" for HER2), 2+ equivocal, 3+ positive.
                            var ihc = number switch { 3 => BiomarkerStatus.Positive, 2 => BiomarkerStatus.Equivocal, 1 => BiomarkerStatus.Low, _ => BiomarkerStatus.Negative };
                            return new Result(ihc, null, null, null, end + 1);
                        }

                        // "PR 6/8": a score out of 8 is the Allred score of a hormone receptor.
                        if (end + 1 < text.Length && text[end] == '/' && k + 1 < tokens.Count && tokens[k + 1].Start == end + 1 && tokens[k + 1].Norm == "8" && number is >= 0 and <= 8)
                        {
                            return new Result(number <= 2 ? BiomarkerStatus.Negative : BiomarkerStatus.Positive, null, null, null, tokens[k + 1].End);
                        }

                        var percent = end < text.Length && text[end] == '%';
                        if (percent || unit is not null || (k + 2 < tokens.Count && tokens[k + 1].Norm == "mut"))
                        {
                            return new Result(BiomarkerStatus.Positive, null, number, percent ? "%" : unit ?? "mut/Mb", percent ? end + 1 : end);
                        }

                        alteration ??= raw;
                        continue;
                    }

                    return null;
            }
        }

        return null;
    }

    /// <summary>"HER2 0", "HER2 IHC 0", "HER2 score 0": a bare zero after HER2 is the immunohistochemistry score 0, a negative result.</summary>
    private static Result? ImmunohistochemistryZero(string text, IReadOnlyList<NoteToken> tokens, LexiconMatch marker)
    {
        var at = marker.Next;
        while (at < tokens.Count && at < marker.Next + 2 && tokens[at].Norm is "ihc" or "immunohistochemistry" or "score" or "is" or "was")
        {
            at++;
        }

        if (marker.Entry.Canonical != "ERBB2" || at >= tokens.Count || tokens[at].Norm != "0")
        {
            return null;
        }

        var end = tokens[at].End;
        return end < text.Length && (text[end] == '%' || text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
            ? null
            : new Result(BiomarkerStatus.Negative, null, null, null, end);
    }

    private static Result? ReadResultBefore(IReadOnlyList<NoteToken> tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            switch (tokens[k].Norm)
            {
                case "positive" when k + 1 < tokens.Count && tokens[k + 1].Norm is "for":
                    return new Result(BiomarkerStatus.Positive, null, null, null, tokens[first].End);
                case "negative" when k + 1 < tokens.Count && tokens[k + 1].Norm is "for":
                    return new Result(BiomarkerStatus.Negative, null, null, null, tokens[first].End);
                // "a pathogenic BRCA2 variant", "a deleterious germline BRCA1 variant": the gene carries a harmful alteration.
                case "pathogenic" or "deleterious" when k == first - 1 || (k == first - 2 && tokens[k + 1].Norm is "germline" or "somatic"):
                    return new Result(BiomarkerStatus.Positive, "mutation", null, null, tokens[first].End);
            }
        }

        return null;
    }
}
