using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using static TrialAccess.Core.Tests.Eligibility.Evaluation.ReadingTestKit;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

/// <summary>
/// Operations of general medicine in notes (named by abbreviation: CABG, PCI, TURP, C-section) and in criteria: which
/// operation a criterion names, an operation proposed but not done, and a time limit written in words.
/// </summary>
public sealed class OperationReadingTests
{
    private static readonly PatientProfile AfterBypass = Note("A 71-year-old man with coronary artery disease, s/p CABG x3 eight years ago, and type 2 diabetes, seen for leg pain on walking.");

    private static readonly PatientProfile AfterCesarean = Note("A 29-year-old woman with migraine. Her surgical history is a C-section 3 years ago.");

    private static readonly PatientProfile CandidateForTurp = Note("A 66-year-old man with urinary retention and an enlarged prostate. He is a candidate for TURP.");

    [Fact]
    public void Notes_ReadOperationsNamedByAbbreviation()
    {
        AfterBypass.Therapies.Should().Contain(t => t.Name == "coronary artery bypass graft" && t.Kind == TherapyKind.Surgery && t.Certainty == Certainty.Historical);
        AfterCesarean.Therapies.Should().Contain(t => t.Name == "cesarean section");
        CandidateForTurp.Therapies.Should().Contain(t => t.Name == "transurethral resection of the prostate" && t.Certainty == Certainty.Hypothetical);
    }

    [Fact]
    public void Evaluate_AnOperationTheNoteNames_AnswersCriteriaAboutIt()
    {
        Evaluate("Prior coronary artery bypass grafting", AfterBypass, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
        Evaluate("Any previous major surgery", AfterCesarean, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Previous carpal tunnel release surgery")]
    [InlineData("History of GI surgery")]
    [InlineData("Surgical resection of thyroid tissue")]
    [InlineData("Emergency operation")]
    public void Evaluate_AnOperationOfAnotherKindOrSite_IsAQuestionNotAMatch(string criterion)
    {
        Evaluate(criterion, AfterCesarean, CriterionRole.Exclusion).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void Evaluate_AnOperationTheNoteOnlyProposes_IsNotOneHad()
    {
        Evaluate("Previous transurethral resection of the prostate", CandidateForTurp, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
        Evaluate("Transurethral resection of the prostate", CandidateForTurp, CriterionRole.Exclusion).Outcome.Should().NotBe(CriterionOutcome.Met);
    }

    [Fact]
    public void Parse_ATimeLimitInWords_IsAWindow()
    {
        CriterionParser.Default.Parse("Major trauma or surgery two weeks prior to baseline", CriterionRole.Exclusion).Constraints
            .OfType<PriorTherapyConstraint>().Should().ContainSingle(p => p.Agent == "surgery").Which.WithinDays.Should().Be(14);
    }

    [Theory]
    [InlineData("Prior orchiectomy")]
    [InlineData("Must have had a radical inguinal orchiectomy with or without retroperitoneal lymph node dissection")]
    public void ANamedOperationTheNoteFilesAsAProcedure_IsThatOperationHad(string criterion)
    {
        var patient = Note("A 34-year-old man with a pure seminoma of the left testis had a left radical inguinal orchiectomy three weeks ago.");

        var evaluation = Evaluate(criterion, patient);

        evaluation.Outcome.Should().Be(CriterionOutcome.Met);
        evaluation.Basis.Should().Be(OutcomeBasis.Recorded);
    }
}
