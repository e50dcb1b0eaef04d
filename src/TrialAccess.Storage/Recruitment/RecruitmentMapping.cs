using System.Text.Json;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Referrals;
using TrialAccess.Recruitment.Screening;
using TrialAccess.Recruitment.Sites;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Storage.Recruitment;

/// <summary>Rows to domain objects and back.</summary>
internal static class RecruitmentMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record ReasonJson(string? Position, string Text);

    public static StudySite ToSite(SiteRow row)
    {
        var milestones = new Dictionary<SiteMilestone, DateOnly>();
        foreach (var (milestone, date) in Milestones(row))
        {
            if (date is { } d)
            {
                milestones[milestone] = d;
            }
        }

        return new StudySite(row.Code, row.Name, row.Target, milestones, row.TargetEndDate, Enum.Parse<DelaySource>(row.DelaySource), row.DelayNote);
    }

    public static IEnumerable<(SiteMilestone, DateOnly?)> Milestones(SiteRow row) =>
    [
        (SiteMilestone.Invited, row.Invited), (SiteMilestone.Selected, row.Selected), (SiteMilestone.Approved, row.Approved),
        (SiteMilestone.Confirmed, row.Confirmed), (SiteMilestone.Opened, row.Opened), (SiteMilestone.FirstParticipant, row.FirstParticipant),
        (SiteMilestone.Closed, row.Closed),
    ];

    /// <summary>Copies the site's values into <paramref name="row"/>; true when anything differed.</summary>
    public static bool CopyTo(StudySite site, SiteRow row)
    {
        var before = (row.Name, row.Target, row.TargetEndDate, row.DelaySource, row.DelayNote, row.Invited, row.Selected, row.Approved, row.Confirmed, row.Opened, row.FirstParticipant, row.Closed);
        row.Name = site.Name;
        row.Target = site.Target;
        row.TargetEndDate = site.TargetEndDate;
        row.DelaySource = site.DelaySource.ToString();
        row.DelayNote = site.DelayNote;
        row.Invited = site.Milestone(SiteMilestone.Invited);
        row.Selected = site.Milestone(SiteMilestone.Selected);
        row.Approved = site.Milestone(SiteMilestone.Approved);
        row.Confirmed = site.Milestone(SiteMilestone.Confirmed);
        row.Opened = site.Milestone(SiteMilestone.Opened);
        row.FirstParticipant = site.Milestone(SiteMilestone.FirstParticipant);
        row.Closed = site.Milestone(SiteMilestone.Closed);
        return before != (row.Name, row.Target, row.TargetEndDate, row.DelaySource, row.DelayNote, row.Invited, row.Selected, row.Approved, row.Confirmed, row.Opened, row.FirstParticipant, row.Closed);
    }

    public static bool CopyTo(MonitoredStudy study, StudyRow row)
    {
        var before = (row.Title, row.Target, row.RecruitmentStart, row.TargetEndDate, row.PlannedSites);
        row.Id = study.Key.ToString();
        row.Title = study.Title;
        row.Target = study.Target;
        row.RecruitmentStart = study.RecruitmentStart;
        row.TargetEndDate = study.TargetEndDate;
        row.PlannedSites = study.PlannedSites;
        return before != (row.Title, row.Target, row.RecruitmentStart, row.TargetEndDate, row.PlannedSites);
    }

    public static Participant ToParticipant(ParticipantRow row, IEnumerable<ParticipantStateRow> states) =>
        new(StudyKey.Parse(row.StudyId), row.SiteCode, StudySubjectId.Parse(row.SubjectId), AgeBand.Parse(row.AgeBand), Enum.Parse<ParticipantSex>(row.Sex),
            states.OrderBy(s => s.Id).Select(s => new StateChange(Enum.Parse<ResearchSubjectState>(s.State), s.On, ReadReasons(s.Reasons))));

    public static ParticipantStateRow ToRow(long participantId, StateChange change) => new()
    {
        ParticipantId = participantId,
        State = change.State.ToString(),
        On = change.On,
        Reasons = WriteReasons(change.Reasons),
    };

    public static string? WriteReasons(IReadOnlyList<ScreeningReason> reasons) =>
        reasons.Count == 0 ? null : JsonSerializer.Serialize(reasons.Select(r => new ReasonJson(r.CriterionPosition, r.Text)), Json);

    public static IReadOnlyList<ScreeningReason> ReadReasons(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ReasonJson>>(json, Json)!.Select(r => new ScreeningReason(r.Position, r.Text)).ToList();

    public static Referral ToReferral(ReferralRow row)
    {
        ReferralId.TryParse(row.Id, out var id);
        return new Referral(id, StudyKey.Parse(row.StudyId), row.SiteCode, row.ReferredOn, Enum.Parse<ReferralVerdict>(row.Verdict),
            JsonSerializer.Deserialize<List<ReferredCriterion>>(row.Checklist, Json)!, Enum.Parse<ReferralStatus>(row.Status), row.ScreenedOn, ReadReasons(row.Reasons));
    }

    public static ReferralRow ToRow(Referral referral) => new()
    {
        Id = referral.Id.Value,
        StudyId = referral.Study.ToString(),
        SiteCode = referral.SiteCode,
        ReferredOn = referral.ReferredOn,
        Verdict = referral.Verdict.ToString(),
        Checklist = JsonSerializer.Serialize(referral.Checklist, Json),
        Status = referral.Status.ToString(),
        ScreenedOn = referral.ScreenedOn,
        Reasons = WriteReasons(referral.Reasons),
    };
}
