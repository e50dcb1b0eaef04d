using System.Buffers;
using System.Text.RegularExpressions;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;

namespace TrialAccess.Eligibility.Constraints;

/// <summary>Which metastases of a site a criterion is about.</summary>
public enum MetastasisActivity
{
    /// <summary>Any metastasis of the site.</summary>
    Any,

    /// <summary>Active, untreated, progressing, symptomatic or unstable metastases.</summary>
    Active,

    /// <summary>Treated and stable (often allowed: "treated, stable brain metastases are eligible").</summary>
    TreatedStable,
}

/// <summary>Metastases at a site ("brain", "liver", "bone", "leptomeningeal"), with, for the CNS, whether active or treated and stable.</summary>
public sealed record MetastasisConstraint(string Site, MetastasisActivity Activity) : EligibilityConstraint
{
    public override ConstraintKind Kind => ConstraintKind.Metastasis;

    public override string Describe() => Activity switch
    {
        MetastasisActivity.Active => $"active {Site} metastases",
        MetastasisActivity.TreatedStable => $"treated, stable {Site} metastases",
        _ => $"{Site} metastases",
    };

    public override ConstraintCheck Check(PatientProfile patient, EvaluationContext context)
    {
        var site = patient.Metastases.FirstOrDefault(m => SameSite(m.Site, Site));
        if (site is null)
        {
            return NotRecorded(patient, ConstraintCheck.Unknown($"Does the patient have {Site} metastases?", $"no {Site} metastasis status recorded"), $"{Site} metastases");
        }

        if (site.Certainty == Certainty.Negated)
        {
            return ConstraintCheck.NotMet($"no {Site} metastases");
        }

        if (site.Certainty != Certainty.Asserted && site.Certainty != Certainty.Historical)
        {
            return ConstraintCheck.Unknown($"Does the patient have {Site} metastases?", $"{site.Site} metastases ({site.Certainty})");
        }

        var evidence = $"{site.Site} metastases{(site.TreatedAndStable == true ? ", treated and stable" : site.Symptomatic == true ? ", symptomatic" : string.Empty)}";
        return Activity switch
        {
            MetastasisActivity.Any => ConstraintCheck.Met(evidence),
            MetastasisActivity.Active when site.TreatedAndStable == true => ConstraintCheck.NotMet(evidence),
            MetastasisActivity.Active when site.Symptomatic == true || site.TreatedAndStable == false => ConstraintCheck.Met(evidence),
            MetastasisActivity.TreatedStable when site.TreatedAndStable is { } stable => ConstraintCheck.Of(stable, evidence),
            _ => ConstraintCheck.Unknown($"Are the patient's {Site} metastases treated and stable?", evidence),
        };
    }

    private static bool SameSite(string patientSite, string site)
    {
        var p = patientSite.ToLowerInvariant();
        return site switch
        {
            "brain" => p.Contains("brain", StringComparison.Ordinal) || p.Contains("cns", StringComparison.Ordinal) || p.Contains("cerebr", StringComparison.Ordinal) || p.Contains("intracranial", StringComparison.Ordinal),
            "liver" => p.Contains("liver", StringComparison.Ordinal) || p.Contains("hepatic", StringComparison.Ordinal),
            "bone" => p.Contains("bone", StringComparison.Ordinal) || p.Contains("osseous", StringComparison.Ordinal) || p.Contains("skelet", StringComparison.Ordinal),
            _ => p.Contains(site, StringComparison.Ordinal),
        };
    }
}

/// <summary>Reads "active brain metastases", "untreated CNS metastases", "treated and stable brain metastases are allowed", "liver metastases", "leptomeningeal disease".</summary>
public static partial class MetastasisParser
{
    /// <summary>Every alternative of <see cref="SiteMetastases"/> holds one of these (lower case): most criteria hold none.</summary>
    private static readonly SearchValues<string> SiteMetastasesFragments = SearchValues.Create(["metasta", "mets", "brain", "cns", "central", "mening"], StringComparison.Ordinal);

    public static void Parse(CriterionContext c)
    {
        if (!c.Contains(SiteMetastasesFragments))
        {
            return;
        }

        for (var m = SiteMetastases().Match(c.Text); m.Success; m = m.NextMatch())
        {
            if (c.IsClaimed(m.Index, m.Index + m.Length))
            {
                continue;
            }

            var siteWord = (m.Groups["site"].Success ? m.Groups["site"].Value : m.Groups["site2"].Value).ToLowerInvariant();
            var site = siteWord switch
            {
                _ when siteWord.StartsWith("lepto", StringComparison.Ordinal) || siteWord.StartsWith("mening", StringComparison.Ordinal) => "leptomeningeal",
                "brain" or "cns" or "central nervous system" or "cerebral" or "intracranial" or "brain or cns" => "brain",
                "liver" or "hepatic" => "liver",
                "bone" or "osseous" or "skeletal" => "bone",
                "lung" or "pulmonary" => "lung",
                "peritoneal" => "peritoneum",
                _ => siteWord,
            };
            var around = c.Lower.AsSpan()[Math.Max(0, m.Index - 60)..Math.Min(c.Lower.Length, m.Index + m.Length + 120)];
            var before = c.Lower.AsSpan()[Math.Max(0, m.Index - 40)..m.Index];
            var activity = Active().IsMatch(before) ? MetastasisActivity.Active
                : Stable().IsMatch(before) ? MetastasisActivity.TreatedStable
                : Stable().IsMatch(around) ? MetastasisActivity.TreatedStable
                : Active().IsMatch(around) ? MetastasisActivity.Active : MetastasisActivity.Any;
            if (c.Found.OfType<MetastasisConstraint>().Any(f => f.Site == site))
            {
                continue;
            }

            c.Add(new MetastasisConstraint(site, activity) { Span = CriterionContext.Span(m), Negated = c.IsNegatedAt(m.Index), Qualifies = c.IsQualifierAt(m.Index) });
        }
    }

    [GeneratedRegex(@"\b(?:(?<site>brain|CNS|central\s+nervous\s+system|cerebral|intracranial|liver|hepatic|bone|osseous|skeletal|lung|pulmonary|peritoneal|leptomeningeal|meningeal|adrenal|lymph\s+node|nodal|visceral|spinal|epidural)\s+(?:and/or\s+\w+\s+)?(?:or\s+(?:CNS|brain|leptomeningeal)\s+)?(?:metastas[ie]s|metastasis|metastatic\s+(?:disease|lesions?|involvement)|mets)|(?<site>brain|CNS|central\s+nervous\s+system|leptomeningeal|meningeal)\s+(?:lesions|involvement|disease)|(?:carcinomatous|cancerous|neoplastic|lymphomatous)\s+(?<site>meningitis)|metastas[ie]s\s+(?:to|in)\s+(?:the\s+)?(?<site2>brain|CNS|central\s+nervous\s+system|liver|bone|lung|spinal\s+cord)|(?<site>leptomeningeal|meningeal)\s+(?:carcinomatosis|spread)|(?<site>CNS)\s+(?:involvement|disease))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteMetastases();

    [GeneratedRegex(@"\b(?:treated|stable|asymptomatic|controlled|no\s+(?:evidence\s+of\s+)?progression|radiologically\s+stable|neurologically\s+stable|off\s+steroids|not\s+requiring\s+steroids)", RegexOptions.CultureInvariant)]
    private static partial Regex Stable();

    [GeneratedRegex(@"\b(?:active|untreated|symptomatic|progressi\w*|unstable|uncontrolled|requiring\s+(?:steroids|treatment)|new)", RegexOptions.CultureInvariant)]
    private static partial Regex Active();
}
