namespace TrialAccess.Recruitment.Sites;

/// <summary>
/// The dated steps of a site's set-up and life, in the order they happen (NIHR PID / CTP site fields).
/// </summary>
public enum SiteMilestone
{
    /// <summary>The sponsor invited the site to take part.</summary>
    Invited,

    /// <summary>The sponsor selected the site (the start of PID's "selected to first participant" clock).</summary>
    Selected,

    /// <summary>Regulatory and ethics approval (HRA approval in England).</summary>
    Approved,

    /// <summary>The site confirmed its capacity and capability.</summary>
    Confirmed,

    /// <summary>Opened to recruitment: the start of the site's time clock and of its accrual months.</summary>
    Opened,

    /// <summary>The first participant recruited at the site.</summary>
    FirstParticipant,

    /// <summary>Closed to recruitment: the end of the site's accrual months.</summary>
    Closed,
}

/// <summary>Who or what delayed a site's set-up (the PID "source of delay").</summary>
public enum DelaySource
{
    None,
    Sponsor,

    /// <summary>The NHS provider (the site itself).</summary>
    Site,
    Both,
    Other,
}
