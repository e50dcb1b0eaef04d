using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace TrialAccess.Recruitment.Metrics;

/// <summary>What a site has shown so far: participants recruited over days open.</summary>
public sealed record SiteExposure(string SiteCode, int Recruited, int DaysOpen, bool StillOpen);

public enum ProjectionKind
{
    /// <summary>The target is reached: <see cref="Projection.Median"/> is the day it was.</summary>
    Reached,

    /// <summary>Projected, with an interval.</summary>
    Projected,

    /// <summary>No projection can be made (<see cref="Projection.Reason"/> says why).</summary>
    NotProjectable,
}

/// <summary>
/// When the study will reach its target: the median day and a 95% interval, the probability of reaching it by the
/// target end date, and the prior the sites' rates were drawn from.
/// </summary>
public sealed record Projection(
    ProjectionKind Kind,
    DateOnly? Median,
    DateOnly? Lower,
    DateOnly? Upper,
    double? ProbabilityByTargetEnd,
    string? Reason,
    double? PriorShape,
    double? PriorRate)
{
    public static Projection NotProjectable(string reason) => new(ProjectionKind.NotProjectable, null, null, null, null, reason, null, null);
}

/// <summary>
/// The Poisson-gamma recruitment model (Anisimov &amp; Fedorov 2007). Each site recruits as a Poisson process whose
/// rate λᵢ varies between sites as Gamma(α, β); given nᵢ participants in τᵢ days open, the site's rate is
/// Gamma(α + nᵢ, β + τᵢ). The days the open sites need to recruit the R participants still missing is, given the
/// rates, Gamma(R, Σλᵢ); drawing the rates and then the days <see cref="Draws"/> times gives the median and the 2.5%
/// and 97.5% quantiles.
/// </summary>
/// <remarks>
/// α and β come from the sites by the method of moments for Poisson rates: m = Σn ÷ Στ,
/// s² = (Σ τᵢ (nᵢ/τᵢ − m)² − (k − 1) m) ÷ (Στ − Στ² ÷ Στ), α = m² ÷ s², β = α ÷ m. With fewer than
/// <see cref="MinimumSitesForSpread"/> sites, or no spread beyond Poisson noise (s² ≤ 0), each site keeps its own rate
/// with the Jeffreys prior Gamma(½, 0). Sites not yet open and closed sites add nothing to the future (a conservative
/// projection); draws use a fixed seed, so the same data give the same dates.
/// </remarks>
public static class RecruitmentProjection
{
    public const int Draws = 4000;

    public const int MinimumSitesForSpread = 3;

    private const int Seed = 15;

    /// <summary>The prior Gamma(α, β) from the sites' spread; null when there is too little to estimate it.</summary>
    public static (double Shape, double Rate)? EstimatePrior(IReadOnlyList<SiteExposure> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var observed = sites.Where(s => s.DaysOpen > 0).ToList();
        if (observed.Count < MinimumSitesForSpread)
        {
            return null;
        }

        double totalDays = observed.Sum(s => (double)s.DaysOpen);
        var mean = observed.Sum(s => (double)s.Recruited) / totalDays;
        if (mean <= 0)
        {
            return null;
        }

        var spread = observed.Sum(s => s.DaysOpen * Math.Pow(((double)s.Recruited / s.DaysOpen) - mean, 2)) - ((observed.Count - 1) * mean);
        var scale = totalDays - (observed.Sum(s => (double)s.DaysOpen * s.DaysOpen) / totalDays);
        var variance = spread / scale;
        if (variance <= 0)
        {
            return null;
        }

        var shape = mean * mean / variance;
        return (shape, shape / mean);
    }

    /// <param name="recruited">Participants recruited in the whole study so far.</param>
    /// <param name="reachedOn">The day the target was reached, when it was.</param>
    public static Projection Project(int target, int recruited, DateOnly? reachedOn, IReadOnlyList<SiteExposure> sites, DateOnly asOf, DateOnly targetEnd)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (target <= 0)
        {
            return Projection.NotProjectable("no target set");
        }

        if (recruited >= target)
        {
            return new Projection(ProjectionKind.Reached, reachedOn, reachedOn, reachedOn, 1, null, null, null);
        }

        var open = sites.Where(s => s.StillOpen && s.DaysOpen > 0).ToList();
        if (open.Count == 0)
        {
            return Projection.NotProjectable("no site is open to recruitment");
        }

        if (open.Sum(s => s.Recruited) == 0 && sites.Sum(s => s.Recruited) == 0)
        {
            return Projection.NotProjectable("nobody recruited yet: no rate to project from");
        }

        var prior = EstimatePrior(sites);
        var (shape, rate) = prior ?? (0.5, 0.0);
        var remaining = target - recruited;
        var random = new MersenneTwister(Seed);
        var days = new double[Draws];
        var daysToEnd = targetEnd.DayNumber - asOf.DayNumber;
        var onTime = 0;
        for (var i = 0; i < Draws; i++)
        {
            var total = 0.0;
            foreach (var site in open)
            {
                total += Gamma.Sample(random, shape + site.Recruited, rate + site.DaysOpen);
            }

            days[i] = total <= 0 ? double.PositiveInfinity : Gamma.Sample(random, remaining, total);
            if (days[i] <= daysToEnd)
            {
                onTime++;
            }
        }

        Array.Sort(days);
        DateOnly? Quantile(double p)
        {
            var value = days[(int)Math.Round(p * (Draws - 1))];
            return double.IsFinite(value) && value < 36_500 ? asOf.AddDays((int)Math.Ceiling(value)) : null;
        }

        return new Projection(ProjectionKind.Projected, Quantile(0.5), Quantile(0.025), Quantile(0.975), (double)onTime / Draws, null, prior?.Shape, prior?.Rate);
    }
}
