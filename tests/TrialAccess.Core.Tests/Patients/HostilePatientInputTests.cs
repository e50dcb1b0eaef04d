using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Patients;

/// <summary>Issue 16's patient inputs: each once crashed a reader or a check; each is now read or refused by name.</summary>
public class HostilePatientInputTests
{
    [Theory]
    [InlineData("٣ yo F with breast cancer", 3)]
    [InlineData("۴۵ yo F with breast cancer", 45)]
    [InlineData("६२ year old man with lung cancer", 62)]
    [InlineData("５８ yo M with lung cancer", 58)]
    public void Read_NoteWithAgeInAnotherDigitSystem_ReadsTheAge(string note, int age)
    {
        var result = PatientIntake.WithoutFhir.Read(note);

        result.Profile!.Age!.Value.Should().Be(age);
    }

    [Fact]
    public void Read_NoteWithAKarnofskyScoreTooLongToHold_IsReadWithoutIt()
    {
        var result = PatientIntake.WithoutFhir.Read("58 yo M, KPS ९०, lung cancer");

        result.Profile.Should().NotBeNull();
    }

    [Theory]
    [InlineData("""{"age": 50, "id": "\ud800"}""", "id")]
    [InlineData("""{"age": 50, "diagnoses": [{"text": "x\udc00"}]}""", "diagnoses[0].text")]
    [InlineData("""{"age": 50, "age": 51}""", "age")]
    public void Read_StructuredJsonWithUndecodableTextOrADuplicateKey_IsRefusedNamingTheField(string json, string field)
    {
        var result = PatientIntake.WithoutFhir.Read(json);

        result.Profile.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Read_TextWithARawUnpairedSurrogate_IsRefusedNotThrown()
    {
        PatientIntake.WithoutFhir.Read("{\"age\": 50, \"id\": \"a\uD800b\"}").Errors.Should().ContainSingle().Which.Message.Should().Contain("unpaired surrogate");
        PatientIntake.WithoutFhir.Read("62 yo M \uDC00 lung cancer").Errors.Should().ContainSingle().Which.Message.Should().Contain("unpaired surrogate");
    }

    [Fact]
    public void Read_NumberTooLargeForADecimal_SaysSoRatherThanNotANumber()
    {
        var result = PatientIntake.WithoutFhir.Read("""{"age": 50, "labResults": [{"analyte": "AST", "value": 1e300}]}""");

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("labResults[0].value");
        error.Message.Should().Be("is a number too large to use (at most 4.0E+028).");
    }

    [Theory]
    [InlineData("AST <= 2.5 x ULN", 1_000_000, 1e-25, CriterionOutcome.NotMet)]
    [InlineData("AST >= 2.5 x ULN", 1_000_000, 1e-25, CriterionOutcome.Met)]
    [InlineData("AST <= 2.5 x ULN", -1_000_000, 1e-25, CriterionOutcome.Met)]
    public void Evaluate_LabValueFarFromATinyUpperLimit_ComparesWithoutOverflow(string criterion, double value, double uln, CriterionOutcome expected)
    {
        var patient = new PatientProfile { LabResults = [new LabResult { Analyte = "AST", Value = (decimal)value, UpperLimitOfNormal = (decimal)uln, Unit = "U/L" }] };

        var outcome = EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion), patient, EvaluationContext.On(new DateOnly(2026, 11, 22))).Outcome;

        outcome.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_AncAtTheLargestDecimalInAUnitThatMultiplies_ComparesWithoutOverflow()
    {
        var patient = new PatientProfile { LabResults = [new LabResult { Analyte = "ANC", Value = decimal.MaxValue, Unit = "10^5/uL" }] };

        var outcome = EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("ANC >= 1.5 x 10^9/L", CriterionRole.Inclusion), patient, EvaluationContext.On(new DateOnly(2026, 11, 22))).Outcome;

        outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Parse_PerformanceStatusWithMoreDigitsThanAnIntHolds_DoesNotThrow()
    {
        var parsed = CriterionParser.Default.Parse("ECOG 0, 1, 99999999999 or 2 performance status", CriterionRole.Inclusion);

        parsed.Should().NotBeNull();
    }
}
