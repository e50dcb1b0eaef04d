using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching.Retrieval;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Patients.Notes;

/// <summary>
/// Readings of a cancer's name written with diacritics, of a tumour placed by its distance at endoscopy, of a treatment
/// that something still to come must precede, and of a response that later growth ended. Each case is invented text.
/// </summary>
public sealed class EndoscopicPlaceAndLetterFormTests
{
    [Theory]
    [InlineData("A 70-year-old man has Waldenström macroglobulinaemia needing treatment.")]
    [InlineData("A 70-year-old man has Waldenström's macroglobulinemia needing treatment.")]
    [InlineData("A 70-year-old man has Waldenstrom macroglobulinemia needing treatment.")]
    public void Extract_ACancerNameWithDiacritics_IsTheCancer(string note)
    {
        ReadingTestKit.Note(note).Diagnoses.Should().ContainSingle(d => d.OncoTreeCode == "WM");
    }

    [Fact]
    public void Analyze_ANameWithAndWithoutItsDiacritics_IsOneTerm()
    {
        TextAnalyzer.Terms("Waldenström macroglobulinaemia").Should().Equal(TextAnalyzer.Terms("Waldenstrom macroglobulinemia"));
    }

    [Fact]
    public void Extract_ATumourCentimetresFromTheIncisors_IsOesophageal()
    {
        var patient = ReadingTestKit.Note("A 62-year-old man has progressive dysphagia. Gastroscopy found an ulcerated tumour from 28 to 33 cm from the incisors; biopsies show squamous cell carcinoma. cT3 N1 M0.");

        patient.Diagnoses.Should().ContainSingle(d => d.OncoTreeCode == "ESCC");
    }

    [Fact]
    public void Extract_AMassCentimetresFromTheAnalVerge_IsRectal()
    {
        var patient = ReadingTestKit.Note("A 55-year-old woman had rectal bleeding. Colonoscopy showed a circumferential mass 6 cm from the anal verge. Biopsy: moderately differentiated adenocarcinoma.");

        patient.Diagnoses.Should().ContainSingle(d => d.OncoTreeCode == "READ");
    }

    [Fact]
    public void Extract_AnEndoscopyReachingADistanceWithNoTumour_PlacesNothing()
    {
        var patient = ReadingTestKit.Note("A 58-year-old man. Gastroscopy to 40 cm from the incisors was normal. A lymph node biopsy shows squamous cell carcinoma of unknown primary.");

        patient.Diagnoses.Should().NotContain(d => d.OncoTreeCode == "ESCC");
    }

    [Theory]
    [InlineData("Ovarian tissue cryopreservation is being arranged before chemotherapy.")]
    [InlineData("Sperm banking has been arranged before chemotherapy.")]
    [InlineData("She will have a port inserted prior to chemotherapy.")]
    public void Extract_ATreatmentSomethingToComeMustPrecede_IsHypothetical(string sentence)
    {
        var patient = ReadingTestKit.Note("A 15-year-old girl has untreated classical Hodgkin lymphoma, stage IIIB. " + sentence);

        patient.Therapies.Single(t => t.Name == "chemotherapy").Certainty.Should().Be(Certainty.Hypothetical);
    }

    [Fact]
    public void Extract_AValueBeforeATreatmentGiven_LeavesTheTreatmentGiven()
    {
        var patient = ReadingTestKit.Note("A 60-year-old woman with high-grade serous ovarian cancer. Her CA-125 before chemotherapy was 900 and fell to 30.");

        patient.Therapies.Single(t => t.Name == "chemotherapy").Certainty.Should().NotBe(Certainty.Hypothetical);
    }

    [Fact]
    public void Evaluate_RelapsedDiseaseAskedOfAnUntreatedCancerAwaitingChemotherapy_IsPresumedNotMet()
    {
        var patient = ReadingTestKit.Note("A 15-year-old girl has classical Hodgkin lymphoma, Ann Arbor stage IIIB. She has had no treatment for the lymphoma. Ovarian tissue cryopreservation is being arranged before chemotherapy.");

        var result = ReadingTestKit.Evaluate("Classical Hodgkin lymphoma that is recurrent or refractory after at least one prior therapy", patient);

        result.Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("but CT three weeks ago shows growth of the liver lesions.")]
    [InlineData("but CT now shows new lung nodules.")]
    [InlineData("but the liver lesions have increased in size.")]
    public void Treatment_AResponseLaterGrowthEnded_IsPreviouslyTreated(string after)
    {
        var patient = ReadingTestKit.Note("A 44-year-old woman has metastatic adrenocortical carcinoma. She received six cycles of etoposide, doxorubicin and cisplatin with a partial response, " + after);

        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.PreviouslyTreated);
    }

    [Fact]
    public void Treatment_AResponseWithNoNewLesions_IsResponding()
    {
        var patient = ReadingTestKit.Note("A 44-year-old woman has metastatic adrenocortical carcinoma. She received six cycles of etoposide, doxorubicin and cisplatin with a partial response, and CT shows no new lesions.");

        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.Responding);
    }

    [Theory]
    [InlineData("Staging CT and diagnostic laparoscopy found no distant or peritoneal disease.")]
    [InlineData("Her staging CT was clear.")]
    [InlineData("Staging PET-CT negative.")]
    public void Extract_StagingThatFoundNoSpread_IsNotMetastatic(string sentence)
    {
        var patient = ReadingTestKit.Note("A 58-year-old woman has newly diagnosed adenocarcinoma of the stomach. " + sentence);

        patient.Diagnoses.Single(d => d.OncoTreeCode == "STAD").Stage!.Metastatic.Should().BeFalse();
    }

    [Fact]
    public void Extract_StagingNotClear_IsNotReadAsNoSpread()
    {
        var patient = ReadingTestKit.Note("A 58-year-old woman has newly diagnosed adenocarcinoma of the stomach. The staging CT was not clear about two liver lesions.");

        patient.Diagnoses.Single(d => d.OncoTreeCode == "STAD").Stage?.Metastatic.Should().NotBe(false);
    }

    [Theory]
    [InlineData("A 44-year-old woman has adrenocortical carcinoma; the surgeons consider the disease unresectable.")]
    [InlineData("A 60-year-old man has pancreatic adenocarcinoma, judged unresectable.")]
    public void Extract_ACancerJudgedUnresectable_IsUnresectable(string note)
    {
        ReadingTestKit.Note(note).Diagnoses.Single().Stage!.Unresectable.Should().BeTrue();
    }

    [Fact]
    public void Extract_ACancerNotConsideredUnresectable_IsNotUnresectable()
    {
        ReadingTestKit.Note("A 60-year-old man has pancreatic adenocarcinoma; the surgeons do not consider it unresectable.").Diagnoses.Single().Stage?.Unresectable.Should().NotBe(true);
    }
}
