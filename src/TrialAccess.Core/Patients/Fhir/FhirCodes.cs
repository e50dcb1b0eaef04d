namespace TrialAccess.Patients.Fhir;

/// <summary>The LOINC codes the FHIR reader understands, and what each means in the patient model.</summary>
internal static class FhirCodes
{
    /// <summary>Cancer stage observations: clinical and pathological stage group, T, N and M.</summary>
    public static readonly IReadOnlyDictionary<string, string> StageParts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
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
}
