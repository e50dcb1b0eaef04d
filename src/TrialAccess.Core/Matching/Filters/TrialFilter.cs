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
/// <remarks>
/// Each filter's outcome is decided in one place, used both by <see cref="Apply"/> (outcomes with explanations) and by
/// <see cref="Passes"/> (the verdict alone, without allocating, for retrieval over the whole catalog).
/// </remarks>
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
            checks.Add(PhaseOutcome(trial, filters) switch
            {
                FilterOutcome.Unknown => new FilterCheck("phase", FilterOutcome.Unknown, "the record states no phase"),
                FilterOutcome.Pass => new FilterCheck("phase", FilterOutcome.Pass, $"phase {trial.Phases.ToApiLabel()}"),
                _ => new FilterCheck("phase", FilterOutcome.Fail, $"phase {trial.Phases.ToApiLabel()}, not {string.Join(" or ", filters.Phases.Select(p => p.ToApiName()))}"),
            });
        }

        if (filters.StudyTypes.Count > 0)
        {
            checks.Add(StudyTypeOutcome(trial, filters) switch
            {
                FilterOutcome.Unknown => new FilterCheck("study type", FilterOutcome.Unknown, "the record states no study type"),
                FilterOutcome.Pass => new FilterCheck("study type", FilterOutcome.Pass, trial.StudyType.ToApiName()),
                _ => new FilterCheck("study type", FilterOutcome.Fail, $"{trial.StudyType.ToApiName()}, not {string.Join(" or ", filters.StudyTypes.Select(t => t.ToApiName()))}"),
            });
        }

        if (filters.CheckAgeAndSex)
        {
            checks.Add(Age(trial.Eligibility, patient.AgeOn(today)));
            checks.Add(Sex(trial.Eligibility, patient.Sex));
        }

        return new FilterResult(checks, nearest);
    }

    /// <summary>Whether the trial passes every filter: <c>Apply(...).Passed</c>, without building the explanations.</summary>
    public static bool Passes(ClinicalTrial trial, PatientProfile patient, MatchFilters filters, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(filters);
        return !(filters.RecruitingOnly && (OverallStatusOutcome(trial, filters) == FilterOutcome.Fail || SiteStatusOutcome(trial, filters) == FilterOutcome.Fail))
            && !(filters.Near is { } near && DistanceOutcome(Nearest(trial, near, filters), filters.RadiusKm) == FilterOutcome.Fail)
            && !(filters.Phases.Count > 0 && PhaseOutcome(trial, filters) == FilterOutcome.Fail)
            && !(filters.StudyTypes.Count > 0 && StudyTypeOutcome(trial, filters) == FilterOutcome.Fail)
            && !(filters.CheckAgeAndSex && (AgeOutcome(trial.Eligibility, patient.AgeOn(today)) == FilterOutcome.Fail || SexOutcome(trial.Eligibility, patient.Sex) == FilterOutcome.Fail));
    }

    private static bool IsOpen(RecruitmentStatus status, MatchFilters filters) =>
        status == RecruitmentStatus.Recruiting || (filters.IncludeNotYetRecruiting && status == RecruitmentStatus.NotYetRecruiting);

    private static FilterOutcome OverallStatusOutcome(ClinicalTrial trial, MatchFilters filters) => trial.OverallStatus switch
    {
        RecruitmentStatus.NotStated => FilterOutcome.Unknown,
        var status when IsOpen(status, filters) => FilterOutcome.Pass,
        _ => FilterOutcome.Fail,
    };

    private static FilterCheck OverallStatus(ClinicalTrial trial, MatchFilters filters) => OverallStatusOutcome(trial, filters) switch
    {
        FilterOutcome.Unknown => new FilterCheck("status", FilterOutcome.Unknown, "the record states no recruitment status"),
        FilterOutcome.Pass => new FilterCheck("status", FilterOutcome.Pass, trial.OverallStatus.ToApiName()),
        _ => new FilterCheck("status", FilterOutcome.Fail, $"overall status {trial.OverallStatus.ToApiName()}"),
    };

    private static FilterOutcome SiteStatusOutcome(ClinicalTrial trial, MatchFilters filters)
    {
        if (trial.Sites.Count == 0)
        {
            return FilterOutcome.Unknown;
        }

        foreach (var site in trial.Sites)
        {
            if (IsOpen(site.Status, filters))
            {
                return FilterOutcome.Pass;
            }
        }

        return trial.Sites.All(s => s.Status == RecruitmentStatus.NotStated) ? FilterOutcome.Unknown : FilterOutcome.Fail;
    }

    private static FilterCheck SiteStatus(ClinicalTrial trial, MatchFilters filters) => SiteStatusOutcome(trial, filters) switch
    {
        FilterOutcome.Unknown when trial.Sites.Count == 0 => new FilterCheck("recruiting site", FilterOutcome.Unknown, "the record lists no sites"),
        FilterOutcome.Unknown => new FilterCheck("recruiting site", FilterOutcome.Unknown, "the record gives no status for its sites"),
        FilterOutcome.Pass => new FilterCheck("recruiting site", FilterOutcome.Pass, $"{trial.Sites.Count(s => IsOpen(s.Status, filters))} of {trial.Sites.Count} sites recruiting"),
        _ => new FilterCheck("recruiting site", FilterOutcome.Fail, "no site is recruiting"),
    };

    /// <summary>A site counts when it is open itself, or states no status while the trial as a whole is open.</summary>
    private static SiteDistance? Nearest(ClinicalTrial trial, GeoPoint near, MatchFilters filters) =>
        TrialSiteDistances.Nearest(trial, near, site =>
            IsOpen(site.Status, filters) || (site.Status == RecruitmentStatus.NotStated && IsOpen(trial.OverallStatus, filters)));

    private static FilterOutcome DistanceOutcome(SiteDistance? nearest, double? radiusKm) =>
        nearest is null ? FilterOutcome.Unknown
        : radiusKm is { } radius && nearest.DistanceKm > radius ? FilterOutcome.Fail
        : FilterOutcome.Pass;

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
        return radiusKm is { } radius && DistanceOutcome(nearest, radius) == FilterOutcome.Fail
            ? new FilterCheck("distance", FilterOutcome.Fail, string.Create(CultureInfo.InvariantCulture, $"{text}, beyond {radius:0} km"))
            : new FilterCheck("distance", FilterOutcome.Pass, text);
    }

    private static FilterOutcome PhaseOutcome(ClinicalTrial trial, MatchFilters filters) =>
        trial.Phases.Count == 0 ? FilterOutcome.Unknown
        : trial.Phases.Any(filters.Phases.Contains) ? FilterOutcome.Pass
        : FilterOutcome.Fail;

    private static FilterOutcome StudyTypeOutcome(ClinicalTrial trial, MatchFilters filters) =>
        trial.StudyType == StudyType.NotStated ? FilterOutcome.Unknown
        : filters.StudyTypes.Contains(trial.StudyType) ? FilterOutcome.Pass
        : FilterOutcome.Fail;

    private static FilterOutcome AgeOutcome(TrialEligibility eligibility, decimal? age)
    {
        var minimum = eligibility.MinimumAge;
        var maximum = eligibility.MaximumAge;
        if (minimum is null && maximum is null)
        {
            return FilterOutcome.Pass;
        }

        if (age is not { } years)
        {
            return FilterOutcome.Unknown;
        }

        // Limits are inclusive; a maximum of "65 Years" admits a patient until the day before 66.
        var tooYoung = minimum is not null && years < minimum.TotalYears;
        var tooOld = maximum is not null && years >= maximum.TotalYears + (maximum.Unit == AgeUnit.Years ? 1 : 0);
        return tooYoung || tooOld ? FilterOutcome.Fail : FilterOutcome.Pass;
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

        var patient = string.Create(CultureInfo.InvariantCulture, $"patient aged {years:0.#}");
        return new FilterCheck("age", AgeOutcome(eligibility, years), $"{patient}; trial takes {limits}");
    }

    private static FilterOutcome SexOutcome(TrialEligibility eligibility, Fact<PatientSex>? sex) =>
        eligibility.Sex is EligibleSex.All or EligibleSex.NotStated ? FilterOutcome.Pass
        : sex is not { Certainty: Certainty.Asserted } known || known.Value == PatientSex.Other ? FilterOutcome.Unknown
        : (eligibility.Sex, known.Value) is (EligibleSex.Female, PatientSex.Female) or (EligibleSex.Male, PatientSex.Male) ? FilterOutcome.Pass
        : FilterOutcome.Fail;

    private static FilterCheck Sex(TrialEligibility eligibility, Fact<PatientSex>? sex)
    {
        var trialSex = eligibility.Sex;
        var participants = $"trial takes {trialSex.ToApiName().ToLowerInvariant()} participants only";
        return SexOutcome(eligibility, sex) switch
        {
            FilterOutcome.Pass when trialSex is EligibleSex.All or EligibleSex.NotStated =>
                new FilterCheck("sex", FilterOutcome.Pass, trialSex == EligibleSex.All ? "all sexes" : "the record sets no sex restriction"),
            FilterOutcome.Unknown => new FilterCheck("sex", FilterOutcome.Unknown, $"{participants}; patient's sex not known"),
            var outcome => new FilterCheck("sex", outcome, $"{participants}; patient is {sex!.Value.ToString().ToLowerInvariant()}"),
        };
    }
}
