using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Ingestion;
using TrialAccess.Matching;
using TrialAccess.Patients;
using TrialAccess.Trials;
using TrialAccess.Web.Clinician;
using TrialAccess.Web.Matching;
using TrialAccess.Web.Search;

namespace TrialAccess.Web.Pages.Clinician;

/// <summary>
/// The clinician view: a note (or structured JSON, or a FHIR bundle) is read into facts the clinician can correct,
/// then the trials are ranked with a checklist of criteria each; the shortlist exports as CSV or PDF. Nothing is
/// stored: the note and the facts travel in the form with every post.
/// </summary>
public sealed class IndexModel(MatchService matcher, ITrialStore store, PlaceDirectory places, ShortlistPdf pdf, PatientIntake patients, TimeProvider clock) : PageModel
{
    /// <summary>The longest note accepted, in characters (a long discharge summary; page posts are capped at 64 KiB).</summary>
    public const int MaxNoteLength = 20_000;

    public static IReadOnlyList<int> TopChoices { get; } = [5, 10, 20, 50];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Near { get; set; }

    /// <summary>A distance from <see cref="Pages.IndexModel.Distances"/> ("any" or km).</summary>
    [BindProperty]
    public string Distance { get; set; } = "any";

    [BindProperty]
    public bool RecruitingOnly { get; set; } = true;

    [BindProperty]
    public bool IncludeIneligible { get; set; }

    [BindProperty]
    public int Top { get; set; } = 10;

    /// <summary>The trials ticked for the shortlist; none means every trial shown.</summary>
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    public FactSheet Facts { get; private set; } = FactSheet.Empty();

    /// <summary>Errors by field: note, near, distance, top, facts, export.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public MatchReport? Report { get; private set; }

    /// <summary>The place distances are measured from, as resolved.</summary>
    public string? Origin { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Reads the note into facts (replacing those in the form) and matches them.</summary>
    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Note))
        {
            Errors["note"] = "Paste a clinical note first (or fill in the facts below and choose \"Match with these facts\").";
            return Invalid();
        }

        if (Note.Length > MaxNoteLength)
        {
            Errors["note"] = $"The note is {Note.Length:N0} characters; at most {MaxNoteLength:N0} are read here. Paste the relevant part.";
            return Invalid();
        }

        var intake = patients.Read(Note);
        if (intake.Profile is null)
        {
            Errors["note"] = "The text could not be read: " + string.Join(" ", intake.Errors.Select(e => e.ToString()));
            return Invalid();
        }

        Facts = FactSheet.FromProfile(intake.Profile, intake.Kind == PatientInputKind.Note ? Note : null);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>Matches the facts as edited.</summary>
    public async Task<IActionResult> OnPostMatchAsync(CancellationToken cancellationToken)
    {
        Facts = FactSheet.FromForm(Request.Form);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCsvAsync(CancellationToken cancellationToken)
    {
        Facts = FactSheet.FromForm(Request.Form);
        if (await ShortlistAsync(cancellationToken) is not { } shortlist)
        {
            return Invalid();
        }

        return File(ShortlistCsv.Bytes(shortlist), ShortlistCsv.ContentType, $"trial-shortlist-{shortlist.Date:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnPostPdfAsync(CancellationToken cancellationToken)
    {
        Facts = FactSheet.FromForm(Request.Form);
        if (await ShortlistAsync(cancellationToken) is not { } shortlist)
        {
            return Invalid();
        }

        var rendering = await pdf.RenderAsync(shortlist, cancellationToken);
        if (rendering.Pdf is null)
        {
            Errors["export"] = rendering.Error!;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        return File(rendering.Pdf, ShortlistPdf.ContentType, $"trial-shortlist-{shortlist.Date:yyyy-MM-dd}.pdf");
    }

    /// <summary>The trial page, with distances from the place given here.</summary>
    public string TrialLink(NctId id) => Origin is null
        ? $"/trials/{id}"
        : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/trials/{id}", "place", Near!);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken) =>
        await MatchAsync(cancellationToken) ? Page() : Invalid();

    private async Task<Shortlist?> ShortlistAsync(CancellationToken cancellationToken)
    {
        if (!await MatchAsync(cancellationToken))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Shortlist.From(Report!, Selected, today, Origin is null ? null : Near);
    }

    /// <summary>Checks the filters and the facts and ranks the trials; false (with <see cref="Errors"/>) when something must be corrected first.</summary>
    private async Task<bool> MatchAsync(CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        var intake = Facts.Read();
        if (Facts.Errors.Count > 0)
        {
            Errors["facts"] = "Some facts need correcting (see below).";
        }
        else if (Facts.IsEmpty && string.IsNullOrWhiteSpace(Note))
        {
            Errors["facts"] = "Paste a note, or fill in at least one fact, before matching.";
        }

        if (Errors.Count > 0 || settings is null || intake.Profile is null)
        {
            return false;
        }

        var note = !string.IsNullOrWhiteSpace(Note) && PatientIntake.Detect(Note) == PatientInputKind.Note ? Note : null;
        Report = await matcher.ReportAsync(intake.Profile, note, settings, intake.Warnings.Select(w => w.ToString()), store, cancellationToken);
        return true;
    }

    private async Task<MatchSettings?> SettingsAsync(CancellationToken cancellationToken)
    {
        var place = await places.ResolveAsync(Near, cancellationToken);
        Origin = place?.Description;
        if (place is { IsResolved: false })
        {
            Errors["near"] = place.Error ?? "Unknown place.";
        }

        double? radius = null;
        if (Distance != "any")
        {
            if (!Pages.IndexModel.Distances.Any(d => d.Value == Distance))
            {
                Errors["distance"] = "Choose a distance from the list.";
            }
            else if (string.IsNullOrWhiteSpace(Near))
            {
                Errors["distance"] = "A distance needs a place to measure from.";
            }
            else
            {
                radius = double.Parse(Distance, CultureInfo.InvariantCulture);
            }
        }

        if (!TopChoices.Contains(Top))
        {
            Errors["top"] = $"Show {string.Join(", ", TopChoices)} trials.";
        }

        return Errors.Count > 0 ? null : new MatchSettings
        {
            Near = place?.Point,
            RadiusKm = radius,
            Top = Top,
            IncludeIneligible = IncludeIneligible,
            AnyStatus = !RecruitingOnly,
        };
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
