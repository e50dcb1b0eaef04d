using TrialAccess.Recruitment;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Sites;
using TrialAccess.Recruitment.Studies;

namespace TrialAccess.Storage.Recruitment;

/// <summary>
/// Studies, their sites and participants loaded from the database as domain objects, changed through the domain's
/// methods and written back by <see cref="RecruitmentStore.SaveAsync"/>: only what changed is written (and audited),
/// so applying the same log twice writes nothing the second time.
/// </summary>
public sealed class RecruitmentWorkspace
{
    private readonly Dictionary<StudyKey, StudyEntry> _studies = [];
    private readonly Dictionary<(StudyKey, string), ParticipantEntry> _participants = [];

    internal RecruitmentWorkspace()
    {
    }

    public IEnumerable<MonitoredStudy> Studies => _studies.Values.Select(s => s.Study);

    public MonitoredStudy? Study(StudyKey key) => _studies.TryGetValue(key, out var entry) ? entry.Study : null;

    public IEnumerable<Participant> Participants(StudyKey key) => _participants.Values.Where(p => p.Participant.Study == key).Select(p => p.Participant);

    public Participant? Participant(StudyKey key, StudySubjectId subject) =>
        _participants.TryGetValue((key, subject.Value.ToUpperInvariant()), out var entry) ? entry.Participant : null;

    /// <summary>Adds a study or changes its title, target, dates and planned sites; sites are kept.</summary>
    public ChangeResult DefineStudy(StudyKey key, string title, int target, DateOnly start, DateOnly end, int? plannedSites = null)
    {
        if (MonitoredStudy.Validate(title, target, start, end, plannedSites) is { } error)
        {
            return ChangeResult.Refused(error);
        }

        if (_studies.TryGetValue(key, out var existing))
        {
            var study = existing.Study;
            if (study.Title == title.Trim() && study.Target == target && study.RecruitmentStart == start && study.TargetEndDate == end && study.PlannedSites == plannedSites)
            {
                return ChangeResult.Unchanged;
            }

            existing.Study = study with { Title = title.Trim(), Target = target, RecruitmentStart = start, TargetEndDate = end, PlannedSites = plannedSites };
            return ChangeResult.Changed;
        }

        _studies[key] = new StudyEntry(new MonitoredStudy(key, title.Trim(), target, start, end, [], plannedSites), Stored: null);
        return ChangeResult.Changed;
    }

    /// <summary>The site of a study with this code, added (with its name and target) when the study does not have it yet.</summary>
    public (StudySite? Site, ChangeResult Result) Site(StudyKey key, string code, string? name = null, int target = 0)
    {
        if (!_studies.TryGetValue(key, out var entry))
        {
            return (null, ChangeResult.Refused($"{key} is not a monitored study."));
        }

        if (entry.Study.Site(code) is { } site)
        {
            return (site, ChangeResult.Unchanged);
        }

        if (StudySite.ValidateCode(code) is { } error)
        {
            return (null, ChangeResult.Refused(error));
        }

        if (target < 0)
        {
            return (null, ChangeResult.Refused("A site target cannot be negative (0 means no target)."));
        }

        var added = new StudySite(code, name ?? code, target);
        entry.Study = entry.Study with { Sites = [.. entry.Study.Sites, added] };
        return (added, ChangeResult.Changed);
    }

    /// <summary>Adds a participant (new to the study); refused when the study already has this subject id.</summary>
    public ChangeResult AddParticipant(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var key = (participant.Study, participant.SubjectId.Value.ToUpperInvariant());
        if (_participants.ContainsKey(key))
        {
            return ChangeResult.Refused($"{participant.Study} already has a participant {participant.SubjectId}.");
        }

        if (Study(participant.Study)?.Site(participant.SiteCode) is null)
        {
            return ChangeResult.Refused($"{participant.SiteCode} is not a site of {participant.Study}.");
        }

        _participants[key] = new ParticipantEntry(participant, null, 0, null, ParticipantSex.Unknown);
        return ChangeResult.Changed;
    }

    internal void Load(StudyRow study, IEnumerable<SiteRow> sites)
    {
        var key = StudyKey.Parse(study.Id);
        var domain = new MonitoredStudy(key, study.Title, study.Target, study.RecruitmentStart, study.TargetEndDate, [.. sites.Select(RecruitmentMapping.ToSite)], study.PlannedSites);
        _studies[key] = new StudyEntry(domain, (study, sites.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase)));
    }

    internal void Load(ParticipantRow row, IReadOnlyList<ParticipantStateRow> states)
    {
        var participant = RecruitmentMapping.ToParticipant(row, states);
        _participants[(participant.Study, participant.SubjectId.Value.ToUpperInvariant())] = new ParticipantEntry(participant, row, states.Count, participant.AgeBand, participant.Sex);
    }

    internal IEnumerable<StudyEntry> StudyEntries => _studies.Values;

    internal IEnumerable<ParticipantEntry> ParticipantEntries => _participants.Values;

    internal sealed class StudyEntry(MonitoredStudy study, (StudyRow Row, Dictionary<string, SiteRow> Sites)? Stored)
    {
        public MonitoredStudy Study { get; set; } = study;

        public (StudyRow Row, Dictionary<string, SiteRow> Sites)? Stored { get; set; } = Stored;
    }

    internal sealed class ParticipantEntry(Participant participant, ParticipantRow? row, int storedStates, AgeBand? storedBand, ParticipantSex storedSex)
    {
        public Participant Participant { get; } = participant;

        public ParticipantRow? Row { get; set; } = row;

        public int StoredStates { get; set; } = storedStates;

        public AgeBand? StoredBand { get; set; } = storedBand;

        public ParticipantSex StoredSex { get; set; } = storedSex;

        public bool IsDirty => Row is null || StoredStates != Participant.History.Count || StoredBand != Participant.AgeBand || StoredSex != Participant.Sex;
    }
}
