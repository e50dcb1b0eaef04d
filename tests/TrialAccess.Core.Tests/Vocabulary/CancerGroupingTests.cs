using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Patients.Notes;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Vocabulary;

/// <summary>Groupings across branches of the OncoTree tree ("leukaemia") and the two groupings named by their own names.</summary>
public class CancerGroupingTests
{
    private static readonly CancerTypeCatalog Catalog = OncologyVocabulary.BuiltIn.CancerTypes;
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    [Theory]
    [InlineData("solid tumor", CancerTypeCatalog.Solid)]
    [InlineData("Hematologic malignancy", CancerTypeCatalog.Hematologic)]
    [InlineData("leukemia", "LEUK")]
    [InlineData("acute leukaemia", "ACLEUK")]
    public void TheGroupingsAreNamedByTheirOwnNames(string name, string code)
    {
        Catalog.Resolve(name).Should().Be(code);
    }

    [Theory]
    [InlineData("Carcinoma, Hepatocellular", "HCC")]
    [InlineData("Carcinoma, Non-Small-Cell Lung", "NSCLC")]
    [InlineData("Leukemia, Myeloid, Acute", "AML")]
    [InlineData("Breast Neoplasms", "BREAST")]
    [InlineData("Prostatic Neoplasms, Castration-Resistant", "PROSTATE")]
    [InlineData("Gastrointestinal Stromal Tumors", "GIST")]
    [InlineData("Brain and Central Nervous System Tumors", "BRAIN")]
    [InlineData("Neoplasms", CancerTypeCatalog.Root)]
    [InlineData("Neoplasm Metastasis", CancerTypeCatalog.Root)]
    [InlineData("Intraocular Melanoma", "UM")]
    [InlineData("Burkitt's Lymphoma", "BL")]
    [InlineData("Ductal Breast Carcinoma In Situ", "DCIS")]
    [InlineData("Breast Ductal Carcinoma", "BREAST")]
    [InlineData("Pancreatic Ductal Carcinoma", "PAAD")]
    [InlineData("Choroid Plexus Tumors", "CPT")]
    [InlineData("Melanoma of the Eye", "UM")]
    [InlineData("Cervical Adenosquamous Carcinoma", "CERVIX")]
    [InlineData("Cervical Small Cell Carcinoma", "CERVIX")]
    [InlineData("Cervical Adenocarcinoma", "CERVIX")]
    public void ARegistryHeading_InvertedOrWithAGenericNoun_ResolvesToItsCancer(string condition, string code)
    {
        Catalog.Resolve(condition).Should().Be(code);
    }

    [Theory]
    [InlineData("Other Cancers")]
    [InlineData("Cancer Pain")]
    [InlineData("Adenosquamous Carcinoma")]
    public void AHistologyWithoutAnOrgan_NamesNoOrgansCancer(string condition)
    {
        Catalog.Resolve(condition).Should().BeOneOf([null, CancerTypeCatalog.Root]);
    }

    [Fact]
    public void AHeadingThatIsNotACancer_StaysUnresolved()
    {
        Catalog.Resolve("Diabetes Mellitus, Type 2").Should().BeNull();
        Catalog.Resolve("Pulmonary Disease, Chronic Obstructive").Should().BeNull();
    }

    [Theory]
    [InlineData("AML", "LEUK", true)]
    [InlineData("CLLSLL", "LEUK", true)]
    [InlineData("BLL", "ACLEUK", true)]
    [InlineData("BLL", "LBLL", true)]
    [InlineData("TLL", "LBLL", true)]
    [InlineData("LBLL", "ACLEUK", true)]
    [InlineData("AML", "LBLL", false)]
    [InlineData("CML", "ACLEUK", false)]
    [InlineData("DLBCLNOS", "LEUK", false)]
    [InlineData("PANET", "NET", true)]
    [InlineData("ESCA", "ESO", true)]
    [InlineData("ESCC", "ESO", true)]
    [InlineData("STAD", "ESO", false)]
    [InlineData("LEUK", CancerTypeCatalog.Hematologic, true)]
    public void AMemberAndWhatLiesBelowIt_AreWithinTheGroup(string code, string group, bool expected)
    {
        Catalog.IsWithin(code, group).Should().Be(expected);
    }

