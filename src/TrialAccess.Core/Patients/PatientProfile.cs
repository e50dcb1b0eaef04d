using TrialAccess.Trials;

namespace TrialAccess.Patients;

/// <summary>
/// Everything TrialAccess knows about one patient, whichever way it arrived (structured JSON, a FHIR bundle or a
/// free-text note). The eligibility engine evaluates criteria against this model and nothing else.
/// </summary>
/// <remarks>
/// Absence means "not known", never "no": a patient with no <see cref="Biomarkers"/> entry for EGFR has an unknown
/// EGFR status. In a <see cref="CompleteHistory"/>, an unmentioned condition, treatment, procedure or exposure is
/// presumed absent (and said to be presumed). A negative finding is a fact with <see cref="Certainty.Negated"/> (or a biomarker with status
/// <see cref="BiomarkerStatus.Negative"/>).
/// </remarks>
public sealed record PatientProfile
{
    /// <summary>An identifier the caller chose (a topic number, a record id); never shown to other users.</summary>
    public string? Id { get; init; }

    public DateOnly? BirthDate { get; init; }

    /// <summary>Age in years when only the age is known ("58 yo"); ignored when <see cref="BirthDate"/> is set.</summary>
    public Fact<decimal>? Age { get; init; }

    public Fact<PatientSex>? Sex { get; init; }

    public IReadOnlyList<Diagnosis> Diagnoses { get; init; } = [];

    public IReadOnlyList<MetastaticSite> Metastases { get; init; } = [];

    public IReadOnlyList<Biomarker> Biomarkers { get; init; } = [];

    public IReadOnlyList<PerformanceStatus> PerformanceStatuses { get; init; } = [];

    /// <summary>Drug therapies, surgery and radiotherapy, past and current.</summary>
    public IReadOnlyList<Therapy> Therapies { get; init; } = [];

    public IReadOnlyList<LabResult> LabResults { get; init; } = [];

    /// <summary>Conditions other than the cancer diagnoses: comorbidities, infections, organ dysfunction, allergies.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>
    /// What the record says of the cancer's setting in its own words ("newly diagnosed", "no prior systemic therapy",
    /// "relapsed", "castration-resistant", "recurrence 30 months after the last platinum"); therapies with their lines
    /// and progression say more and are read separately. Empty: not stated.
    /// </summary>
    public IReadOnlyList<SettingStatement> Settings { get; init; } = [];

    public Fact<bool>? Pregnant { get; init; }

    public Fact<bool>? Breastfeeding { get; init; }

    public PatientLocation? Location { get; init; }

    /// <summary>
    /// True when the record is a complete history: what it does not mention (a condition, treatment, procedure or
    /// exposure) may be presumed absent, as a clinician pre-screening from a full history would, and the outcome says
    /// it was presumed. A clinical note is one by default; structured JSON and FHIR say so explicitly. False (the
    /// default): absence means "not known". Measurements, specifics of the disease studied, pregnancy and logistics
    /// are never presumed.
    /// </summary>
    public bool CompleteHistory { get; init; }

    /// <summary>The text the profile was extracted from, when it came from a note (spans point into it).</summary>
    public string? SourceText { get; init; }

    /// <summary>The patient's age in whole years on the given date (from the birth date if known, else the stated age).</summary>
    public decimal? AgeOn(DateOnly date)
    {
        if (BirthDate is { } birth)
        {
            var years = date.Year - birth.Year;
            if (date < birth.AddYears(years))
            {
                years--;
            }

            return years;
        }

        return Age is { Certainty: Certainty.Asserted } age ? age.Value : null;
    }
}

public enum PatientSex
{
    Female,
    Male,
    /// <summary>Stated, but neither female nor male (intersex, other); criteria restricted to one sex are Unknown.</summary>
    Other,
}

/// <summary>How a fact was stated in its source.</summary>
public enum Certainty
{
    /// <summary>Stated as true now ("EGFR exon 19 deletion", "ECOG 1").</summary>
    Asserted,

    /// <summary>Stated as absent ("no known brain mets", "HIV negative").</summary>
    Negated,

    /// <summary>True in the past but not stated as current ("history of MI", "s/p lobectomy").</summary>
    Historical,

    /// <summary>About a relative, not the patient ("mother with breast ca").</summary>
    FamilyHistory,

    /// <summary>Possible, planned or conditional ("rule out PE", "if progression, consider...").</summary>
    Hypothetical,
}

