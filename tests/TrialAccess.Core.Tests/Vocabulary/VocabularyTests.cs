using TrialAccess.Testing;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Vocabulary;

public class VocabularyTests
{
    private static readonly OncologyVocabulary Vocabulary = OncologyVocabulary.BuiltIn;

    [Theory]
    [InlineData("NSCLC", "NSCLC")]
    [InlineData("lung adenocarcinoma", "LUAD")]
    [InlineData("breast cancer", "BREAST")]
    [InlineData("TNBC", "BRCA")]
    [InlineData("CRC", "COADREAD")]
    [InlineData("GBM", "GB")]
    [InlineData("AML", "AML")]
    [InlineData("DLBCL", "DLBCLNOS")]
    [InlineData("solid tumours", "SOLID")]
    public void Resolve_CommonNameOrAbbreviation_GivesTheOncoTreeCode(string name, string code)
    {
        Vocabulary.CancerTypes.Resolve(name).Should().Be(code);
    }

    [Theory]
    [InlineData("adenocarcinoma of the breast", "BREAST")]
    [InlineData("carcinoma of the bladder", "BLADDER")]
    [InlineData("carcinoma of the pancreas", "PANCREAS")]
    [InlineData("malignancy of the kidney", "KIDNEY")]
    [InlineData("ovarian adenocarcinoma", "OVARY")]
    [InlineData("carcinoma of the head and neck", "HEAD_NECK")]
    [InlineData("adenocarcinoma of the lung", "LUAD")]
    [InlineData("adenocarcinoma of the prostate", "PRAD")]
    public void Names_CancerOfAnOrgan_NamesTheOrgansTypeOrAMorePreciseOne(string name, string code)
    {
        Vocabulary.CancerTypes.Names.TryGet(name, out var found).Should().BeTrue();
        found.Should().Be(code);
    }

    [Theory]
    [InlineData("polycythaemia", "polycythemia")]
    [InlineData("leukaemia", "leukemia")]
    [InlineData("haematological", "hematological")]
    [InlineData("oesophageal", "esophageal")]
    [InlineData("tumours", "tumors")]
    [InlineData("paediatric", "pediatric")]
    [InlineData("oestrogen", "estrogen")]
    [InlineData("diarrhoea", "diarrhea")]
    [InlineData("dyspnoea", "dyspnea")]
    [InlineData("oedema", "edema")]
    [InlineData("hour", "hour")]
    [InlineData("shoes", "shoes")]
    [InlineData("aerobic", "aerobic")]
    [InlineData("waldenström", "waldenstrom")]
    [InlineData("sjögren", "sjogren")]
    [InlineData("naïve", "naive")]
    [InlineData("leukæmia", "leukemia")]
    [InlineData("macroglobulinaemia", "macroglobulinemia")]
    public void American_BritishMedicalSpelling_GivesTheAmericanForm(string word, string american)
    {
        Spelling.American(word).Should().Be(american);
    }

    [Theory]
    [InlineData("polycythaemia vera", "PV")]
    [InlineData("chronic myeloid leukaemia", "CML")]
    [InlineData("oesophageal adenocarcinoma", "ESCA")]
    [InlineData("Waldenström macroglobulinaemia", "WM")]
    [InlineData("Waldenström's macroglobulinemia", "WM")]
    public void Resolve_BritishSpelling_GivesTheSameCode(string name, string code)
    {
        Vocabulary.CancerTypes.Resolve(name).Should().Be(code);
    }

    [Theory]
    [InlineData("LUAD", "NSCLC", true)]
    [InlineData("LUAD", "SOLID", true)]
    [InlineData("AML", "SOLID", false)]
    [InlineData("AML", "HEME", true)]
    [InlineData("NSCLC", "LUAD", false)]
    [InlineData("DLBCLNOS", "NHL", true)]
    [InlineData("BRCA", "TISSUE", true)]
    [InlineData("PCM", "NHL", false)]
    [InlineData("PCM", "LNM", false)]
    [InlineData("PCM", "MBN", true)]
    [InlineData("PCM", "HEME", true)]
    [InlineData("CLLSLL", "NHL", true)]
    public void IsWithin_ChildAndAncestor_RelatesThroughTheHierarchy(string code, string ancestor, bool expected)
    {
        Vocabulary.CancerTypes.IsWithin(code, ancestor).Should().Be(expected);
    }

