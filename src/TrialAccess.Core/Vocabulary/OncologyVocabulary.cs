namespace TrialAccess.Vocabulary;

/// <summary>
/// Everything the eligibility engine knows by name: cancer types, biomarkers, drugs, laboratory analytes and the
/// conditions, medications and procedures of general medicine. <see cref="BuiltIn"/> is the curated set TrialAccess
/// ships; the loaders in this folder add the full OncoTree, HGNC, DrugBank and MeSH files when a user points to them.
/// </summary>
public sealed class OncologyVocabulary
{
    private static readonly Lazy<OncologyVocabulary> Shared = new(() => new OncologyVocabulary());

    public OncologyVocabulary()
    {
        CancerTypes = CancerTypeCatalog.BuiltIn();
        Biomarkers = BiomarkerCatalog.BuiltIn();
        Drugs = DrugCatalog.BuiltIn();
        Labs = LabAnalyteCatalog.BuiltIn();
        Concepts = MedicalConceptCatalog.BuiltIn();
    }

    /// <summary>The curated vocabulary, built once and shared (it is never changed after construction).</summary>
    public static OncologyVocabulary BuiltIn => Shared.Value;

    public CancerTypeCatalog CancerTypes { get; }

    public BiomarkerCatalog Biomarkers { get; }

    public DrugCatalog Drugs { get; }

    public LabAnalyteCatalog Labs { get; }

    public MedicalConceptCatalog Concepts { get; }
}
