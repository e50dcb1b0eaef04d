using System.Text.RegularExpressions;

namespace TrialAccess.Eligibility.Segmentation;

/// <summary>
/// Run-together blocks: registry records of the old PDQ form whose line breaks were lost when the text was re-wrapped
/// ("DISEASE CHARACTERISTICS: Histologically confirmed resectable adenocarcinoma of the breast Histologically positive
/// lymph nodes (1 to 3) ... No locally advanced or inflammatory or metastatic breast cancer Hormone receptor status: Not
/// specified"). Each rule of such a block starts with a capitalised opening word after a lower-case word, or with a label
/// ("Hepatic:", "Chemotherapy:"); its section headings ("PATIENT CHARACTERISTICS:", "--Prior/Concurrent Therapy--")
/// and labels say what the rules after them are about, and become the rules' sections. Split there, the rules read one by one, as the same record written with its
/// line breaks does.
/// </summary>
public static partial class CriteriaSegmenter
{
    /// <summary>
    /// The items of a paragraph that runs PDQ rules together, or the paragraph itself when it is not such a block. A
    /// label whose rule is "Not specified" or "See Disease Characteristics" states no rule and gives no item.
    /// </summary>
    private static IEnumerable<RawItem> SplitRunTogether(string text, RawItem item)
    {
        if (item.IsBulleted || item.End - item.Start < 120 || !IsRunTogether(text, item))
        {
            yield return item;
            yield break;
        }

        var pieceStart = item.Start;
        var pieceSection = item.Section;
        foreach (var boundary in Boundaries(text, item.Start, item.End))
        {
            if (Piece(text, item, pieceStart, boundary.Start, pieceSection) is { } piece)
            {
                yield return piece;
            }

            if (boundary.Section is { } named)
            {
                // A heading ("DISEASE CHARACTERISTICS:", "--Patient Characteristics--") is no rule: the piece starts after it.
                pieceSection = named;
                pieceStart = boundary.End;
            }
            else if (boundary.Label is { } label)
            {
                // A label ("Hepatic:", "Biologic therapy:") names the section of the rule after it, as the heading over a
                // bulleted list of the same form does; left in the rule's text, "Biologic therapy: No prior exposure to mouse
                // antibodies" would read as a requirement of biologic therapy.
                pieceSection = label;
                pieceStart = boundary.End;
            }
            else
            {
                pieceStart = boundary.Start;
            }
        }

        if (Piece(text, item, pieceStart, item.End, pieceSection) is { } last)
        {
            yield return last;
        }
    }

    private static RawItem? Piece(string text, RawItem item, int start, int end, string? section)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';'))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - start < 2 || NoRule().IsMatch(text.AsSpan(start, end - start)))
        {
            return null;
        }

        return new RawItem(item.Role, item.RoleStated, start, end, item.Depth, section, item.Cohort, int.MaxValue) { IsBulleted = false };
    }

    private readonly record struct Boundary(int Start, int End, string? Section, string? Label);

    private static IEnumerable<Boundary> Boundaries(string text, int start, int end)
    {
        var found = new List<Boundary>();
        for (var m = RunTogetherHeading().Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            found.Add(new Boundary(m.Index, m.Index + m.Length, Clean(m.Groups["name"].Value), null));
        }

        for (var m = RunTogetherLabel().Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            var (at, length) = (m.Index, m.Length);
            if (!found.Exists(b => at < b.End && b.Start < at + length))
            {
                found.Add(new Boundary(at, at + length, null, Clean(m.Groups["label"].Value)));
            }
        }

        for (var m = RunTogetherRule().Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            var at = m.Index;
            if (!found.Exists(b => at < b.End && b.Start <= at))
            {
                found.Add(new Boundary(at, at, null, null));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>A paragraph of PDQ rules run together: a section heading in it, or two labels of the PDQ form.</summary>
    private static bool IsRunTogether(string text, RawItem item)
    {
        var span = text.AsSpan(item.Start, item.End - item.Start);
        return RunTogetherHeading().IsMatch(span) || PdqLabel().Count(span) >= 2;
    }

    /// <summary>"DISEASE CHARACTERISTICS:", "PRIOR CONCURRENT THERAPY:", "--Patient Characteristics--".</summary>
    [GeneratedRegex(@"(?<![\w-])(?:(?<name>[A-Z]{3,}(?:[ /][A-Z]{2,}){1,3})\s*:|--\s*(?<name>[A-Za-z][A-Za-z/ ,&]{1,60}?)\s*--)", RegexOptions.CultureInvariant)]
    private static partial Regex RunTogetherHeading();

    /// <summary>The labels of the PDQ form: "Age:", "Performance status:", "Hematopoietic:", "Biologic therapy:".</summary>
    [GeneratedRegex(@"\b(?:Age|Sex|Menopausal status|Performance status|Life expectancy|Hematopoietic|Hepatic|Renal|Cardiovascular|Pulmonary|Neurologic|Other|Biologic therapy|Chemotherapy|Endocrine therapy|Radiotherapy|Surgery)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex PdqLabel();

    /// <summary>A label starting a rule: a capitalised word and up to three lower-case ones before a colon ("Hormone receptor status:").</summary>
    [GeneratedRegex(@"(?<=^|[A-Za-z0-9%).\]-]\s+|:\s*)(?<label>[A-Z][a-z]+(?:[ /-][a-z]+){0,3})\s*:(?!\d)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex RunTogetherLabel();

    /// <summary>
    /// A rule starting after a word, a number or a bracket: an opening word such rules start with, capitalised
    /// ("... for this malignancy Up to 4 weeks of tamoxifen allowed", "... sentinel node biopsy Patients who are positive").
    /// Names that are capitalised inside sentences ("Hodgkin's Disease", "Wilms' Tumor") are not among them; "HIV" opens a
    /// rule when a result follows it ("No uncontrolled infection HIV negative").
    /// </summary>
    [GeneratedRegex(@"(?<=[A-Za-z0-9%)\]]\s+)(?:No|Not|At|Prior|Must|Concurrent|Recovered|Other|See|Previous|Previously|Greater|More|Less|Fewer|Any|Patients?|Histologically|Cytologically|Pathologically|Measurable|Bidimensionally|Unidimensionally|Evaluable|May|Up|Fertile|Adequate|Documented|Newly|Untreated|Bilirubin|Creatinine|Platelet|Platelets|Hemoglobin|Absolute|Transaminases|Life|Willing|Able|Signed|Known|Active|Uncontrolled|Negative|Pregnant|Nursing|Women|Men|Only|Completely|Surgically|Clinically|Stage|HIV(?=\s+(?:negative|positive|seronegative|seropositive)\b))\b(?!\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex RunTogetherRule();

    /// <summary>A rule that states none: "Not specified", "See Disease Characteristics", "No time limit since prior therapy".</summary>
    [GeneratedRegex(@"^(?:not\s+specified|see\s+[^.;]{0,60}|none|n/?a|no\s+(?:time\s+)?(?:limits?|restrictions?)\b[^.;]{0,100})\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoRule();
}
