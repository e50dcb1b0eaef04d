namespace TrialAccess.Pipeline.Audit;

/// <summary>
/// One line of the append-only audit log: who did what, when, to which record, with the record before and after (as
/// JSON). Refused attempts (editing a submitted review, say) are logged too, with the refusal as <see cref="Note"/>.
/// Entries are never updated or deleted; <see cref="Sequence"/> gives their order.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = "";
        Action = "";
        EntityType = "";
        EntityId = "";
    }

    /// <summary>The position in the log, assigned by the store (increasing).</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The user id of who acted (<c>system</c> for the host itself, <c>cli</c> for a command).</summary>
    public string Actor { get; private set; }

    /// <summary>What was done (<c>review.submit</c>, <c>gate.decide</c>, <c>review.edit-refused</c>).</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>The project concerned, so that the log is filtered by the same access rule as the projects.</summary>
    public Guid? ProjectId { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? Note { get; private set; }

    public static AuditEntry Record(DateTimeOffset at, string actor, string action, string entityType, string entityId, Guid? projectId, string? before, string? after, string? note = null) =>
        new()
        {
            At = at,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ProjectId = projectId,
            Before = before,
            After = after,
            Note = note,
        };
}
