using System.Text.RegularExpressions;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Segmentation;

/// <summary>
/// Splits a trial's published eligibility text into criteria: one per bullet, number or paragraph, with the
/// inclusion/exclusion role from the headings, nesting from indentation, and sub-headings and cohort headings kept.
/// </summary>
/// <remarks>
/// Never throws on any input: text it cannot structure becomes paragraph criteria. Every returned span lies inside
/// the text and its slice equals the criterion text.
/// </remarks>
public static partial class CriteriaSegmenter
{
    public static SegmentedCriteria Segment(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SegmentedCriteria.Empty;
        }

        var items = new List<RawItem>();
        var role = CriterionRole.Inclusion;
        var roleStated = false;
        string? section = null;
        string? cohort = null;
        RawItem? current = null;
        var previousBlank = true;
        var markerIndents = new List<int>();

        foreach (var line in Lines(text))
        {
            var content = line.ContentStart;
            if (content >= line.End)
            {
                previousBlank = true;
                continue;
            }

            var body = text.AsSpan(content, line.End - content);
            var heading = RoleHeading().Match(text, content, line.End - content);
            if (!heading.Success && Marker().Match(text, content, line.End - content) is { Success: true } headingMarker)
            {
                // "-  EXCLUSION CRITERIA" written as an item of the list above it: a heading all the same, when nothing but the
                // heading is on the line.
                var afterMarker = SkipSpaces(text, content + headingMarker.Length, line.End);
                var bulleted = RoleHeading().Match(text, afterMarker, line.End - afterMarker);
                if (bulleted.Success && bulleted.Index + bulleted.Length >= line.End)
                {
                    heading = bulleted;
                }
            }

            if (!heading.Success && QualifiedHeading().Match(text, content, line.End - content) is { Success: true } qualified)
            {
                // "Subject Exclusion Criteria", "Angiographic Exclusion Criteria:", "Step 2 - Inclusion Criteria": a heading
                // named in capitals, alone on its line.
                heading = qualified;
            }

            if (heading.Success && IsHeadingLine(text, heading, line.End))
            {
                var word = heading.Groups["role"].Value.ToLowerInvariant();
                if (word.StartsWith("excl", StringComparison.Ordinal))
                {
                    role = CriterionRole.Exclusion;
                    roleStated = true;
                }
                else if (word.StartsWith("incl", StringComparison.Ordinal))
                {
                    role = CriterionRole.Inclusion;
                    roleStated = true;
                }

                var headingText = heading.Value.Trim();
                var cohortMatch = CohortWords().Match(headingText);
                cohort = cohortMatch.Success ? Clean(headingText[cohortMatch.Index..]).TrimEnd(':', '-', ' ') : null;
                section = null;
                current = null;
                markerIndents.Clear();
                var restStart = SkipSpaces(text, heading.Index + heading.Length, line.End);
                for (var repeated = RoleHeading().Match(text, restStart, line.End - restStart);
                     repeated.Success && repeated.Length > 0 && IsHeadingLine(text, repeated, line.End);
                     repeated = RoleHeading().Match(text, restStart, line.End - restStart))
                {
                    restStart = SkipSpaces(text, repeated.Index + repeated.Length, line.End);
                }

                while (restStart < line.End && !char.IsLetterOrDigit(text[restStart]))
                {
                    var bullet = Marker().Match(text, restStart, line.End - restStart);
                    if (bullet.Success)
                    {
                        break;
                    }

                    restStart++;
                }

                if (restStart < line.End)
                {
                    var marker = Marker().Match(text, restStart, line.End - restStart);
                    var itemStart = marker.Success ? SkipSpaces(text, restStart + marker.Length, line.End) : restStart;
                    if (itemStart < line.End)
                    {
                        current = new RawItem(role, roleStated, itemStart, line.End, 0, section, cohort, line.Indent + 2);
                        items.Add(current);
                    }
                }

                previousBlank = false;
                continue;
            }

            // PDQ-style sub-headings: "--Disease Characteristics--" (maybe with text after it) and bare "Hepatic", "Other".
            var pdq = PdqHeading().Match(text, content, line.End - content);
            if (pdq.Success || (body.Length <= 40 && PdqSection().IsMatch(text, content)))
            {
                section = Clean((pdq.Success ? pdq.Groups["name"].Value : text.Substring(content, line.End - content)).TrimEnd(':', '-', ' '));
                current = null;
                markerIndents.Clear();
                var restStart = pdq.Success ? SkipSpaces(text, content + pdq.Length, line.End) : line.End;
                if (restStart < line.End)
                {
                    current = new RawItem(role, roleStated, restStart, line.End, 0, section, cohort, int.MaxValue) { IsBulleted = false };
                    items.Add(current);
                }

                previousBlank = false;
                continue;
            }

            var markerMatch = Marker().Match(text, content, line.End - content);
            if (markerMatch.Success)
            {
                var itemStart = SkipSpaces(text, content + markerMatch.Length, line.End);
                while (markerIndents.Count > 0 && markerIndents[^1] > line.Indent + 1)
                {
                    markerIndents.RemoveAt(markerIndents.Count - 1);
                }

                if (markerIndents.Count == 0 || markerIndents[^1] < line.Indent - 1)
                {
                    markerIndents.Add(line.Indent);
                }

                var depth = markerIndents.Count - 1;
                if (itemStart >= line.End)
                {
                    current = null;
                    previousBlank = false;
                    continue;
                }

                current = new RawItem(role, roleStated, itemStart, line.End, depth, section, cohort, itemStart - line.Start);
                items.Add(current);
                previousBlank = false;
                continue;
            }

            var isContinuation = current is not null && (!previousBlank || (current.IsBulleted && line.Indent >= current.TextColumn));
            if (isContinuation)
            {
                current!.End = line.End;
                previousBlank = false;
                continue;
            }

            if (body.Length <= 90 && (body[^1] == ':' || body.EndsWith("--")))
            {
                section = Clean(text.Substring(content, line.End - content).TrimEnd(':', '-'));
                var cohortMatch = CohortWords().Match(section);
                if (cohortMatch.Success && cohortMatch.Index < 20)
                {
                    cohort = section;
                }

                current = null;
                markerIndents.Clear();
                previousBlank = false;
                continue;
            }

            current = new RawItem(role, roleStated, content, line.End, 0, section, cohort, int.MaxValue) { IsBulleted = false };
            markerIndents.Clear();
            items.Add(current);
            previousBlank = false;
        }

