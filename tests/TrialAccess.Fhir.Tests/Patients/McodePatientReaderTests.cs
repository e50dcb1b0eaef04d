using TrialAccess.Fhir.Patients;
using TrialAccess.Patients;
using TrialAccess.Testing;

namespace TrialAccess.Fhir.Tests.Patients;

public sealed class McodePatientReaderTests
{
    private static readonly McodePatientReader Reader = new();

    private static string TestData(string name) =>
        File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "TrialAccess.Fhir.Tests", "Patients", "TestData", name));

    [Fact]
    public void Read_McodeBundle_FillsTheWholeModel()
    {
        var result = Reader.Read(TestData("mcode-lung.json"));

        result.Warnings.Should().BeEmpty();
        var p = result.Profile!;
        p.BirthDate.Should().Be(new DateOnly(1962, 9, 3));
        p.Sex!.Value.Should().Be(PatientSex.Female);
        p.Location.Should().BeEquivalentTo(new { PlaceName = "Utrecht, NL", PostalCode = "3511" });
        p.Location!.Coordinates!.Value.Latitude.Should().Be(52.09);

        var cancer = p.Diagnoses.Should().ContainSingle().Subject;
        cancer.OncoTreeCode.Should().Be("LUAD");
        cancer.Histology.Should().Be("Adenocarcinoma");
        cancer.DiagnosedOn.Should().Be(new DateOnly(2024, 2, 20));
        // A lettered stage IV is regional in some cancers: it counts as distant while nothing records it as not metastatic.
        cancer.Stage.Should().BeEquivalentTo(new { Group = "IVA" });
        cancer.Stage!.Distant.Should().BeTrue();

        p.Metastases.Should().ContainSingle(m => m.Site == "bone");
        p.Conditions.Should().Contain(c => c.Concept == "type 2 diabetes mellitus" && c.Certainty == Certainty.Asserted);
        p.Conditions.Should().Contain(c => c.Concept == "hepatitis b" && c.Certainty == Certainty.Negated);
        p.PerformanceStatuses.Should().ContainSingle().Which.Should().Be(new PerformanceStatus(PerformanceScale.Ecog, 1, null, new DateOnly(2024, 5, 2)));
        p.Biomarkers.Should().Contain(b => b.Marker == "EGFR" && b.Status == BiomarkerStatus.Positive && b.Alteration == "p.E746_A750del");
        p.Biomarkers.Should().Contain(b => b.Marker == "ALK" && b.Status == BiomarkerStatus.Negative);
        p.LabResults.Should().ContainEquivalentOf(new { Analyte = "neutrophils", Value = 2.1m, Unit = "10^9/L", LoincCode = "751-8" });
        p.LabResults.Should().ContainEquivalentOf(new { Analyte = "creatinine", Value = 0.9m, Unit = "mg/dL", UpperLimitOfNormal = 1.1m });
        p.Therapies.Should().ContainEquivalentOf(new { Name = "carboplatin", Kind = TherapyKind.Drug, IsCurrent = false, EndedOn = new DateOnly(2024, 5, 15) }, o => o.ExcludingMissingMembers());
        p.Therapies.Should().Contain(t => t.Name == "osimertinib" && t.IsCurrent == true && t.Classes.Contains("EGFR TKI") && t.Certainty == Certainty.Asserted);
        p.Therapies.Should().Contain(t => t.Kind == TherapyKind.Radiotherapy && t.StartedOn == new DateOnly(2024, 2, 28));
    }

    [Theory]
    [InlineData("{\"valueBoolean\": true}", true, 0)]
    [InlineData("{\"valueBoolean\": false}", false, 0)]
    [InlineData("{\"valueString\": \"yes\"}", false, 1)]
    public void Read_CompleteHistoryExtension_SaysWhetherAbsenceMayBePresumed(string value, bool complete, int warnings)
    {
        var extension = "{\"url\": \"" + McodePatientReader.CompleteHistoryExtension + "\", " + value[1..];
        var bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"gender\": \"male\", \"extension\": [" + extension + "]}}]}";

        var result = Reader.Read(bundle);

        result.Profile!.CompleteHistory.Should().Be(complete);
        result.Warnings.Should().HaveCount(warnings);
        Reader.Read(TestData("mcode-lung.json")).Profile!.CompleteHistory.Should().BeFalse("a bundle says nothing of its completeness without the extension");
    }

    [Theory]
    [InlineData("{\"valueCode\": \"relapsed\"}", "Relapsed", 0)]
    [InlineData("{\"valueCode\": \"transplant-ineligible\"}", "TransplantIneligible", 0)]
    [InlineData("{\"valueCode\": \"lowerRisk\"}", "LowerRisk", 0)]
    [InlineData("{\"valueCode\": \"cured\"}", "", 1)]
    [InlineData("{\"valueBoolean\": true}", "", 1)]
    public void Read_DiseaseSettingExtension_StatesTheSettingAsPatientJsonDoes(string value, string expected, int warnings)
    {
        var extension = "{\"url\": \"" + McodePatientReader.DiseaseSettingExtension + "\", " + value[1..];
        var bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"gender\": \"male\", \"extension\": [" + extension + "]}}]}";

        var result = Reader.Read(bundle);

        result.Profile!.Settings.Select(s => s.Setting.ToString()).Should().Equal(expected.Length == 0 ? [] : [expected]);
        result.Warnings.Should().HaveCount(warnings);
        if (warnings > 0 && value.Contains("valueCode", StringComparison.Ordinal))
        {
            result.Warnings[0].ToString().Should().Contain("is not one of:").And.Contain("relapsed");
        }
    }

    [Theory]
    [InlineData("{\"resourceType\": \"Condition\", \"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"recurrence\"}]}, \"code\": {\"text\": \"Diffuse large B-cell lymphoma\"}}", true)]
    [InlineData("{\"resourceType\": \"Condition\", \"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"active\"}]}, \"code\": {\"text\": \"Diffuse large B-cell lymphoma\"}}", false)]
    [InlineData("{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"97509-4\"}]}, \"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"271299001\"}]}}", true)]
    [InlineData("{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"97509-4\"}]}, \"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"359746009\"}]}}", false)]
    public void Read_RecurrentConditionOrWorsenedDiseaseStatus_IsARelapse(string resource, bool relapsed)
    {
        var bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"gender\": \"male\"}}, {\"resource\": " + resource + "}]}";

        var result = Reader.Read(bundle);

        result.Warnings.Should().BeEmpty();
        result.Profile!.Settings.Any(s => s.Setting == DiseaseSetting.Relapsed).Should().Be(relapsed);
    }

    [Fact]
    public void Read_UnknownResourceType_IsSkippedAndReported()
    {
        var result = Reader.Read(TestData("unknown-resource.json"));

        result.IsSuccess.Should().BeTrue();
        result.Profile!.Sex!.Value.Should().Be(PatientSex.Male);
        result.Profile.Diagnoses.Should().ContainSingle().Which.OncoTreeCode.Should().Be("PRAD");
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "entry[1].resource: resource type 'Claim' is not read; skipped.",
            "entry[2].resource.code: observation 'Heart rate' is not one TrialAccess reads; skipped.",
            "entry[3]: has no resource; skipped.");
    }

    [Theory]
    [InlineData("{\"resourceType\": \"Bundle\"}", "entry")]
    [InlineData("{\"resourceType\": \"Observation\"}", "resourceType")]
    [InlineData("{\"resourceType\": \"Patient\", \"gender\": \"male\"}", "resourceType")]
    [InlineData("{\"resourceType\": 7}", "resourceType")]
    [InlineData("{\"entry\": []}", "resourceType")]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": [", null)]
    [InlineData("[]", null)]
    public void Read_UnusableBundle_IsAnErrorNotAnException(string json, string? field)
    {
        var result = Reader.Read(json);

        result.IsSuccess.Should().BeFalse();
        result.Errors.Single().Field.Should().Be(field);
    }

    [Fact]
    public void Read_BundleWithoutPatient_WarnsThatAgeAndSexAreUnknown()
    {
        var result = Reader.Read("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Condition\", \"code\": {\"text\": \"Hypertension\"}}}]}");

        result.Profile!.Conditions.Single().Concept.Should().Be("hypertension");
        result.Warnings.Single().Message.Should().Contain("no Patient");
    }

    [Fact]
    public void Read_ResourcesWithWrongShapes_NeverThrow()
    {
        const string json = """
            {"resourceType": "Bundle", "entry": [
              {"resource": {"resourceType": "Patient", "birthDate": 1990, "gender": 5, "address": "nowhere"}},
              {"resource": {"resourceType": "Observation", "code": "ecog"}},
              {"resource": {"resourceType": "Observation", "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1"}]}, "valueInteger": 9}},
              {"resource": {"resourceType": "MedicationStatement"}},
              {"resource": {"resourceType": "Procedure", "code": {"coding": "x"}}},
              {"resource": 42},
              "text"
            ]}
            """;

        var result = Reader.Read(json);

        result.IsSuccess.Should().BeTrue();
        result.Warnings.Should().HaveCountGreaterThanOrEqualTo(5);
    }

    [Theory]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"address\": [{\"extension\": [{\"url\": \"x/geolocation\", \"extension\": {\"a\": 1}}]}]}}]}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Observation\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"69548-6\"}]}, \"component\": [1, \"x\"]}}]}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Condition\", \"code\": [\"x\"], \"meta\": {\"profile\": 3}}}]}")]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": {}}")]
    public void Read_OddlyShapedBundles_GiveAResultNotAnException(string json)
    {
        var read = () => Reader.Read(json);

        read.Should().NotThrow();
        var result = read();
        (result.IsSuccess ? result.Warnings.Count : result.Errors.Count).Should().BeGreaterThan(0);
    }

    [Fact]
    public void PatientIntake_WithTheMcodeReader_ReadsBundlesThroughIt()
    {
        var result = new PatientIntake(Reader).Read(TestData("unknown-resource.json"));

        result.Kind.Should().Be(PatientInputKind.FhirBundle);
        result.Profile!.Diagnoses.Should().ContainSingle().Which.OncoTreeCode.Should().Be("PRAD");
    }
}