    [Fact]
    public void Drugs_Pembrolizumab_IsAnAntiPd1CheckpointInhibitor()
    {
        var drug = Vocabulary.Drugs.Find("Keytruda");

        drug!.Name.Should().Be("pembrolizumab");
        drug.Classes.Should().Contain(["anti-PD-1", "immune checkpoint inhibitor"]);
        drug.Targets.Should().Contain("PD-1");
    }

    [Fact]
    public void Biomarkers_Her2_IsErbb2()
    {
        Vocabulary.Biomarkers.Canonical("HER2").Should().Be("ERBB2");
        Vocabulary.Biomarkers.Canonical("ER").Should().Be("ESR1");
    }

    [Theory]
    [InlineData("ANC", 1500, "/mm3", 1.5)]
    [InlineData("platelets", 100, "x 10^9/L", 100)]
    [InlineData("platelets", 100000, null, 100)]
    [InlineData("platelets", 118, null, 118)]
    [InlineData("platelets", 75000, null, 75)]
    [InlineData("ANC", 1500, null, 1.5)]
    [InlineData("ANC", 0.8, null, 0.8)]
    [InlineData("hemoglobin", 90, "g/L", 9)]
    [InlineData("creatinine", 176.8, "µmol/L", 2)]
    public void ToCanonical_CommonUnits_ConvertToTheCanonicalUnit(string analyte, double value, string? unit, double expected)
    {
        Vocabulary.Labs.ToCanonical(analyte, (decimal)value, unit).Should().Be((decimal)expected);
    }

    [Fact]
    public void PhraseMatcher_ShortCapitalsPhrase_MatchesOnlyInCapitals()
    {
        const string text = "all patients with ALL";

        var matches = Vocabulary.CancerTypes.Names.FindAll(text, Tokenizer.Tokenize(text));

        matches.Should().ContainSingle().Which.Start.Should().Be(18);
    }

    [SharedDataFact]
    public void Load_SharedVocabularyFolder_EnrichesEveryCatalog()
    {
        var (vocabulary, results) = VocabularyFolder.Load(SharedData.PathTo("vocab"));

        results.Should().OnlyContain(r => r.IsSuccess);
        vocabulary.CancerTypes.Count.Should().BeGreaterThan(800);
        vocabulary.CancerTypes.Resolve("Uveal Melanoma").Should().Be("UM");
        vocabulary.Biomarkers.Symbols.Should().ContainKey("NTRK1");
        vocabulary.Drugs.Find("Lepirudin").Should().NotBeNull();
        vocabulary.Concepts.Count.Should().BeGreaterThan(OncologyVocabulary.BuiltIn.Concepts.Count + 1000);
    }

    [SharedDataFact]
    public void CuratedCancerTypes_EveryOncoTreeCode_ExistsWithTheSameParentInOncoTree()
    {
        var full = new CancerTypeCatalog();
        using (var stream = File.OpenRead(SharedData.PathTo("vocab/oncotree/oncotree_2025_10_03.json")))
        {
            OncoTreeLoader.Load(full, stream).IsSuccess.Should().BeTrue();
        }

        var builtIn = CancerTypeCatalog.BuiltIn();
        var groupings = new[] { CancerTypeCatalog.Solid, CancerTypeCatalog.Hematologic }.Concat(builtIn.All.Select(t => t.Code).Where(builtIn.IsGroup)).ToHashSet();
        foreach (var type in builtIn.All.Where(t => CancerTypeCatalog.NotInOncoTree.Contains(t.Code)))
        {
            full.Find(type.Code).Should().BeNull(type.Code);
            full.Find(type.Parent!).Should().NotBeNull(type.Code);
        }

        foreach (var type in builtIn.All.Where(t => !groupings.Contains(t.Code) && !CancerTypeCatalog.NotInOncoTree.Contains(t.Code)))
        {
            full.Find(type.Code).Should().NotBeNull(type.Code);
            full.Find(type.Code)!.Parent.Should().Be(type.Parent, type.Code);
        }

        // A grouping's members are OncoTree codes too.
        foreach (var member in groupings.SelectMany(builtIn.MembersOf))
        {
            full.Find(member).Should().NotBeNull(member);
        }
    }
}
