namespace TrialAccess.Recruitment.Metrics;

/// <summary>
/// The bands a figure is read in: Green, Amber or Red. For a figure where higher is better (recruitment to time and
/// target), Green from <see cref="Green"/> up, Amber from <see cref="Amber"/> up, Red below; where lower is better
/// (screen-failure rate), Green up to <see cref="Green"/>, Amber up to <see cref="Amber"/>, Red above.
/// </summary>
/// <remarks>Bounds are inclusive and read with a tolerance of 1e-9, so that (35% ÷ 50%) − 1, which floating point makes −0.30000000000000004, is on the −0.30 bound.</remarks>
public sealed record RagBands(double Amber, double Green, bool HigherIsBetter)
{
    private const double Tolerance = 1e-9;

    public Rag Read(double value) => HigherIsBetter
        ? value >= Green - Tolerance ? Rag.Green : value >= Amber - Tolerance ? Rag.Amber : Rag.Red
        : value <= Green + Tolerance ? Rag.Green : value <= Amber + Tolerance ? Rag.Amber : Rag.Red;
}

/// <summary>A red-amber-green reading; <see cref="NotAssessed"/> when the figure cannot be computed (no target, not open).</summary>
public enum Rag
{
    NotAssessed,
    Green,
    Amber,
    Red,
}

/// <summary>
/// One version of a metric's definition: what it computes, from when it applies, and the bands it is read in. The
/// figures are always derived from the stored dated events with the version in force on the reporting date, so a new
/// version never rewrites a past report (NIHR changed the RTT formula in January 2021; reports for 2020 keep the old one).
/// </summary>
/// <param name="Code">The metric: <see cref="MetricCodes"/>.</param>
/// <param name="ValidFrom">The first reporting date (inclusive) this version applies to.</param>
/// <param name="Formula">The formula in words, shown beside the figure.</param>
/// <param name="MinimumDenominator">The smallest denominator for which the figure is read in bands (gsm: 3 screened for the screen-failure rate).</param>
public sealed record MetricDefinition(string Code, int Version, DateOnly ValidFrom, string Formula, RagBands? Bands = null, int MinimumDenominator = 1)
{
    /// <summary>"rtt@2": code and version, as reports cite it.</summary>
    public string Citation => $"{Code}@{Version}";
}

public static class MetricCodes
{
    /// <summary>Recruitment to time and target.</summary>
    public const string Rtt = "rtt";

    /// <summary>Accrual per site per month: participants recruited over site-months open.</summary>
    public const string AccrualPerSiteMonth = "psm";

    public const string ScreenFailureRate = "screen-failure-rate";

    /// <summary>Days from a site opening to its first participant (UKCRD KPI 4: within 30 days).</summary>
    public const string TimeToFirstParticipant = "time-to-first-participant";

    /// <summary>Sites opened over sites planned.</summary>
    public const string SitesActivated = "sites-activated";

    /// <summary>When the target will be reached, with an interval.</summary>
    public const string ProjectedCompletion = "projected-completion";

    public static IReadOnlyList<string> All { get; } = [Rtt, AccrualPerSiteMonth, ScreenFailureRate, TimeToFirstParticipant, SitesActivated, ProjectedCompletion];
}

/// <summary>
/// The versions of every metric's definition. <see cref="Default"/> holds the conventions this module follows; a
/// deployment can build its own catalog (other bands, a new version from a date) without touching past reports.
/// </summary>
public sealed class MetricCatalog
{
    private readonly Dictionary<string, List<MetricDefinition>> _versions;

    public MetricCatalog(IEnumerable<MetricDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _versions = definitions
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.ValidFrom).ToList(), StringComparer.Ordinal);
        foreach (var (code, versions) in _versions)
        {
            if (versions.Select(v => v.Version).Distinct().Count() != versions.Count || versions.Select(v => v.ValidFrom).Distinct().Count() != versions.Count)
            {
                throw new ArgumentException($"Metric '{code}' has two versions with the same number or start date.", nameof(definitions));
            }
        }
    }

    /// <summary>
    /// RTT v1 (%recruited − %time elapsed) until 2020; v2 ((%recruited ÷ %time elapsed) − 1, NIHR CRN from January 2021)
    /// read Green from 0, Amber from −0.30 (70% of the expected pace), Red below. Screen-failure rate (gsm kri0012) Green
    /// up to 50%, Amber up to 70%, Red above, from 3 screened.
    /// </summary>
    public static MetricCatalog Default { get; } = new(
    [
        new(MetricCodes.Rtt, 1, new DateOnly(2000, 1, 1), "% of target recruited − % of time elapsed", new RagBands(-0.10, 0, HigherIsBetter: true)),
        new(MetricCodes.Rtt, 2, new DateOnly(2021, 1, 1), "(% of target recruited ÷ % of time elapsed) − 1", new RagBands(-0.30, 0, HigherIsBetter: true)),
        new(MetricCodes.AccrualPerSiteMonth, 1, new DateOnly(2000, 1, 1), "participants recruited ÷ site-months open to recruitment (opened to closed or the reporting date; a month is 30.4375 days)"),
        new(MetricCodes.ScreenFailureRate, 1, new DateOnly(2000, 1, 1), "screen failures ÷ participants screened", new RagBands(0.70, 0.50, HigherIsBetter: false), MinimumDenominator: 3),
        new(MetricCodes.TimeToFirstParticipant, 1, new DateOnly(2000, 1, 1), "days from opened to recruitment to the first participant recruited (within 30 days: UKCRD KPI 4); and from site selected (NIHR PID)"),
        new(MetricCodes.SitesActivated, 1, new DateOnly(2000, 1, 1), "sites opened to recruitment ÷ sites planned"),
        new(MetricCodes.ProjectedCompletion, 1, new DateOnly(2000, 1, 1), "Poisson-gamma: each open site's rate drawn from Gamma(α + n, β + days open), α and β from the sites' spread; 95% interval of the day the remaining target is reached"),
    ]);

    /// <summary>The version of <paramref name="code"/> in force on <paramref name="reportingDate"/>.</summary>
    public MetricDefinition For(string code, DateOnly reportingDate)
    {
        if (!_versions.TryGetValue(code, out var versions))
        {
            throw new ArgumentException($"No definition of metric '{code}'.", nameof(code));
        }

        return versions.LastOrDefault(v => v.ValidFrom <= reportingDate)
            ?? throw new ArgumentException($"Metric '{code}' has no version in force on {reportingDate:yyyy-MM-dd}.", nameof(reportingDate));
    }

    public IEnumerable<MetricDefinition> All => _versions.Values.SelectMany(v => v);
}
