using System.Globalization;
using Spectre.Console;
using TrialAccess.Recruitment.Metrics;

namespace TrialAccess.Cli.Terminal;

/// <summary>The JSON of <c>recruitment report</c>: per study its id, target, recruited, RTT, screen-failure rate, sites and alerts.</summary>
internal static class RecruitmentSummary
{
    public static object Of(StudyReport report) => new
    {
        id = report.Id,
        title = report.Title,
        target = report.Target,
        recruited = report.Recruited,
        recruitmentStart = report.RecruitmentStart,
        targetEndDate = report.TargetEndDate,
        rtt = report.Rtt.Value,
        rttBand = report.Rtt.Rag.ToString(),
        rttNotAssessed = report.Rtt.NotAssessed,
        rttDefinition = report.Rtt.Definition.Citation,
        screenFailureRate = report.ScreenFailureRate,
        sitesActivated = new { opened = report.SitesActivated.Opened, planned = report.SitesActivated.Planned },
        projection = new
        {
            kind = report.Projection.Kind.ToString(),
            median = report.Projection.Median,
            lower = report.Projection.Lower,
            upper = report.Projection.Upper,
            probabilityByTargetEnd = report.Projection.ProbabilityByTargetEnd,
            reason = report.Projection.Reason,
        },
        sites = report.Sites.Select(s => new
        {
            id = s.Code,
            name = s.Name,
            target = s.Target,
            recruited = s.Recruited,
            opened = s.Milestones.TryGetValue("Opened", out var opened) ? opened : (DateOnly?)null,
            rtt = s.Rtt.Value,
            rttBand = s.Rtt.Rag.ToString(),
            rttNotAssessed = s.Rtt.NotAssessed,
            status = s.Status.ToString(),
            screenFailureRate = s.ScreenFailureRate,
            accrualPerMonth = s.AccrualPerSiteMonth,
            daysOpenedToFirstParticipant = s.Setup.DaysOpenedToFirst,
            delaySource = s.DelaySource,
        }),
        alerts = report.Alerts.Select(a => new { kind = a.Kind, severity = a.Severity, site = a.Site, message = a.Message }),
        definitions = report.Definitions,
    };
}

/// <summary>The table form of <c>recruitment report</c>.</summary>
internal static class RecruitmentView
{
    public static void Write(IReadOnlyList<StudyReport> reports)
    {
        if (reports.Count == 0)
        {
            AnsiConsole.WriteLine("No monitored studies. Import a site log, or try: recruitment seed-demo");
            return;
        }

        foreach (var report in reports)
        {
            AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(report.Id)}[/] {TerminalText.Markup(report.Title)}");
            AnsiConsole.MarkupLine(TerminalText.Markup(string.Create(CultureInfo.InvariantCulture,
                $"as of {report.AsOf:yyyy-MM-dd}: {report.Recruited} of {report.Target} recruited; RTT {Rtt(report.Rtt)}; screen failures {Percent(report.ScreenFailureRate)}; sites open {report.SitesActivated.Opened} of {report.SitesActivated.Planned}; {Projection(report.Projection)}")));
            var table = new Table().AddColumns("Site", "Opened", "Target", "Recr.", "RTT", "Status", "/month", "SF", "To 1st");
            foreach (var site in report.Sites)
            {
                table.AddRow(
                    TerminalText.Markup(site.Code),
                    site.Milestones.TryGetValue("Opened", out var opened) ? opened.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not open",
                    site.Target.ToString(CultureInfo.InvariantCulture),
                    site.Recruited.ToString(),
                    site.Rtt.Value is { } rtt ? rtt.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "-",
                    Colour(site.Status),
                    site.AccrualPerSiteMonth is { } psm ? psm.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    Percent(site.ScreenFailureRate),
                    site.Setup.DaysOpenedToFirst?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }

            AnsiConsole.Write(table);
            foreach (var alert in report.Alerts)
            {
                AnsiConsole.MarkupLine($"[{(alert.Severity == "Critical" ? "red" : "yellow")}]alert[/] {TerminalText.Markup(alert.Message)}");
            }

            foreach (var site in report.Sites.Where(s => s.Rtt.Value is null))
            {
                AnsiConsole.MarkupLine(TerminalText.Markup($"{site.Code} ({site.Name}): RTT not assessed, {site.Rtt.NotAssessed}"));
            }

            AnsiConsole.WriteLine();
        }
    }

    private static string Rtt(RttFigure rtt) => rtt.Value is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"{value:+0%;-0%;0%} ({rtt.Rag})")
        : $"not assessed: {rtt.NotAssessed}";

    private static string Percent(double? share) => share is { } value ? value.ToString("0%", CultureInfo.InvariantCulture) : "-";

    private static string Colour(Rag rag) => rag switch
    {
        Rag.Green => "[green]Green[/]",
        Rag.Amber => "[yellow]Amber[/]",
        Rag.Red => "[red]Red[/]",
        _ => "not assessed",
    };

    private static string Projection(Projection projection) => projection.Kind switch
    {
        ProjectionKind.Reached => $"target reached on {projection.Median:yyyy-MM-dd}",
        ProjectionKind.Projected => string.Create(CultureInfo.InvariantCulture, $"projected to reach the target on {projection.Median:yyyy-MM-dd} (95%: {projection.Lower:yyyy-MM-dd} to {projection.Upper:yyyy-MM-dd})"),
        _ => $"no projection: {projection.Reason}",
    };
}
