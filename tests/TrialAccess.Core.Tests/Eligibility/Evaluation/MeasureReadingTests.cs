using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients.Notes;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Thresholds on named scores and scales, bounds written in words, laboratory tests in general, and the procedural and
/// reproductive list items that had been left as free text.
/// </summary>
public class MeasureReadingTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    private static IReadOnlyList<EligibilityConstraint> Read(string criterion, CriterionRole role = CriterionRole.Inclusion) =>
        CriterionParser.Default.Parse(criterion, role).Constraints;

    private static LaboratoryConstraint[] Measures(string criterion, CriterionRole role = CriterionRole.Inclusion) =>
        Read(criterion, role).OfType<LaboratoryConstraint>().ToArray();

    [Theory]
    [InlineData("Epworth Sleepiness Scale score of 8 or greater", "Epworth Sleepiness Scale score", Comparison.AtLeast, 8)]
    [InlineData("CDAI > 450", "CDAI", Comparison.GreaterThan, 450)]
    [InlineData("Karolinska Sleep Scale (KSS) score of <=5.", "Karolinska Sleep Scale (KSS) score", Comparison.AtMost, 5)]
    [InlineData("The subject has a Clinical Global Impression (CGI) Severity score of 4 or more at screening.", "Clinical Global Impression (CGI) Severity score", Comparison.AtLeast, 4)]
    [InlineData("Subjects with a score of 10 or above on the Clinical Institute Withdrawal Assessment of Alcohol (CIWA)", "Clinical Institute Withdrawal Assessment of Alcohol (CIWA)", Comparison.AtLeast, 10)]
    public void AThresholdOnANamedScale_IsAMeasurement(string criterion, string name, Comparison comparison, int value)
    {
        var measure = Measures(criterion).Should().ContainSingle().Subject;
        measure.Analyte.Should().Be(name);
        measure.Bound.Should().Be(new Bound(comparison, value));
    }

    [Theory]
    [InlineData("Body mass index between 20.0 kg/m2 and 30.0 kg/m2 inclusive")]
    [InlineData("Body Mass Index (BMI) 20 to 30 kilogram/square meter (kg/m²)")]
    [InlineData("Body mass index (BMI) between 20-30 kilograms per meter squared (kg/m^2), inclusive.")]
    public void ARangeWithItsUnitWrittenTwiceOrInWords_IsTwoBounds(string criterion)
    {
        Measures(criterion).Select(m => m.Bound).Should().Equal(new Bound(Comparison.AtLeast, 20), new Bound(Comparison.AtMost, 30));
    }

    [Fact]
    public void ARangeOnANamedScale_IsTwoBounds()
    {
        Measures("Expanded Disability Status Scale (EDSS) between 0 and 5.5").Select(m => m.Bound)
            .Should().Equal(new Bound(Comparison.AtLeast, 0), new Bound(Comparison.AtMost, 5.5m));
        Measures("Gleason score 7-10").Select(m => m.Bound).Should().Equal(new Bound(Comparison.AtLeast, 7), new Bound(Comparison.AtMost, 10));
    }

    [Theory]
    [InlineData("At least 3 months since last chemotherapy")]
    [InlineData("At least two symptoms must be moderate in scale")]
    [InlineData("on >= 2 AEDs during the 4 weeks before inclusion")]
    [InlineData("Active grade >= 2 stomatitis")]
    [InlineData("Any history of left ventricular end diastolic pressure (LVEDP) > 18 mmHg")]
    [InlineData("Age 18 to 65 years")]
    [InlineData("Within 1-2 weeks of surgery")]
    public void ACountADurationAGradeOfSomethingOrAPastFinding_IsNoNamedMeasure(string criterion)
    {
        Measures(criterion, CriterionRole.Exclusion).Where(m => CriterionParser.Default.Vocabulary.Labs.Find(m.Analyte) is null).Should().BeEmpty();
    }

    [Theory]
    [InlineData("hemoglobin greater than or equal 9 g/dL", "hemoglobin", Comparison.AtLeast, 9)]
    [InlineData("International Normalized Ratio (INR) less than or equal 2;", "INR", Comparison.AtMost, 2)]
    [InlineData("Creatinine clearance must be greater than or equal to (>=) 60 mL/min", "creatinine clearance", Comparison.AtLeast, 60)]
    [InlineData("TG (triglyceride) levels less than or equal to 250 mg/dL.", "triglycerides", Comparison.AtMost, 250)]
    [InlineData("Serum lipase ≤ ULN", "lipase", Comparison.AtMost, 1)]
    [InlineData("Body mass index (BMI) below or equal to 40 kg/m^2", "body mass index", Comparison.AtMost, 40)]
    [InlineData("Hemoglobin above or equal to 9 g/dL", "hemoglobin", Comparison.AtLeast, 9)]
    public void BoundsWrittenInWords_AreRead(string criterion, string analyte, Comparison comparison, int value)
    {
        var lab = Measures(criterion).Should().ContainSingle().Subject;
        lab.Analyte.Should().Be(analyte);
        lab.Bound.Should().Be(new Bound(comparison, value));
    }

    [Fact]
    public void ARangeWithoutAUnit_IsReadButNotADuration()
    {
        Measures("BMI between 29-55").Select(m => (m.Analyte, m.Bound))
            .Should().Equal(("body mass index", new Bound(Comparison.AtLeast, 29)), ("body mass index", new Bound(Comparison.AtMost, 55)));
        Measures("Platelets within 1-2 weeks").Should().BeEmpty();
    }

    [Fact]
    public void VitaminDSupplementation_IsNoLaboratoryBound()
    {
        Measures("Patients taking regular vitamin D supplementation (above 400 IUs daily)", CriterionRole.Exclusion).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Any laboratory value outside the reference range that is clinically significant", NamedMeasureParser.LaboratoryPanel)]
    [InlineData("Must meet baseline laboratory requirements", NamedMeasureParser.LaboratoryPanel)]
    [InlineData("Screening ECG with clinically significant abnormalities", NamedMeasureParser.Electrocardiogram)]
    public void TestsInGeneral_AreAQuestionForTheClinician(string criterion, string analyte)
    {
        var lab = Measures(criterion, CriterionRole.Exclusion).Should().ContainSingle().Subject;
        lab.Analyte.Should().Be(analyte);
        var check = lab.Check(NoteReader.Extract("A 50-year-old man with hypertension. Hemoglobin 13 g/dL."), Context);
        check.Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    private const string ScaleCriteria = """
        Inclusion Criteria:

        Diagnosis of major depressive disorder.

        Hamilton Depression Rating Scale-17 (HAM-D-17) total score >= 19 at screening.
        """;

    private static CriterionEvaluation ScaleItem(string note) => EligibilityEvaluator.Evaluate(
        TrialCriteriaParser.Parse(new ClinicalTrial { NctId = NctId.Parse("NCT09000005"), BriefTitle = "Drug in Depression", Conditions = ["Depression"], Eligibility = new TrialEligibility { Criteria = ScaleCriteria } }),
        NoteReader.Extract(note),
        Context).Criteria.Single(c => c.Criterion.Segment.Text.StartsWith("Hamilton", StringComparison.Ordinal));

    [Fact]
    public void AScoreTheNoteStates_AnswersTheThresholdOnTheSameScale()
    {
        ScaleItem("A 46-year-old woman with MDD. Her HAM-D score is 20.").Outcome.Should().Be(CriterionOutcome.Met);
        ScaleItem("A 46-year-old woman with MDD. Her HAM-D score is 12.").Outcome.Should().Be(CriterionOutcome.NotMet);
    }

    [Fact]
    public void AScoreTheNoteDoesNotState_IsAQuestion_NeverPresumed()
    {
        var item = ScaleItem("A 46-year-old woman with MDD, on sertraline.");
        item.Outcome.Should().Be(CriterionOutcome.Unknown);
        item.Questions.Should().ContainSingle().Which.Should().Contain("HAM-D");
    }

    [Theory]
    [InlineData("Cancer within 5 years of enrollment", 5)]
    [InlineData("Subject has a history of neoplastic disease within the past 5 years", 5)]
    [InlineData("Malignancy", null)]
    public void AnExclusionOpeningWithAMalignancyInGeneral_IsAnotherMalignancy(string criterion, int? years)
    {
        Read(criterion, CriterionRole.Exclusion).OfType<OtherMalignancyConstraint>().Should().ContainSingle()
            .Which.WithinYears.Should().Be(years);
    }

    [Theory]
    [InlineData("Concurrent therapy for cancer")]
    [InlineData("Patients must not have any life-threatening illness unrelated to cancer.")]
    [InlineData("Cancer of the cardia")]
    public void AMalignancyNamedForSomethingElse_IsNoOtherMalignancy(string criterion)
    {
        Read(criterion, CriterionRole.Exclusion).Should().NotContain(c => c is OtherMalignancyConstraint);
    }

    [Theory]
    [InlineData("Paraffin-embedded archival tumor tissue available for testing")]
    [InlineData("Have donated blood of more than 500 mL within 3 months")]
    [InlineData("Donation or loss of 400 mL or more of blood within 8 weeks")]
    [InlineData("Plasma donation within 7 days prior to first dose.")]
    public void TissueSamplesAndBloodDonation_AreStudyConduct(string criterion)
    {
        Read(criterion, CriterionRole.Exclusion).Should().ContainSingle().Which.Should().BeOfType<BoilerplateConstraint>()
            .Which.Boilerplate.Should().Be(BoilerplateKind.StudyConduct);
    }

    [Theory]
    [InlineData("Note: Other protocol defined Inclusion/Exclusion criteria may apply.")]
    [InlineData("Additional criteria may apply, please contact the site")]
    [InlineData("For more information regarding BMS clinical trial participation, please visit the website")]
    public void PointersToOtherCriteria_AreCrossReferences(string criterion)
    {
        Read(criterion, CriterionRole.Exclusion).OfType<BoilerplateConstraint>().Should().ContainSingle()
            .Which.Boilerplate.Should().Be(BoilerplateKind.CrossReference);
    }

    [Fact]
    public void MethodsListedUnderAContraceptionLead_AreContraception()
    {
        var parsed = TrialCriteriaParser.Parse(new ClinicalTrial
        {
            NctId = NctId.Parse("NCT09000006"),
            BriefTitle = "Drug",
            Eligibility = new TrialEligibility
            {
                Criteria = """
                    Inclusion Criteria:
                    - Women of childbearing potential must use one of the following methods of contraception:
                      - diaphragm or cervical cap with spermicide
                      - injectable progestogen
                    - Adults with asthma
                    """,
            },
        });

        parsed.Criteria.Where(c => c.Segment.Text is "diaphragm or cervical cap with spermicide" or "injectable progestogen")
            .Should().HaveCount(2).And.OnlyContain(c => c.Constraints.OfType<ReproductiveConstraint>().Any(r => r.Topic == ReproductiveTopic.Contraception));
        parsed.Criteria.Single(c => c.Segment.Text == "Adults with asthma").Constraints.Should().NotContain(c => c is ReproductiveConstraint);
    }

    [Theory]
    [InlineData("Platelet count ≥ 50,000/µL", CriterionOutcome.Met)]
    [InlineData("Platelets at least 75,000/mm^3", CriterionOutcome.Met)]
    [InlineData("Platelet count >= 150", CriterionOutcome.NotMet)]
    public void APlateletCountWrittenWithoutAUnit_IsInThousandsPerMicrolitre(string criterion, CriterionOutcome expected)
    {
        var patient = NoteReader.Extract("A 67-year-old man with relapsed marginal zone lymphoma. Haemoglobin is 104 g/L and platelets 118.");

        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion), patient, EvaluationContext.On(new DateOnly(2026, 12, 3)))
            .Outcome.Should().Be(expected);
    }
}