    [Theory]
    [InlineData("A 77-year-old man with newly diagnosed acute myeloid leukemia.", CriterionOutcome.Met)]
    [InlineData("A 60-year-old woman with metastatic lung adenocarcinoma.", CriterionOutcome.NotMet)]
    [InlineData("A 59-year-old woman with diffuse large B-cell lymphoma.", CriterionOutcome.Unknown)]
    public void ALeukaemiaCriterion_IsMetByAnyLeukaemia_FailedBySolidTumours_AndAskedOfOtherBloodCancers(string note, CriterionOutcome expected)
    {
        new CancerTypeConstraint("LEUK", "leukemia").Check(NoteReader.Extract(note), Context).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("A 64-year-old man with adenocarcinoma of the oesophagus.", CriterionOutcome.Met)]
    [InlineData("A 64-year-old man with squamous cell carcinoma of the oesophagus.", CriterionOutcome.Met)]
    [InlineData("A 54-year-old woman with ductal carcinoma in situ of the breast.", CriterionOutcome.NotMet)]
    public void AnOesophagealCancerCriterion_IsMetByEitherHistology_AndFailedByACancerOfAnotherTissue(string note, CriterionOutcome expected)
    {
        Catalog.Resolve("Esophageal Cancer").Should().Be("ESO");
        new CancerTypeConstraint("ESO", "esophageal cancer").Check(NoteReader.Extract(note), Context).Outcome.Should().Be(expected);
    }

