namespace TrialAccess.Web.Patients;

/// <summary>A cancer type as a patient would name it, and the searches that find trials for it.</summary>
/// <param name="Key">A short stable key used in links (<c>?cancer=lung</c>).</param>
/// <param name="Label">The plain name shown in the list.</param>
/// <param name="Searches">Alternative full-text searches; a trial found by any of them is shown.</param>
public sealed record CancerType(string Key, string Label, IReadOnlyList<string> Searches);

/// <summary>The common cancer types offered on the patient search page, in the order shown.</summary>
public static class CancerTypes
{
    public static IReadOnlyList<CancerType> All { get; } =
    [
        new("breast", "Breast cancer", ["breast cancer", "breast carcinoma", "breast neoplasm"]),
        new("lung", "Lung cancer", ["lung cancer", "lung carcinoma", "NSCLC", "lung neoplasm"]),
        new("bowel", "Bowel cancer (colon or rectum)", ["colorectal", "colon cancer", "rectal cancer", "colon adenocarcinoma"]),
        new("prostate", "Prostate cancer", ["prostate cancer", "prostate carcinoma", "prostate adenocarcinoma"]),
        new("skin-melanoma", "Melanoma (skin cancer)", ["melanoma"]),
        new("pancreas", "Pancreatic cancer", ["pancreatic cancer", "pancreatic adenocarcinoma", "pancreatic carcinoma"]),
        new("ovary", "Ovarian cancer", ["ovarian cancer", "ovarian carcinoma", "fallopian tube cancer", "primary peritoneal"]),
        new("womb", "Womb (uterine or endometrial) cancer", ["endometrial cancer", "endometrial carcinoma", "uterine cancer"]),
        new("cervix", "Cervical cancer", ["cervical cancer", "cervical carcinoma"]),
        new("bladder", "Bladder cancer", ["bladder cancer", "urothelial carcinoma", "urothelial cancer"]),
        new("kidney", "Kidney cancer", ["renal cell carcinoma", "kidney cancer", "renal cancer"]),
        new("liver", "Liver cancer", ["hepatocellular carcinoma", "liver cancer", "cholangiocarcinoma"]),
        new("stomach", "Stomach or oesophagus (food pipe) cancer", ["gastric cancer", "stomach cancer", "esophageal cancer", "oesophageal cancer", "gastroesophageal junction"]),
        new("head-neck", "Head and neck cancer", ["head and neck cancer", "head and neck squamous", "oropharyngeal cancer", "laryngeal cancer"]),
        new("thyroid", "Thyroid cancer", ["thyroid cancer", "thyroid carcinoma"]),
        new("brain", "Brain tumour", ["glioblastoma", "glioma", "brain tumor", "brain tumour", "brain cancer"]),
        new("lymphoma", "Lymphoma", ["lymphoma"]),
        new("leukaemia", "Leukaemia", ["leukemia", "leukaemia"]),
        new("myeloma", "Myeloma", ["myeloma"]),
        new("sarcoma", "Sarcoma", ["sarcoma"]),
        new("child", "Cancer in children (such as neuroblastoma)", ["neuroblastoma", "pediatric cancer", "paediatric cancer", "childhood cancer"]),
        new("any-solid", "Any solid tumour (trials open to many cancer types)", ["solid tumor", "solid tumour", "advanced solid"]),
    ];

    public static CancerType? Find(string? key) =>
        key is null ? null : All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}
