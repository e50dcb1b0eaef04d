namespace TrialAccess.Fhir.Patients;

/// <summary>The codes (LOINC, SNOMED CT, AJCC, HGNC) the mCODE reader understands, and what each means in the patient model.</summary>
internal static class McodeCodes
{
    /// <summary>Cancer stage observations (LOINC, and the SNOMED CT codes mCODE uses for TNM categories): stage group, T, N and M.</summary>
    public static readonly IReadOnlyDictionary<string, string> StageParts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["399504009"] = "T",
        ["384625004"] = "T",
        ["399534004"] = "N",
        ["371494008"] = "N",
        ["399387003"] = "M",
        ["371497001"] = "M",
        ["21908-9"] = "group",
        ["21902-2"] = "group",
        ["21905-5"] = "T",
        ["21899-0"] = "T",
        ["21906-3"] = "N",
        ["21900-6"] = "N",
        ["21907-1"] = "M",
        ["21901-4"] = "M",
    };

    /// <summary>Tumour marker tests, by the marker name the patient model uses.</summary>
    public static readonly IReadOnlyDictionary<string, string> Markers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["16112-5"] = "ESR1",
        ["40556-3"] = "ESR1",
        ["85310-1"] = "ESR1",
        ["14228-1"] = "ESR1",
        ["40557-1"] = "PGR",
        ["18474-7"] = "ERBB2",
        ["62862-8"] = "MSI",
        ["85337-4"] = "ESR1",
        ["16113-3"] = "PGR",
        ["85339-0"] = "PGR",
        ["48676-1"] = "ERBB2",
        ["85319-2"] = "ERBB2",
        ["85318-4"] = "ERBB2",
        ["72166-2"] = "TMB",
        ["94076-7"] = "TMB",
        ["85147-7"] = "PD-L1",
        ["83052-1"] = "PD-L1",
        ["81695-9"] = "MSI",
    };

    /// <summary>Laboratory results, by canonical analyte name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["718-7"] = "hemoglobin",
        ["4544-3"] = "hematocrit",
        ["6690-2"] = "white blood cells",
        ["26464-8"] = "white blood cells",
        ["751-8"] = "neutrophils",
        ["26499-4"] = "neutrophils",
        ["777-3"] = "platelets",
        ["26515-7"] = "platelets",
        ["2160-0"] = "creatinine",
        ["38483-4"] = "creatinine",
        ["2164-2"] = "creatinine clearance",
        ["33914-3"] = "egfr",
        ["62238-1"] = "egfr",
        ["98979-8"] = "egfr",
        ["1975-2"] = "total bilirubin",
        ["1968-7"] = "direct bilirubin",
        ["1920-8"] = "ast",
        ["1742-6"] = "alt",
        ["6768-6"] = "alkaline phosphatase",
        ["1751-7"] = "albumin",
        ["2951-2"] = "sodium",
        ["2823-3"] = "potassium",
        ["17861-6"] = "calcium",
        ["2345-7"] = "glucose",
        ["4548-4"] = "hba1c",
        ["3016-3"] = "tsh",
        ["6301-6"] = "inr",
        ["2857-1"] = "psa",
        ["2039-6"] = "cea",
        ["10334-1"] = "ca-125",
        ["1834-1"] = "afp",
        ["14804-9"] = "ldh",
        ["2532-0"] = "ldh",
        ["3094-0"] = "urea nitrogen",
    };

    /// <summary>
    /// SNOMED CT stage-group qualifiers seen without a usable display, to the stage group. Most senders give the display
    /// ("Stage 3A (qualifier value)"), which is read first; a code neither listed nor displayed is reported as not understood.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SnomedStageGroups = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["258215001"] = "I",
        ["261638004"] = "IIIA",
    };

    /// <summary>Result codes of marker tests (SNOMED CT qualifiers and LOINC answers) to the words the reader understands.</summary>
    public static readonly IReadOnlyDictionary<string, string> ResultCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["10828004"] = "positive",
        ["260385009"] = "negative",
        ["260373001"] = "detected",
        ["260415000"] = "not detected",
        ["52101004"] = "present",
        ["2667000"] = "absent",
        ["LA6576-8"] = "positive",
        ["LA6577-6"] = "negative",
        ["LA9633-4"] = "present",
        ["LA9634-2"] = "absent",
        ["LA11882-0"] = "detected",
        ["LA11883-8"] = "not detected",
    };

    /// <summary>SNOMED CT body structures that are common sites of metastasis, to the site names the model uses.</summary>
    public static readonly IReadOnlyDictionary<string, string> BodySites = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["12738006"] = "brain",
        ["10200004"] = "liver",
        ["39607008"] = "lung",
        ["272673000"] = "bone",
        ["59441001"] = "lymph node",
        ["23451007"] = "adrenal gland",
        ["15425007"] = "peritoneum",
        ["3120008"] = "pleura",
        ["39937001"] = "skin",
    };

    /// <summary>SNOMED CT secondary-neoplasm disorders that name their site in the code itself.</summary>
    public static readonly IReadOnlyDictionary<string, string> SecondaryNeoplasmSites = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["94225005"] = "brain",
        ["94381002"] = "liver",
        ["94391008"] = "lung",
        ["94222008"] = "bone",
        ["94181007"] = "lymph node",
    };

    /// <summary>HGNC identifiers of genes often tested in cancer, to their symbols (the gene studied by a variant).</summary>
    public static readonly IReadOnlyDictionary<string, string> HgncGenes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["HGNC:3236"] = "EGFR",
        ["HGNC:427"] = "ALK",
        ["HGNC:1097"] = "BRAF",
        ["HGNC:6407"] = "KRAS",
        ["HGNC:3430"] = "ERBB2",
        ["HGNC:3467"] = "ESR1",
        ["HGNC:8975"] = "PIK3CA",
        ["HGNC:1100"] = "BRCA1",
        ["HGNC:1101"] = "BRCA2",
        ["HGNC:11998"] = "TP53",
        ["HGNC:11389"] = "STK11",
        ["HGNC:9588"] = "PTEN",
    };
}
