using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Eligibility.Evaluation;

public class StudiedCancersTests
{
    private static readonly EvaluationContext Context = EvaluationContext.On(new DateOnly(2026, 11, 22));

    private static ClinicalTrial Trial(params string[] conditions) => new()
    {
        NctId = NctId.Parse("NCT00000001"),
        BriefTitle = "t",
        Conditions = conditions,
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n* ECOG 0-1" },
    };

    private static PatientProfile Patient(string diagnosis) => new() { Diagnoses = [new Diagnosis { Text = diagnosis }] };

    private static TrialEvaluation Evaluate(ClinicalTrial trial, PatientProfile patient) =>
        EligibilityEvaluator.Evaluate(TrialCriteriaParser.Parse(trial), patient, Context);

    [Fact]
    public void Evaluate_PatientWithAnotherTissuesCancer_FailsTheConditionsStudied()
    {
        var evaluation = Evaluate(Trial("Triple Negative Breast Cancer"), Patient("lung adenocarcinoma"));

        evaluation.Verdict.Should().Be(TrialVerdict.Ineligible);
        evaluation.Failing.Should().ContainSingle().Which.Criterion.Segment.Text.Should().StartWith("conditions studied: Triple Negative Breast Cancer");
    }

    [Fact]
    public void Evaluate_PatientWithOneOfTheCancersStudied_PassesIt()
    {
        var evaluation = Evaluate(Trial("Breast Cancer", "Non-Small Cell Lung Cancer"), Patient("lung adenocarcinoma"));

        evaluation.Failing.Should().BeEmpty();
        evaluation.Criteria.Single(c => c.Criterion.Segment.Section == "registry" && c.Criterion.Segment.Text.StartsWith("conditions", StringComparison.Ordinal)).Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Theory]
    [InlineData("Breast Cancer", "Fatigue")]
    [InlineData("Cancer")]
    [InlineData("Healthy Volunteers")]
    public void Parse_ConditionThatIsNotASpecificCancer_AddsNoConstraint(params string[] conditions)
    {
        TrialCriteriaParser.Parse(Trial(conditions)).StudiedCancers.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_PatientWithoutDiagnosis_IsAskedNotFailed()
    {
        var evaluation = Evaluate(Trial("Breast Cancer"), new PatientProfile());

        evaluation.Failing.Should().BeEmpty();
        evaluation.Verdict.Should().Be(TrialVerdict.PossiblyEligible);
    }

    [Theory]
    [InlineData("Drug X in Treating Patients With Non-Hodgkin's Lymphoma", "Lymphoma", "NHL")]
    [InlineData("Drug X in Non-Hodgkin's Lymphoma or Hodgkin's Disease", "Lymphoma", "NHL,HL")]
    [InlineData("Drug X in Lymphoma", "Lymphoma", "")]
    [InlineData("Drug X in Solid Tumors Including Breast Cancer", "Solid Tumor", "")]
    [InlineData("Drug X in Advanced Cancers such as Non-Small Cell Lung Cancer", "Lung Cancer", "")]
    public void Parse_ABroadConditionTheTitleNamesMoreNarrowly_IsTheNarrowerCancer(string title, string condition, string expected)
    {
        var trial = Trial(condition) with { BriefTitle = title };
        var broad = TrialCriteriaParser.Parse(Trial(condition)).StudiedCancers.Select(c => c.Code).ToList();

        var studied = TrialCriteriaParser.Parse(trial).StudiedCancers.Select(c => c.Code).ToList();

        studied.Should().Equal(expected.Length == 0 ? broad : expected.Split(','));
    }

    [Fact]
    public void Evaluate_HodgkinAgainstALymphomaTrialTitledNonHodgkin_FailsOnAPresumption()
    {
        var trial = Trial("Lymphoma") with { BriefTitle = "Drug X in Treating Patients With Non-Hodgkin's Lymphoma" };

        var evaluation = Evaluate(trial, Patient("classical Hodgkin lymphoma"));

        evaluation.Failing.Should().ContainSingle().Which.Criterion.Segment.Text.Should().StartWith("conditions studied: Non-Hodgkin's Lymphoma");
    }

    [Fact]
    public void Parse_ABroadLabelThatTheTitleContradictsInTheSameOrgan_GivesWayToTheTitle()
    {
        var trial = Trial("Endometrial Cancer", "Sarcoma") with { BriefTitle = "Chemotherapy in Treating Patients With Sarcoma of the Uterus" };

        var studied = TrialCriteriaParser.Parse(trial).StudiedCancers.Select(s => s.Code);

        studied.Should().Contain("USARC").And.NotContain("UCEC");
    }

    [Fact]
    public void Evaluate_ACarcinomaAgainstASarcomaOfTheSameOrgan_FailsOnAPresumption()
    {
        var trial = Trial("Endometrial Cancer", "Sarcoma") with
        {
            BriefTitle = "Radiation Therapy or No Further Treatment Following Surgery in Treating Patients With Cancer of the Uterus",
            OfficialTitle = "Adjuvant Pelvic Radiotherapy Versus Observation in Completely Resected High-Grade Uterine Sarcoma",
        };

        Evaluate(trial, Patient("uterine serous carcinoma")).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Evaluate(trial, Patient("uterine leiomyosarcoma")).Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
    }

    [Theory]
    [InlineData("alveolar rhabdomyosarcoma")]
    [InlineData("Ewing sarcoma of the femur")]
    [InlineData("uterine leiomyosarcoma")]
    [InlineData("Kaposi sarcoma")]
    public void Evaluate_AnySarcomaAgainstASarcomaTrial_MeetsTheConditionsStudied(string diagnosis)
    {
        var evaluation = Evaluate(Trial("Sarcoma"), Patient(diagnosis));

        evaluation.Criteria.Should().Contain(c => c.Criterion.Segment.Text.StartsWith("conditions studied") && c.Outcome == CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_ACarcinomaAgainstASarcomaTrial_FailsOnTheRecordInAnotherTissueAndOnAPresumptionInTheUterus()
    {
        Evaluate(Trial("Sarcoma"), Patient("lung adenocarcinoma")).Verdict.Should().Be(TrialVerdict.Ineligible);
        Evaluate(Trial("Sarcoma"), Patient("uterine serous carcinoma")).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Evaluate_SmolderingAgainstActiveMyeloma_FailsOnAPresumptionBothWays()
    {
        Evaluate(Trial("Multiple Myeloma"), Patient("smouldering multiple myeloma")).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Evaluate(Trial("Smoldering Myeloma"), Patient("multiple myeloma")).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
        Evaluate(Trial("Multiple Myeloma", "Smoldering Multiple Myeloma"), Patient("smoldering myeloma")).Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
    }

    [Fact]
    public void Evaluate_PeripheralTCellLymphomaTrials_TakeEveryNodalTCellLymphoma_ButNotCutaneousTrialsAPtclNos()
    {
        Evaluate(Trial("Peripheral T-Cell Lymphoma"), Patient("angioimmunoblastic T-cell lymphoma")).Verdict.Should().NotBe(TrialVerdict.LikelyIneligible).And.NotBe(TrialVerdict.Ineligible);
        Evaluate(Trial("Mycosis Fungoides"), Patient("peripheral T-cell lymphoma, not otherwise specified")).Verdict.Should().Be(TrialVerdict.LikelyIneligible);
    }

    [Fact]
    public void Parse_ATitleThatNamesTheConditionsOrgan_LeavesTheConditions()
    {
        var trial = Trial("Endometrial Cancer", "Ovarian Cancer") with { BriefTitle = "Drug X in Treating Patients With Cancer of the Uterus or Ovary" };

        TrialCriteriaParser.Parse(trial).StudiedCancers.Select(s => s.Code).Should().Contain("UCEC");
    }

    [Fact]
    public void Evaluate_PolycythaemiaVeraAgainstAMyelofibrosisTrial_FailsTheConditionsStudied()
    {
        var evaluation = Evaluate(Trial("Primary Myelofibrosis"), Patient("polycythemia vera"));

        evaluation.Verdict.Should().BeOneOf(TrialVerdict.Ineligible, TrialVerdict.LikelyIneligible);
    }

    private static ClinicalTrial TrialWith(string criteria, params string[] conditions) => Trial(conditions) with { Eligibility = new TrialEligibility { Criteria = criteria } };

    private static CriterionEvaluation Exclusion(TrialEvaluation evaluation) => evaluation.Criteria.Single(c => c.Role == CriterionRole.Exclusion);

    [Theory]
    [InlineData("Has acute promyelocytic leukemia (AML subtype M3)", CriterionOutcome.Met)]
    [InlineData("Acute promyelocytic leukemia", CriterionOutcome.Met)]
    [InlineData("History of acute promyelocytic leukemia treated with arsenic", CriterionOutcome.Unknown)]
    [InlineData("Relapsed acute promyelocytic leukemia", CriterionOutcome.Unknown)]
    [InlineData("Acute promyelocytic leukemia with a white cell count above 10 at diagnosis", CriterionOutcome.Unknown)]
    public void AnExclusionOfASubtypeOfTheCancerStudied_LeavesItOut_UnlessItSpeaksOfAnEarlierCancer(string exclusion, CriterionOutcome expected)
    {
        var trial = TrialWith($"Inclusion Criteria:\n* Newly diagnosed AML\nExclusion Criteria:\n* {exclusion}", "Acute Myeloid Leukemia");

        var e = Exclusion(Evaluate(trial, Patient("acute promyelocytic leukaemia")));
        e.Outcome.Should().Be(expected, e.Evidence);
    }

    [Fact]
    public void AnExclusionOfASubtype_InATrialOfAGroupingAcrossTissues_StaysAQuestion()
    {
        var trial = TrialWith("Inclusion Criteria:\n* Leukemia\nExclusion Criteria:\n* Has acute promyelocytic leukemia (AML subtype M3)", "Leukemia");

        Exclusion(Evaluate(trial, Patient("acute promyelocytic leukaemia"))).Outcome.Should().Be(CriterionOutcome.Unknown);
    }

    [Fact]
    public void AnInclusionThatLeavesASubtypeOut_FailsAPatientWithIt_AndPassesAnother()
    {
        var trial = TrialWith("Inclusion Criteria:\n* Unequivocal diagnosis of AML (more than 20% blasts in the marrow), excluding M3 (acute promyelocytic leukemia)", "Leukemia");

        Evaluate(trial, Patient("acute promyelocytic leukaemia")).Verdict.Should().Be(TrialVerdict.Ineligible);
        Evaluate(trial, Patient("acute myeloid leukaemia with mutated NPM1")).Failing.Should().BeEmpty();
    }

    [Theory]
    [InlineData("BCR-ABL positive chronic myeloid leukemia", CriterionOutcome.Met)]
    [InlineData("BCR-ABL1 negative myeloproliferative neoplasm", CriterionOutcome.NotMet)]
    [InlineData("BCR-ABL1 T315I mutation", CriterionOutcome.Unknown)]
    public void AMarkerThatDefinesThePatientsCancer_IsRecordedByTheDiagnosis_NotAParticularAlterationOfIt(string inclusion, CriterionOutcome expected)
    {
        var patient = Patient("chronic myeloid leukaemia in chronic phase");

        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(inclusion, CriterionRole.Inclusion), patient, Context).Outcome.Should().Be(expected);
    }

    [Fact]
    public void AMarkerThatDefinesAnotherCancer_StaysAQuestion()
    {
        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse("BCR-ABL1 positive", CriterionRole.Inclusion), Patient("acute myeloid leukaemia"), Context)
            .Outcome.Should().Be(CriterionOutcome.Unknown);
    }
}
