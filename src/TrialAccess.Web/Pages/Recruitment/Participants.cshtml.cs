using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Recruitment.Participants;
using TrialAccess.Recruitment.Studies;
using TrialAccess.Web.Recruitment;

namespace TrialAccess.Web.Pages.Recruitment;

/// <summary>A site's participants (pseudonymised) and their histories: the study's trial managers and the site's staff; 403 for anyone else.</summary>
[Authorize]
public sealed class ParticipantsModel(RecruitmentService recruitment, IAuthorizationService authorization) : PageModel
{
    public string StudyId { get; private set; } = "";

    public string SiteCode { get; private set; } = "";

    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string code, CancellationToken cancellationToken)
    {
        if (!StudyKey.TryParse(id, out var key))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new StudySiteScope(key, code), RecruitmentOperations.SeeParticipants)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await recruitment.ParticipantsAsync(key, code, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (StudyId, SiteCode, Participants) = (key.ToString(), code, found.Participants);
        return Page();
    }
}