/// <summary>Where in the source text a fact was found: a half-open character range [Start, Start + Length).</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Slice(string text) => text.Substring(Start, Length);
}

/// <summary>A value with where it came from and how certain it is.</summary>
public sealed record Fact<T>(T Value, Certainty Certainty = Certainty.Asserted, SourceSpan? Span = null);

/// <summary>A cancer (or other primary) diagnosis.</summary>
public sealed record Diagnosis
{
    /// <summary>The name as stated ("lung adenocarcinoma", "NSCLC").</summary>
    public required string Text { get; init; }

    /// <summary>The OncoTree code when the diagnosis is a cancer that maps to one ("LUAD", "NSCLC", "BRCA").</summary>
    public string? OncoTreeCode { get; init; }

    /// <summary>Histology as stated ("adenocarcinoma", "squamous cell carcinoma"), when separate from the type.</summary>
    public string? Histology { get; init; }

    public Stage? Stage { get; init; }

    /// <summary>Whether this is the primary cancer (false for a second primary or a prior cancer).</summary>
    public bool IsPrimary { get; init; } = true;

    public DateOnly? DiagnosedOn { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Asserted;

    public SourceSpan? Span { get; init; }
}

/// <summary>A stage: group ("IV", "IIIB"), TNM parts, and the descriptive words criteria use.</summary>
public sealed record Stage
{
    /// <summary>Stage group in Roman numerals with letter, for example "IIIB" or "IV".</summary>
    public string? Group { get; init; }

    public string? T { get; init; }

    public string? N { get; init; }

    public string? M { get; init; }

    public bool? Metastatic { get; init; }

    public bool? LocallyAdvanced { get; init; }

    /// <summary>True when said in words to be confined to where it started ("early-stage", "localised", "non-muscle-invasive"), with or without a stage group.</summary>
    public bool? Early { get; init; }

    public bool? Unresectable { get; init; }

    public bool? Recurrent { get; init; }

    public SourceSpan? Span { get; init; }

    /// <summary>Where a note says the cancer has not spread ("no distant metastases"), when that is apart from the stage.</summary>
    public SourceSpan? MetastaticSpan { get; init; }

