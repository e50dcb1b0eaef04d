using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Patients.Notes;

/// <summary>
/// Notes written in a clinic's shorthand: headings, bare numbers, abbreviations and plans. Each case is invented text.
/// </summary>
public sealed class NoteShorthandTests
{
    [Theory]
    [InlineData("All liver disease was removed at surgery. A 60-year-old man with colon cancer.")]
    [InlineData("Dear Dr Smith, re: Mr A.B., a 70-year-old man with lymphoma.")]
    public void Extract_AWordInCapitalsOnlyByPosition_IsNotAnAbbreviation(string note)
    {
        var profile = NoteReader.Extract(note);

        profile.Diagnoses.Should().NotContain(d => d.OncoTreeCode == "LBLL" || d.OncoTreeCode == "BLL");
        profile.Conditions.Should().NotContain(c => c.Text == "Mr" || c.Text == "All");
    }

    [Fact]
    public void Extract_AnAbbreviationInCapitals_IsStillRead()
    {
        var profile = NoteReader.Extract("A 9-year-old boy with ALL in first remission.");

        profile.Diagnoses.Should().Contain(d => d.OncoTreeCode == "LBLL");
    }

    [Theory]
    [InlineData("Dear Dr Okafor, re: Mr D.H., 76 y. New diagnosis of lymphoma.", 76)]
    [InlineData("Mrs P.Q., 58 yrs, seen today with breast cancer.", 58)]
    public void Extract_ABareYearInTheOpening_IsTheAge(string note, double age)
    {
        NoteReader.Extract(note).Age!.Value.Should().Be((decimal)age);
    }

    [Fact]
    public void Extract_ABareYearLaterInTheNote_IsADurationNotAnAge()
    {
        var note = "Seen today in clinic to discuss her follow-up after treatment for a breast cancer, which has been quiet since. She has smoked for about 20 yrs, less lately.";

        NoteReader.Extract(note).Age.Should().BeNull();
    }

    [Theory]
    [InlineData("A 67-year-old man. Plan: definitive chemoradiotherapy, to start in three weeks.", "chemoradiotherapy")]
    [InlineData("A 4-year-old girl. Dexamethasone, vincristine and pegaspargase due to begin tomorrow.", "vincristine")]
    [InlineData("A 41-year-old woman. The question is whether to add weekly cisplatin.", "cisplatin")]
    [InlineData("A 24-year-old man. He will have chemotherapy before a later resection of the residual mass.", "resection")]
    public void Extract_ATreatmentStillToCome_IsNotOneGiven(string note, string therapy)
    {
        var mention = NoteReader.Extract(note).Therapies.Should().Contain(t => t.Name.Contains(therapy, StringComparison.OrdinalIgnoreCase)).Subject;

        mention.Certainty.Should().NotBe(Certainty.Historical).And.NotBe(Certainty.Asserted);
    }

    [Fact]
    public void Extract_ARegimenChosenAgainst_IsNotGiven()
    {
        var profile = NoteReader.Extract("A 24-year-old man. We will start cisplatin-based chemotherapy this week (VIP rather than BEP).");

        profile.Therapies.Should().Contain(t => t.Name == "BEP").Which.Certainty.Should().Be(Certainty.Negated);
    }

    [Theory]
    [InlineData("A 34-year-old man with lymphoma. Hepatitis B and C negative.", "hepatitis b")]
    [InlineData("A 76-year-old man with lymphoma. HBsAg negative, HIV neg.", "hiv infection")]
    public void Extract_AResultWrittenAfterTwoTestsOrAbbreviated_DeniesThem(string note, string condition)
    {
        NoteReader.Extract(note).Conditions.Should().Contain(c => c.Concept == condition || c.Text.Equals(condition, StringComparison.OrdinalIgnoreCase))
            .Which.Certainty.Should().Be(Certainty.Negated);
    }

    [Fact]
    public void Extract_ATumourAndNodeNegative_KeepsTheTumour()
    {
        var profile = NoteReader.Extract("A 50-year-old woman with breast cancer and node negative disease after surgery.");

        profile.Diagnoses.Should().Contain(d => d.Certainty == Certainty.Asserted && d.OncoTreeCode != null);
    }

