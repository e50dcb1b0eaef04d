using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using TrialAccess.Matching;

namespace TrialAccess.Fhir.ResearchStudies;

/// <summary>
/// The response of a CodeX search: a <c>searchset</c> Bundle of ResearchStudy entries (mode <c>match</c>, the
/// calibrated <see cref="MatchLikelihood"/> as score, best first), each with an absolute <c>fullUrl</c>, and, when
/// something was read past or could not be used (a ZIP code not found, a skipped resource), one OperationOutcome entry
/// of mode <c>outcome</c> after the studies, as FHIR search results carry them.
/// </summary>
public static class SearchSetBuilder
{
    /// <param name="serviceBase">The absolute base URL of the service (<c>https://host/fhir</c>); studies get <c>{base}/ResearchStudy/{id}</c>.</param>
    /// <param name="warnings">What the response should say it read past, with locations in the request.</param>
    public static Bundle Build(IEnumerable<TrialMatch> matches, Uri serviceBase, IReadOnlyList<FhirIssue> warnings)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(serviceBase);
        ArgumentNullException.ThrowIfNull(warnings);
        if (!serviceBase.IsAbsoluteUri)
        {
            throw new ArgumentException("The service base must be an absolute URL.", nameof(serviceBase));
        }

        var root = serviceBase.AbsoluteUri.TrimEnd('/');
        var scored = matches
            .Select(m => (Match: m, Score: MatchLikelihood.Score(m.Verdict, m.Relevance, CriteriaCounts.Of(m.Eligibility))))
            .OrderByDescending(s => s.Score)
            .ToList();
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = scored.Count };
        foreach (var (match, score) in scored)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{root}/ResearchStudy/{match.Trial.NctId.Value}",
                Resource = ResearchStudyBuilder.Build(match),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match, Score = (decimal)score },
            });
        }

        if (warnings.Count > 0)
        {
            var outcome = Outcomes.Of(OperationOutcome.IssueSeverity.Warning, OperationOutcome.IssueType.Informational, warnings);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = NameBasedUrn(string.Join("\n", warnings)),
                Resource = outcome,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
            });
        }

        return bundle;
    }

    /// <summary>A <c>urn:uuid:</c> made from the content, so that the same warnings give the same URL (a version-8 UUID).</summary>
    private static string NameBasedUrn(string content)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash, bigEndian: true).ToString("D");
    }
}

/// <summary>OperationOutcome resources for faults and warnings, each issue with its location as a FHIRPath expression.</summary>
public static class Outcomes
{
    public static OperationOutcome Of(OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType code, IEnumerable<FhirIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            var component = new OperationOutcome.IssueComponent { Severity = severity, Code = code, Diagnostics = FhirString(issue.Message) };
            if (!string.IsNullOrWhiteSpace(issue.Location))
            {
                component.Expression = [FhirString(issue.Location)];
            }

            outcome.Issue.Add(component);
        }

        if (outcome.Issue.Count == 0)
        {
            throw new ArgumentException("An OperationOutcome needs at least one issue.", nameof(issues));
        }

        return outcome;
    }

    /// <summary>
    /// A message that may quote the request ("phase 'phase\u0000-2' is not ..."), with control characters other than
    /// tab, line feed and carriage return written as <c>\uXXXX</c>: a FHIR string may not hold them.
    /// </summary>
    private static string FhirString(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>The answer to a request that cannot be used: errors of type <c>invalid</c>.</summary>
    public static OperationOutcome Invalid(IEnumerable<FhirIssue> errors) => Of(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Invalid, errors);
}
