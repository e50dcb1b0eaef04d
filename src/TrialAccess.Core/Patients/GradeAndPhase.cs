using System.Text.RegularExpressions;

namespace TrialAccess.Patients;

/// <summary>
/// The grade and the phase of a cancer as a record or a trial names them, read the same way on both sides.
/// </summary>
/// <remarks>
/// A grade is named in words beside a cancer ("low-grade glioma", "high-grade serous carcinoma", "malignant glioma",
/// "anaplastic astrocytoma", "glioblastoma") or, for a glioma only, as a WHO number ("CNS WHO grade 2", "grade III
/// oligodendroglioma"): grades 1 and 2 are low, 3 and 4 high. A range ("grade 2-3") names neither. Not a low-grade fever,
/// nor high-grade dysplasia or a high-grade intraepithelial lesion, which are no cancer. The phase is that of chronic
/// myeloid leukaemia and the myeloproliferative neoplasms: chronic, or advanced (accelerated or blast).
/// </remarks>
public static partial class GradeAndPhase
{
    private const string Cancer = @"(?:gliomas?|astrocytomas?|oligodendrogliomas?|oligoastrocytomas?|ependymomas?|glial|lymphomas?|NHL|non-Hodgkin'?s?|B-cell|T-cell|serous|sarcomas?|neuroendocrine|NETs?|carcinomas?|cancers?|tumou?rs?|neoplasms?|malignanc(?:y|ies)|urothelial|adenocarcinomas?)\b";

    private const string Glioma = @"(?:gliomas?|astrocytomas?|oligodendrogliomas?|oligoastrocytomas?|ependymomas?)\b";

    [GeneratedRegex(
        @"\b(?:(?<low>low)|(?<high>high))[- ]grade\b(?=(?:[\s,/]+(?!intraepithelial|dysplas|squamous\s+intraepithelial)[\w'-]+){0,3}?[\s,/]+" + Cancer + ")"
        + @"|\b(?:(?<low>low)(?=-?\s+(?:and|or|to)\s+high[- ]grade\b)|(?<high>high)(?=-?\s+(?:and|or|to)\s+low[- ]grade\b))"
        + @"|\b(?<high>malignant\s+gliomas?|anaplastic\s+(?:astrocytomas?|oligodendrogliomas?|oligoastrocytomas?|gliomas?|ependymomas?)|glioblastomas?(?:\s+multiforme)?|GBM|gliosarcomas?)\b"
        + @"|\bgrade\s+(?:(?<low>II|I|2|1)|(?<high>IV|III|4|3))\b(?!\s*(?:-|–|/|or|and|to)\s*(?:I|II|III|IV|[1-4])\b)(?<=\b" + Glioma + @"[^.;\n]{0,90})"
        + @"|\b(?:WHO\s+)?grade\s+(?:(?<low>II|I|2|1)|(?<high>IV|III|4|3))\b(?!\s*(?:-|–|/|or|and|to)\s*(?:I|II|III|IV|[1-4])\b)(?=(?:[\s,]+[\w-]+){0,3}?[\s,]+" + Glioma + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Grade();

    /// <summary>A glioma named without a grade: a trial naming one takes gliomas of any grade, whatever else it names.</summary>
    [GeneratedRegex(@"(?<!\b(?:low|high)[- ]grade\s+|\bmalignant\s+|\banaplastic\s+|\bgrade\s+(?:I{1,3}|IV|[1-4])\s+|\bdiffuse\s+(?:intrinsic\s+pontine|midline)\s+)\b" + Glioma, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex UngradedGlioma();

    [GeneratedRegex(@"\b(?:(?<chronic>chronic[- ]phase|CP-CML|chronic(?=[\s,/]+(?:or\s+|and\s+)?(?:accelerated|blast)))|(?<advanced>accelerated[- ]phase|blast(?:ic)?[- ](?:phase|crisis)|blast\s+transformation|(?:AP|BP)-CML))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Phase();
}