        return new SegmentedCriteria(Number(text, items.SelectMany(item => SplitRunTogether(text, item)).ToList()));
    }

    private static List<CriterionSegment> Number(string text, List<RawItem> items)
    {
        var result = new List<CriterionSegment>(items.Count);
        var inclusion = 0;
        var exclusion = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemText = text[item.Start..item.End];
            if (IsLead(itemText, items, i))
            {
                var leadText = Clean(itemText.TrimEnd(':'));
                var sawDeeper = false;
                var under = new List<RawItem>();
                for (var j = i + 1; j < items.Count; j++)
                {
                    var next = items[j];
                    if (next.Section != item.Section || next.Role != item.Role || next.Depth < item.Depth
                        || (next.Depth == item.Depth && (sawDeeper || text[next.Start..next.End].EndsWith(':'))))
                    {
                        break;
                    }

                    // A lead under a lead that only names a topic ("1. Documentation of Disease:" over "1.2 ... one of the
                    // following:") says more of its own items; under a lead that defines a list ("Meets one of the
                    // following:", "meeting at least 1 of the criteria:") the outer lead stays, so that the whole list is
                    // read as one.
                    sawDeeper |= next.Depth > item.Depth;
                    if (next.Lead is null || IsHeadingLead(next.Lead))
                    {
                        next.Lead = leadText;
                    }
                    under.Add(next);
                }

                // "Patients must not have any of the following conditions:" among the inclusions: what it lists are
                // exclusions (an item that carries its own "No ..." is already written as a requirement).
                if (item.Role == CriterionRole.Inclusion && NegatingLead().IsMatch(leadText))
                {
                    foreach (var listed in under.Where(u => !NegatedItem().IsMatch(text.AsSpan(u.Start, u.End - u.Start))))
                    {
                        listed.Role = CriterionRole.Exclusion;
                    }
                }

                continue;
            }

            if (Connector().IsMatch(itemText))
            {
                continue;
            }

            var index = item.Role == CriterionRole.Inclusion ? ++inclusion : ++exclusion;
            result.Add(new CriterionSegment(item.Role, index, itemText, new SourceSpan(item.Start, item.End - item.Start), item.Depth, item.Section, item.Lead, item.Cohort, item.RoleStated));
        }

        return result;
    }

    private static bool IsLead(string itemText, List<RawItem> items, int i) =>
        itemText.EndsWith(':')
        && i + 1 < items.Count
        && items[i + 1].Section == items[i].Section
        && items[i + 1].Role == items[i].Role
        && items[i + 1].Depth >= items[i].Depth;

    private static bool IsHeadingLine(string text, Match heading, int lineEnd)
    {
        var after = heading.Index + heading.Length;
        if (after >= lineEnd)
        {
            return true;
        }

        // A heading followed by content on the same line needs its colon or dash ("Inclusion criteria: adults ...").
        return heading.Value.TrimEnd().EndsWith(':') || heading.Value.TrimEnd().EndsWith('-');
    }

    private static string Clean(string value) => Whitespace().Replace(value, " ").Trim();

    private static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static IEnumerable<Line> Lines(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var trimmedEnd = end;
            while (trimmedEnd > start && char.IsWhiteSpace(text[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            var content = start;
            var indent = 0;
            while (content < trimmedEnd && char.IsWhiteSpace(text[content]))
            {
                indent += text[content] == '\t' ? 4 : 1;
                content++;
            }

            // "... have never had intercourse 2) have had a total hysterectomy": items numbered within one line, their
            // line breaks lost, are items of their own (a number inside brackets, "(grade 1 or 2)", is not).
            var piece = content;
            for (var inline = InlineNumber().Match(text, content, trimmedEnd - content); inline.Success; inline = inline.NextMatch())
            {
                if (inline.Index <= piece || Unbalanced(text.AsSpan(piece, inline.Index - piece)))
                {
                    continue;
                }

                var pieceEnd = inline.Index;
                while (pieceEnd > piece && char.IsWhiteSpace(text[pieceEnd - 1]))
                {
                    pieceEnd--;
                }

                yield return new Line(piece == content ? start : piece, piece, pieceEnd, indent);
                piece = inline.Index;
            }

            yield return new Line(piece == content ? start : piece, piece, trimmedEnd, indent);
            if (newline < 0)
            {
                yield break;
            }

            start = newline + 1;
        }
    }

    private readonly record struct Line(int Start, int ContentStart, int End, int Indent);

    /// <summary>True when a bracket opened in the text is still open at its end (a marker's lone ")" closes nothing).</summary>
    private static bool Unbalanced(ReadOnlySpan<char> text)
    {
        var depth = 0;
        foreach (var ch in text)
        {
            depth = ch == '(' ? depth + 1 : ch == ')' ? Math.Max(0, depth - 1) : depth;
        }

        return depth > 0;
    }

    [GeneratedRegex(@"(?<=[A-Za-z,;.]\s{1,3})(?:[2-9]|1\d)\)\s+(?=[A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex InlineNumber();

    private sealed class RawItem(CriterionRole role, bool roleStated, int start, int end, int depth, string? section, string? cohort, int textColumn)
    {
        public CriterionRole Role { get; set; } = role;

        public bool RoleStated { get; } = roleStated;

        public int Start { get; } = start;

        public int End { get; set; } = end;

        public int Depth { get; } = depth;

        public string? Section { get; } = section;

        public string? Cohort { get; } = cohort;

        public int TextColumn { get; } = textColumn;

        public bool IsBulleted { get; init; } = true;

        public string? Lead { get; set; }
    }

    [GeneratedRegex(@"\G(?:\[\s*)?(?:(?:key|main|general|additional|major|specific|other)\s+)?(?:criteria\s+for\s+)?(?<role>inclusion|exclusion|eligibility|inclusions|exclusions)(?:\s+(?:criteria|criterion))?(?:\s*\])?(?:\s*\((?:[^)\n]{0,60})\))?(?:[ \t]+(?:for|in)\s+[^:\n]{1,60})?[ \t]*(?::|：|-(?=\s)|(?<=criteria)[.-][ \t]*$|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleHeading();

    [GeneratedRegex(@"\G(?!(?:Meets?|Met|All|Any|No|Not|None|Does|Do|Did|Fulfil\w*|Satisf\w*|Must|See|Other|Has|Have|Per)\b)(?:[A-Z][\w/]*|\d+[.)]?)(?:[ \t]+(?:[A-Z][\w/]*|\d+[.)]?|-|–)){0,2}[ \t]+(?<role>Inclusion|Exclusion|INCLUSION|EXCLUSION)[ \t]+(?:Criteria|criteria|CRITERIA)[ \t]*[:.-]?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedHeading();

    /// <summary>
    /// A bullet, a number ("3.", "(b)", "iv)") or a section number ("1.1", "2.3.1.") before a word in capitals: "1.5 x ULN"
    /// wrapped onto a line of its own is not one.
    /// </summary>
    [GeneratedRegex(@"\G(?:[-*•·▪◦■□●○➢►‐–—]+(?=[A-Za-z])|[1-9]\d?(?:\.\d{1,2}){1,3}\.?(?=[ \t]+[A-Z][a-z])|(?:[-*•·▪◦■□●○➢►‐–—]+|o|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])(?=\s|$))", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>
    /// A lead that only names a topic ("Documentation of Disease", "Prior Treatment"): at most six words, none saying how
    /// items combine or what they except ("one of the following", "at least 1 of", "except").
    /// </summary>
    private static bool IsHeadingLead(string lead) => lead.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && !ListLead().IsMatch(lead);

    /// <summary>Words saying how a lead's items combine or what they except: "one of the following", "at least 1 of", "except".</summary>
    [GeneratedRegex(@"\b(?:following|these|any|one|either|both|all|except|other\s+than|unless|none|neither|at\s+least|or\s+more|\d+\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListLead();

    [GeneratedRegex(@"\b(?:cohorts?|parts?|arms?|groups?|phase\s+(?:1|2|i|ii|ib|iia)|dose[- ]escalation|expansion|stage\s+[12]\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CohortWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A lead whose list is of what the patient must not have: "must not have any of the following", "none of the following", "No prior:", "are not eligible if".</summary>
    [GeneratedRegex(@"^(?!.*\b(?:except|other\s+than|unless|provided|not\s+be\s+excluded|not\s+excluded|no\s+(?:more|less|fewer|greater|longer)\s+than|at\s+least|one\s+of|any\s+one)\b)(?:.*\b(?:must|should|shall|may|can|do(?:es)?)\s+not\s+(?:have|be|present|meet|show|suffer\s+from)\s+(?:any\s+(?:of\s+)?)?(?:the\s+following|these|[\w\s,/()-]{0,40}$)|.*\b(?:none\s+of\s+the\s+following|ineligible|not\s+(?:be\s+)?eligible|(?:are|is|will\s+be)\s+excluded)\b|\W*(?:no|without|absence\s+of|free\s+of)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatingLead();

    [GeneratedRegex(@"^\W*(?:\(?\w{1,3}[.)]\s*)?(?:no|not|none|without|never|absence\s+of|free\s+(?:of|from))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedItem();

    [GeneratedRegex(@"\G--\s*(?<name>[A-Za-z][A-Za-z/ ,&]{1,60}?)\s*--", RegexOptions.CultureInvariant)]
    private static partial Regex PdqHeading();

    [GeneratedRegex(@"\G(?:age|sex|menopausal\s+status|performance\s+status|life\s+expectancy|hematopoietic|hepatic|renal|cardiovascular|pulmonary|neurologic|other|biologic\s+therapy|chemotherapy|endocrine\s+therapy|radiotherapy|surgery|prior\s+concurrent\s+therapy|disease\s+characteristics|patient\s+characteristics|protocol\s+entry\s+criteria)[ \t]*(?::|--)?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex PdqSection();

    /// <summary>Items that only join their neighbours ("OR", "and/or"): not criteria of their own.</summary>
    [GeneratedRegex(@"^\W*(?:or|and|and/or|OR|AND)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();
}
