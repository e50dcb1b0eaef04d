using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrialAccess.Pipeline.Review;
using TrialAccess.Storage.Pipeline;
using TrialAccess.Web.Accounts;
using TrialAccess.Web.Pipeline;
using ReviewRecord = TrialAccess.Pipeline.Review.Review;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>The assigned reviewer's form for one assignment: scores on the round's scales, comments, save or submit; a submitted review is corrected by a new one.</summary>
public sealed class ReviewModel(PipelineAccess access, PipelineQueries queries, PipelineWorkflow workflow, PipelineDbContext store) : PipelinePage
{
    [FromRoute]
    public Guid Id { get; set; }

    public ProjectDetail? Project { get; private set; }

    public ReviewRound? Round { get; private set; }

    public ReviewRecord? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    private async Task<IActionResult?> LoadAsync()
    {
        await LoadViewerAsync(access);
        var ct = HttpContext.RequestAborted;
        var assignment = await store.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, ct);
        if (assignment is null)
        {
            return NotFound();
        }

        var detail = await queries.DetailAsync(User, assignment.ProjectId, ct);
        if (assignment.UserId != User.UserId() || detail.Status != WorkflowStatus.Done)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Project = detail.Value;
        Round = await store.Rounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, ct);
        var reviews = await store.Reviews.AsNoTracking().Where(r => r.AssignmentId == Id).ToListAsync(ct);
        Current = ReviewRecord.Current(reviews).FirstOrDefault() ?? reviews.FirstOrDefault();
        return null;
    }

    private static IReadOnlyList<CriterionScore> ToScores(Dictionary<string, string?> scores) =>
        scores.Where(s => int.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(s => new CriterionScore(s.Key, int.Parse(s.Value!, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public async Task<IActionResult> OnPostSaveAsync(Dictionary<string, string?> scores, string? comments, bool submit)
    {
        var result = await workflow.SaveReviewAsync(User, Id, ToScores(scores), comments ?? "", submit, HttpContext.RequestAborted);
        return await AfterAsync(result, submit ? "Review submitted." : "Draft saved.");
    }

    public async Task<IActionResult> OnPostSupersedeAsync(Dictionary<string, string?> scores, string? comments, string? reason)
    {
        if (await LoadAsync() is { } failure)
        {
            return failure;
        }

        var result = await workflow.SupersedeReviewAsync(User, Current!.Id, ToScores(scores), comments ?? "", reason ?? "", HttpContext.RequestAborted);
        return await AfterAsync(result, "Correction submitted.");
    }

    private async Task<IActionResult> AfterAsync<T>(WorkflowResult<T> result, string notice)
    {
        if (result.Status == WorkflowStatus.Done)
        {
            Notice = notice;
            return Redirect($"/pipeline/assignments/{Id}");
        }

        if (Failure(result) is { } failure)
        {
            return failure;
        }

        var (error, status) = (Error, Response.StatusCode);
        if (await LoadAsync() is { } loadFailure)
        {
            return loadFailure;
        }

        (Error, Response.StatusCode) = (error, status);
        return Page();
    }
}
