using System.Globalization;
using TrialAccess.Geography;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Matching.Filters;

public enum FilterOutcome
{
    Pass,

    /// <summary>The record shows the trial fails this filter: it is dropped (or shown as filtered out).</summary>
    Fail,

    /// <summary>The data to decide is missing; the trial is kept and the explanation says what is missing.</summary>
    Unknown,
}

/// <summary>One filter's verdict on one trial, in words a clinician can read.</summary>
public sealed record FilterCheck(string Filter, FilterOutcome Outcome, string Explanation);

/// <summary>All filter verdicts for one trial.</summary>
/// <param name="NearestSite">The nearest site that is recruiting (or not yet recruiting, when asked), when the patient's place is known.</param>
public sealed record FilterResult(IReadOnlyList<FilterCheck> Checks, SiteDistance? NearestSite)
{
    public bool Passed => Checks.All(c => c.Outcome != FilterOutcome.Fail);

    public IEnumerable<FilterCheck> Failures => Checks.Where(c => c.Outcome == FilterOutcome.Fail);

    public IEnumerable<FilterCheck> Unknowns => Checks.Where(c => c.Outcome == FilterOutcome.Unknown);
}

/// <summary>Applies <see cref="MatchFilters"/> to a trial for a patient.</summary>
public static class TrialFilter
{
    public static FilterResult Apply(ClinicalTrial trial, PatientProfile patient, MatchFilters filters, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(filters);
        var checks = new List<FilterCheck>();
        if (filters.RecruitingOnly)
        {
            checks.Add(OverallStatus(trial, filters));
            checks.Add(SiteStatus(trial, filters));
        }

        var nearest = filters.Near is { } near ? Nearest(trial, near, filters) : null;
        if (filters.Near is not null)
        {
            checks.Add(Distance(trial, nearest, filters.RadiusKm));
        }

        if (filters.Phases.Count > 0)
        {
            checks.Add(trial.Phases.Count == 0
                ? new FilterCheck("phase", FilterOutcome.Unknown, "the record states no phase")
                : trial.Phases.Any(filters.Phases.Contains)
                    ? new FilterCheck("phase", FilterOutcome.Pass, $"phase {trial.Phases.ToApiLabel()}")
                    : new FilterCheck("phase", FilterOutcome.Fail, $"phase {trial.Phases.ToApiLabel()}, not {string.Join(" or ", filters.Phases.Select(p => p.ToApiName()))}"));
        }

        if (filters.StudyTypes.Count > 0)
        {
            checks.Add(trial.StudyType == StudyType.NotStated
                ? new FilterCheck("study type", FilterOutcome.Unknown, "the record states no study type")
                : filters.StudyTypes.Contains(trial.StudyType)
                    ? new FilterCheck("study type", FilterOutcome.Pass, trial.StudyType.ToApiName())
                    : new FilterCheck("study type", FilterOutcome.Fail, $"{trial.StudyType.ToApiName()}, not {string.Join(" or ", filters.StudyTypes.Select(t => t.ToApiName()))}"));
        }

        if (filters.CheckAgeAndSex)
        {
            checks.Add(Age(trial.Eligibility, patient.AgeOn(today)));
            checks.Add(Sex(trial.Eligibility, patient.Sex));
        }

        return new FilterResult(checks, nearest);
    }

    private static bool IsOpen(RecruitmentStatus status, MatchFilters filters) =>
        status == RecruitmentStatus.Recruiting || (filters.IncludeNotYetRecruiting && status == RecruitmentStatus.NotYetRecruiting);

    private static FilterCheck OverallStatus(ClinicalTrial trial, MatchFilters filters) => trial.OverallStatus switch
    {
        RecruitmentStatus.NotStated => new FilterCheck("status", FilterOutcome.Unknown, "the record states no recruitment status"),
        var status when IsOpen(status, filters) => new FilterCheck("status", FilterOutcome.Pass, status.ToApiName()),
        var status => new FilterCheck("status", FilterOutcome.Fail, $"overall status {status.ToApiName()}"),
    };

