namespace TrialAccess.Recruitment.Metrics;

/// <summary>
/// Recruitment to time and target for a study or a site on a reporting date, with its band.
/// </summary>
/// <param name="Value">The figure as its definition computes it; null when not assessed.</param>
/// <param name="ShareOfTarget">Recruited ÷ target (1.0 = target reached); null with no target.</param>
/// <param name="ShareOfTime">Days elapsed ÷ days planned, between 0 and 1 (1 from the target end date on).</param>
/// <param name="NotAssessed">Why there is no figure: no target, not open yet, period not started; null when assessed.</param>
public sealed record RttFigure(double? Value, double? ShareOfTarget, double? ShareOfTime, Rag Rag, string? NotAssessed, MetricDefinition Definition);

public static class RecruitmentToTimeAndTarget
{
    /// <summary>
    /// Computes the figure. <paramref name="start"/> is the first day of the clock (the study's recruitment start, a
    /// site's opening; null when the site has not opened), <paramref name="end"/> its last. Time elapsed is
    /// (reporting date − start) ÷ (end − start) in days, capped at 1 once the end date has passed.
    /// </summary>
    public static RttFigure Compute(int recruited, int target, DateOnly? start, DateOnly end, DateOnly asOf, MetricDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        double? shareOfTarget = target > 0 ? (double)recruited / target : null;
        if (start is not { } from)
        {
            return new RttFigure(null, shareOfTarget, null, Rag.NotAssessed, "not open to recruitment yet", definition);
        }

        var shareOfTime = ShareOfTime(from, end, asOf);
        if (target <= 0)
        {
            return new RttFigure(null, null, shareOfTime, Rag.NotAssessed, "no target set", definition);
        }

        if (shareOfTime <= 0)
        {
            return new RttFigure(null, shareOfTarget, shareOfTime, Rag.NotAssessed, "recruitment period not started", definition);
        }

        var value = definition.Version switch
        {
            1 => shareOfTarget!.Value - shareOfTime,
            _ => (shareOfTarget!.Value / shareOfTime) - 1,
        };
        var rag = definition.Bands?.Read(value) ?? Rag.NotAssessed;
        return new RttFigure(value, shareOfTarget, shareOfTime, rag, null, definition);
    }

    /// <summary>Days elapsed ÷ days planned, in [0, 1].</summary>
    public static double ShareOfTime(DateOnly start, DateOnly end, DateOnly asOf)
    {
        var elapsed = asOf.DayNumber - start.DayNumber;
        var planned = end.DayNumber - start.DayNumber;
        if (elapsed <= 0)
        {
            return 0;
        }

        return planned <= 0 ? 1 : Math.Min(1, (double)elapsed / planned);
    }
}
