using TrialAccess.Pipeline.Common;

namespace TrialAccess.Pipeline.Review;

public enum MeetingStatus
{
    Scheduled,
    Held,
}

/// <summary>A role at a committee meeting.</summary>
public enum MeetingRole
{
    Chair,
    Member,
    Secretariat,
    Observer,
}

/// <summary>A project on a meeting's agenda: its order, and who presents it (the applicant, usually).</summary>
public sealed record AgendaItem(Guid ProjectId, int Order, string Presenter);

/// <summary>Someone expected at the meeting, in a role, and whether they attended.</summary>
public sealed record Attendee(string UserId, MeetingRole Role, bool? Present);

/// <summary>A member who left the discussion of one item because of a conflict of interest.</summary>
public sealed record Recusal(Guid ProjectId, string UserId, string Reason);

/// <summary>The minutes of one agenda item (or of the meeting when <see cref="ProjectId"/> is null).</summary>
public sealed record MinuteEntry(Guid? ProjectId, string Text, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A meeting of the New Agents Committee (up to four a year): the agenda, attendance, who was recused from which
/// item, and the minutes per item (so a conflicted member never reads the discussion of that item).
/// </summary>
public sealed class CommitteeMeeting
{
    // Not readonly: the store sets these collections when it reads the record.
    private List<AgendaItem> _agenda = [];
    private List<Attendee> _attendees = [];
    private List<Recusal> _recusals = [];
    private List<MinuteEntry> _minutes = [];

    private CommitteeMeeting()
    {
        Title = "";
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public MeetingStatus Status { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => _agenda;

    public IReadOnlyList<Attendee> Attendees => _attendees;

    public IReadOnlyList<Recusal> Recusals => _recusals;

    public IReadOnlyList<MinuteEntry> Minutes => _minutes;

    public static Result<CommitteeMeeting> Schedule(Guid id, string title, DateOnly on, IReadOnlyList<Attendee> attendees)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Result<CommitteeMeeting>.Refuse("meeting.title", "A meeting needs a title.");
        }

        if (attendees.Count(a => a.Role == MeetingRole.Chair) != 1)
        {
            return Result<CommitteeMeeting>.Refuse("meeting.chair", "A meeting has exactly one chair.");
        }

        var meeting = new CommitteeMeeting { Id = id, Title = title.Trim(), HeldOn = on, Status = MeetingStatus.Scheduled };
        meeting._attendees.AddRange(attendees.DistinctBy(a => a.UserId));
        return Result<CommitteeMeeting>.Ok(meeting);
    }

    /// <summary>The chair's user id.</summary>
    public string ChairUserId => _attendees.Single(a => a.Role == MeetingRole.Chair).UserId;

    /// <summary>
    /// Puts a project on the agenda; attendees conflicted on it (<paramref name="conflicted"/>) are recorded as recused
    /// from this item. Refused once the meeting is held, or when the chair is conflicted (another chair must sit).
    /// </summary>
    public Refusal? AddToAgenda(Guid projectId, string presenter, IReadOnlyCollection<string> conflicted)
    {
        if (Status == MeetingStatus.Held)
        {
            return new Refusal("meeting.held", "The meeting has been held; its agenda is closed.");
        }

        if (_agenda.Any(a => a.ProjectId == projectId))
        {
            return new Refusal("meeting.agenda-duplicate", "The project is already on the agenda.");
        }

        if (conflicted.Contains(ChairUserId))
        {
            return new Refusal("meeting.chair-conflicted", "The chair is conflicted on this project: another chair must sit for it.");
        }

        _agenda.Add(new AgendaItem(projectId, _agenda.Count + 1, presenter));
        foreach (var attendee in _attendees.Where(a => conflicted.Contains(a.UserId)))
        {
            _recusals.Add(new Recusal(projectId, attendee.UserId, "Conflict of interest"));
        }

        return null;
    }

    /// <summary>Records who attended.</summary>
    public Refusal? RecordAttendance(IReadOnlyCollection<string> present)
    {
        for (var i = 0; i < _attendees.Count; i++)
        {
            _attendees[i] = _attendees[i] with { Present = present.Contains(_attendees[i].UserId) };
        }

        if (!present.Contains(ChairUserId))
        {
            return new Refusal("meeting.chair-absent", "The chair did not attend: the meeting cannot be held.");
        }

        Status = MeetingStatus.Held;
        return null;
    }

    /// <summary>Records minutes of an agenda item (or of the whole meeting); refused before the meeting is held.</summary>
    public Refusal? RecordMinutes(Guid? projectId, string text, string recordedBy, DateTimeOffset at)
    {
        if (Status != MeetingStatus.Held)
        {
            return new Refusal("meeting.not-held", "Minutes are recorded once the meeting is held.");
        }

        if (projectId is { } id && _agenda.All(a => a.ProjectId != id))
        {
            return new Refusal("meeting.not-on-agenda", "The project is not on the agenda.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new Refusal("meeting.minutes-empty", "Minutes need text.");
        }

        _minutes.Add(new MinuteEntry(projectId, text.Trim(), recordedBy, at));
        return null;
    }

    /// <summary>Whether <paramref name="userId"/> was recused from the item on <paramref name="projectId"/>.</summary>
    public bool IsRecused(Guid projectId, string userId) => _recusals.Any(r => r.ProjectId == projectId && r.UserId == userId);

    /// <summary>Whether <paramref name="userId"/> sits on the meeting.</summary>
    public bool Attends(string userId) => _attendees.Any(a => a.UserId == userId);
}
