using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Treatment history read with what it is: a regimen named by its letters is the chemotherapy and the drugs it holds;
/// a cumulative dose is a question when the drug was given; a reaction to a drug is no treatment with it; toxicity
/// from a treatment is about the toxicity; a treatment of another cancer is not one of the patient's own.
/// </summary>
public class RegimenAndDoseReadingTests
{
    private static readonly PatientProfile AfterFourRegimens = Note(
        "A 57-year-old man with CLL. He completed four cycles of FCR therapy, then received four cycles of PCR and two cycles of R-CVP, and was switched to Campath.");

    private static readonly PatientProfile AfterVad = Note("A 64-year-old man with multiple myeloma treated with VAD, then autologous stem cell transplant.");

    private static readonly PatientProfile Untreated = Note("A 61-year-old woman with newly diagnosed breast cancer, on no medication.");

    [Theory]
    [InlineData("No prior chemotherapy")]
    [InlineData("No prior purine analogue")]
    [InlineData("No prior fludarabine")]
    [InlineData("No prior anti-CD20 antibody")]
    public void ARegimenNamedByItsLetters_IsTheChemotherapyAndTheDrugsItHolds(string criterion)
    {
        var evaluation = Evaluate(criterion, AfterFourRegimens);
        evaluation.Outcome.Should().Be(CriterionOutcome.NotMet);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }

    [Fact]
    public void ARegimensDrugs_AreCountedAsCancerTherapy_ForLines() =>
        Evaluate("At least 3 prior lines of therapy", AfterFourRegimens).Basis.Should().NotBe(OutcomeBasis.Presumed, "four regimens are recorded");

    [Fact]
    public void ACumulativeDose_OfADrugGiven_IsAQuestion_AndOfNoneGiven_IsNone()
    {
        var read = CriterionParser.Default.Parse("Subjects who have received > 300 mg/m2 lifetime cumulative dose of doxorubicin", CriterionRole.Exclusion)
            .Constraints.OfType<PriorTherapyConstraint>().Should().ContainSingle().Subject;
        read.DoseLimit.Should().Be("> 300 mg/m2");

        var given = Evaluate("Subjects who have received > 300 mg/m2 lifetime cumulative dose of doxorubicin", AfterVad, CriterionRole.Exclusion);
        given.Outcome.Should().Be(CriterionOutcome.Unknown, "VAD holds doxorubicin, whose dose the note does not give");

        const string Limits = "Has had cumulative doses of < 300 mg/m2 prior doxorubicin or < 450 mg/m2 prior epirubicin";
        CriterionParser.Default.Parse(Limits, CriterionRole.Inclusion).Constraints.OfType<PriorTherapyConstraint>().Select(t => t.DoseLimit)
            .Should().Equal("< 300 mg/m2", "< 450 mg/m2");
        var none = Evaluate(Limits, Untreated);
        none.Outcome.Should().Be(CriterionOutcome.Met, "no anthracycline is a dose of none, within both limits");
        none.Basis.Should().Be(OutcomeBasis.Presumed);
    }

    [Fact]
    public void ADrugWithoutADose_IsStillATreatmentHad() =>
        Evaluate("Prior doxorubicin", AfterVad, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);

    [Theory]
    [InlineData("Oxaliplatin, fludarabine, cytarabine or rituximab intolerance.")]
    [InlineData("No history of allergic reactions attributed to compounds of similar chemical or\n             biologic composition to ibrutinib, lenalidomide or rituximab or hypersensitivity to\n             murine proteins or to any component of rituximab")]
    public void AReactionToDrugs_IsNoTreatmentWithThem(string criterion)
    {
        CriterionParser.Default.Parse(criterion, CriterionRole.Exclusion).Constraints.OfType<PriorTherapyConstraint>().Should().BeEmpty();
        Evaluate(criterion, AfterFourRegimens, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met, "no reaction is recorded");
    }

