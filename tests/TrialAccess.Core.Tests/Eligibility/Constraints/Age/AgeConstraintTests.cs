using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Eligibility.Constraints.Age;

/// <summary>
/// Bounds in months against ages in whole years: a patient's age from a birth date is counted in whole years, so a
/// bound inside the patient's year of life is a question, and a bound outside it is decided as before.
/// </summary>
public class AgeConstraintTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static CriterionOutcome Check(AgeConstraint constraint, DateOnly birthDate) =>
        constraint.Check(new PatientProfile { BirthDate = birthDate }, EvaluationContext.On(Today)).Outcome;

    [Fact]
    public void Check_InfantInTheYearOfLifeHoldingAMonthBound_IsAQuestion()
    {
        Check(new AgeConstraint(0.5m, null), Today.AddMonths(-4)).Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Check_ChildOlderThanAMonthBound_MeetsIt()
    {
        Check(new AgeConstraint(0.5m, null), Today.AddYears(-5)).Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Check_AdultAgainstAnUpperBoundInMonths_DoesNotMeetIt()
    {
        Check(new AgeConstraint(null, 1m, MaximumInclusive: false), Today.AddYears(-30)).Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void Check_WholeYearBounds_AreDecidedAsBefore()
    {
        Check(new AgeConstraint(18, 75), Today.AddYears(-17)).Should().Be(CriterionOutcome.NotMet);
    }

    [Theory]
    [InlineData(0.5, null, "age >= 6 months")]
    [InlineData(0.1667, 18.0, "age 2 months to 18 years")]
    [InlineData(null, 0.0795, "age <= 29 days")]
    [InlineData(18.0, 75.0, "age 18-75 years")]
    public void Describe_BoundsInMonthsOrDays_AreWrittenInTheirUnit(double? min, double? max, string expected)
    {
        new AgeConstraint((decimal?)min, (decimal?)max).Describe().Should().Be(expected);
    }
}
