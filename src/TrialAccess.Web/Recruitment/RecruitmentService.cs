using TrialAccess.Eligibility.Evaluation;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TrialAccess.Ingestion;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Alerts;
using TrialAccess.Recruitment.Metrics;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Storage.Recruitment;
using TrialAccess.Storage.Recruitment.Import;
using TrialAccess.Trials;
using TrialAccess.Web.Matching;
using TrialAccess.Web.Modules;

namespace TrialAccess.Web.Recruitment;

/// <summary>A monitored site as the referral form lists it.</summary>
public sealed record ReferralSite(string Code, string Name);

/// <summary>
/// The recruitment use cases of the web host, for one request: every read goes through <see cref="RecruitmentAccess"/>
/// (what the user may see), every change is saved with the signed-in user as the audit's actor.
/// </summary>
public sealed class RecruitmentService(ModuleDatabaseLocation database, TimeProvider clock, ITrialStore trials, MatchService matcher, IOptions<AlertThresholds> thresholds) : IAsyncDisposable
{
    private RecruitmentStore? _store;

    /// <summary>Today in the host's time zone: the reporting date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private RecruitmentStore Store => _store ??= RecruitmentStore.Open(database.Location, clock);

    /// <summary>Every monitored study, as <paramref name="user"/> may see it.</summary>
    public async Task<IReadOnlyList<StudyReport>> ReportsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workspace = await Store.LoadAsync(cancellationToken: cancellationToken);
        return [.. workspace.Studies.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).Select(s => Report(workspace, s, user))];
    }

    /// <summary>One study's report as <paramref name="user"/> may see it; null when not monitored.</summary>
    public async Task<StudyReport?> ReportAsync(ClaimsPrincipal user, StudyKey key, CancellationToken cancellationToken)
    {
        var workspace = await Store.LoadAsync([key], cancellationToken: cancellationToken);
        return workspace.Study(key) is { } study ? Report(workspace, study, user) : null;
    }

    private StudyReport Report(RecruitmentWorkspace workspace, MonitoredStudy study, ClaimsPrincipal user) =>
        RecruitmentReporter.Report(study, [.. workspace.Participants(study.Key)], Today, user.AudienceFor(study.Key), thresholds.Value);

    /// <summary>The participants of one site of a study (the caller has checked the user may see them); null when the study or site is not monitored.</summary>
    public async Task<(MonitoredStudy Study, IReadOnlyList<Participant> Participants)?> ParticipantsAsync(StudyKey key, string siteCode, CancellationToken cancellationToken)
    {
        var workspace = await Store.LoadAsync([key], cancellationToken: cancellationToken);
        if (workspace.Study(key) is not { } study || study.Site(siteCode) is null)
        {
            return null;
        }

        return (study, [.. workspace.Participants(key).Where(p => string.Equals(p.SiteCode, siteCode, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.SubjectId.Value, StringComparer.Ordinal)]);
    }

    /// <summary>The sites a patient matched to <paramref name="trial"/> can be referred to: the open sites of the study when it is monitored.</summary>
    public async Task<IReadOnlyList<ReferralSite>> ReferralSitesAsync(NctId trial, CancellationToken cancellationToken)
    {
        var key = StudyKey.ForTrial(trial);
        var workspace = await Store.LoadAsync([key], withParticipants: false, cancellationToken);
        return workspace.Study(key) is { } study
            ? [.. study.Sites.Where(s => s.IsOpenOn(Today)).Select(s => new ReferralSite(s.Code, s.Name))]
            : [];
    }

    /// <summary>
    /// Refers the patient described by <paramref name="patient"/> to <paramref name="siteCode"/> of <paramref name="trial"/>:
    /// the trial is evaluated again on the server and only the verdict and the criteria checklist (position, text,
    /// outcome) are kept, under a new pseudonymous id. The note and the facts are not stored.
    /// </summary>
    public async Task<(Referral? Referral, string? Error)> ReferAsync(ClaimsPrincipal user, NctId trial, string siteCode, PatientProfile patient, string? note, CancellationToken cancellationToken)
    {
        var key = StudyKey.ForTrial(trial);
        if (!(await ReferralSitesAsync(trial, cancellationToken)).Any(s => string.Equals(s.Code, siteCode, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"{siteCode} is not an open site of {trial} in recruitment monitoring.");
        }

        var result = await matcher.MatchAsync(new MatchRequest { Patient = patient, Note = note, Restrict = [trial], Top = 1, IncludeIneligible = true, Filters = MatchFilters.None }, trials, cancellationToken);
        if (result.Trials.SingleOrDefault() is not { } match)
        {
            return (null, $"{trial} could not be evaluated for this patient.");
        }

        if (match.Verdict == Eligibility.Evaluation.TrialVerdict.Ineligible)
        {
            return (null, "The engine finds the patient ineligible for this trial: only eligible or possibly eligible patients are referred.");
        }

        var checklist = match.Eligibility.Criteria
            .Where(c => c.Criterion.Segment.Section != "registry")
            .Select(c => new ReferredCriterion(c.Criterion.Segment.Position, ScreeningReason.Truncate(c.Criterion.Segment.Text), OutcomeNames.Of(c.Outcome), c.Fails))
            .ToList();
        var site = (await ReferralSitesAsync(trial, cancellationToken)).First(s => string.Equals(s.Code, siteCode, StringComparison.OrdinalIgnoreCase));
        var referral = new Referral(ReferralId.FromRandom(RandomNumberGenerator.GetBytes(8)), key, site.Code, Today,
            match.Verdict == Eligibility.Evaluation.TrialVerdict.Eligible ? ReferralVerdict.Eligible : ReferralVerdict.PossiblyEligible, checklist);
        Store.Actor = Actor(user);
        var added = await Store.AddReferralAsync(referral, cancellationToken);
        return added.IsRefused ? (null, added.Error) : (referral, null);
    }

    public Task<Referral?> FindReferralAsync(ReferralId id, CancellationToken cancellationToken) => Store.FindReferralAsync(id, cancellationToken);

    /// <summary>The referrals to one site across the studies it takes part in (the caller has checked access).</summary>
    public Task<IReadOnlyList<Referral>> InboxAsync(string siteCode, CancellationToken cancellationToken) => Store.ReferralsAsync(null, siteCode, cancellationToken);

    /// <summary>Records the site's outcome; the failed criteria are positions from the referral's checklist, plus an optional reason in words.</summary>
    public async Task<ChangeResult> RecordScreeningAsync(ClaimsPrincipal user, Referral referral, ReferralStatus outcome, DateOnly on, IReadOnlyList<string> failedPositions, string? otherReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var reasons = referral.Checklist.Where(c => failedPositions.Contains(c.Position, StringComparer.Ordinal)).Select(c => new ScreeningReason(c.Position, c.Text)).ToList();
        if (!string.IsNullOrWhiteSpace(otherReason))
        {
            reasons.Add(ScreeningReason.Other(otherReason));
        }

        if (failedPositions.Any(p => referral.Checklist.All(c => c.Position != p)))
        {
            return ChangeResult.Refused("A failed criterion must be one of the referral's checklist.");
        }

        Store.Actor = Actor(user);
        return await Store.RecordScreeningAsync(referral.Id, outcome, on, reasons, cancellationToken);
    }

    /// <summary>The real-world signal on the engine from a study's screened referrals.</summary>
    public async Task<ScreeningSignal> SignalAsync(StudyKey key, CancellationToken cancellationToken) =>
        ScreeningSignal.From(await Store.ReferralsAsync(key, null, cancellationToken));

    /// <summary>Imports a log; rows of studies the user does not manage are refused, each reported.</summary>
    public async Task<ImportReport> ImportAsync(ClaimsPrincipal user, Stream csv, CancellationToken cancellationToken)
    {
        Store.Actor = Actor(user);
        var importer = new RecruitmentLogImporter(Store, (study, ct) => TrialCriteriaReasons.ForAsync(trials, study, ct))
        {
            MayChange = user.CanManage,
        };
        return await importer.ImportAsync(csv, cancellationToken: cancellationToken);
    }

    /// <summary>The audit's "who": the account's user name and id.</summary>
    private static string Actor(ClaimsPrincipal user) =>
        $"{user.Identity?.Name ?? "unknown"} ({user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?"})";

    public ValueTask DisposeAsync() => _store?.DisposeAsync() ?? ValueTask.CompletedTask;
}
