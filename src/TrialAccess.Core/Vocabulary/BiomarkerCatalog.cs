namespace TrialAccess.Vocabulary;

/// <summary>
/// Tumour markers and actionable genes, by the canonical name the patient model uses (HGNC symbol, or "PD-L1",
/// "MSI", "MMR", "TMB", "HRD"), with the ways criteria write them ("HER2" is ERBB2, "ER" is ESR1).
/// </summary>
public sealed class BiomarkerCatalog
{
    private readonly HashSet<string> _markers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names matched case-insensitively in criteria.</summary>
    public PhraseMatcher<string> Names { get; } = new();

    /// <summary>Gene symbols added from HGNC: matched only where written in capitals next to a word that makes them a biomarker.</summary>
    public Dictionary<string, string> Symbols { get; } = new(StringComparer.Ordinal);

    public int Count => _markers.Count + Symbols.Count;

    public bool IsKnown(string marker) => _markers.Contains(marker) || Symbols.ContainsKey(marker);

    public void Add(string marker, params IEnumerable<string> names)
    {
        _markers.Add(marker);
        Names.Add(marker, marker);
        foreach (var name in names)
        {
            Names.Add(name, marker);
        }
    }

    /// <summary>The canonical marker for a name ("HER2" gives "ERBB2"), or the name itself when unknown.</summary>
    public string Canonical(string name) =>
        Names.TryGet(name, out var marker) ? marker : Symbols.TryGetValue(name, out var symbol) ? symbol : name;

    public static BiomarkerCatalog BuiltIn()
    {
        var catalog = new BiomarkerCatalog();
        foreach (var line in Curated)
        {
            var parts = line.Split('|');
            catalog.Add(parts[0], parts.Length > 1 ? parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries) : []);
        }

        return catalog;
    }

    /// <summary>canonical marker | other names.</summary>
    private static readonly string[] Curated =
    [
        "EGFR|EGFR;epidermal growth factor receptor;HER1;ERBB1",
        "ALK|ALK;anaplastic lymphoma kinase;EML4-ALK",
        "ROS1|ROS1;ROS-1",
        "NTRK|NTRK;NTRK1;NTRK2;NTRK3;TRK;NTRK1/2/3",
        "RET|RET",
        "MET|MET;c-MET;cMET",
        "BRAF|BRAF;B-RAF",
        "KRAS|KRAS;K-RAS;Ki-ras",
        "NRAS|NRAS;N-RAS",
        "HRAS|HRAS",
        "RAS|RAS",
        "ERBB2|HER2;HER-2;HER2/neu;ERBB2;HER 2;HER2neu;human epidermal growth factor receptor 2;c-erbB-2;neu",
        "ERBB3|HER3;ERBB3",
        "HR|hormone receptor;hormone-receptor;hormone receptors",
        "ESR1|ER;estrogen receptor;oestrogen receptor;ESR1;ERα",
        "PGR|PR;PgR;progesterone receptor",
        "BRCA1|BRCA1",
        "BRCA2|BRCA2",
        "BRCA|BRCA;BRCA1/2;gBRCA;gBRCAm;sBRCA",
        "PALB2|PALB2",
        "ATM|ATM",
        "CDK12|CDK12",
        "HRD|HRD;homologous recombination deficiency;homologous recombination deficient;HRR;homologous recombination repair",
        "PIK3CA|PIK3CA",
        "AKT1|AKT1;AKT",
        "PTEN|PTEN",
        "IDH1|IDH1",
        "IDH2|IDH2",
        "IDH|IDH",
        "FLT3|FLT3;FLT3-ITD;FLT3-TKD",
        "NPM1|NPM1",
        "KIT|KIT;c-KIT;CD117",
        "PDGFRA|PDGFRA",
        "FGFR1|FGFR1",
        "FGFR2|FGFR2",
        "FGFR3|FGFR3",
        "FGFR|FGFR;FGFR1-3;FGFR1-4",
        "PD-L1|PD-L1;PDL1;PD L1;CD274;B7-H1;programmed death ligand 1;programmed death-ligand 1;programmed cell death ligand 1",
        "MSI|MSI;MSI-H;MSI-high;microsatellite instability;microsatellite instability-high;microsatellite unstable;MSS;microsatellite stable",
        "MMR|MMR;dMMR;pMMR;mismatch repair;mismatch repair deficient;mismatch repair deficiency;mismatch repair-deficient",
        "TMB|TMB;TMB-H;tumor mutational burden;tumour mutational burden;tumor mutation burden",
        "TP53|TP53;p53",
        "STK11|STK11;LKB1",
        "KEAP1|KEAP1",
        "NF1|NF1",
        "AR|androgen receptor;AR-V7",
        "MS4A1|CD20",
        "CD19|CD19",
        "CD22|CD22",
        "TNFRSF8|CD30",
        "CD33|CD33",
        "CD38|CD38",
        "TNFRSF17|BCMA;B-cell maturation antigen",
        "JAK2|JAK2;JAK2 V617F",
        "CALR|CALR",
        "MPL|MPL",
        "BCR-ABL1|BCR-ABL;BCR-ABL1;BCR::ABL1;Philadelphia chromosome;Ph+;Ph-positive;Philadelphia chromosome-positive",
        "PML-RARA|PML-RARA;PML-RARα;t(15,17)", // ";" separates names: the translocation is written with a comma here (same words)
        "EZH2|EZH2",
        "HLA-A*02|HLA-A2;HLA-A*02;HLA-A*02:01;HLA-A0201",
        "FOLH1|PSMA;prostate-specific membrane antigen",
        "CLDN18|claudin 18.2;CLDN18.2;claudin18.2",
        "TACSTD2|TROP2;TROP-2",
        "NRG1|NRG1",
        "CDKN2A|CDKN2A;p16",
        "MYC|MYC;c-MYC",
        "BCL2|BCL2;BCL-2",
        "KMT2A|KMT2A;MLL",
        "TP63|p63",
        "MKI67|Ki-67;Ki67;MIB-1",
        "SMARCB1|SMARCB1;INI1",
        "EBV|EBV;Epstein-Barr virus",
        "HPV|HPV;human papillomavirus;p16-positive",
        "GD2|GD2",
        "DLL3|DLL3",
    ];
}
