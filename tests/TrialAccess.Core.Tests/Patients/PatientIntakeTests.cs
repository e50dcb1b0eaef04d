using System.Diagnostics;
using System.Text;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Patients;

public sealed class PatientIntakeTests
{
    private static readonly PatientIntake Intake = PatientIntake.WithoutFhir;

    /// <summary>A FHIR reader that remembers what it was given, to see the intake route bundles to the port.</summary>
    private sealed class RecordingFhirReader : IFhirPatientReader
    {
        public List<string> Read { get; } = [];

        PatientIntakeResult IFhirPatientReader.Read(string json)
        {
            Read.Add(json);
            return PatientIntakeResult.Success(PatientInputKind.FhirBundle, new PatientProfile { Id = "from-port" });
        }
    }

    [Fact]
    public void Read_PropertyNameEscapingHalfASurrogatePair_IsAFailureNotACrash()
    {
        // Found by the input fuzz test (seed 714321772): the name escapes a high surrogate followed by a letter.
        var result = Intake.Read("""{"age": 50, "\ud800A": 1}""");

        result.Kind.Should().Be(PatientInputKind.StructuredJson);
    }

    [Fact]
    public void Read_FhirBundle_GoesThroughTheFhirPort()
    {
        var port = new RecordingFhirReader();
        const string bundle = "{\"resourceType\": \"Bundle\", \"entry\": []}";

        var result = new PatientIntake(port).Read(bundle);

        port.Read.Should().Equal(bundle);
        result.Profile!.Id.Should().Be("from-port");
    }

    [Fact]
    public void Read_FhirBundleWithoutAFhirReader_IsAClearError()
    {
        var result = PatientIntake.WithoutFhir.Read("{\"resourceType\": \"Bundle\", \"entry\": []}");

        result.Kind.Should().Be(PatientInputKind.FhirBundle);
        result.Errors.Should().ContainSingle().Which.Message.Should().Be("FHIR bundles are not read here: give the patient as a note or as structured JSON.");
    }

