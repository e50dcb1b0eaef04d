using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialAccess.Patients.Notes;

/// <summary>
/// Finds the patient's age ("58 yo", "45-year-old", "74M", "3-day-old", "5 months old") and sex ("F", "woman", "boy",
/// or, failing those, the pronouns the note uses). Ages that belong to a relative or to the past ("her 70-year-old
/// father", "at age 13", "when he was 20 years old") are skipped.
/// </summary>
internal static partial class AgeAndSexExtractor
{
    /// <summary>How far into a note the age is looked for; notes state it up front.</summary>
    private const int SearchLength = 20_000;

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3}(?:\.\d)?)\s*-?\s*(?<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)\s*-?\s*old\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AgeOld();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3})\s*-?\s*(?:yo|y/o|y\.o\.?|years?(?=\s+(?:man|woman|male|female|boy|girl|gentleman|lady|m|f)\b))(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AgeShort();

    /// <summary>"Mr D.H., 76 y.", "76 yrs,": a bare "y" or "yrs" closed by punctuation, read only in a note's opening words (elsewhere it is a duration).</summary>
    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3})\s*(?:y|yrs?)(?=\.?\s*[,;)]|\.\s|\.?$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AgeBareYears();

    /// <summary>How far into a note <see cref="AgeBareYears"/> is read.</summary>
    private const int OpeningLength = 120;

    [GeneratedRegex(@"(?<![\d.\w])(?<n>\d{1,3})\s?(?<sex>[MF])\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AgeSexLetter();

    [GeneratedRegex(@"\b(?:aged?)\s+(?<n>\d{1,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AgedWord();

    [GeneratedRegex(@"\G[\s,-]*(?:(?<sex>M|F)\b|(?<word>man|woman|male|female|boy|girl|gentleman|lady|men|women|gentlemen)\b)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SexAfterAge();

    [GeneratedRegex(@"\b(?<word>man|woman|male|female|boy|girl|gentleman|lady)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SexWord();

    [GeneratedRegex(@"\b(?<p>he|she|his|her|him)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"(?:\b(?:at|since|when\s+(?:he|she|i)\s+was|at\s+the\s+age\s+of|by|until|from|for|of)\s*|(?:mother|father|sister|brother|aunt|uncle|son|daughter|husband|wife|grandmother|grandfather|sibling|cousin)s?'?s?\s+(?:is\s+|was\s+)?(?:a\s+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NotThePatientBefore();

    [GeneratedRegex(@"\G[\s-]*(?:mother|father|sister|brother|aunt|uncle|son|daughter|husband|wife|grandmother|grandfather|sibling|cousin|child|children|kids?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RelativeAfter();

    public static (Fact<decimal>? Age, Fact<PatientSex>? Sex) Extract(string text)
    {
        var head = text.Length > SearchLength ? text[..SearchLength] : text;
        var candidates = new List<(int Index, int Length, decimal Years, int End)>();
        foreach (Match m in AgeOld().Matches(head))
        {
            candidates.Add((m.Index, m.Length, Years(m.Groups["n"].Value, m.Groups["unit"].Value), m.Index + m.Length));
        }

        foreach (var regex in new[] { AgeShort(), AgeSexLetter(), AgedWord() })
        {
            foreach (Match m in regex.Matches(head))
            {
                candidates.Add((m.Index, m.Length, Years(m.Groups["n"].Value, "year"), m.Index + m.Length - (m.Groups["sex"].Success ? 1 : 0)));
            }
        }

        for (var m = AgeBareYears().Match(head, 0, Math.Min(head.Length, OpeningLength)); m.Success; m = m.NextMatch())
        {
            candidates.Add((m.Index, m.Length, Years(m.Groups["n"].Value, "year"), m.Index + m.Length));
        }

        Fact<decimal>? age = null;
        var ageEnd = -1;
        foreach (var c in candidates.OrderBy(c => c.Index))
        {
            var before = head[Math.Max(0, c.Index - 40)..c.Index];
            if (NotThePatientBefore().IsMatch(before) || RelativeAfter().IsMatch(head, c.End) || c.Years > 125)
            {
                continue;
            }

            age = new Fact<decimal>(c.Years, Certainty.Asserted, new SourceSpan(c.Index, c.Length));
            ageEnd = c.End;
            break;
        }

        return (age, FindSex(head, ageEnd));
    }

    private static Fact<PatientSex>? FindSex(string text, int ageEnd)
    {
        if (ageEnd >= 0)
        {
            var after = SexAfterAge().Match(text, ageEnd);
            if (after.Success && (after.Groups["sex"].Success || after.Groups["word"].Success))
            {
                var group = after.Groups["sex"].Success ? after.Groups["sex"] : after.Groups["word"];
                return new Fact<PatientSex>(SexOf(group.Value), Certainty.Asserted, new SourceSpan(group.Index, group.Length));
            }

            var sentenceEnd = text.IndexOfAny(['.', '\n'], ageEnd);
            var sentence = sentenceEnd < 0 ? text[ageEnd..] : text[ageEnd..sentenceEnd];
            var word = SexWord().Match(sentence);
            if (word.Success && word.Index < 80)
            {
                return new Fact<PatientSex>(SexOf(word.Value), Certainty.Asserted, new SourceSpan(ageEnd + word.Index, word.Length));
            }
        }

        var first = SexWord().Match(text);
        if (first.Success)
        {
            return new Fact<PatientSex>(SexOf(first.Value), Certainty.Asserted, new SourceSpan(first.Index, first.Length));
        }

        int he = 0, she = 0, subjectHe = 0, subjectShe = 0;
        Match? firstPronoun = null;
        foreach (Match p in Pronoun().Matches(text))
        {
            firstPronoun ??= p;
            switch (p.Value.ToLowerInvariant())
            {
                case "he": subjectHe++; he++; break;
                case "she": subjectShe++; she++; break;
                case "his" or "him": he++; break;
                default: she++; break;
            }
        }

        if (firstPronoun is null || (he == she && subjectHe == subjectShe))
        {
            return null;
        }

        var female = subjectHe != subjectShe ? subjectShe > subjectHe : she > he;
        return new Fact<PatientSex>(female ? PatientSex.Female : PatientSex.Male, Certainty.Asserted, new SourceSpan(firstPronoun.Index, firstPronoun.Length));
    }

    private static PatientSex SexOf(string word) => word.ToLowerInvariant() switch
    {
        "m" or "man" or "male" or "boy" or "gentleman" or "men" or "gentlemen" => PatientSex.Male,
        _ => PatientSex.Female,
    };

    private static decimal Years(string number, string unit)
    {
        var n = Numbers.NumberText.DecimalOrNull(number) ?? 0m;
        var u = unit.ToLowerInvariant();
        var years = u.StartsWith('y') ? n
            : u.StartsWith("mo", StringComparison.Ordinal) ? n / 12m
            : u.StartsWith('w') ? n * 7m / 365.25m
            : n / 365.25m;
        return Math.Round(years, 2);
    }
}
