using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Referrals;

public class ReferralTests
{
    private static int _seed;

    private static Referral New(ReferralVerdict verdict = ReferralVerdict.Eligible, params ReferredCriterion[] checklist)
    {
        var bytes = BitConverter.GetBytes(((long)Interlocked.Increment(ref _seed) * 7919) + 12345);
        return new Referral(ReferralId.FromRandom(bytes), StudyKey.Parse("NCT99000001"), "A", D("2024-03-01"), verdict, checklist);
    }

    [Fact]
    public void FromRandom_GivesAnIdThatParses()
    {
        var id = ReferralId.FromRandom([1, 2, 3, 4, 5, 6, 7, 8]);

        id.Value.Should().MatchRegex("^R-[0-9A-Z]{10}$");
        ReferralId.TryParse(id.Value, out var parsed).Should().BeTrue();
        parsed.Should().Be(id);
        StudySubjectId.TryParse(id.Value, out _).Should().BeTrue("the referral id is the participant's subject id at the site");
    }

    [Fact]
    public void RecordScreening_Twice_IsRefused()
    {
        var referral = New();
        referral.RecordScreening(ReferralStatus.FailedScreening, D("2024-03-05"), [new ScreeningReason("inclusion 2", "ECOG 0-1")]).Kind.Should().Be(ChangeKind.Changed);

        referral.RecordScreening(ReferralStatus.PassedScreening, D("2024-03-06"), []).Error.Should().Be($"The outcome of referral {referral.Id} was already recorded on 2024-03-05.");
        referral.Status.Should().Be(ReferralStatus.FailedScreening);
    }

    [Fact]
    public void RecordScreening_FailureWithoutReason_IsRefused() =>
        New().RecordScreening(ReferralStatus.FailedScreening, D("2024-03-05"), []).Error.Should().Be("A screen failure needs the criterion that failed (or the reason in words).");

    [Fact]
    public void RecordScreening_BeforeTheReferral_IsRefused() =>
        New().RecordScreening(ReferralStatus.PassedScreening, D("2024-02-05"), []).Error.Should().Be("The screening date 2024-02-05 is before the referral (2024-03-01).");

    [Fact]
    public void ToParticipant_AFailedScreening_GivesCandidateScreenedAndScreenFailed()
    {
        var referral = New();
        referral.RecordScreening(ReferralStatus.FailedScreening, D("2024-03-05"), [new ScreeningReason("inclusion 2", "ECOG 0-1")]);

        var participant = referral.ToParticipant();

        participant.SubjectId.Value.Should().Be(referral.Id.Value);
        participant.History.Select(h => h.State).Should().Equal(ResearchSubjectState.Candidate, ResearchSubjectState.Screened, ResearchSubjectState.ScreenFailed);
        participant.History[^1].Reasons.Single().CriterionPosition.Should().Be("inclusion 2");
    }

    [Fact]
    public void From_ScreenedReferrals_GivesPassRatesByVerdictAndPerCriterion()
    {
        ReferredCriterion Ecog(string outcome) => new("inclusion 2", "ECOG 0-1", outcome, outcome == "not_met");
        ReferredCriterion Brain(string outcome) => new("exclusion 1", "Brain metastases", outcome, outcome == "met");

        var passed = New(ReferralVerdict.Eligible, Ecog("met"), Brain("not_met"));
        passed.RecordScreening(ReferralStatus.PassedScreening, D("2024-03-05"), []);
        var failedEcog = New(ReferralVerdict.Eligible, Ecog("met"), Brain("not_met"));
        failedEcog.RecordScreening(ReferralStatus.FailedScreening, D("2024-03-05"), [new ScreeningReason("inclusion 2", "ECOG 0-1")]);
        var failedBrain = New(ReferralVerdict.PossiblyEligible, Ecog("met"), Brain("unknown"));
        failedBrain.RecordScreening(ReferralStatus.FailedScreening, D("2024-03-05"), [new ScreeningReason("exclusion 1", "Brain metastases")]);
        var notYet = New(ReferralVerdict.Eligible, Ecog("met"), Brain("not_met"));

        var signal = ScreeningSignal.From([passed, failedEcog, failedBrain, notYet]);

        signal.Screened.Should().Be(3);
        signal.EligiblePassRate.Should().Be(0.5);
        signal.PossiblyEligiblePassRate.Should().Be(0);
        var ecog = signal.Criteria.Single(c => c.Position == "inclusion 2");
        (ecog.EngineSatisfied, ecog.FailedWhenSatisfied).Should().Be((3, 1));
        ecog.ConfirmedShare.Should().BeApproximately(2.0 / 3, 1e-12);
        var brain = signal.Criteria.Single(c => c.Position == "exclusion 1");
        (brain.EngineSatisfied, brain.EngineUnknown, brain.FailedWhenSatisfied, brain.FailedWhenUnknown).Should().Be((2, 1, 0, 1));
    }
}