    [Theory]
    [InlineData("Unresolved toxicities from prior anti-cancer therapy, defined as having not resolved to CTCAE grade =< 1")]
    [InlineData("History of Grade ≥ 2 toxicity continuing from prior anticancer therapy")]
    public void ToxicityFromATreatment_IsAboutTheToxicity(string criterion) =>
        Evaluate(criterion, AfterFourRegimens, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met, "the treatment is recorded, a toxicity is not");

    [Fact]
    public void ATreatmentOfAnotherCancer_IsNotOneOfThePatientsOwn()
    {
        const string Criterion = "No chemotherapy for treatment of any other prior malignancy";
        var other = CriterionParser.Default.Parse(Criterion, CriterionRole.Inclusion).Constraints.OfType<OtherMalignancyConstraint>().Should().ContainSingle().Subject;
        other.TreatedWith.Should().Be("chemotherapy");

        Evaluate(Criterion, AfterFourRegimens).Outcome.Should().Be(CriterionOutcome.Met, "FCR treated the CLL, the cancer the trial is for");
        var twoCancers = Note("A 70-year-old man with CLL treated with FCR. History of prostate cancer in 2015.");
        Evaluate(Criterion, twoCancers).Outcome.Should().Be(CriterionOutcome.Unknown, "how the prostate cancer was treated is not recorded");
        Evaluate("No prior chemotherapy. No other malignancy", AfterFourRegimens).Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData("A 45-year-old man with hypertension.", "No prior hysterectomy", CriterionRole.Inclusion)]
    [InlineData("A 45-year-old man with hypertension.", "Radiation-induced oophorectomy with last menses >1 year ago", CriterionRole.Inclusion)]
    [InlineData("A 70-year-old man with prostate cancer.", "History of bilateral oophorectomy", CriterionRole.Exclusion)]
    public void AnOperationThePatientsSexCannotHaveHad_DoesNotApply(string note, string criterion, CriterionRole role)
    {
        var evaluation = Evaluate(criterion, Note(note), role);
        evaluation.Constraints.Where(c => c.Constraint is PriorTherapyConstraint { AgentKind: TherapyAgentKind.Modality } t && t.Agent != "radiotherapy")
            .Should().NotBeEmpty().And.OnlyContain(c => c.Check.Outcome == CriterionOutcome.NotApplicable);
        Evaluate(criterion, Note("A 45-year-old woman with hypertension."), role).Constraints
            .Where(c => c.Constraint is PriorTherapyConstraint { Agent: "hysterectomy" or "oophorectomy" })
            .Should().OnlyContain(c => c.Check.Outcome != CriterionOutcome.NotApplicable);
    }

    [Fact]
    public void RecoveryFromToxicEffectsOfTreatments_DoesNotAskForTheTreatments() =>
        Evaluate("Subjects must be recovered from any clinically relevant toxic effects of any prior surgery, radiotherapy, or other therapy", Untreated)
            .Outcome.Should().NotBe(CriterionOutcome.NotMet);

    [Fact]
    public void ADailyOrStableDose_OfADrugTaken_IsAQuestion_AndStillAsksForTheDrug()
    {
        var onLevodopa = Note("A 68-year-old man with Parkinson's disease, on levodopa.");
        Evaluate("Stable daily dose of L-DOPA of at least 300 mg", onLevodopa).Outcome.Should().Be(CriterionOutcome.Unknown, "the note gives no dose");

        var notOnInsulin = Note("A 55-year-old woman with hypertension on lisinopril.");
        var insulin = Evaluate("Insulin treated for at least 12 months with total insulin dose <1.2U/kg/day.", notOnInsulin);
        insulin.Outcome.Should().Be(CriterionOutcome.NotMet, "a daily dose limit still asks for insulin, unlike a lifetime one");

        CriterionParser.Default.Parse("Hemoglobin < 9 g/dL or prior transfusion of 2 units", CriterionRole.Exclusion).Constraints.OfType<PriorTherapyConstraint>()
            .Should().OnlyContain(t => t.DoseLimit == null, "a concentration is no dose");
    }
}
