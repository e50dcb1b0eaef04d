namespace TrialAccess.Patients;

/// <summary>What a record says of the setting of the patient's cancer: where it stands in its treatment.</summary>
public enum DiseaseSetting
{
    /// <summary>"Newly diagnosed", "just diagnosed", "de novo metastatic": the first diagnosis of this cancer, untreated.</summary>
    NewlyDiagnosed,

    /// <summary>"No prior systemic therapy", "has not received chemotherapy", "never been treated": untreated in the current setting.</summary>
    Untreated,

    /// <summary>"Relapsed", "recurrence", "recurred": the cancer came back after a first treatment (which may have been local only).</summary>
    Relapsed,

    /// <summary>"Refractory", "two prior lines", "progressed after X": treated with systemic therapy and no longer responding to it.</summary>
    PreviouslyTreated,

    /// <summary>Prostate cancer still responding to androgen deprivation ("hormone-sensitive", "castration-sensitive").</summary>
    CastrationSensitive,

    /// <summary>Prostate cancer progressing despite castrate testosterone ("castration-resistant", "mCRPC").</summary>
    CastrationResistant,

    /// <summary>Recurrence six months or more after the last platinum dose ("platinum-sensitive").</summary>
    PlatinumSensitive,

    /// <summary>Recurrence within six months of the last platinum dose, or progression on it ("platinum-resistant").</summary>
    PlatinumResistant,

    /// <summary>
    /// "Resected with clear margins", "R0 resection", "no residual or metastatic disease": the cancer was removed and
    /// nothing is left to measure (the adjuvant setting, or follow-up), unless the record also states a relapse.
    /// </summary>
    Resected,

    /// <summary>"Low-risk", "lower-risk", "IPSS-R low": the lower risk groups of the cancer's own risk scale.</summary>
    LowerRisk,

    /// <summary>"High-risk", "higher-risk", "IPSS-R very high", "poor-risk": the higher risk groups of the cancer's own risk scale.</summary>
    HigherRisk,

    /// <summary>"Intermediate-risk": the middle risk group of a three-group scale (rhabdomyosarcoma, prostate cancer, AML).</summary>
    IntermediateRisk,

    /// <summary>"Low-grade glioma", "CNS WHO grade 2 astrocytoma": the lower grades of the cancer (see <see cref="GradeAndPhase"/>).</summary>
    LowGrade,

    /// <summary>"High-grade serous carcinoma", "glioblastoma", "anaplastic astrocytoma": the higher grades of the cancer.</summary>
    HighGrade,

    /// <summary>
    /// "Resectable", "operable", "a radical cystectomy is planned", "candidate for surgery": the cancer is to be removed
    /// with curative intent, so it is neither advanced beyond surgery nor yet operated on.
    /// </summary>
    Operable,

    /// <summary>"Chronic-phase CML": the chronic phase of chronic myeloid leukaemia or a myeloproliferative neoplasm.</summary>
    ChronicPhase,

    /// <summary>"Accelerated phase", "blast crisis": the advanced phases of chronic myeloid leukaemia or a myeloproliferative neoplasm.</summary>
    AdvancedPhase,

    /// <summary>"Not a candidate for allogeneic transplant", "transplant-ineligible": a transplant is not an option (see <see cref="TransplantFitness"/>).</summary>
    TransplantIneligible,

    /// <summary>"Transplant-eligible", "a candidate for autologous transplant".</summary>
    TransplantEligible,

    /// <summary>
    /// "Medically inoperable", "not fit for oesophagectomy", "unfit for surgery": the patient cannot have the operation,
    /// whatever the tumour's extent (an early cancer in a frail patient is not an unresectable one).
    /// </summary>
    MedicallyInoperable,

    /// <summary>
    /// "In first complete remission", "achieved CR1", "remains in remission", a myeloma "in VGPR": a first treatment worked
    /// and nothing says the disease came back (a later remission, "in CR2", is read as <see cref="Relapsed"/>).
    /// </summary>
    FirstRemission,

    /// <summary>"Not fit for cisplatin", "cisplatin-ineligible": cisplatin is ruled out (see <see cref="CisplatinFitness"/>).</summary>
    CisplatinIneligible,

    /// <summary>"Cisplatin-eligible", "fit for cisplatin".</summary>
    CisplatinEligible,

    /// <summary>
    /// "A partial response after four cycles", "responding well to", "stable disease on", "started maintenance
    /// atezolizumab": the current treatment is controlling the disease and nothing says it has come back or progressed
    /// (not a remission: a partial response is not one).
    /// </summary>
    Responding,
}

/// <summary>One statement of the setting, with the words it was read from.</summary>
/// <param name="PriorLines">For <see cref="DiseaseSetting.PreviouslyTreated"/>: the number of prior lines when stated ("four prior lines").</param>
public sealed record SettingStatement(DiseaseSetting Setting, SourceSpan? Span = null, int? PriorLines = null);
