using System.Globalization;
using System.Net;
using System.Text;
using nietras.SeparatedValues;
using TrialAccess.Recruitment.Metrics;

namespace TrialAccess.Web.Recruitment;

/// <summary>A study's report as the viewer sees it, as CSV (one row per site, then the study) and as a printable HTML document for the PDF.</summary>
public static class RecruitmentExport
{
    public static string Csv(StudyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = Sep.New(',').Writer().ToText();
        void Row(string level, string code, string name, string opened, int target, string recruited, RttFigure rtt, Rag status, double? screenFailures, double? perMonth, int? daysToFirst)
        {
            using var row = writer.NewRow();
            row["study_id"].Set(report.Id);
            row["level"].Set(level);
            row["site_id"].Set(code);
            row["site_name"].Set(name);
            row["opened"].Set(opened);
            row["target"].Set(target.ToString(CultureInfo.InvariantCulture));
            row["recruited"].Set(recruited);
            row["rtt"].Set(rtt.Value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "");
            row["rtt_band"].Set(rtt.Rag.ToString());
            row["status"].Set(status.ToString());
            row["screen_failure_rate"].Set(screenFailures?.ToString("0.000", CultureInfo.InvariantCulture) ?? "");
            row["accrual_per_month"].Set(perMonth?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
            row["days_opened_to_first"].Set(daysToFirst?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["as_of"].Set(report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var site in report.Sites)
        {
            Row("site", site.Code, site.Name, site.Milestones.TryGetValue("Opened", out var opened) ? opened.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                site.Target, site.Recruited.ToString(), site.Rtt, site.Status, site.ScreenFailureRate, site.AccrualPerSiteMonth, site.Setup.DaysOpenedToFirst);
        }

        Row("study", "", report.Title, report.RecruitmentStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Target, report.Recruited.ToString(), report.Rtt, report.Rtt.Rag, report.ScreenFailureRate, null, null);
        return writer.ToString();
    }

    /// <summary>One self-contained page (styles inline, charts as data: images, no scripts), for Chromium to print.</summary>
    public static string Html(StudyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Id)).Append("</title><style>")
            .Append("body{font-family:sans-serif;font-size:10pt;color:#222}h1{font-size:15pt}h2{font-size:12pt;margin-top:14pt}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border-bottom:1px solid #ccc;padding:3pt;text-align:left}.Green{color:#17663a}.Amber{color:#8a5a12}.Red{color:#b3261e}img{max-width:100%}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(report.Id)).Append(": ").Append(E(report.Title)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>As of {report.AsOf:yyyy-MM-dd}. {E(report.Recruited.ToString())} of {report.Target} recruited; recruitment to time and target {E(Signed(report.Rtt.Value))} (<span class=\"{report.Rtt.Rag}\">{report.Rtt.Rag}</span>); screen-failure rate {E(Percent(report.ScreenFailureRate))}; sites open {report.SitesActivated.Opened} of {report.SitesActivated.Planned}.</p>");
        if (!report.Exact)
        {
            html.Append("<p>Aggregate figures: counts from 1 to 4 are shown as &lt;5, others rounded to the nearest 5.</p>");
        }

        html.Append("<h2>Recruitment against the target line</h2><img src=\"").Append(RecruitmentCharts.TargetLine(report)).Append("\" alt=\"target line\">");
        html.Append("<h2>Sites</h2><table><tr><th>Site</th><th>Target</th><th>Recruited</th><th>RTT</th><th>Status</th><th>Screen failures</th></tr>");
        foreach (var site in report.Sites)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(site.Code)} {E(site.Name)}</td><td>{site.Target}</td><td>{E(site.Recruited.ToString())}</td><td>{E(Signed(site.Rtt.Value))}</td><td class=\"{site.Status}\">{site.Status}</td><td>{E(Percent(site.ScreenFailureRate))}</td></tr>");
        }

        html.Append("</table><h2>Alerts</h2><ul>");
        foreach (var alert in report.Alerts)
        {
            html.Append("<li>").Append(E(alert.Message)).Append("</li>");
        }

        html.Append("</ul><h2>Screening funnel</h2><img src=\"").Append(RecruitmentCharts.Funnel(report.Funnel)).Append("\" alt=\"funnel\"><ul>");
        foreach (var reason in report.Funnel.Reasons.Take(15))
        {
            html.Append("<li>").Append(E(reason.Count.ToString())).Append(' ').Append(E(reason.End)).Append(": ").Append(E(reason.Criterion is null ? reason.Text : reason.Criterion + ": " + reason.Text)).Append("</li>");
        }

        html.Append("</ul><p>Definitions: ").Append(E(string.Join(", ", report.Definitions))).Append("</p></body></html>");
        return html.ToString();
    }

    private static string Signed(double? value) => value is { } v ? v.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "not assessed";

    private static string Percent(double? share) => share is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "–";
}
