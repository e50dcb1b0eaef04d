using System.Globalization;
using ScottPlot;
using TrialAccess.Recruitment.Metrics;

namespace TrialAccess.Web.Recruitment;

/// <summary>
/// The recruitment charts, drawn on the server with ScottPlot as SVG and served inline as <c>data:</c> images (the
/// content security policy allows them; the PDF export needs no network): the target line against actual accrual,
/// the screening funnel, and a site's monthly accrual.
/// </summary>
public static class RecruitmentCharts
{
    private const int Width = 760;
    private const int Height = 320;

    /// <summary>Cumulative recruitment against the target line (a steady pace from the start to the target end date).</summary>
    public static string TargetLine(StudyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var points = report.Monthly;
        var xs = points.Select(p => MonthEnd(p.Month).ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var target = plot.Add.Scatter(
            [report.RecruitmentStart.ToDateTime(TimeOnly.MinValue).ToOADate(), report.TargetEndDate.ToDateTime(TimeOnly.MinValue).ToOADate()],
            new double[] { 0, report.Target });
        target.LegendText = $"target line ({report.Target} by {report.TargetEndDate:yyyy-MM-dd})";
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Gray;
        target.MarkerSize = 0;
        var shown = points.Select((p, i) => (X: xs[i], Y: p.Cumulative.Value)).Where(p => p.Y is not null).ToList();
        if (shown.Count > 0)
        {
            var actual = plot.Add.Scatter(shown.Select(p => p.X).ToArray(), shown.Select(p => (double)p.Y!.Value).ToArray());
            actual.LegendText = report.Exact ? "recruited" : "recruited (rounded to 5)";
            actual.Color = Color.FromHex("#1f5fa8");
            actual.LineWidth = 2;
            actual.MarkerSize = 4;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("participants");
        plot.Axes.SetLimitsY(0, Math.Max(report.Target, shown.Count == 0 ? 1 : shown.Max(p => p.Y!.Value)) * 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        return DataUri(plot);
    }

    /// <summary>The screening funnel as horizontal bars, first stage at the top.</summary>
    public static string Funnel(FunnelView funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var plot = new Plot();
        var stages = funnel.Stages.ToList();
        var bars = new List<Bar>();
        for (var i = 0; i < stages.Count; i++)
        {
            var value = stages[i].Reached.Value ?? 0;
            bars.Add(new Bar
            {
                Position = stages.Count - i,
                Value = value,
                FillColor = Color.FromHex("#1f5fa8").WithAlpha(0.35 + (0.65 * i / Math.Max(1, stages.Count - 1))),
                Label = stages[i].Reached.ToString(),
                Orientation = Orientation.Horizontal,
            });
        }

        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, stages.Count).Select(i => (double)(stages.Count - i))], [.. stages.Select(s => s.Stage.Replace('_', ' '))]);
        plot.Axes.Margins(left: 0, right: 0.12);
        plot.XLabel("participants");
        return DataUri(plot, Height - 40);
    }

    /// <summary>A site's recruitment per month.</summary>
    public static string Monthly(IReadOnlyList<MonthPoint> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var plot = new Plot();
        var bars = months.Select((m, i) => new Bar
        {
            Position = MonthEnd(m.Month).ToDateTime(TimeOnly.MinValue).AddDays(-14).ToOADate(),
            Value = m.Recruited.Value ?? 0,
            Size = 20,
            FillColor = Color.FromHex("#1f5fa8"),
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("recruited in the month");
        plot.Axes.Margins(bottom: 0);
        return DataUri(plot);
    }

    private static DateOnly MonthEnd(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return first.AddMonths(1).AddDays(-1);
    }

    private static string DataUri(Plot plot, int height = Height) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, height)));
}
