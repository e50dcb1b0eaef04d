namespace TrialAccess.Recruitment.Alerts;

public enum AlertKind
{
    /// <summary>Last month's accrual fell well below the trailing average.</summary>
    AccrualDrop,

    /// <summary>Last month's accrual fell well below the pace the target needs.</summary>
    BelowTargetPace,

    /// <summary>An open site has recruited nobody long after opening.</summary>
    NoFirstParticipant,

    /// <summary>The projected completion falls after the target end date.</summary>
    ProjectedPastTargetEnd,

    /// <summary>The target end date has passed with the target not reached.</summary>
    TargetEndPassed,

    /// <summary>A site's screen-failure rate is in the amber or red band.</summary>
    HighScreenFailureRate,
}

public enum AlertSeverity
{
    Warning,
    Critical,
}

/// <summary>
/// Something a trials office should look at. <see cref="Message"/> gives the figures; <see cref="Summary"/> says the
/// same without counts, for viewers who may see aggregates only.
/// </summary>
/// <param name="SiteCode">The site, or null for the whole study.</param>
public sealed record RecruitmentAlert(AlertKind Kind, AlertSeverity Severity, string? SiteCode, string Message, string Summary);
