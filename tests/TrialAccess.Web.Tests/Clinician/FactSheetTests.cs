using Microsoft.Extensions.Primitives;
using TrialAccess.Patients;
using TrialAccess.Patients.Json;
using TrialAccess.Patients.Notes;
using TrialAccess.Testing;
using TrialAccess.Web.Clinician;

namespace TrialAccess.Web.Tests.Clinician;

public class FactSheetTests
{
    private const string Note = "62 yo M with metastatic lung adenocarcinoma, EGFR exon 19 deletion, ECOG 1. No known brain mets.";

    private static Dictionary<string, StringValues> Form(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => new StringValues(f.Value));

    /// <summary>The sheet as the browser would post it back unchanged: every value and snippet under its input name.</summary>
    private static Dictionary<string, StringValues> Posted(FactSheet sheet)
    {
        var form = new Dictionary<string, StringValues>();
        foreach (var group in FactForm.Groups)
        {
            for (var i = 0; i < sheet.RowCount(group); i++)
            {
                var row = group.RowPath(i);
                foreach (var field in group.Fields)
                {
                    form[FactSheet.FieldPrefix + FactGroup.FieldPath(row, field)] = sheet.Value(FactGroup.FieldPath(row, field));
                }

                if (sheet.Source(row) is { } source)
                {
                    form[FactSheet.SourcePrefix + row] = source;
                }
            }
        }

        return form;
    }

    [Fact]
    public void FromProfile_DocumentedExample_PostedBackUnchanged_ReadsToTheSameProfile()
    {
        var json = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "patient.json"));
        var profile = PatientJsonReader.Read(json).Profile!;

        var back = FactSheet.FromForm(Posted(FactSheet.FromProfile(profile, null))).Read();

        back.Errors.Should().BeEmpty();
        back.Profile.Should().BeEquivalentTo(profile with { Id = null });
    }

    [Fact]
    public void FromProfile_Note_KeepsTheSnippetOfEachFact()
    {
        var sheet = FactSheet.FromProfile(NoteReader.Extract(Note), Note);

        sheet.Value("age").Should().Be("62");
        sheet.Value("sex").Should().Be("male");
        sheet.Source("age").Should().Be("62 yo");
        sheet.Value("biomarkers[0].marker").Should().Be("EGFR");
        sheet.Source("biomarkers[0]").Should().Contain("EGFR");
        FactSheet.FromForm(Posted(sheet)).Source("biomarkers[0]").Should().Be(sheet.Source("biomarkers[0]"));
    }

    [Fact]
    public void FromForm_RemovedAndBlankRows_AreDroppedAndTheRestRenumbered()
    {
        var sheet = FactSheet.FromForm(Form(
            ("fact.age", "58"),
            ("fact.biomarkers[0].marker", "ALK"),
            ("remove.biomarkers[0]", "on"),
            ("fact.biomarkers[1].marker", "EGFR"),
            ("fact.biomarkers[1].alteration", "L858R"),
            ("source.biomarkers[1]", "EGFR L858R"),
            ("fact.biomarkers[2].marker", " "),
            ("fact.biomarkers[7].marker", "PD-L1"),
            ("fact.biomarkers[7].value", "60"),
            ("fact.biomarkers[7].unit", "%")));

        var profile = sheet.Read().Profile!;

        sheet.RowCount(FactForm.Find("biomarkers")!).Should().Be(2);
        sheet.Source("biomarkers[0]").Should().Be("EGFR L858R");
        profile.Age!.Value.Should().Be(58);
        profile.Biomarkers.Select(b => (b.Marker, b.Alteration, b.Value)).Should().Equal(("EGFR", "L858R", null), ("PD-L1", null, 60m));
    }

    [Fact]
    public void Read_WrongValues_NameTheFieldInTheReadersWords()
    {
        var sheet = FactSheet.FromForm(Form(
            ("fact.age", "sixty"),
            ("fact.performanceStatuses[0].scale", "ecog"),
            ("fact.performanceStatuses[0].value", "7"),
            ("fact.diagnoses[0].stage.group", "IV")));

        var result = sheet.Read();

        result.Profile.Should().BeNull();
        sheet.Error("age").Should().Be("must be a number, not a string.");
        sheet.Error("performanceStatuses[0].value").Should().Be("must be between 0 and 5; got 7.");
        sheet.Error("diagnoses[0].text").Should().Be("is required.");
    }

    [Fact]
    public void ToJson_NestedAndListFields_BuildTheDocumentedShape()
    {
        var sheet = FactSheet.FromForm(Form(
            ("fact.diagnoses[0].text", "NSCLC"),
            ("fact.diagnoses[0].stage.group", "IIIB"),
            ("fact.diagnoses[0].stage.metastatic", "no"),
            ("fact.therapies[0].name", "carboplatin"),
            ("fact.therapies[0].classes", "platinum, chemotherapy"),
            ("fact.location.placeName", "Boston")));

        sheet.ToJson().ToJsonString().Should().Be(
            """{"location":{"placeName":"Boston"},"diagnoses":[{"text":"NSCLC","stage":{"group":"IIIB","metastatic":false}}],"therapies":[{"name":"carboplatin","classes":["platinum","chemotherapy"]}]}""");
    }
}
