using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Vocabulary;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>A drug given for one condition only says the patient has it: presumed, to confirm, never recorded.</summary>
public class DrugIndicationTests
{
    [Fact]
    public void APatientOnLevothyroxine_IsPresumedHypothyroid()
    {
        var patient = Note("A 33-year-old woman with Hashimoto's thyroiditis, on levothyroxine 100 mcg daily.");
        var inclusion = Evaluate("Patients with the diagnosis of hypothyroidism that require thyroid replacement therapy.", patient);
        inclusion.Outcome.Should().Be(CriterionOutcome.Met);
        inclusion.Basis.Should().Be(OutcomeBasis.Presumed);
        inclusion.Evidence.Should().Contain("levothyroxine");

        var exclusion = Evaluate("History of hypothyroidism", patient, CriterionRole.Exclusion);
        exclusion.Outcome.Should().Be(CriterionOutcome.Met);
        exclusion.Basis.Should().Be(OutcomeBasis.Presumed, "a presumed condition can only make a trial likely ineligible, never hide it");
    }

    [Fact]
    public void ADrugOfManyUses_SaysNothingOfWhy()
    {
        DrugIndications.Of("metformin").Should().BeNull();
        Evaluate("Type 2 diabetes mellitus", Note("A 30-year-old woman with polycystic ovary syndrome, on metformin.")).Basis.Should().NotBe(OutcomeBasis.Recorded);
        Evaluate("Type 2 diabetes mellitus", Note("A 30-year-old woman with polycystic ovary syndrome, on metformin.")).Evidence.Should().NotContain("given for");
    }

    [Fact]
    public void ADrugStopped_IsNoPresumption() =>
        Evaluate("Hypothyroidism", Note("A 50-year-old man with hypertension. He took levothyroxine in the past, stopped in 2010."))
            .Evidence.Should().NotContain("given for");
}
