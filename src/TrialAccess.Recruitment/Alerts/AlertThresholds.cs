namespace TrialAccess.Recruitment.Alerts;

/// <summary>
/// When an alert is raised. Bound from configuration (<c>TrialAccess:Recruitment:Alerts</c>); the defaults follow
/// the example and UKCRD KPI 4.
/// </summary>
public sealed class AlertThresholds
{
    /// <summary>Months of trailing average a month is compared with. Default 3.</summary>
    public int TrailingMonths { get; set; } = 3;

    /// <summary>A month this far below the trailing average raises an alert (0.6: 60% below). Default 0.6.</summary>
    public double DropBelowTrailingAverage { get; set; } = 0.6;

    /// <summary>The trailing average must be at least this (participants a month) for a drop to count, so that one quiet month at a small site is not an alarm. Default 1.</summary>
    public double MinimumTrailingAverage { get; set; } = 1.0;

    /// <summary>A month this far below the pace the target needs (target ÷ months planned) raises an alert. Default 0.6.</summary>
    public double DropBelowTargetPace { get; set; } = 0.6;

    /// <summary>An open site with nobody recruited this many days after opening raises an alert. Default 30 (UKCRD KPI 4).</summary>
    public int DaysWithoutFirstParticipant { get; set; } = 30;

    /// <summary>Null when the thresholds make sense, else what is wrong.</summary>
    public string? Validate() =>
        TrailingMonths is < 1 or > 24 ? "TrailingMonths must be between 1 and 24."
        : DropBelowTrailingAverage is <= 0 or >= 1 ? "DropBelowTrailingAverage must be between 0 and 1 (0.6 is 60% below)."
        : DropBelowTargetPace is <= 0 or >= 1 ? "DropBelowTargetPace must be between 0 and 1."
        : MinimumTrailingAverage < 0 ? "MinimumTrailingAverage cannot be negative."
        : DaysWithoutFirstParticipant < 1 ? "DaysWithoutFirstParticipant must be at least 1."
        : null;
}
