using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Web.Matching;

/// <summary>
/// What a person asks of a match beside the patient, the same for the API and the clinician pages: the filters and how
/// many trials to show.
/// </summary>
public sealed record MatchSettings
{
    /// <summary>Where distances are measured from; null uses the patient's own coordinates, if any.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>Leave out trials with no recruiting site this close to <see cref="Near"/> (km); null keeps them all.</summary>
    public double? RadiusKm { get; init; }

    /// <summary>How many trials to show (default 10).</summary>
    public int Top { get; init; } = 10;

    /// <summary>Show Ineligible trials, last, with their failing criteria (default true).</summary>
    public bool IncludeIneligible { get; init; } = true;

    public bool IncludeNotYetRecruiting { get; init; }

    /// <summary>Any overall status, not only recruiting trials.</summary>
    public bool AnyStatus { get; init; }

    /// <summary>The matcher's request for this patient, <paramref name="note"/> being the text it came from, if a note.</summary>
    public MatchRequest ToRequest(PatientProfile patient, string? note) => new()
    {
        Patient = patient,
        Note = note,
        Top = Top,
        IncludeIneligible = IncludeIneligible,
        Filters = new MatchFilters
        {
            RecruitingOnly = !AnyStatus,
            IncludeNotYetRecruiting = IncludeNotYetRecruiting,
            Near = Near ?? patient.Location?.Coordinates,
            RadiusKm = RadiusKm,
        },
    };
}
