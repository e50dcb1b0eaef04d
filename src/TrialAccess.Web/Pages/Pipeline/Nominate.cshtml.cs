using Microsoft.AspNetCore.Mvc;
using TrialAccess.Pipeline.Agents;
using TrialAccess.Pipeline.Projects;
using TrialAccess.Web.Pipeline;

namespace TrialAccess.Web.Pages.Pipeline;

/// <summary>An applicant or partner organisation nominates an agent, with the data package attached.</summary>
public sealed class NominateModel(PipelineAccess access, PipelineWorkflow workflow) : PipelinePage
{
    [BindProperty] public string? AgentName { get; set; }
    [BindProperty] public string? AgentCode { get; set; }
    [BindProperty] public Modality Modality { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Mechanism { get; set; }
    [BindProperty] public string? IpPosition { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Indications { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? NamedPeople { get; set; }
    [BindProperty] public IFormFile? Package { get; set; }

    public async Task OnGetAsync() => await LoadViewerAsync(access);

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadViewerAsync(access);
        static IReadOnlyList<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await workflow.NominateAsync(User, new NominationInput(AgentName ?? "", AgentCode ?? "", Modality, Target ?? "", Mechanism ?? "", IpPosition ?? "",
            Title ?? "", Lines(Indications), Summary ?? "", Lines(NamedPeople), NominationSource.Academic, null, null), HttpContext.RequestAborted);
        if (Failure(result) is { } failure)
        {
            return failure;
        }

        if (result.Status != WorkflowStatus.Done)
        {
            return Page();
        }

        if (Package is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Package.CopyToAsync(buffer, HttpContext.RequestAborted);
            await workflow.AttachAsync(User, result.Value!.Id, Package.FileName, Package.ContentType, buffer.ToArray(), HttpContext.RequestAborted);
        }

        Notice = $"Nomination {result.Value!.Code} submitted.";
        return Redirect($"/pipeline/projects/{result.Value.Id}");
    }
}