    private static FilterCheck SiteStatus(ClinicalTrial trial, MatchFilters filters)
    {
        if (trial.Sites.Count == 0)
        {
            return new FilterCheck("recruiting site", FilterOutcome.Unknown, "the record lists no sites");
        }

        var open = trial.Sites.Count(s => IsOpen(s.Status, filters));
        if (open > 0)
        {
            return new FilterCheck("recruiting site", FilterOutcome.Pass, $"{open} of {trial.Sites.Count} sites recruiting");
        }

        return trial.Sites.All(s => s.Status == RecruitmentStatus.NotStated)
            ? new FilterCheck("recruiting site", FilterOutcome.Unknown, "the record gives no status for its sites")
            : new FilterCheck("recruiting site", FilterOutcome.Fail, "no site is recruiting");
    }

    /// <summary>A site counts when it is open itself, or states no status while the trial as a whole is open.</summary>
    private static SiteDistance? Nearest(ClinicalTrial trial, GeoPoint near, MatchFilters filters) =>
        TrialSiteDistances.Nearest(trial, near, site =>
            IsOpen(site.Status, filters) || (site.Status == RecruitmentStatus.NotStated && IsOpen(trial.OverallStatus, filters)));

    private static FilterCheck Distance(ClinicalTrial trial, SiteDistance? nearest, double? radiusKm)
    {
        if (nearest is null)
        {
            return new FilterCheck("distance", FilterOutcome.Unknown, trial.Sites.Any(s => s.Coordinates is not null)
                ? "no recruiting site with coordinates"
                : "the record gives no site coordinates; check the site list");
        }

        var where = string.Join(", ", new[] { nearest.Site.Facility, nearest.Site.City, nearest.Site.Country }.OfType<string>());
        var text = string.Create(CultureInfo.InvariantCulture, $"nearest recruiting site {nearest.DistanceKm:0} km away ({where})");
        return radiusKm is { } radius && nearest.DistanceKm > radius
            ? new FilterCheck("distance", FilterOutcome.Fail, string.Create(CultureInfo.InvariantCulture, $"{text}, beyond {radius:0} km"))
            : new FilterCheck("distance", FilterOutcome.Pass, text);
    }

    private static FilterCheck Age(TrialEligibility eligibility, decimal? age)
    {
        var minimum = eligibility.MinimumAge;
        var maximum = eligibility.MaximumAge;
        if (minimum is null && maximum is null)
        {
            return new FilterCheck("age", FilterOutcome.Pass, "no age limits in the record");
        }

        var limits = $"{minimum?.ToString() ?? "no minimum"} to {maximum?.ToString() ?? "no maximum"}";
        if (age is not { } years)
        {
            return new FilterCheck("age", FilterOutcome.Unknown, $"patient's age not known; trial takes {limits}");
        }

        // Limits are inclusive; a maximum of "65 Years" admits a patient until the day before 66.
        var tooYoung = minimum is not null && years < minimum.TotalYears;
        var tooOld = maximum is not null && years >= maximum.TotalYears + (maximum.Unit == AgeUnit.Years ? 1 : 0);
        var patient = string.Create(CultureInfo.InvariantCulture, $"patient aged {years:0.#}");
        return tooYoung || tooOld
            ? new FilterCheck("age", FilterOutcome.Fail, $"{patient}; trial takes {limits}")
            : new FilterCheck("age", FilterOutcome.Pass, $"{patient}; trial takes {limits}");
    }

    private static FilterCheck Sex(TrialEligibility eligibility, Fact<PatientSex>? sex)
    {
        var trialSex = eligibility.Sex;
        if (trialSex is EligibleSex.All or EligibleSex.NotStated)
        {
            return new FilterCheck("sex", FilterOutcome.Pass, trialSex == EligibleSex.All ? "all sexes" : "the record sets no sex restriction");
        }

        if (sex is not { Certainty: Certainty.Asserted } known || known.Value == PatientSex.Other)
        {
            return new FilterCheck("sex", FilterOutcome.Unknown, $"trial takes {trialSex.ToApiName().ToLowerInvariant()} participants only; patient's sex not known");
        }

        var matches = (trialSex, known.Value) is (EligibleSex.Female, PatientSex.Female) or (EligibleSex.Male, PatientSex.Male);
        return new FilterCheck("sex", matches ? FilterOutcome.Pass : FilterOutcome.Fail, $"trial takes {trialSex.ToApiName().ToLowerInvariant()} participants only; patient is {known.Value.ToString().ToLowerInvariant()}");
    }
}