    [Theory]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": []}", PatientInputKind.FhirBundle)]
    [InlineData("  {\"age\": 58, \"sex\": \"female\"}", PatientInputKind.StructuredJson)]
    [InlineData("{\"age\": 58,", PatientInputKind.StructuredJson)]
    [InlineData("58 yo F with NSCLC", PatientInputKind.Note)]
    [InlineData("{brace at the start of a note} 58 yo F", PatientInputKind.Note)]
    public void Detect_Input_RecognisesTheKind(string input, PatientInputKind expected)
    {
        PatientIntake.Detect(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("... --- ...")]
    public void Read_EmptyNote_IsAClearError(string note)
    {
        var result = Intake.Read(note);

        result.IsSuccess.Should().BeFalse();
        result.Kind.Should().Be(PatientInputKind.Note);
        result.Errors.Should().ContainSingle().Which.Message.Should().Contain("empty");
    }

    [Fact]
    public void Read_MixedCaseNoteWithoutPunctuation_StillFindsTheFacts()
    {
        var note = "pt IS a 58 YO female WITH Metastatic NSCLC egfr EXON 19 DEL s/p 4 CYCLES OF carboplatin PEMETREXED ecog 1 NO KNOWN brain METS MOTHER WITH breast CA";

        var result = Intake.Read(note);

        result.IsSuccess.Should().BeTrue();
        var profile = result.Profile!;
        profile.Age!.Value.Should().Be(58);
        profile.Sex!.Value.Should().Be(PatientSex.Female);
        profile.Diagnoses.Should().Contain(d => d.OncoTreeCode == "NSCLC" && d.Certainty == Certainty.Asserted);
        profile.Biomarkers.Should().Contain(b => b.Marker == "EGFR" && b.Alteration == "exon 19 deletion");
        profile.Therapies.Select(t => t.Name).Should().Contain(["carboplatin", "pemetrexed"]);
        profile.PerformanceStatuses.Should().ContainSingle(p => p.Scale == PerformanceScale.Ecog && p.Value == 1);
        profile.Metastases.Should().Contain(m => m.Site == "brain" && m.Certainty == Certainty.Negated);
        profile.Diagnoses.Should().Contain(d => d.Text.Equals("breast CA", StringComparison.OrdinalIgnoreCase) && d.Certainty == Certainty.FamilyHistory);
    }

    [Fact]
    public void Read_TenMegabyteNote_CompletesWithAProfile()
    {
        var paragraph = "58 yo F with stage IV lung adenocarcinoma, EGFR exon 19 del, s/p 4 cycles of carboplatin/pemetrexed. ECOG 1. No known brain mets. Hgb 11.2 g/dL, Plt 210000 /mm3, creatinine 0.9 mg/dL. Mother with breast ca. HTN, DM2. ";
        var builder = new StringBuilder(10 * 1024 * 1024 + paragraph.Length);
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(paragraph);
        }

        var watch = Stopwatch.StartNew();
        var result = Intake.Read(builder.ToString());
        watch.Stop();

        result.IsSuccess.Should().BeTrue();
        result.Profile!.Age!.Value.Should().Be(58);
        result.Profile.Conditions.Should().Contain(c => c.Concept == "hypertension");
        result.Profile.LabResults.Should().Contain(l => l.Analyte == "platelets" && l.Value == 210m);
    }

    [Fact]
    public void Read_TenMegabytesWithoutPunctuationOrSpaces_DoesNotHang()
    {
        var result = Intake.Read(new string('x', 10 * 1024 * 1024));

        result.IsSuccess.Should().BeTrue();
        result.Profile!.Age.Should().BeNull();
    }

    [Fact]
    public void Read_MoreThanTheLimit_IsAClearError()
    {
        var result = Intake.Read(new string('a', PatientIntake.MaxInputLength + 1));

        result.IsSuccess.Should().BeFalse();
        result.Errors.Single().Message.Should().Contain("most accepted");
    }

    [Fact]
    public void Read_GivenAnId_PutsItOnTheProfile()
    {
        Intake.Read("45-year-old man", id: "topic-1").Profile!.Id.Should().Be("topic-1");
    }

}

public sealed class PatientIntakeRobustnessTests
{
    private static readonly PatientIntake Intake = PatientIntake.WithoutFhir;

    private static readonly string[] Pieces =
    [
        "58", "yo", "F", "M", "no", "not", "denies", "h/o", "s/p", "mother", "with", "HTN", "NSCLC", "EGFR", "exon", "19", "del", "ECOG",
        "KPS", "stage", "IV", "T2N1M0", "brain", "mets", "metastatic", "to", "liver", "Hgb", ":", "12.5", "g/dL", "Plt", "1,200", "/mm3", "(",
        ")", "-", ".", ",", ";", "?", "+", "ER", "/", "PR", "negative", "positive", "pregnant", "weeks", "gestation", "x", "4", "cycles", "of",
        "carboplatin", "\n", "   ", "'", "\"", "{", "}", "[", "]", "μg", "≥", "%", "rule", "out", "family", "history", "year-old",
    ];

    [Fact]
    public void Read_RandomNoteFragments_NeverThrow()
    {
        var random = new Random(20260101);
        for (var n = 0; n < 2000; n++)
        {
            var words = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Pieces[random.Next(Pieces.Length)]);
            var note = string.Join(random.Next(2) == 0 ? " " : "", words);

            var read = () => Intake.Read(note);

            read.Should().NotThrow(note);
        }
    }

    [Theory]
    [InlineData("{\"diagnoses\": [{\"text\": 1, \"stage\": []}], \"location\": 5, \"therapies\": [null]}")]
    public void Read_OddlyShapedJson_GivesAResultNotAnException(string json)
    {
        var read = () => Intake.Read(json);

        read.Should().NotThrow();
        var result = read();
        (result.IsSuccess ? result.Warnings.Count + 1 : result.Errors.Count).Should().BeGreaterThan(0);
    }
}
