using System.Text.RegularExpressions;

namespace TrialAccess.Patients;

/// <summary>
/// Whether a patient can have a stem-cell (or organ) transplant, as a record or a trial states it, read the same way on
/// both sides, and the words saying a trial gives or follows a transplant.
/// </summary>
/// <remarks>
/// Unfit: "not a candidate for allogeneic transplant", "ineligible for stem cell transplantation", "unfit for
/// transplant", "transplant-ineligible". Fit: "transplant-eligible", "eligible for autologous transplant", "a candidate
/// for transplant". A transplant given or followed: "peripheral stem cell transplantation", "allogeneic transplant",
/// "haplo PBSCT", "conditioning regimen", "graft-versus-host disease".
/// </remarks>
public static partial class TransplantFitness
{
    private const string Transplant = @"(?:an?\s+)?(?:(?:allogeneic|autologous|allo|auto|haplo\w*|stem[- ]cell|bone[- ]marrow|h(?:a)?ematopoietic(?:\s+(?:stem|progenitor)[- ]cells?)?|intensive|high[- ]dose|curative)[\s-]+(?:\w+[\s-]+){0,2}?)?(?:transplant(?:ation|s)?|HSCT|HCT|SCT|ASCT|BMT|PBSCT)\b";

    /// <summary>Another treatment the statement names first: "not a candidate for intensive induction or autologous transplant".</summary>
    private const string Coordinated = @"(?:(?:[\w-]+\s+){1,3}?(?:or|and|and/or)\s+)?";

    /// <summary>A second verb sharing the object: "not a candidate for and does not need a transplant".</summary>
    private const string NorNeeded = @"(?:(?:and|or|nor)\s+(?:does|do|would|did)\s+not\s+(?:need|require)\s+)?";

    [GeneratedRegex(
        @"\b(?<unfit>(?:not|in)[- ]?eligible\s+for|unfit\s+for|not\s+(?:medically\s+)?fit\s+(?:enough\s+)?for|not\s+(?:an?\s+)?(?:suitable\s+|appropriate\s+|good\s+)?candidates?\s+for|not\s+suitable\s+for|unsuitable\s+for|too\s+frail\s+for|(?:declined|refused)\s+)\s*" + NorNeeded + Coordinated + Transplant
        + @"|\b(?<unfit>(?:transplant(?:ation)?|HSCT|SCT|ASCT)[- ](?:in|non[- ]?)eligible|non[- ]?transplant[- ](?:eligible|candidates?)\b|(?:transplant(?:ation)?|ASCT)[- ]ineligible)"
        + @"|\b(?<fit>(?:transplant(?:ation)?|HSCT|SCT|ASCT)[- ]eligible\b|eligible\s+for\s+" + Transplant + @"|(?:suitable\s+|appropriate\s+|good\s+)?candidates?\s+for\s+" + Coordinated + Transplant + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Fitness();

    /// <summary>A transplant given or followed: the procedure, its conditioning, or graft-versus-host disease.</summary>
    [GeneratedRegex(
        @"\b(?:(?:allogeneic|autologous|haplo-?identical|haplo|stem[- ]cell|bone[- ]marrow|h(?:a)?ematopoietic(?:\s+(?:stem|progenitor)[- ]cells?)?|cord[- ]blood|peripheral(?:[- ]blood)?[- ]stem[- ]cell|donor|related|unrelated)[\s-]+(?:\w+[\s-]+){0,2}?transplant(?:ation|s)?|HSCT|allo-?HCT|allo-?SCT|(?:allogeneic|autologous)\s+(?:HCT|SCT)|PBSCT|BMT|ASCT|conditioning\s+regimens?|(?:non-?myeloablative|myeloablative|reduced[- ]intensity)\s+(?:\w+\s+)?conditioning|graft[- ]versus[- ]host|GVHD)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Given();
}
