using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Vocabulary;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>
/// A biomarker requirement: gene or marker, optional alteration ("exon 19 deletion", "L858R", "G12C", "fusion",
/// "amplification"), status (positive, negative, wild type, low) and an optional value bound with unit ("PD-L1 TPS ≥ 50%").
/// </summary>
/// <param name="Marker">Canonical marker: HGNC symbol ("EGFR", "ERBB2", "ESR1") or "PD-L1", "MSI", "MMR", "TMB", "HRD"; groups "BRCA", "HR", "NTRK", "IDH", "FGFR".</param>
/// <param name="Alteration">The alteration when specific, else null.</param>
/// <param name="Status">The status required; Positive when the criterion names an alteration without a status.</param>
/// <param name="Bound">A bound on the measured value, with <paramref name="Unit"/> ("%", "CPS", "TPS", "mut/Mb").</param>
public sealed record BiomarkerConstraint(string Marker, string? Alteration, BiomarkerStatus Status, Bound? Bound = null, string? Unit = null) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Biomarker;

    public override string Describe() =>
        $"{Marker}{(Alteration is null ? string.Empty : " " + Alteration)} {Status.ToString().ToLowerInvariant()}{(Bound is { } b ? $" {b}{Unit}" : string.Empty)}";

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var results = patient.Biomarkers.Where(b => Covers(context.Vocabulary.Biomarkers.Canonical(b.Marker))).ToList();
        var question = $"What is the patient's {Marker}{(Alteration is null ? string.Empty : " " + Alteration)} status{(Bound is null ? string.Empty : $" ({Unit ?? "value"})")}?";
        if (results.Count == 0)
        {
            return DefinedByDiagnosis(patient, context) is { } defined
                ? ConstraintCheck.Of(Status == BiomarkerStatus.Positive, $"diagnosis {defined.Text}, which {Marker} defines")
                : ConstraintCheck.Unknown(question, $"no {Marker} result recorded");
        }

        foreach (var result in results.Where(r => r.Certainty != Certainty.Hypothetical))
        {
            var evidence = $"{result.Marker}{(result.Alteration is null ? string.Empty : " " + result.Alteration)} {result.Status.ToString().ToLowerInvariant()}{(result.Value is { } v ? $" {Number(v)}{result.Unit}" : string.Empty)}";
            var positive = result.Status is BiomarkerStatus.Positive && result.Certainty != Certainty.Negated;
            switch (Status)
            {
                case BiomarkerStatus.Negative or BiomarkerStatus.WildType:
                    if (Alteration is not null && positive && result.Alteration is { } other && !SameAlteration(other))
                    {
                        return ConstraintCheck.Met(evidence);
                    }

                    return ConstraintCheck.Of(!positive && result.Status != BiomarkerStatus.Equivocal && result.Status != BiomarkerStatus.Low || (Marker == "ERBB2" && result.Status == BiomarkerStatus.Low), evidence);
                case BiomarkerStatus.Low:
                    return ConstraintCheck.Of(result.Status == BiomarkerStatus.Low, evidence);
                case BiomarkerStatus.Equivocal:
                    return ConstraintCheck.Of(result.Status == BiomarkerStatus.Equivocal, evidence);
            }

            if (Bound is { } bound)
            {
                if (result.Value is { } value)
                {
                    return ConstraintCheck.Of(bound.Admits(value), evidence);
                }

                if (!positive)
                {
                    return ConstraintCheck.Of(bound.Comparison is Comparison.LessThan or Comparison.AtMost, evidence);
                }

                return ConstraintCheck.Unknown(question, evidence);
            }

            if (!positive)
            {
                if (result.Status == BiomarkerStatus.Equivocal)
                {
                    return ConstraintCheck.Unknown(question, evidence);
                }

                return ConstraintCheck.NotMet(evidence);
            }

            if (Alteration is null || result.Alteration is null && IsGeneric(Alteration))
            {
                return ConstraintCheck.Met(evidence);
            }

            if (result.Alteration is null)
            {
                return ConstraintCheck.Unknown(question, evidence);
            }

            return ConstraintCheck.Of(SameAlteration(result.Alteration), evidence);
        }

        return ConstraintCheck.Unknown(question, "result not final");
    }

    /// <summary>
    /// The cancer types defined by an alteration ("chronic myeloid leukaemia" is BCR-ABL1-positive, "acute promyelocytic
    /// leukaemia with PML-RARA" carries PML-RARA): a patient recorded with one has it, whether or not the result is written.
    /// </summary>
    private static readonly (string Code, string Marker)[] DefiningMarkers = [("CML", "BCR-ABL1"), ("APLPMLRARA", "PML-RARA")];

    /// <summary>
    /// The patient's diagnosis that this marker defines, for a rule on the marker's presence or absence alone (not a
    /// value, nor a particular alteration such as "BCR-ABL1 T315I"), or null.
    /// </summary>
    private Diagnosis? DefinedByDiagnosis(PatientProfile patient, EvaluationContext context)
    {
        if (Bound is not null || (Alteration is not null && !IsGeneric(Alteration) && Alteration is not ("fusion" or "rearrangement" or "translocation"))
            || Status is not (BiomarkerStatus.Positive or BiomarkerStatus.Negative))
        {
            return null;
        }

        var catalog = context.Vocabulary.CancerTypes;
        foreach (var (code, marker) in DefiningMarkers)
        {
            if (marker.Equals(Marker, StringComparison.OrdinalIgnoreCase)
                && patient.Diagnoses.FirstOrDefault(d => d.Certainty is Certainty.Asserted or Certainty.Historical
                    && (d.OncoTreeCode ?? catalog.Resolve(d.Text)) is { } have && catalog.IsWithin(have, code)) is { } diagnosis)
            {
                return diagnosis;
            }
        }

        return null;
    }

    private bool Covers(string marker) => marker.Equals(Marker, StringComparison.OrdinalIgnoreCase) || Marker switch
    {
        "BRCA" => marker is "BRCA1" or "BRCA2",
        "HR" => marker is "ESR1" or "PGR",
        "NTRK" => marker.StartsWith("NTRK", StringComparison.Ordinal),
        "IDH" => marker is "IDH1" or "IDH2",
        "FGFR" => marker.StartsWith("FGFR", StringComparison.Ordinal),
        "RAS" => marker is "KRAS" or "NRAS" or "HRAS",
        "MSI" => marker == "MMR",
        "MMR" => marker == "MSI",
        _ => false,
    };

    private static bool IsGeneric(string alteration) => alteration is "mutation" or "alteration" or "expression";

    private bool SameAlteration(string other)
    {
        if (Alteration is null || IsGeneric(Alteration))
        {
            return true;
        }

        static string Squash(string s) => Regex.Replace(s.ToLowerInvariant(), @"[^a-z0-9]", string.Empty).Replace("deletion", "del", StringComparison.Ordinal).Replace("insertion", "ins", StringComparison.Ordinal);
        var have = Squash(other);
        return Alteration.Split(" or ").Select(Squash).Any(want => have.Contains(want, StringComparison.Ordinal) || want.Contains(have, StringComparison.Ordinal)
            || (want is "fusion" or "rearrangement" && have is "fusion" or "rearrangement" or "translocation"));
    }
}

