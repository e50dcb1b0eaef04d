using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Patients.Notes;

/// <summary>Vital signs and body measurements read from a note as measurements the eligibility engine compares.</summary>
public sealed class VitalSignExtractorTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 12, 3));

    private static IReadOnlyList<LabResult> Vitals(string note) =>
        NoteReader.Extract(note).LabResults.Where(l => VitalSignExtractor.Analytes.Contains(l.Analyte)).ToList();

    private static decimal? Latest(string note, string analyte) => Vitals(note).LastOrDefault(l => l.Analyte == analyte)?.Value;

    [Theory]
    [InlineData("On arrival BP 125/75, afebrile.", 125, 75)]
    [InlineData("She had a blood pressure of 160/95 mmHg in clinic.", 160, 95)]
    [InlineData("He was hypotensive (80/40 mmHg) and confused.", 80, 40)]
    [InlineData("Repeat reading a few hours later is 150/100 mmHg.", 150, 100)]
    [InlineData("Vital signs: T = 37.1, P = 80, R = 16, BP = 118/76 mm Hg.", 118, 76)]
    public void Extract_BloodPressure_GivesSystolicAndDiastolic(string note, int systolic, int diastolic)
    {
        Latest(note, VitalSignExtractor.SystolicBloodPressure).Should().Be(systolic);
        Latest(note, VitalSignExtractor.DiastolicBloodPressure).Should().Be(diastolic);
        Vitals(note).Where(v => v.Analyte.EndsWith("blood pressure", StringComparison.Ordinal)).Should().OnlyContain(v => v.Unit == "mmHg");
    }

    [Theory]
    [InlineData("Exam: HR 115, regular.", 115)]
    [InlineData("He had a heart rate of 115 b/min.", 115)]
    [InlineData("pulse 88 and regular", 88)]
    [InlineData("She was tachycardic (113/min).", 113)]
    [InlineData("Telemetry showed bradycardia with a rate of 39.", 39)]
    [InlineData("heart rate: 154 beats/min", 154)]
    [InlineData("Vitals: T 36.9, P 72, R 14.", 72)]
    public void Extract_HeartRate_IsReadPerMinute(string note, int rate)
    {
        Latest(note, VitalSignExtractor.HeartRate).Should().Be(rate);
        Vitals(note).Single(v => v.Analyte == VitalSignExtractor.HeartRate).Unit.Should().Be("/min");
    }

    [Theory]
    [InlineData("RR: 25/min on arrival.", 25)]
    [InlineData("respiratory rate of 22 and clear lungs", 22)]
    [InlineData("respiratory rate: 37 breaths/min", 37)]
    public void Extract_RespiratoryRate_IsRead(string note, int rate)
    {
        Latest(note, VitalSignExtractor.RespiratoryRate).Should().Be(rate);
    }

    [Theory]
    [InlineData("Temperature 38.5 C this morning.", 38.5)]
    [InlineData("She spiked a fever to 101.2 F overnight.", 38.4)]
    [InlineData("He was febrile (38 c) with chills.", 38)]
    [InlineData("axillary temperature: 36.3°C", 36.3)]
    [InlineData("Her BP is 120/80, HR 90, T 38.2, SpO2 97%.", 38.2)]
    [InlineData("Tmax 102.3 overnight.", 39.1)]
    public void Extract_Temperature_IsInCelsius(string note, double celsius)
    {
        Latest(note, VitalSignExtractor.Temperature).Should().Be((decimal)celsius);
        Vitals(note).Single(v => v.Analyte == VitalSignExtractor.Temperature).Unit.Should().Be("°C");
    }

    [Fact]
    public void Extract_FeverWithAValue_StillReadsTheFever()
    {
        var profile = NoteReader.Extract("He was febrile (38.4°C) and tachycardic (113/min).");

        profile.Conditions.Should().Contain(c => c.Concept == "fever" && c.Certainty == Certainty.Asserted);
        profile.Conditions.Should().Contain(c => c.Concept == "tachycardia" && c.Certainty == Certainty.Asserted);
        Latest("He was febrile (38.4°C) and tachycardic (113/min).", VitalSignExtractor.Temperature).Should().Be(38.4m);
    }

    [Theory]
    [InlineData("O2 sat of 97% on arrival.", 97)]
    [InlineData("SpO2 88% on room air.", 88)]
    [InlineData("O2sat: 90%", 90)]
    [InlineData("oxygen saturation was 93 on 2 L", 93)]
    public void Extract_OxygenSaturation_IsAPercentage(string note, int percent)
    {
        Latest(note, VitalSignExtractor.OxygenSaturation).Should().Be(percent);
    }

    [Theory]
    [InlineData("He weighs 154 lbs.", VitalSignExtractor.BodyWeight, 69.9)]
    [InlineData("Weight: 73 kg Height: 177 BP: 120/80", VitalSignExtractor.BodyWeight, 73)]
    [InlineData("Weight: 73 kg Height: 177 BP: 120/80", VitalSignExtractor.Height, 177)]
    [InlineData("She is 165 cm tall and her weight is 113 kg.", VitalSignExtractor.Height, 165)]
    [InlineData("The infant weighed 3200 gr at birth.", VitalSignExtractor.BodyWeight, 3.2)]
    [InlineData("Her BMI was 34 in spring and is now 31.", VitalSignExtractor.BodyMassIndex, 34)]
    [InlineData("BMI: 41.54", VitalSignExtractor.BodyMassIndex, 41.54)]
    [InlineData("TTE: EF was 25% with global hypokinesis.", VitalSignExtractor.EjectionFraction, 25)]
    public void Extract_BodyMeasurement_IsReadInItsUnit(string note, string analyte, double value)
    {
        Latest(note, analyte).Should().Be((decimal)value);
    }

    [Theory]
    [InlineData("Weight loss 20 pounds over the last weeks.")]
    [InlineData("She has gained 5 kg in the past few weeks.")]
    [InlineData("Diastolic CHF, estimated dry weight of 94kg.")]
    [InlineData("O2 sats 70s on BiPAP.")]
    [InlineData("Fever for 10 days with night sweats.")]
    [InlineData("He was admitted 3 days ago; pulse oximetry was normal.")]
    [InlineData("field radiation T10-L1 followed by 11 cycles of temozolomide")]
    [InlineData("CPT-11 weekly x4 with Avastin q2 weeks / 2 weeks rest")]
    [InlineData("Tumour in the T-L spine, P 53 mutated.")]
    public void Extract_NumbersThatAreNotReadings_AreNotVitalSigns(string note)
    {
        Vitals(note).Should().BeEmpty();
    }

    [Fact]
    public void Extract_EveryVitalSpan_PointsAtItsValue()
    {
        const string note = "She is febrile (38.4°C), tachycardic (113/min), BP 90/60, RR 24, SpO2 91% on room air, weight 61 kg.";

        var vitals = Vitals(note);

        vitals.Should().HaveCount(7);
        vitals.Should().OnlyContain(v => v.Span!.Value.Slice(note).Contains(v.Analyte == VitalSignExtractor.DiastolicBloodPressure ? "60" : ((int)v.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BMI > 35", "Her BMI is 41.5.", CriterionOutcome.Met)]
    [InlineData("BMI > 35", "Her BMI is 27.", CriterionOutcome.NotMet)]
    [InlineData("Systolic blood pressure > 160 mmHg", "BP 175/95 on arrival.", CriterionOutcome.Met)]
    [InlineData("Systolic blood pressure > 160 mmHg", "BP 125/75 on arrival.", CriterionOutcome.NotMet)]
    [InlineData("Diastolic blood pressure >= 100 mmHg", "blood pressure of 160/105 mmHg", CriterionOutcome.Met)]
    [InlineData("Heart rate < 50", "Telemetry showed bradycardia with a rate of 39.", CriterionOutcome.Met)]
    [InlineData("Heart rate < 50", "HR 115, regular.", CriterionOutcome.NotMet)]
    [InlineData("SpO2 < 90%", "SpO2 88% on room air.", CriterionOutcome.Met)]
    [InlineData("SpO2 < 90%", "O2 sat of 97%.", CriterionOutcome.NotMet)]
    [InlineData("Temperature >= 38 C", "He was febrile (38.4°C).", CriterionOutcome.Met)]
    [InlineData("Temperature >= 38 C", "Temperature 37.2 C.", CriterionOutcome.NotMet)]
    [InlineData("Temperature > 100.4 F", "She spiked a fever to 101.2 F.", CriterionOutcome.Met)]
    [InlineData("Temperature > 100.4 F", "Temperature 37.2 C.", CriterionOutcome.NotMet)]
    [InlineData("Respiratory rate > 30 breaths/min", "RR: 34/min.", CriterionOutcome.Met)]
    [InlineData("Body weight < 50 kg", "He weighs 154 lbs.", CriterionOutcome.NotMet)]
    public void Evaluate_CriterionOnAVitalSign_ComparesTheNotesValue(string criterion, string note, CriterionOutcome expected)
    {
        var evaluation = EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(criterion, CriterionRole.Inclusion), NoteReader.Extract(note), Context);

        evaluation.Outcome.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_CriterionOnAVitalSignTheNoteDoesNotGive_StaysUnknown()
    {
        var evaluation = EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("BMI > 35", CriterionRole.Inclusion), NoteReader.Extract("A 50-year-old man with hypertension."), Context);

        evaluation.Outcome.Should().Be(CriterionOutcome.Unknown);
    }
}
