using TrialAccess.Patients;
using TrialAccess.Patients.Evaluation;
using TrialAccess.Patients.Json;
using TrialAccess.Patients.Notes;
using TrialAccess.Testing;

namespace TrialAccess.Core.Tests.Patients.Json;

public sealed class PatientJsonWriterTests
{
    private static PatientIntakeResult ReadBack(PatientProfile profile) => PatientJsonReader.Read(PatientJsonWriter.Write(profile).ToJsonString());

    [Fact]
    public void Write_DocumentedExample_ReadsBackToTheSameFactsWithoutWarnings()
    {
        var json = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "patient.json"));
        var profile = PatientJsonReader.Read(json).Profile!;

        var back = ReadBack(profile);

        back.Errors.Should().BeEmpty();
        back.Warnings.Should().BeEmpty();
        back.Profile.Should().BeEquivalentTo(profile with { Id = null });
    }

    [Fact]
    public void Write_EnumerationsAndNegatedYesNoFacts_UseTheDocumentedSpelling()
    {
        var profile = new PatientProfile
        {
            Conditions = [new Condition { Text = "breast cancer in mother", Certainty = Certainty.FamilyHistory }],
            Biomarkers = [new Biomarker { Marker = "KRAS", Status = BiomarkerStatus.WildType }],
            Pregnant = new Fact<bool>(false, Certainty.Negated),
            Breastfeeding = new Fact<bool>(true, Certainty.Hypothetical),
        };

        var json = PatientJsonWriter.Write(profile).ToJsonString();

        json.Should().Be("""{"biomarkers":[{"marker":"KRAS","status":"wildType","certainty":"asserted"}],"conditions":[{"text":"breast cancer in mother","certainty":"familyHistory"}],"pregnant":false}""");
    }

    [Fact]
    public void Write_Settings_AsTheirNamesOnce()
    {
        var profile = new PatientProfile
        {
            Settings = [new SettingStatement(DiseaseSetting.LowerRisk), new SettingStatement(DiseaseSetting.TransplantIneligible), new SettingStatement(DiseaseSetting.LowerRisk)],
        };

        PatientJsonWriter.Write(profile).ToJsonString().Should().Be("""{"settings":["lowerRisk","transplantIneligible"]}""");
        ReadBack(profile).Profile!.Settings.Select(s => s.Setting).Should().Equal(DiseaseSetting.LowerRisk, DiseaseSetting.TransplantIneligible);
    }

    [SharedDataFact]
    public void Write_EveryTrec2021TopicReadFromItsNote_ReadsBackToTheSameFacts()
    {
        var topics = FactEvaluation.ParseTopics(File.ReadAllText(SharedData.PathTo("benchmarks/trec2021/topics2021.xml")));
        topics.Should().HaveCount(75);
        foreach (var (number, text) in topics)
        {
            var written = PatientJsonWriter.Write(NoteReader.Extract(text)).ToJsonString();

            var back = PatientJsonReader.Read(written);

            back.Errors.Should().BeEmpty($"topic {number} gave {written}");
            back.Warnings.Where(w => w.Field is not null).Should().BeEmpty($"topic {number} gave {written}");
            PatientJsonWriter.Write(back.Profile!).ToJsonString().Should().Be(written, $"topic {number} must survive a round trip");
        }
    }

    [Fact]
    public void Write_ARadiotherapysField_ReadsBack()
    {
        var profile = NoteReader.Extract("A 66-year-old man with prostate cancer treated with pelvic radiotherapy in 2019.");

        var back = ReadBack(profile);

        back.Profile!.Therapies.Single(t => t.Kind == TherapyKind.Radiotherapy).Site.Should().Be("pelvic");
        back.Errors.Should().BeEmpty();
        back.Warnings.Should().BeEmpty();
    }
}