    [Fact]
    public void Extract_AnOrganInBracketsAfterTheTumour_PlacesIt()
    {
        var note = "67M. OGD: ulcerating tumour 24-30 cm from incisors (mid-thoracic oesophagus). Histology: moderately differentiated squamous cell carcinoma.";

        NoteReader.Extract(note).Diagnoses.Should().Contain(d => d.Certainty == Certainty.Asserted && d.OncoTreeCode == "ESCC");
    }

    [Theory]
    [InlineData("A 60-year-old man. Creatinine 79, Hb 124, albumin 33.", "creatinine", 0.89, "mg/dL")]
    [InlineData("A 60-year-old man. Creatinine 79, Hb 124, albumin 33.", "hemoglobin", 12.4, "g/dL")]
    [InlineData("A 60-year-old man. Creatinine 1.1, Hb 12.4.", "creatinine", 1.1, null)]
    public void Extract_ALabValueWithoutItsUnit_IsReadInTheUnitItsSizeAllows(string note, string analyte, double value, string? unit)
    {
        var lab = NoteReader.Extract(note).LabResults.Should().Contain(l => l.Analyte == analyte).Subject;

        lab.Value.Should().Be((decimal)value);
        lab.Unit.Should().Be(unit);
    }

    [Fact]
    public void Extract_UnfitForATransplantNamedAfterAnotherTreatment_IsTransplantIneligible()
    {
        var profile = NoteReader.Extract("A 76-year-old man with mantle cell lymphoma. Not a candidate for intensive induction or autologous transplant.");

        profile.Settings.Should().Contain(s => s.Setting == DiseaseSetting.TransplantIneligible);
    }

    [Fact]
    public void ResectedWithoutDisease_MetastasesRemovedWithNothingLeft_Holds()
    {
        var note = "A 58-year-old man with adenocarcinoma of the sigmoid colon and three liver metastases. After chemotherapy he had a colectomy "
            + "and a liver resection. All liver disease was removed with clear margins; the postoperative CT shows no residual or new disease.";
        var profile = NoteReader.Extract(note);

        PatientSetting.ResectedWithoutDisease(profile).Should().NotBeNull();
        PatientSetting.MetastasesResected(profile).Should().BeTrue();
    }

    [Fact]
    public void ResectedWithoutDisease_MetastasesFoundAfterTheResection_DoesNotHold()
    {
        var note = "A 58-year-old man had a colectomy for adenocarcinoma of the sigmoid colon, with no residual disease. "
            + "A CT this month shows new liver metastases.";
        var profile = NoteReader.Extract(note);

        PatientSetting.ResectedWithoutDisease(profile).Should().BeNull();
        PatientSetting.MetastasesResected(profile).Should().BeFalse();
    }

    [Theory]
    [InlineData("67M with squamous cell carcinoma of the oesophagus, stage III. Upper GI MDT: not fit for oesophagectomy (severe COPD).")]
    [InlineData("An 80-year-old woman with adenocarcinoma of the lung, stage IA, medically inoperable because of heart failure.")]
    [InlineData("A 75-year-old man with pancreatic cancer. He is not a candidate for surgery.")]
    public void Extract_APatientWhoCannotHaveTheOperation_IsMedicallyInoperable_NotUnresectable(string note)
    {
        var profile = NoteReader.Extract(note);

        profile.Settings.Should().Contain(s => s.Setting == DiseaseSetting.MedicallyInoperable);
        profile.Diagnoses.Should().NotContain(d => d.Stage != null && d.Stage.Unresectable == true);
    }

    [Fact]
    public void Extract_UnfitForAnOperationOnSomethingElse_SaysNothingOfTheCancer()
    {
        var profile = NoteReader.Extract("A 70-year-old man with adenocarcinoma of the lung, stage IB. He was not fit for cholecystectomy last year.");

        profile.Settings.Should().NotContain(s => s.Setting == DiseaseSetting.MedicallyInoperable);
    }
}
