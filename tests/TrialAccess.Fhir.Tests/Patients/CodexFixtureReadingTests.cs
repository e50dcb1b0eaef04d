using TrialAccess.Fhir.Patients;
using TrialAccess.Patients;
using TrialAccess.Testing;

namespace TrialAccess.Fhir.Tests.Patients;

/// <summary>The HL7 CodeX client's own patient bundles (../shared/data/fhir/codex), read in place.</summary>
public sealed class CodexFixtureReadingTests
{
    private static readonly McodePatientReader Reader = new();

    private static PatientIntakeResult Read(string file) => Reader.Read(File.ReadAllText(SharedData.PathTo(Path.Combine("fhir", "codex", file))));

    [SharedDataFact]
    public void Read_AppRequestExample_ReadsTheSnomedStageCodeAndTheMislabelledLoincCodes()
    {
        var result = Read("app/request-example.json");

        var p = result.Profile!;
        p.Sex!.Value.Should().Be(PatientSex.Female);
        p.BirthDate.Should().Be(new DateOnly(1994, 1, 1));
        var cancer = p.Diagnoses.Should().ContainSingle().Subject;
        cancer.Text.Should().Be("Small cell carcinoma of lung");
        cancer.Stage!.Group.Should().Be("I");
        p.PerformanceStatuses.Should().BeEquivalentTo([new PerformanceStatus(PerformanceScale.Ecog, 0), new PerformanceStatus(PerformanceScale.Karnofsky, 80)]);
        p.Biomarkers.Should().ContainSingle(b => b.Marker == "ESR1" && b.Status == BiomarkerStatus.Positive);
        p.Therapies.Should().Contain(t => t.Name == "ramucirumab" && t.Kind == TherapyKind.Drug);
        p.Therapies.Should().Contain(t => t.Kind == TherapyKind.Radiotherapy);
        result.Warnings.Select(w => w.ToString()).Should().Equal("entry[0].resource: resource type 'Parameters' is not read; skipped.");
    }

    [SharedDataFact]
    public void Read_AppTestPatient_ReadsSecondaryCancersAsTheirSites()
    {
        var result = Read("app/TrialMatching_Patient01.json");

        var p = result.Profile!;
        p.Diagnoses.Should().ContainSingle().Which.Stage.Should().BeEquivalentTo(new { Group = "IV", Metastatic = true });
        p.Metastases.Select(m => m.Site).Should().BeEquivalentTo(["lymph node", "liver", "bone"]);
        p.Biomarkers.Select(b => (b.Marker, b.Status)).Should().Contain([
            ("ESR1", BiomarkerStatus.Positive), ("PGR", BiomarkerStatus.Positive), ("ERBB2", BiomarkerStatus.Negative), ("MSI", BiomarkerStatus.Positive), ("PIK3CA", BiomarkerStatus.Positive)]);
        p.Therapies.Select(t => t.Name).Should().Contain(["leuprolide", "fulvestrant", "abemaciclib", "ribociclib"]);
        p.PerformanceStatuses.Should().ContainSingle().Which.Value.Should().Be(1);
        result.Warnings.Should().BeEmpty();
    }

    [SharedDataFact]
    public void Read_AppQuery_ReadsResultCodesWithoutDisplays()
    {
        var p = Read("app/query.json").Profile!;

        p.Diagnoses.Should().ContainSingle().Which.Stage!.Group.Should().Be("IV");
        p.Metastases.Should().ContainSingle().Which.Site.Should().Be("bone");
        p.Biomarkers.Select(b => (b.Marker, b.Status)).Should().BeEquivalentTo([
            ("ESR1", BiomarkerStatus.Positive), ("PGR", BiomarkerStatus.Negative), ("ERBB2", BiomarkerStatus.Negative)]);
    }

    [SharedDataFact]
    public void Read_EomPatient_ReadsTnmCategoriesFromSnomedDisplays()
    {
        var p = Read("service-spec/eom_patient_1.json").Profile!;

        p.Diagnoses.Should().ContainSingle().Which.Stage.Should().BeEquivalentTo(new { Group = "IV", T = "cT3", N = "cN3", M = "cM0" });
        p.Metastases.Should().ContainSingle().Which.Site.Should().Be("lung");
        p.PerformanceStatuses.Should().ContainSingle().Which.Value.Should().Be(3);
    }

    [SharedDataFact]
    public void Read_ServicePatient_NeverTakesTheCancerNameForAMetastasisSite()
    {
        var result = Read("service-spec/patient_data.json");

        var p = result.Profile!;
        p.Metastases.Should().BeEmpty();
        p.Diagnoses.Should().ContainSingle().Which.Stage!.Group.Should().Be("IIIA");
        p.Biomarkers.Should().Contain(b => b.Marker == "ERBB2" && b.Status == BiomarkerStatus.Positive);
        result.Warnings.Select(w => w.ToString()).Should().Contain(
            "entry[19].resource.bodySite: body site code 8935007 is not one TrialAccess understands; the site of this metastasis is unknown.");
        result.Warnings.Select(w => w.ToString()).Should().Contain("entry[12]: repeats the fullUrl of entry[8]; read once.");
        p.Therapies.Count(t => t.Name == "paclitaxel").Should().Be(3);
    }

    [SharedDataFact]
    public void Read_InvalidPerformanceStatus_IsAWarningAndTheRestIsRead()
    {
        var result = Read("service-spec/patient_data_missing_birthdate_invalid_ecog_karnofsky.json");

        result.Profile!.BirthDate.Should().BeNull();
        result.Profile.Diagnoses.Should().ContainSingle();
        result.Warnings.Select(w => w.ToString()).Should().Contain([
            "entry[2].resource.value: Karnofsky needs a value from 0 to 100; skipped.",
            "entry[3].resource.value: Ecog needs a value from 0 to 5; skipped."]);
    }

    [SharedDataFact]
    public void Read_BundleWithAnEmptyEntryAndAVariantWithoutGene_WarnsForEach()
    {
        var result = Read("service-spec/patient_data_empty-cgv.json");

        result.IsSuccess.Should().BeTrue();
        result.Warnings.Select(w => w.ToString()).Should().Contain([
            "entry[0]: has no resource; skipped.",
            "entry[1].resource.component: a genomic variant needs a gene studied (LOINC 48018-6) that TrialAccess knows; skipped.",
            "The bundle has no Patient resource; birth date and sex are unknown."]);
    }

    [SharedDataFact]
    public void Read_DuplicatePropertiesInTheSendersJson_AreWarningsWithTheirLocation()
    {
        var result = Read("service-spec/patient_data.json");

        result.Warnings.Select(w => w.ToString()).Should().Contain("entry[2].resource: Encountered duplicate property 'valueQuantity'. (read past)");
    }
}
