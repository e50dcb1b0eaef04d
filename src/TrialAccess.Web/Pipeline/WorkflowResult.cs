using TrialAccess.Pipeline.Common;

namespace TrialAccess.Web.Pipeline;

/// <summary>How a pipeline action ended.</summary>
public enum WorkflowStatus
{
    Done,
    NotFound,
    /// <summary>The person may not do this (or may not see the record: a conflict of interest, no relation).</summary>
    Forbidden,
    /// <summary>The domain refused it (<see cref="WorkflowResult{T}.Refusal"/> says why).</summary>
    Refused,
}

/// <summary>The outcome of a pipeline action: a value, or why not. Pages and the API turn it into a response.</summary>
public sealed record WorkflowResult<T>(WorkflowStatus Status, T? Value, Refusal? Refusal)
{
    public static WorkflowResult<T> Done(T value) => new(WorkflowStatus.Done, value, null);

    public static WorkflowResult<T> NotFound() => new(WorkflowStatus.NotFound, default, null);

    public static WorkflowResult<T> Forbidden() => new(WorkflowStatus.Forbidden, default, null);

    public static WorkflowResult<T> Refused(Refusal refusal) => new(WorkflowStatus.Refused, default, refusal);

    public static WorkflowResult<T> Refused(string code, string message) => new(WorkflowStatus.Refused, default, new Refusal(code, message));

    /// <summary>Whether a refusal is about the record's state (409) rather than the request's content (400).</summary>
    public bool IsStateConflict => Refusal is { } r && (r.Code is "review.submitted" or "gate.immutable" or "project.stopped" or "project.handed-over" or "gate.stage" or "round.closed" or "meeting.held" or "market.recorded" or "review.concurrent" || r.Code.EndsWith(".duplicate", StringComparison.Ordinal));
}