/// <summary>Reads genes and markers with their alteration, status and cut-off; markers joined by "/" or "and/or" share what follows.</summary>
public static partial class BiomarkerParser
{
    public static void Parse(CriterionContext c)
    {
        var mentions = Mentions(c);
        var group = new List<(string Marker, int Start, int End)>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            group.Add(mention);
            var nextStart = i + 1 < mentions.Count ? mentions[i + 1].Start : c.Text.Length;
            var after = c.Text[mention.End..nextStart];
            if (i + 1 < mentions.Count && Joiner().IsMatch(after))
            {
                continue;
            }

            var window = after.Length > 70 ? after[..70] : after;
            var clauseEnd = window.IndexOfAny([';', '.']);
            if (clauseEnd >= 0 && !(clauseEnd + 1 < window.Length && char.IsDigit(window[clauseEnd + 1])))
            {
                window = window[..clauseEnd];
            }

            var before = c.Text[Math.Max(0, group[0].Start - 40)..group[0].Start];
            var inline = c.Text[group[0].Start..mention.End];
            foreach (var (marker, start, end) in group)
            {
                var (alteration, status, bound, unit, length) = Read(marker, c.Text[start..end], window, before, inline);
                var spanEnd = Math.Max(end, mention.End + length);

                // "ER/PgR determination", "EGFR mutation testing performed", "status can be positive, negative or
                // unknown": a test that must be done or a status that may be anything is no requirement on the result.
                if (bound is null && IsTestingRequirement(c) && (!Status().IsMatch(window) && !Found().IsMatch(window) || AnyStatus().IsMatch(c.Lower)))
                {
                    c.Claim(start, spanEnd);
                    continue;
                }

                if (c.Found.OfType<BiomarkerConstraint>().Any(f => f.Marker == marker && f.Alteration == alteration && f.Status == status && f.Bound == bound))
                {
                    continue;
                }

                c.Add(new BiomarkerConstraint(marker, alteration, status, bound, unit) { Span = CriterionContext.Span(start, spanEnd), Negated = c.IsNegatedAt(start) && status == BiomarkerStatus.Positive && bound is null });
            }

            group.Clear();
        }
    }

    private static List<(string Marker, int Start, int End)> Mentions(CriterionContext c)
    {
        var found = new List<(string Marker, int Start, int End)>();
        foreach (var m in c.Vocabulary.Biomarkers.Names.FindAll(c.Text, c.Tokens))
        {
            // "anti-PD-L1", "EGFR inhibitor", "HER2-directed therapy" name a therapy, not a biomarker.
            var tail = c.Text[m.End..Math.Min(c.Text.Length, m.End + 30)];
            if (!c.IsClaimed(m.Start, m.End) && !AntiPrefix().IsMatch(c.Text[..m.Start]) && !TherapyTail().IsMatch(tail))
            {
                found.Add((m.Value, m.Start, m.End));
            }
        }

        if (c.Vocabulary.Biomarkers.Symbols.Count > 0)
        {
            for (var m = Symbol().Match(c.Text); m.Success; m = m.NextMatch())
            {
                if (c.Vocabulary.Biomarkers.Symbols.TryGetValue(m.Value, out var symbol) && !found.Any(f => m.Index < f.End && m.Index + m.Length > f.Start)
                    && GeneContext().IsMatch(c.Text[(m.Index + m.Length)..Math.Min(c.Text.Length, m.Index + m.Length + 30)]))
                {
                    found.Add((symbol, m.Index, m.Index + m.Length));
                }
            }
        }

        // "Progesterone receptor (PR)": the abbreviation in parentheses is the same mention, not a second marker.
        var ordered = found.OrderBy(f => f.Start).ToList();
        ordered.RemoveAll(f => ordered.Exists(p => p.Marker == f.Marker && p.End <= f.Start && f.Start - p.End <= 3
            && c.Text.AsSpan(p.End, f.Start - p.End).Trim() is "(" && f.End < c.Text.Length && c.Text[f.End] == ')'));

        // "Severe pulmonic regurgitation (PR)": an abbreviation the words before it define, spelled by their initials,
        // is their name, not the marker's (unless those words are the marker's own name, removed above), wherever the
        // criterion uses it ("moderate PR is allowed").
        foreach (var (_, start, end) in ordered)
        {
            if (DefinedAbbreviation(c.Text, start, end))
            {
                var abbreviation = c.Text[start..end];
                ordered.RemoveAll(f => c.Text.AsSpan(f.Start, f.End - f.Start).SequenceEqual(abbreviation));
                break;
            }
        }
        return ordered;
    }

    /// <summary>True when <c>text[start..end]</c> is a capitalised abbreviation in parentheses spelled by the initials of the words just before it.</summary>
    internal static bool DefinedAbbreviation(string text, int start, int end)
    {
        if (end - start is < 2 or > 6 || end >= text.Length || text[end] != ')')
        {
            return false;
        }

        var abbreviation = text[start..end];
        if (!abbreviation.All(char.IsUpper))
        {
            return false;
        }

        var open = text.LastIndexOf('(', start);
        if (open < 0 || text.AsSpan(open + 1, start - open - 1).Trim().Length > 0)
        {
            return false;
        }

        var words = text[Math.Max(0, open - 80)..open].Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < abbreviation.Length)
        {
            return false;
        }

        var initials = string.Concat(words[^abbreviation.Length..].Select(w => char.ToUpperInvariant(w[0])));
        return initials == abbreviation;
    }

    [GeneratedRegex(@"\b(?:determination|determined|testing|tested|assay(?:ed)?|analy[sz](?:is|ed)|performed|available|measured|assessed|evaluated|known|unknown|pending)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Testing();

    /// <summary>
    /// True when the criterion asks for a test or a known status ("EGFR status known", "HER2 testing performed"), not
    /// for the marker itself. "Known" opening the criterion ("Known activating EGFR mutation", "Patients with known
    /// germline BRCA mutations") says the patient has it.
    /// </summary>
    /// <summary>"A HER2 overexpressing malignancy as determined by any standardized assay": the result the test must find, not a test to do.</summary>
    [GeneratedRegex(@"\b(?:over-?express(?:ing|ion|ed)|amplified|amplification|mutated|mutant|rearranged)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Found();

    private static bool IsTestingRequirement(CriterionContext c)
    {
        for (var m = Testing().Match(c.Lower); m.Success; m = m.NextMatch())
        {
            if (!(m.Value == "known" && KnownOpening().IsMatch(c.Lower.AsSpan(0, m.Index)) && !StatusWord().IsMatch(c.Lower)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\W*(?:(?:patients?|subjects?|participants?)\s+(?:with|who\s+(?:have|has))\s+|(?:has|have)\s+)?(?:an?\s+|any\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KnownOpening();

    [GeneratedRegex(@"\b(?:status|results?|expression\s+level)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusWord();

    [GeneratedRegex(@"positive\s*,?\s*(?:or\s+)?negative|negative\s*,?\s*(?:or\s+)?positive|regardless\s+of|any\s+(?:\w+\s+)?status|irrespective", RegexOptions.CultureInvariant)]
    private static partial Regex AnyStatus();

    private static (string? Alteration, BiomarkerStatus Status, Bound? Bound, string? Unit, int Length) Read(string marker, string name, string after, string before, string inline)
    {
        var status = BiomarkerStatus.Positive;
        var statusFromBefore = false;
        string? alteration = null;
        Bound? bound = null;
        string? unit = null;
        var length = 0;
        var lowerName = name.ToLowerInvariant();
        switch (marker)
        {
            case "MSI" when lowerName.Contains("mss", StringComparison.Ordinal) || lowerName.Contains("stable", StringComparison.Ordinal):
                return ("high", BiomarkerStatus.Negative, null, null, 0);
            case "MSI":
                alteration = "high";
                break;
            case "MMR" when lowerName.StartsWith('p'):
                return ("deficient", BiomarkerStatus.Negative, null, null, 0);
            case "MMR":
                alteration = "deficient";
                break;
            case "TMB" when lowerName.EndsWith('h'):
                alteration = "high";
                break;
        }

        var text = after;
        var alt = Alteration().Match(text);
        if (alt.Success && alt.Index < 40)
        {
            var found = new List<string> { NormaliseAlteration(alt.Value) };
            length = Math.Max(length, alt.Index + alt.Length);
            for (var next = alt.NextMatch(); next.Success && next.Index - length < 12 && AlterationJoiner().IsMatch(text[length..next.Index]); next = next.NextMatch())
            {
                var normalised = NormaliseAlteration(next.Value);
                if (normalised != "mutation" || !found.Contains(normalised))
                {
                    found.Add(normalised);
                }

                length = next.Index + next.Length;
            }

            found.RemoveAll(f => f == "mutation" && found.Count > 1);
            alteration = string.Join(" or ", found.Distinct());
        }
        else if (Alteration().Match(before) is { Success: true } altBefore && altBefore.Index + altBefore.Length >= before.Length - 25)
        {
            alteration = NormaliseAlteration(altBefore.Value);
        }

        var st = Status().Match(text);
        if (st.Success && st.Index < 45)
        {
            status = ParseStatus(st.Value);
            length = Math.Max(length, st.Index + st.Length);
        }
        else if (Status().Match(before) is { Success: true } stBefore && stBefore.Index + stBefore.Length >= before.Length - 20)
        {
            status = ParseStatus(stBefore.Value);
            statusFromBefore = true;
        }

        var value = ValueBound().Match(text);
        if (value.Success && value.Index < 50 && CriterionContext.ParseNumber(value.Groups["num"].Value) is { } number && CriterionContext.ParseComparison(value.Groups["op"].Value) is { } comparison)
        {
            bound = new Bound(comparison, number);
            unit = value.Groups["unit"].Success ? value.Groups["unit"].Value.Trim() : null;
            if (unit is null && Scoring().Match(text) is { Success: true } scoring)
            {
                unit = scoring.Value.ToUpperInvariant();
            }

            length = Math.Max(length, value.Index + value.Length);
            if (marker == "ERBB2" && unit is null)
            {
                bound = null;
            }
        }

        if (marker == "ERBB2" && Ihc().Match(text) is { Success: true } ihc && ihc.Index < 40)
        {
            status = ihc.Value.Contains("3+", StringComparison.Ordinal) ? BiomarkerStatus.Positive : ihc.Value.Contains('0') && !ihc.Value.Contains("1+", StringComparison.Ordinal) ? BiomarkerStatus.Negative : BiomarkerStatus.Low;
            length = Math.Max(length, ihc.Index + ihc.Length);
        }

        // A sign written on the marker ("HER2+") is its own status, before any status word of the marker before it
        // ("hormone receptor negative, HER2+ breast cancer").
        if (Symbolic().Match(inline + (after.Length > 3 ? after[..3] : after)) is { Success: true } sign && (status == BiomarkerStatus.Positive || statusFromBefore) && bound is null && alteration is null)
        {
            status = sign.Value.Contains('-', StringComparison.Ordinal) || sign.Value.Contains('−', StringComparison.Ordinal) ? BiomarkerStatus.Negative : BiomarkerStatus.Positive;
        }

        return (alteration, status, bound, unit, length);
    }

    private static BiomarkerStatus ParseStatus(string value)
    {
        var v = value.ToLowerInvariant();
        return v.Contains("wild", StringComparison.Ordinal) || v.Contains("wt", StringComparison.Ordinal) || v.Contains("unmutated", StringComparison.Ordinal) || v.Contains("non-mutated", StringComparison.Ordinal) ? BiomarkerStatus.WildType
            : v.Contains("neg", StringComparison.Ordinal) || v.Contains("not detected", StringComparison.Ordinal) || v.Contains("absent", StringComparison.Ordinal) || v.Contains("proficient", StringComparison.Ordinal) || v.Contains("stable", StringComparison.Ordinal) ? BiomarkerStatus.Negative
            : v.Contains("low", StringComparison.Ordinal) ? BiomarkerStatus.Low
            : v.Contains("equivocal", StringComparison.Ordinal) ? BiomarkerStatus.Equivocal
            : BiomarkerStatus.Positive;
    }

    private static string NormaliseAlteration(string value)
    {
        var v = Regex.Replace(value.Trim(), @"\s+", " ");
        var lower = v.ToLowerInvariant();
        if (Regex.IsMatch(v, @"^[A-Z]\d+[A-Z]?$"))
        {
            return v;
        }

        return lower switch
        {
            _ when lower.StartsWith("exon", StringComparison.Ordinal) => Regex.Replace(lower, @"\b(?:del|deletions?)\b", "deletion").Replace("ins ", "insertion ", StringComparison.Ordinal).Replace("insertions", "insertion", StringComparison.Ordinal),
            _ when lower.StartsWith("fusion", StringComparison.Ordinal) || lower.StartsWith("rearrang", StringComparison.Ordinal) || lower.StartsWith("transloc", StringComparison.Ordinal) => "fusion",
            _ when lower.StartsWith("amplif", StringComparison.Ordinal) => "amplification",
            _ when lower.StartsWith("overexpress", StringComparison.Ordinal) || lower.StartsWith("express", StringComparison.Ordinal) => "expression",
            _ when lower.Contains("itd", StringComparison.Ordinal) => "ITD",
            _ when lower.StartsWith("codelet", StringComparison.Ordinal) || lower.StartsWith("co-delet", StringComparison.Ordinal) => "codeletion",
            _ when lower.StartsWith("delet", StringComparison.Ordinal) || lower == "loss" => "deletion",
            _ when lower.StartsWith("skip", StringComparison.Ordinal) => "exon 14 skipping",
            _ => "mutation",
        };
    }

    [GeneratedRegex(@"^\s*(?:,|/|or|and/or|and)?\s*(?:,|/|or|and/or|and)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlterationJoiner();

    [GeneratedRegex(@"^\s*(?:,|/|and/or|and|or|&|\+|-)\s*(?:(?:the\s+)?(?:genes?\s+)?)?$|^\s*\([^)]{0,25}\)\s*(?:,|/|and/or|and|or)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joiner();

    [GeneratedRegex(@"\bexon\s*\d{1,2}\s*(?:deletions?|del|insertions?|ins|skipping|mutations?|alterations?|duplications?)?|\b[ACDEFGHIKLMNPQRSTVWY]\d{2,4}(?:[ACDEFGHIKLMNPQRSTVWYX]|del|fs)\b|\b(?:fusions?|fused|rearrange\w*|translocations?|amplifi\w+|overexpress\w*|mutations?|mutated|mutant|alterations?|altered|variants?|co-?deletion|deletions?|ITD|skipping|loss)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alteration();

    [GeneratedRegex(@"\b(?:positive|positivity|pos|negative|neg|wild[- ]?type|wt|unmutated|non-?mutated|not\s+detected|absent|low|high|equivocal|deficient|proficient|expressing|expression|stable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Status();

    [GeneratedRegex(CriterionContext.Operator + @"\s*" + CriterionContext.NumberPattern + @"(?<unit>\s*(?:%|mut(?:ations)?\s*/\s*mb|muts?/mb|mutations\s+per\s+megabase|CPS|TPS|TC|IC))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueBound();

    [GeneratedRegex(@"\b(?:TPS|CPS|TAP|IC|TC)\b|tumou?r\s+proportion\s+score|combined\s+positive\s+score", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scoring();

    [GeneratedRegex(@"\bIHC\s*(?:score\s*(?:of\s*)?)?(?:0|1\+|2\+|3\+)(?:\s*(?:or|/|and)\s*(?:0|1\+|2\+|3\+))*|\b(?:0|1\+|2\+|3\+)\s*(?:by\s+)?IHC", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ihc();

    [GeneratedRegex(@"(?<=[A-Za-z0-9)])\s?(?:\+|-|−)(?=\s|$|[,;/)])", RegexOptions.CultureInvariant)]
    private static partial Regex Symbolic();

    [GeneratedRegex(@"anti[- ]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AntiPrefix();

    [GeneratedRegex(@"^\s*[-/]?\s*(?:inhibitors?|antibod|blockade|blocking|directed|targeted|targeting|therap|agents?|TKIs?|tyrosine\s+kinase\s+inhibitor|CAR|bispecific|antagonist|vaccine)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TherapyTail();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9-]{2,9}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();

    [GeneratedRegex(@"^\s*(?:gene\s+)?(?:mutation|mutated|mutant|fusion|rearrange|amplif|alteration|deletion|positive|negative|wild|expression|overexpress|variant|exon|[A-Z]\d{2,4}[A-Z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GeneContext();
}
