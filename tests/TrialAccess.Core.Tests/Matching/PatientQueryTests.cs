using TrialAccess.Matching;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Matching;

public class PatientQueryTests
{
    private static readonly PatientProfile Patient = new()
    {
        Diagnoses = [new Diagnosis { Text = "lung adenocarcinoma" }, new Diagnosis { Text = "melanoma", Certainty = Certainty.Negated }],
        Conditions = [new Condition { Text = "HTN", Concept = "hypertension" }, new Condition { Text = "asthma", Certainty = Certainty.FamilyHistory }],
    };

    [Fact]
    public void Facts_NameTheDiagnosisByItsOncoTreeLineageAndConditionsByTheirConcept()
    {
        var facts = PatientQuery.Facts(Patient);

        facts.Should().Contain("lung adenocarcinoma").And.Contain("Non-Small Cell Lung Cancer").And.Contain("hypertension").And.Contain("HTN");
        facts.Should().NotContain("melanoma", "negated facts say what the patient does not have").And.NotContain("asthma");
    }

    [Fact]
    public void From_WeighsTheFactsAgainstTheNote()
    {
        var query = PatientQuery.From(Patient, "62 year old with a cough");

        query.Should().StartWith("62 year old with a cough");
        query.Split("lung adenocarcinoma").Length.Should().Be(((2 + PatientQuery.MainProblemWeight) * PatientQuery.FactsWeight) + 1, "the diagnosis, the main problem, is written twice and once more per main-problem weight in the facts, which count three times");
    }

    [Fact]
    public void From_WithoutANote_IsTheFactsOnly()
    {
        var query = PatientQuery.From(Patient);

        query.TrimStart().Should().StartWith("lung adenocarcinoma");
        query.Should().NotContain("cough");
    }

    [Fact]
    public void Facts_NameThePatientsOwnTypeMoreOftenThanTheBroaderOnes()
    {
        var facts = PatientQuery.Facts(new PatientProfile { Diagnoses = [new Diagnosis { Text = "nodal marginal zone lymphoma", OncoTreeCode = "MZL" }] });

        facts.Split("Marginal Zone Lymphoma").Length.Should().BeGreaterThan(facts.Split("Non-Hodgkin Lymphoma").Length);
        facts.Should().Contain("Mature B-Cell Neoplasms", "the broader types are still searched");
    }
}
