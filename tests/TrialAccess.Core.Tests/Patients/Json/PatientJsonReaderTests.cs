using TrialAccess.Patients;
using TrialAccess.Patients.Json;
using TrialAccess.Testing;

namespace TrialAccess.Core.Tests.Patients.Json;

public sealed class PatientJsonReaderTests
{
    [Fact]
    public void Read_DocumentedExample_GivesTheWholeProfileWithoutWarnings()
    {
        var json = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "patient.json"));

        var result = PatientJsonReader.Read(json);

        result.Errors.Should().BeEmpty();
        result.Warnings.Should().BeEmpty();
        var p = result.Profile!;
        p.BirthDate.Should().Be(new DateOnly(1966, 4, 12));
        p.Sex!.Value.Should().Be(PatientSex.Female);
        p.Diagnoses.Single().Stage!.Group.Should().Be("IVA");
        p.Biomarkers.Should().Contain(b => b.Marker == "EGFR" && b.Alteration == "exon 19 deletion");
        p.Metastases.Should().Contain(m => m.Site == "brain" && m.Certainty == Certainty.Negated);
        p.PerformanceStatuses.Single().Value.Should().Be(1);
        p.Therapies.Should().HaveCount(4).And.Contain(t => t.Name == "osimertinib" && t.IsCurrent == true);
        p.LabResults.Should().Contain(l => l.Analyte == "creatinine" && l.UpperLimitOfNormal == 1.1m);
        p.Conditions.Should().Contain(c => c.Certainty == Certainty.FamilyHistory);
        p.Pregnant.Should().Be(new Fact<bool>(false, Certainty.Negated));
        p.Location!.Coordinates!.Value.Latitude.Should().Be(52.37);
    }

    [Theory]
    [InlineData("{\"age\": \"fifty\"}", "age", "must be a number, not a string.")]
    [InlineData("{\"age\": 200}", "age", "must be between 0 and 130; got 200.")]
    [InlineData("{\"sex\": \"f\"}", "sex", "'f' is not one of: female, male, other.")]
    [InlineData("{\"birthDate\": \"12/04/1966\"}", "birthDate", "'12/04/1966' is not a date in the form YYYY-MM-DD.")]
    [InlineData("{\"diagnoses\": [{\"text\": \"NSCLC\", \"oncoTreeCode\": \"lung adeno\"}]}", "diagnoses[0].oncoTreeCode", "'lung adeno' is not an OncoTree code (upper-case letters and digits, for example LUAD).")]
    [InlineData("{\"diagnoses\": [{\"oncoTreeCode\": \"LUAD\"}]}", "diagnoses[0].text", "is required.")]
    [InlineData("{\"diagnoses\": [{\"text\": \"NSCLC\", \"stage\": {\"group\": \"V\"}}]}", "diagnoses[0].stage.group", "'V' is not a stage group (0, I-IV with optional letter, for example IIIB).")]
    [InlineData("{\"performanceStatuses\": [{\"scale\": \"ecog\", \"value\": 7}]}", "performanceStatuses[0].value", "must be between 0 and 5; got 7.")]
    [InlineData("{\"performanceStatuses\": [{\"scale\": \"karnofsky\", \"value\": 75}]}", "performanceStatuses[0].value", "Karnofsky scores are multiples of 10; got 75.")]
    [InlineData("{\"therapies\": [{\"name\": \"x\", \"startedOn\": \"2024-05-01\", \"endedOn\": \"2024-01-01\"}]}", "therapies[0].endedOn", "ends (2024-01-01) before it starts (2024-05-01).")]
    [InlineData("{\"labResults\": [{\"analyte\": \"ANC\"}]}", "labResults[0].value", "is required.")]
    [InlineData("{\"conditions\": [{\"text\": \"HIV\", \"certainty\": \"maybe\"}]}", "conditions[0].certainty", "'maybe' is not one of: asserted, negated, historical, familyHistory, hypothetical.")]
    [InlineData("{\"location\": {\"latitude\": 95, \"longitude\": 4}}", "location.latitude", "is outside the valid range (latitude -90..90, longitude -180..180).")]
    [InlineData("{\"biomarkers\": {\"marker\": \"EGFR\"}}", "biomarkers", "must be an array, not an object.")]
    public void Read_InvalidField_NamesTheFieldInTheError(string json, string field, string message)
    {
        var result = PatientJsonReader.Read(json);

        result.IsSuccess.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Be(new PatientIntakeIssue(field, message));
    }

    [Fact]
    public void Read_Settings_AreReadAsANoteSettingStatementsAre()
    {
        var result = PatientJsonReader.Read("{\"diagnoses\": [{\"text\": \"primary myelofibrosis\"}], \"settings\": [\"higherRisk\", \"transplant-ineligible\"]}");

        result.Errors.Should().BeEmpty();
        result.Profile!.Settings.Select(s => s.Setting).Should().Equal(DiseaseSetting.HigherRisk, DiseaseSetting.TransplantIneligible);
    }

    [Fact]
    public void Read_UnknownSetting_NamesItsPlaceAndTheAllowedNames()
    {
        var result = PatientJsonReader.Read("{\"settings\": [\"relapsed\", \"relapsing\"]}");

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("settings[1]");
        error.Message.Should().StartWith("'relapsing' is not one of: newlyDiagnosed, untreated, relapsed,").And.Contain("transplantIneligible");
    }

    [Fact]
    public void Read_SeveralErrors_ReportsEachOne()
    {
        var result = PatientJsonReader.Read("{\"age\": -1, \"diagnoses\": [{}, {\"text\": \"x\", \"certainty\": 3}]}");

        result.Errors.Select(e => e.Field).Should().Equal("age", "diagnoses[0].text", "diagnoses[1].certainty");
    }

    [Fact]
    public void Read_UnknownField_IsAWarningNotAnError()
    {
        var result = PatientJsonReader.Read("{\"age\": 58, \"conditions\": [{\"text\": \"HTN\", \"severity\": \"mild\"}]}");

        result.IsSuccess.Should().BeTrue();
        result.Warnings.Should().ContainSingle().Which.Field.Should().Be("conditions[0].severity");
    }

    [Fact]
    public void Read_NotJson_IsAnErrorWithThePosition()
    {
        var result = PatientJsonReader.Read("{\"age\": 58,,}");

        result.Errors.Single().Message.Should().StartWith("Not valid JSON (line 1");
    }

    [Theory]
    [InlineData("3b", "IIIB")]
    [InlineData("Stage IV", "IV")]
    [InlineData("1B", "IB")]
    [InlineData("iiia", "IIIA")]
    [InlineData("0", "0")]
    public void StageGroupTryNormalise_CommonSpellings_GiveRomanNumerals(string text, string expected)
    {
        StageGroup.TryNormalise(text, out var group).Should().BeTrue();
        group.Should().Be(expected);
    }
}