    /// <summary>
    /// True when the stage says the cancer has spread to distant sites: stated so, an M1, or a stage IV group. A lettered
    /// stage IVA or IVB stays regional in several cancers (head and neck, cervix, thyroid, oesophagus, prostate), so it
    /// counts as distant only while nothing records the cancer as not metastatic ("M0", "no distant disease").
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Distant =>
        Metastatic == true || M?.StartsWith("M1", StringComparison.OrdinalIgnoreCase) == true
        || (Metastatic != false && Group?.StartsWith("IV", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// Whether a stage group alone says the cancer is metastatic: true for IV and IVC, null for IVA and IVB (regional in
    /// some cancers, distant in others; see <see cref="Distant"/>) and for the groups below IV.
    /// </summary>
    public static bool? GroupSaysMetastatic(string? group) =>
        group is null || !group.StartsWith("IV", StringComparison.OrdinalIgnoreCase) ? null
        : group.Length > 2 && char.ToUpperInvariant(group[2]) is 'A' or 'B' ? null
        : true;
}

/// <summary>A site of metastasis ("brain", "liver", "bone") and, for the CNS, whether it is treated and stable.</summary>
public sealed record MetastaticSite
{
    public required string Site { get; init; }

    /// <summary>True when stated as treated (radiotherapy, surgery) and stable; null when not said.</summary>
    public bool? TreatedAndStable { get; init; }

    /// <summary>True when stated as symptomatic; null when not said.</summary>
    public bool? Symptomatic { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Asserted;

    public SourceSpan? Span { get; init; }
}

public enum BiomarkerStatus
{
    /// <summary>The alteration is present / the marker is expressed ("EGFR L858R", "HER2 positive", "ER+").</summary>
    Positive,

    /// <summary>Tested and absent ("ALK negative", "ER-").</summary>
    Negative,

    /// <summary>Tested and no alteration found in the gene ("KRAS wild type").</summary>
    WildType,

    /// <summary>Low expression (HER2-low: IHC 1+ or 2+ without amplification).</summary>
    Low,

    /// <summary>Tested, result equivocal or pending.</summary>
    Equivocal,
}

/// <summary>A tumour marker, gene alteration or expression result.</summary>
public sealed record Biomarker
{
    /// <summary>HGNC gene symbol or marker name: "EGFR", "ERBB2" (HER2), "ESR1" (ER), "PD-L1", "MSI", "TMB".</summary>
    public required string Marker { get; init; }

    /// <summary>The alteration when specific: "exon 19 deletion", "L858R", "G12C", "V600E", "fusion", "amplification".</summary>
    public string? Alteration { get; init; }

    public BiomarkerStatus Status { get; init; } = BiomarkerStatus.Positive;

    /// <summary>A measured value (PD-L1 TPS 60, TMB 12), with <see cref="Unit"/> ("%", "mut/Mb", "CPS").</summary>
    public decimal? Value { get; init; }

    public string? Unit { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Asserted;

    public SourceSpan? Span { get; init; }
}

public enum PerformanceScale
{
    Ecog,
    Karnofsky,
    Lansky,
}

public sealed record PerformanceStatus(PerformanceScale Scale, int Value, SourceSpan? Span = null, DateOnly? AssessedOn = null);

public enum TherapyKind
{
    /// <summary>Systemic drug therapy: chemotherapy, targeted, immunotherapy, hormonal.</summary>
    Drug,
    Surgery,
    Radiotherapy,
    /// <summary>Stem-cell transplant, cell therapy and other procedures.</summary>
    Procedure,
}

public enum TherapyResponse
{
    CompleteResponse,
    PartialResponse,
    StableDisease,
    ProgressiveDisease,
}

/// <summary>A treatment the patient had, has, or (with <see cref="Certainty.Hypothetical"/>) may have.</summary>
public sealed record Therapy
{
    /// <summary>The name as stated: a drug ("carboplatin"), regimen ("FOLFOX"), operation ("lobectomy") or modality.</summary>
    public required string Name { get; init; }

    public TherapyKind Kind { get; init; } = TherapyKind.Drug;

    /// <summary>Drug classes ("platinum", "EGFR TKI", "anti-PD-1") from the vocabulary, when known.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Line of therapy in the metastatic setting (1 = first line), when stated.</summary>
    public int? Line { get; init; }

    public int? Cycles { get; init; }

    public DateOnly? StartedOn { get; init; }

    /// <summary>Null while ongoing or when not stated; see <see cref="IsCurrent"/>.</summary>
    public DateOnly? EndedOn { get; init; }

    public bool? IsCurrent { get; init; }

    public TherapyResponse? BestResponse { get; init; }

    /// <summary>True when the disease progressed on or after this therapy ("refractory to", "progressed on").</summary>
    public bool? ProgressedOn { get; init; }

    /// <summary>Where a radiotherapy was given, when the record says ("pelvic", "whole brain", "chest wall").</summary>
    public string? Site { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Historical;

    public SourceSpan? Span { get; init; }
}

/// <summary>A laboratory result in the unit it was reported in.</summary>
public sealed record LabResult
{
    /// <summary>Canonical analyte name from the vocabulary: "ANC", "platelets", "hemoglobin", "creatinine", "creatinine clearance", "bilirubin", "AST", "ALT", ...</summary>
    public required string Analyte { get; init; }

    public decimal Value { get; init; }

    /// <summary>The unit as normalised by the vocabulary ("10^9/L", "g/dL", "mg/dL", "mL/min", "U/L", "%").</summary>
    public string? Unit { get; init; }

    /// <summary>Upper limit of normal for this result, when reported, so that "x ULN" criteria can be checked.</summary>
    public decimal? UpperLimitOfNormal { get; init; }

    public string? LoincCode { get; init; }

    public DateOnly? MeasuredOn { get; init; }

    public SourceSpan? Span { get; init; }
}

/// <summary>Any other condition: comorbidity, infection, organ dysfunction, allergy, symptom.</summary>
public sealed record Condition
{
    /// <summary>The name as stated ("type 2 diabetes", "hepatitis B", "myocardial infarction").</summary>
    public required string Text { get; init; }

    /// <summary>A canonical concept name or code from the vocabulary (MeSH term or id), when matched.</summary>
    public string? Concept { get; init; }

    public Certainty Certainty { get; init; } = Certainty.Asserted;

    public DateOnly? OnsetOn { get; init; }

    public SourceSpan? Span { get; init; }
}

/// <summary>Where the patient is: coordinates when known, else a place name to resolve.</summary>
public sealed record PatientLocation(GeoPoint? Coordinates, string? PlaceName, string? PostalCode = null);
