using TrialAccess.Patients;

namespace TrialAccess.Eligibility.StudiedPopulation;

/// <summary>The axes along which a cancer trial's title and conditions say whom it studies.</summary>
public enum PopulationAxis
{
    /// <summary>How far the disease has spread: in situ, early (operable), locally advanced, metastatic.</summary>
    Extent,

    /// <summary>Whether the disease is untreated (newly diagnosed, first line) or previously treated (relapsed, refractory, later line).</summary>
    PriorTreatment,

    /// <summary>Brain metastases: untreated ones (to be treated), previously treated ones, or none (prophylactic cranial irradiation).</summary>
    BrainMetastases,

    /// <summary>A biomarker-defined population (HER2-positive, triple-negative, EGFR mutant or wild-type, MSI-high).</summary>
    Biomarker,

    /// <summary>Prostate cancer responding to androgen deprivation ("sensitive": hormone-sensitive, castration-sensitive) or not ("resistant": castration-resistant, androgen-independent).</summary>
    Castration,

    /// <summary>Ovarian (and similar) cancer recurring six months or more after platinum ("sensitive") or sooner, or progressing on it ("resistant").</summary>
    Platinum,

    /// <summary>People at risk of the cancer, to prevent it or find it early ("prevention of breast cancer", "women at high genetic risk", "lung cancer screening"): the value is "at risk".</summary>
    AtRisk,

    /// <summary>The risk group of the cancer's own scale ("lower-risk MDS", "high-risk neuroblastoma"): "lower" or "higher".</summary>
    Risk,

    /// <summary>The grade of the cancer ("low-grade glioma", "high-grade serous", "glioblastoma"): "low" or "high".</summary>
    Grade,

    /// <summary>The phase of chronic myeloid leukaemia or a myeloproliferative neoplasm: "chronic" or "advanced" (accelerated or blast).</summary>
    Phase,

    /// <summary>A transplant: the trial gives or follows one ("transplant"), or is only for those who can ("eligible") or cannot ("ineligible") have one.</summary>
    Transplant,

    /// <summary>Cisplatin: the trial gives it ("given"), or is only for those who can ("eligible") or cannot ("ineligible") have it.</summary>
    Cisplatin,

    /// <summary>The trial's treatment includes an operation ("Chemoradiation Followed by Surgery", "Surgery With or Without Chemotherapy"): the value is "operation".</summary>
    Operation,

    /// <summary>Disease that progressed on, relapsed after or was treated with a named therapy ("progressing on osimertinib", "treated after TACE"); the value is the words naming it.</summary>
    AfterTherapy,

    /// <summary>The sex a title names as its population ("in Women With", "Postmenopausal Patients", "Men With"): "female" or "male".</summary>
    Sex,

    /// <summary>People with HIV ("AIDS-Related Lymphoma", "HIV-Associated Kaposi Sarcoma", "in Patients With HIV Infection"): the value is "hiv".</summary>
    Hiv,

    /// <summary>Bladder cancer confined to the lining ("Non-Muscle Invasive Bladder Cancer", "Superficial Bladder Cancer", "intravesical"): the value is "non-muscle-invasive".</summary>
    NonMuscleInvasive,
}

/// <summary>The values of <see cref="PopulationAxis.Extent"/>, from the least to the most spread.</summary>
public enum DiseaseExtent
{
    InSitu,
    Early,
    LocallyAdvanced,
    Metastatic,
}

/// <summary>Where the trial's record says who it studies: the field and the words.</summary>
/// <param name="Field">"conditions", "title" or "official title".</param>
/// <param name="Text">The words as written ("HER2-Positive", "Ductal Carcinoma In Situ").</param>
public sealed record PopulationEvidence(string Field, string Text)
{
    public override string ToString() => $"{Field}: \"{Text}\"";
}

/// <summary>One thing a trial's record says of the population it studies, with where it says it.</summary>
/// <param name="Value">
/// For <see cref="PopulationAxis.Extent"/> a <see cref="DiseaseExtent"/> name; for <see cref="PopulationAxis.PriorTreatment"/>
/// "newly diagnosed", "untreated" (first line, previously untreated), "recurrent" (the cancer came back, treated or not),
/// "maintenance" (after a first treatment that worked) or "previously treated" (relapsed, refractory, later line); for <see cref="PopulationAxis.Castration"/> and
/// <see cref="PopulationAxis.Platinum"/> "sensitive" or "resistant"; for <see cref="PopulationAxis.BrainMetastases"/> "untreated", "treated", "any" or
/// "none"; for <see cref="PopulationAxis.Biomarker"/> the canonical marker ("ERBB2", "ESR1", "HR", "EGFR", "MSI").
/// </param>
/// <param name="Status">For a biomarker: the status the trial asks for.</param>
/// <param name="Label">How to name the trait to a clinician ("HER2-positive", "metastatic", "previously treated").</param>
public sealed record PopulationTrait(PopulationAxis Axis, string Value, string Label, PopulationEvidence Evidence, BiomarkerStatus? Status = null);

/// <summary>
/// Whom a trial studies, read from its record rather than its criteria: the cancer types its conditions and title name,
/// the setting (extent, prior treatment, brain metastases) and the biomarker-defined population, each trait with the
/// words it was read from. Traits of one axis are alternatives: a title naming "HER2-positive or HER2-negative" says
/// nothing against either.
/// </summary>
/// <param name="CancerCodes">The OncoTree codes the conditions and title name (specific cancers; generic ones apart).</param>
/// <param name="AnyCancer">True when a condition or the title names cancer in general ("solid tumours", "neoplasms").</param>
/// <param name="Conditions">Every condition of the record as a disease concept; null when one of them is not a known disease.</param>
/// <param name="HealthyVolunteers">True when the record accepts healthy volunteers.</param>
public sealed record TrialPopulation(
    IReadOnlyList<string> CancerCodes,
    bool AnyCancer,
    IReadOnlyList<PopulationTrait> Traits,
    IReadOnlyList<StudiedDisease>? Conditions,
    bool HealthyVolunteers)
{
    public static TrialPopulation None { get; } = new([], false, [], null, false);

    /// <summary>True when the record names a cancer, specific or general.</summary>
    public bool StudiesCancer => CancerCodes.Count > 0 || AnyCancer;
}

/// <summary>A condition of the record as a disease concept: an OncoTree code for a cancer, else a concept of general medicine.</summary>
/// <param name="Condition">The condition as the record writes it.</param>
/// <param name="CancerCode">The OncoTree code (TISSUE or SOLID or HEME for cancer in general), when it is a cancer.</param>
/// <param name="Concept">The vocabulary's concept name, when it is not a cancer; null for a disease the vocabulary does not know.</param>
public sealed record StudiedDisease(string Condition, string? CancerCode, string? Concept);
