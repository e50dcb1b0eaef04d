using TrialAccess.Core.Tests.Eligibility.Evaluation;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Eligibility.StudiedPopulation;

/// <summary>
/// Readings of where a cancer stands in its course: a leukaemia given only hydroxyurea before its first treatment, a
/// remission or a relapse a rule asks for against a disease not yet treated. Each case is invented text.
/// </summary>
public sealed class DiseaseCourseTests
{
    private const string NewLeukaemia = "A 47-year-old man presented with gum bleeding. Bone marrow biopsy showed acute myeloid leukaemia with 60% blasts and an FLT3 internal tandem duplication. He has had no antileukaemic treatment apart from two days of hydroxyurea for cytoreduction. Induction with daunorubicin and cytarabine is planned.";

    [Fact]
    public void Extract_HydroxyureaForCytoreduction_IsADrugGiven_NotAnOperation()
    {
        var patient = NoteReader.Extract(NewLeukaemia);

        patient.Therapies.Should().Contain(t => t.Name == "hydroxyurea");
        patient.Therapies.Should().NotContain(t => t.Kind == TherapyKind.Surgery);
    }

    [Fact]
    public void Extract_AnInternalTandemDuplicationSpeltOut_IsAPositiveFlt3Result()
    {
        NoteReader.Extract(NewLeukaemia).Biomarkers.Should().Contain(b => b.Marker == "FLT3" && b.Status == BiomarkerStatus.Positive && b.Alteration == "ITD");
    }

    [Theory]
    [InlineData("He has had no antileukaemic treatment apart from two days of hydroxyurea for cytoreduction.")]
    [InlineData("She received hydroxyurea for three days to lower the white count.")]
    public void Treatment_ALeukaemiaGivenOnlyHydroxyurea_IsNotPreviouslyTreated(string sentence)
    {
        var patient = ReadingTestKit.Note("A 47-year-old with acute myeloid leukaemia, diagnosed on marrow biopsy last week. " + sentence);

        PatientSetting.Treatment(patient)!.Value.Should().NotBe(TreatmentState.PreviouslyTreated);
    }

    [Fact]
    public void Treatment_ASolidCancerGivenADrugBefore_StaysPreviouslyTreated()
    {
        var patient = ReadingTestKit.Note("A 47-year-old woman with metastatic breast cancer. She received capecitabine for six months.");

        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.PreviouslyTreated);
    }

    [Theory]
    [InlineData("First morphologic complete remission (CR) following 1 or 2 courses of induction therapy")]
    [InlineData("Patients with AML in first complete remission")]
    [InlineData("AML in CR1 after induction chemotherapy")]
    [InlineData("Acute myeloid leukemia beyond first remission or with primary refractory disease")]
    [InlineData("Relapsed or refractory AML")]
    [InlineData("Acute myeloid leukaemia that is relapsed or refractory")]
    [InlineData("Patients must have relapsed or refractory disease after at least one prior therapy")]
    public void Evaluate_ARemissionOrRelapseAskedFor_IsPresumedNotMetByALeukaemiaNotYetTreated(string criterion)
    {
        var evaluation = ReadingTestKit.Evaluate(criterion, ReadingTestKit.Note(NewLeukaemia));

        (evaluation.Outcome, evaluation.Basis).Should().Be((CriterionOutcome.NotMet, OutcomeBasis.Presumed));
    }

    [Fact]
    public void Evaluate_ARemissionAskedFor_IsMetByAFirstRemissionTheRecordStates()
    {
        var patient = ReadingTestKit.Note("A 47-year-old man with acute myeloid leukaemia treated with two cycles of daunorubicin and cytarabine; he is now in first complete remission.");

        ReadingTestKit.Evaluate("Patients with AML in first complete remission", patient).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Newly diagnosed AML, eligible for remission induction chemotherapy")]
    [InlineData("Refractory anemia with excess blasts")]
    [InlineData("Disease refractory to cisplatin")]
    public void Parse_RemissionInductionRefractoryAnaemiaAndATherapyFailed_AreNoDiseaseCourse(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion).Constraints.Should().NotContain(c => c is StageConstraint);
    }

    [Fact]
    public void Evaluate_ARelapseAskedFor_IsStillAQuestion_ForACancerUntreatedOnlyInTheCurrentSetting()
    {
        var patient = ReadingTestKit.Note("A 58-year-old woman had a lumpectomy and adjuvant radiotherapy for breast cancer in 2019. She now has lung metastases, with no treatment so far.");

        ReadingTestKit.Evaluate("Recurrent breast cancer", patient).Outcome.Should().NotBe(CriterionOutcome.NotMet);
    }
}
