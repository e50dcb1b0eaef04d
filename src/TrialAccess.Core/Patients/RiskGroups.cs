using System.Text.RegularExpressions;

namespace TrialAccess.Patients;

/// <summary>
/// The risk group a record or a trial names for a cancer on its own scale ("lower-risk MDS", "standard-risk medulloblastoma", "IPSS-R low", "DIPSS intermediate-2", "high-risk
/// neuroblastoma", "poor-risk AML", the prognostic groups of germ cell tumours: "good-prognosis", "intermediate or poor prognosis"); a plain "intermediate-risk" is the middle group (group "mid"), while the split
/// intermediate groups (intermediate-1 and -2) fall on either side; "intermediate- or high-risk" names both. Not a risk of getting something ("at
/// high risk of", "high risk for"), nor high-risk HPV.
/// </summary>
public static partial class RiskGroups
{
    [GeneratedRegex(@"(?<!\bat\s+(?:(?:a|an|very|increased|the)\s+)?)\b(?:(?<low>(?:very[- ])?low(?:er)?|low[- ]intermediate|intermediate[- ]1|int[- ]?1|good|favou?rable|standard|average)|(?<high>(?:very[- ])?high(?:er)?|intermediate[- ]2|int[- ]?2|poor|adverse)|(?<mid>intermediate))[- ](?:risk|prognosis)\b(?!\s+(?:of|for|to|HPV|human|patients?\s+for|factors?\s+for|groups?\s+for)\b)|\b(?:(?<low>low(?:er)?)|(?<mid>intermediate)|(?<high>high(?:er)?))-?\s+(?:or|and|to|and/or)\s+(?=(?:very[- ])?(?:high|low|intermediate|poor)(?:er)?[- ](?:risk|prognosis)\b)|\b(?:IPSS(?:-R|-M)?|DIPSS(?:[- ]?plus)?|MIPSS70\+?)\s+(?:score\s+|category\s+|risk\s+)?(?:of\s+)?(?:(?<low>very\s+low|low|intermediate-1|int-1)|(?<high>very\s+high|high|intermediate-2|int-2))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Group();
}
