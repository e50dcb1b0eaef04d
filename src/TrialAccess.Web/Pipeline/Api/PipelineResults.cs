namespace TrialAccess.Web.Pipeline.Api;

/// <summary>Turns a <see cref="WorkflowResult{T}"/> into a response: 404, 403, 409 (the record's state) or 400 (the request), as problem details.</summary>
internal static class PipelineResults
{
    public static IResult From<T>(WorkflowResult<T> result, Func<T, IResult> done) => result.Status switch
    {
        WorkflowStatus.Done => done(result.Value!),
        WorkflowStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such record."),
        WorkflowStatus.Forbidden => Forbidden(),
        WorkflowStatus.Refused => TypedResults.Problem(
            statusCode: result.IsStateConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            title: result.IsStateConflict ? "Refused" : "Bad request",
            detail: result.Refusal!.Message,
            extensions: new Dictionary<string, object?> { ["code"] = result.Refusal.Code }),
    };

    public static IResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Your account does not give access to this record.");

    public static IResult BadRequest(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
