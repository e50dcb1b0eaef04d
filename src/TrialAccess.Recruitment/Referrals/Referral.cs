using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Recruitment.Referrals;

/// <summary>
/// A pseudonymous referral id: <c>R-</c> and 10 characters of Crockford base 32, made from random bytes by the host.
/// It is also the participant's study subject id at the site until the site gives its own.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ReferralIdJsonConverter))]
public readonly partial record struct ReferralId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private ReferralId(string value) => Value = value;

    public string Value { get; }

    /// <summary>An id from at least 7 random bytes (50 bits used).</summary>
    public static ReferralId FromRandom(ReadOnlySpan<byte> random)
    {
        if (random.Length < 7)
        {
            throw new ArgumentException("A referral id needs at least 7 random bytes.", nameof(random));
        }

        ulong bits = 0;
        for (var i = 0; i < 7; i++)
        {
            bits = (bits << 8) | random[i];
        }

        Span<char> text = stackalloc char[12];
        text[0] = 'R';
        text[1] = '-';
        for (var i = 0; i < 10; i++)
        {
            text[2 + i] = Alphabet[(int)((bits >> (5 * i)) & 31)];
        }

        return new ReferralId(new string(text));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ReferralId id)
    {
        id = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        id = new ReferralId(text);
        return true;
    }

    public StudySubjectId SubjectId => StudySubjectId.Parse(Value);

    public override string ToString() => Value;

    [GeneratedRegex("^R-[0-9A-HJKMNP-TV-Z]{10}$")]
    private static partial Regex Pattern();
}

/// <summary>What the matching engine said of the patient for the whole trial when the clinician referred them.</summary>
public enum ReferralVerdict
{
    Eligible,
    PossiblyEligible,
}

/// <summary>
/// One criterion of the checklist sent with a referral: its position and text in the trial's criteria and what the
/// engine made of it for this patient (met, not met, unknown, does not apply), without the evidence from the note.
/// </summary>
/// <param name="Outcome">The engine's outcome: <c>met</c>, <c>not_met</c>, <c>unknown</c> or <c>not_applicable</c>.</param>
/// <param name="Fails">Whether the outcome rules the patient out (an inclusion not met, an exclusion met).</param>
public sealed record ReferredCriterion(string Position, string Text, string Outcome, bool Fails)
{
    /// <summary>Whether the engine judged the criterion satisfied (an inclusion met, an exclusion absent).</summary>
    public bool Satisfied => !Fails && Outcome is "met" or "not_met";
}

/// <summary>What the site found when it screened a referred patient.</summary>
public enum ReferralStatus
{
    /// <summary>Referred; the site has not recorded a screening outcome yet.</summary>
    Referred,

    /// <summary>Screened and found eligible.</summary>
    PassedScreening,

    /// <summary>Screened and failed, with the criteria that failed.</summary>
    FailedScreening,

    /// <summary>The patient declined before screening, or the site could not contact them.</summary>
    Declined,
}

/// <summary>
/// A patient matched to a trial and referred to one of its sites, with the criteria checklist attached and no more
/// personal data than the site needs: no name, no note, no evidence text; only the pseudonymous id, the verdict and the
/// checklist. The site records the outcome once (<see cref="RecordScreening"/>); the outcome feeds the participant's
/// history and the per-criterion signal on the engine.
/// </summary>
public sealed class Referral
{
    public Referral(ReferralId id, StudyKey study, string siteCode, DateOnly referredOn, ReferralVerdict verdict, IReadOnlyList<ReferredCriterion> checklist,
        ReferralStatus status = ReferralStatus.Referred, DateOnly? screenedOn = null, IReadOnlyList<ScreeningReason>? reasons = null)
    {
        Id = id;
        Study = study;
        SiteCode = siteCode;
        ReferredOn = referredOn;
        Verdict = verdict;
        Checklist = checklist;
        Status = status;
        ScreenedOn = screenedOn;
        Reasons = reasons ?? [];
    }

    public ReferralId Id { get; }

    public StudyKey Study { get; }

    public string SiteCode { get; }

    public DateOnly ReferredOn { get; }

    public ReferralVerdict Verdict { get; }

    public IReadOnlyList<ReferredCriterion> Checklist { get; }

    public ReferralStatus Status { get; private set; }

    public DateOnly? ScreenedOn { get; private set; }

    /// <summary>The criteria that failed at screening (or why the patient declined).</summary>
    public IReadOnlyList<ScreeningReason> Reasons { get; private set; }

    /// <summary>
    /// Records what the site found. Refused when an outcome is already recorded (a decided screening is not edited),
    /// when the date is before the referral, and when a failure or a decline has no reason.
    /// </summary>
    public ChangeResult RecordScreening(ReferralStatus outcome, DateOnly on, IReadOnlyList<ScreeningReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (outcome == ReferralStatus.Referred)
        {
            return ChangeResult.Refused("Choose an outcome: passed screening, failed screening or declined.");
        }

        if (Status != ReferralStatus.Referred)
        {
            return Status == outcome && ScreenedOn == on && reasons.SequenceEqual(Reasons)
                ? ChangeResult.Unchanged
                : ChangeResult.Refused($"The outcome of referral {Id} was already recorded on {ScreenedOn:yyyy-MM-dd}.");
        }

        if (on < ReferredOn)
        {
            return ChangeResult.Refused($"The screening date {on:yyyy-MM-dd} is before the referral ({ReferredOn:yyyy-MM-dd}).");
        }

        if (outcome != ReferralStatus.PassedScreening && reasons.Count == 0)
        {
            return ChangeResult.Refused(outcome == ReferralStatus.FailedScreening
                ? "A screen failure needs the criterion that failed (or the reason in words)."
                : "A decline needs a reason.");
        }

        (Status, ScreenedOn, Reasons) = (outcome, on, outcome == ReferralStatus.PassedScreening ? [] : reasons);
        return ChangeResult.Changed;
    }

    /// <summary>The participant the referral stands for, with its history: candidate when referred, then the screening outcome.</summary>
    public Participant ToParticipant()
    {
        var participant = new Participant(Study, SiteCode, Id.SubjectId);
        participant.MoveTo(ResearchSubjectState.Candidate, ReferredOn);
        if (ScreenedOn is { } on)
        {
            switch (Status)
            {
                case ReferralStatus.PassedScreening:
                    participant.MoveTo(ResearchSubjectState.Screened, on);
                    participant.MoveTo(ResearchSubjectState.Eligible, on);
                    break;
                case ReferralStatus.FailedScreening:
                    participant.MoveTo(ResearchSubjectState.Screened, on);
                    participant.MoveTo(ResearchSubjectState.ScreenFailed, on, Reasons);
                    break;
                case ReferralStatus.Declined:
                    participant.MoveTo(ResearchSubjectState.Withdrawn, on, Reasons);
                    break;
            }
        }

        return participant;
    }
}
