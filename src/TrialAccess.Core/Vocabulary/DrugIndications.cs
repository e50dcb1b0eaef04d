namespace TrialAccess.Vocabulary;

/// <summary>
/// Drugs given for one condition only, in ordinary practice: a patient on levothyroxine has hypothyroidism, on levodopa
/// Parkinson's disease, on insulin diabetes. A record that names the drug and not the condition is presumed to have it
/// (to confirm). Drugs with several common uses (metformin, beta blockers, corticosteroids, antiretrovirals given as
/// prophylaxis) are left out on purpose.
/// </summary>
public static class DrugIndications
{
    private static readonly Dictionary<string, string> Indications = new(StringComparer.OrdinalIgnoreCase)
    {
        ["levothyroxine"] = "hypothyroidism",
        ["liothyronine"] = "hypothyroidism",
        ["thyroid hormone"] = "hypothyroidism",
        ["methimazole"] = "hyperthyroidism",
        ["carbimazole"] = "hyperthyroidism",
        ["propylthiouracil"] = "hyperthyroidism",
        ["insulin"] = "diabetes mellitus",
        ["insulin glargine"] = "diabetes mellitus",
        ["insulin aspart"] = "diabetes mellitus",
        ["levodopa"] = "Parkinson disease",
        ["carbidopa-levodopa"] = "Parkinson disease",
        ["allopurinol"] = "gout",
        ["febuxostat"] = "gout",
        ["donepezil"] = "dementia",
        ["rivastigmine"] = "dementia",
        ["galantamine"] = "dementia",
        ["memantine"] = "dementia",
    };

    /// <summary>The condition the drug is given for, or null when it has several uses or is not listed.</summary>
    public static string? Of(string drug) => Indications.GetValueOrDefault(drug.Trim());
}