    [Fact]
    public void ASmallCellCarcinoma_AgainstANeuroendocrineTumourCriterion_IsAQuestion_NotAFailure()
    {
        new CancerTypeConstraint("NET", "neuroendocrine tumor").Check(NoteReader.Extract("A 66-year-old man with small cell lung cancer."), Context)
            .Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("A 74-year-old man with lower-risk myelodysplastic syndrome.", "AML", "acute myeloid leukemia", CriterionOutcome.NotMet)]
    [InlineData("A 50-year-old woman with multiple myeloma.", "HL", "Hodgkin lymphoma", CriterionOutcome.NotMet)]
    [InlineData("A 50-year-old woman with peripheral T-cell lymphoma.", "MBN", "B-cell lymphoma", CriterionOutcome.NotMet)]
    [InlineData("A 50-year-old woman with lymphoma.", "DLBCLNOS", "diffuse large B-cell lymphoma", CriterionOutcome.Unknown)]
    [InlineData("A 50-year-old woman with follicular lymphoma.", "MBN", "B-cell lymphoma", CriterionOutcome.Met)]
    [InlineData("A 58-year-old man with papillary renal cell carcinoma.", "CCRCC", "clear cell renal cell carcinoma", CriterionOutcome.NotMet)]
    [InlineData("A 60-year-old man with squamous cell carcinoma of the lung.", "LUAD", "lung adenocarcinoma", CriterionOutcome.NotMet)]
    [InlineData("A 58-year-old man with renal cell carcinoma.", "CCRCC", "clear cell renal cell carcinoma", CriterionOutcome.Unknown)]
    [InlineData("A 60-year-old man with lung adenocarcinoma.", "NSCLC", "non-small cell lung cancer", CriterionOutcome.Met)]
    [InlineData("A 40-year-old man with anaplastic astrocytoma.", "HGGNOS", "high-grade glioma", CriterionOutcome.Unknown)]
    [InlineData("A 40-year-old man with anaplastic astrocytoma.", "GB", "glioblastoma", CriterionOutcome.Unknown)]
    public void TwoNamedBloodCancersOrSubtypesOfOneSolidCancer_NeitherWithinTheOther_FailOnAPresumption(string note, string code, string name, CriterionOutcome expected)
    {
        var check = new CancerTypeConstraint(code, name).Check(NoteReader.Extract(note), Context);

        check.Outcome.Should().Be(expected);
        check.Presumed.Should().Be(expected == CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("A 16-year-old boy with T-cell acute lymphoblastic leukaemia.", "acute lymphoblastic leukemia", CriterionOutcome.Met)]
    [InlineData("A 16-year-old boy with T-cell acute lymphoblastic leukaemia.", "B-cell acute lymphoblastic leukemia", CriterionOutcome.NotMet)]
    [InlineData("A 6-year-old girl with B-cell acute lymphoblastic leukaemia.", "acute lymphoblastic leukemia", CriterionOutcome.Met)]
    [InlineData("A 30-year-old man with acute lymphoblastic leukaemia.", "B-cell acute lymphoblastic leukemia", CriterionOutcome.Unknown)]
    [InlineData("A 30-year-old man with acute lymphoblastic leukaemia.", "T-cell acute lymphoblastic leukemia", CriterionOutcome.Unknown)]
    [InlineData("A 30-year-old man with acute lymphoblastic leukaemia.", "acute lymphoblastic leukemia", CriterionOutcome.Met)]
    public void AcuteLymphoblasticLeukaemia_NamedWithoutALineage_CoversBothLineages_AndALineageIsAskedOfAPatientWithout(string note, string criterionName, CriterionOutcome expected)
    {
        var code = Catalog.Resolve(criterionName)!;
        new CancerTypeConstraint(code, criterionName).Check(NoteReader.Extract(note), Context).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("Head and Neck Cancer", CriterionOutcome.NotMet)]
    [InlineData("Head and Neck Neoplasms", CriterionOutcome.Unknown)]
    public void AnOesophagealCancer_AgainstHeadAndNeckCancer_FailsUnlessTheNameIsTheMeshHeading_WhichFilesTheOesophagusThere(string name, CriterionOutcome expected)
    {
        new CancerTypeConstraint("HEAD_NECK", name).Check(NoteReader.Extract("A 66-year-old man with squamous cell carcinoma of the mid oesophagus."), Context)
            .Outcome.Should().Be(expected);
    }

    [Fact]
    public void AThyroidCancer_AgainstHeadAndNeckCancer_IsAQuestion_ForSponsorsCountItThere()
    {
        new CancerTypeConstraint("HEAD_NECK", "Head and Neck Cancer").Check(NoteReader.Extract("A 75-year-old man with metastatic papillary thyroid cancer."), Context)
            .Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Theory]
    [InlineData("Diagnosis of cancer", "TISSUE")]
    [InlineData("Histologically confirmed solid tumor", CancerTypeCatalog.Solid)]
    [InlineData("Clinical diagnosis of kidney tumor < 4 cm", "KIDNEY")]
    public void AnInclusionNamingTheCancer_IsACancerType_NotAnotherMalignancy(string criterion, string code)
    {
        var parsed = TrialAccess.Eligibility.Parsing.CriterionParser.Default.Parse(criterion, TrialAccess.Eligibility.Segmentation.CriterionRole.Inclusion);
        parsed.Constraints.Should().ContainSingle().Which.Should().BeOfType<CancerTypeConstraint>().Which.Code.Should().Be(code);
    }

    [Theory]
    [InlineData("Prior anthracycline therapy for any malignancy")]
    [InlineData("Primary tumour minimal diameter 3 cm")]
    public void CancerWordsQualifyingSomethingElse_AreNoCancerType(string criterion)
    {
        TrialAccess.Eligibility.Parsing.CriterionParser.Default.Parse(criterion, TrialAccess.Eligibility.Segmentation.CriterionRole.Inclusion)
            .Constraints.Should().NotContain(c => c is CancerTypeConstraint);
    }

    [Theory]
    [InlineData("Newly diagnosed intermediate-2 (INT-2) or high-risk MDS", "A 76-year-old man with myelodysplastic syndrome, IPSS-R low risk.", CriterionOutcome.NotMet)]
    [InlineData("Newly diagnosed intermediate-2 (INT-2) or high-risk MDS", "A 76-year-old man with myelodysplastic syndrome, IPSS-R high risk.", CriterionOutcome.Met)]
    [InlineData("Newly diagnosed intermediate-2 (INT-2) or high-risk MDS", "A 76-year-old man with myelodysplastic syndrome.", CriterionOutcome.Met)]
    [InlineData("MDS with IPSS intermediate-1, intermediate-2 or high risk", "A 76-year-old man with myelodysplastic syndrome, IPSS-R low risk.", CriterionOutcome.Met)]
    [InlineData("Chronic myeloid leukemia in chronic phase", "A 52-year-old woman with chronic myeloid leukaemia in blast crisis.", CriterionOutcome.NotMet)]
    [InlineData("Chronic myeloid leukemia in chronic, accelerated or blast phase", "A 52-year-old woman with chronic myeloid leukaemia in blast crisis.", CriterionOutcome.Met)]
    public void ACancerNamedWithOneGroupOfItsScale_IsPresumedNotMet_ByAPatientRecordedInTheOther(string criterion, string note, CriterionOutcome expected)
    {
        var parsed = TrialAccess.Eligibility.Parsing.CriterionParser.Default.Parse(criterion, TrialAccess.Eligibility.Segmentation.CriterionRole.Inclusion);
        var check = parsed.Constraints.OfType<CancerTypeConstraint>().Should().ContainSingle().Subject.Check(NoteReader.Extract(note), Context);

        check.Outcome.Should().Be(expected);
        check.Presumed.Should().Be(expected == CriterionOutcome.NotMet);
    }

    [Fact]
    public void AnExclusionOfTheOtherGroup_DoesNotExcludeThePatient()
    {
        var parsed = TrialAccess.Eligibility.Parsing.CriterionParser.Default.Parse("High-risk myelodysplastic syndrome", TrialAccess.Eligibility.Segmentation.CriterionRole.Exclusion);
        var evaluation = TrialAccess.Eligibility.Evaluation.EligibilityEvaluator.Evaluate(parsed, NoteReader.Extract("A 76-year-old man with myelodysplastic syndrome, IPSS-R low risk."), Context);

        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
    }
}
