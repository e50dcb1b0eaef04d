using System.Text.RegularExpressions;

namespace TrialAccess.Patients;

/// <summary>
/// Whether a patient can have cisplatin, as a record or a trial states it, read the same way on both sides, and the
/// words saying a trial gives cisplatin. Cisplatin eligibility is its own clinical category (kidney function, hearing,
/// neuropathy, heart failure, performance status) in urothelial, head and neck and other cancers.
/// </summary>
/// <remarks>
/// Unfit: "not fit for cisplatin", "cisplatin-ineligible", "unfit for cisplatin-based chemotherapy", "not a candidate for
/// cisplatin". Fit: "cisplatin-eligible", "fit for cisplatin". Given: "cisplatin" in a title, unless it names what the
/// disease progressed on or who cannot have it ("After Cisplatin", "Cisplatin-Refractory", "Cisplatin-Ineligible").
/// </remarks>
public static partial class CisplatinFitness
{
    /// <summary>A statement of fitness for cisplatin: the group "unfit" when it rules cisplatin out.</summary>
    [GeneratedRegex(
        @"\b(?<unfit>(?:not|in)[- ]?eligible\s+for|unfit\s+for|not\s+(?:medically\s+)?fit\s+(?:enough\s+)?for|not\s+(?:an?\s+)?(?:suitable\s+|appropriate\s+)?candidates?\s+for|not\s+suitable\s+for|unsuitable\s+for|contraindications?\s+to)\s+(?:full[- ]dose\s+)?cisplatin\b|\b(?<unfit>cisplatin[- ](?:in|non[- ]?)eligible|cisplatin[- ]unfit|cisplatin\s+is\s+contraindicated)\b|\b(?:cisplatin[- ]eligible|(?:eligible|fit)\s+for\s+cisplatin)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Fitness();

    /// <summary>Cisplatin named in a title as what the trial gives: not after it, refractory or resistant to it, or pretreated with it.</summary>
    [GeneratedRegex(
        @"(?<!\b(?:after|following|post|prior|previous|failure\s+of|failed|failing|progress\w*\s+(?:on|after)|refractory\s+to|resistant\s+to|pretreated\s+with|treated\s+with)\s+(?:[\w-]+\s+){0,2}?)\bcisplatin\b(?![- ](?:refractory|resistant|pretreated|treated|in)?eligible|[- ](?:refractory|resistant|pretreated|unfit|naive))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Given();
}
