using Microsoft.AspNetCore.Mvc;
using TrialAccess.Pipeline.Audit;
using TrialAccess.Web.Pipeline;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>The audit log for the secretariat, the chair and administrators, filtered by the access rule (optionally one project).</summary>
public sealed class AuditModel(PipelineAccess access, PipelineQueries queries) : PipelinePage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Project { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    private Dictionary<string, string> _names = [];
    private Dictionary<Guid, string> _codes = [];

    public string NameOf(string userId) => _names.GetValueOrDefault(userId, userId);

    public string CodeOf(Guid projectId) => _codes.GetValueOrDefault(projectId, "");

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadViewerAsync(access);
        var result = await queries.AuditAsync(User, Project, HttpContext.RequestAborted);
        if (Failure(result) is { } failure)
        {
            return failure;
        }

        Entries = result.Value!;
        _names = (await queries.PeopleAsync(HttpContext.RequestAborted)).ToDictionary(p => p.UserId, p => p.DisplayName);
        _codes = (await queries.ListAsync(User, cancellationToken: HttpContext.RequestAborted)).ToDictionary(p => p.Id, p => p.Code);
        return Page();
    }
}
