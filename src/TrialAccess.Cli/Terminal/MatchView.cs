using System.Globalization;
using Spectre.Console;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Terminal;

/// <summary>A match result in a terminal; its JSON form is <see cref="MatchReport"/>.</summary>
internal static class MatchView
{
    public static void Write(MatchResult result)
    {
        if (result.Trials.Count == 0)
        {
            AnsiConsole.MarkupLine("No trial matches. Try --any-status, a larger --radius-km, or --include-ineligible.");
            return;
        }

        var table = new Table().AddColumns("#", "NCT id", "Verdict", "Nearest recruiting site", "Title");
        for (var i = 0; i < result.Trials.Count; i++)
        {
            var m = result.Trials[i];
            var site = m.NearestSite is { } near
                ? string.Create(CultureInfo.InvariantCulture, $"{near.Site.City} ({near.DistanceKm:0} km)")
                : "-";
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), m.Trial.NctId.Value, TerminalText.Markup(MatchReport.VerdictName(m.Verdict)), TerminalText.Markup(site), TerminalText.Markup(m.Trial.BriefTitle));
        }

        AnsiConsole.Write(table);
        foreach (var m in result.Trials.Take(3))
        {
            AnsiConsole.MarkupLine($"[bold]{m.Trial.NctId}[/] {TerminalText.Markup(MatchReport.VerdictName(m.Verdict))}");
            foreach (var failing in m.Eligibility.Failing.Take(5))
            {
                AnsiConsole.MarkupLine($"  [red]fails[/] {TerminalText.Markup(Short(failing.Criterion.Segment.Text))} [grey]({TerminalText.Markup(failing.Evidence ?? "")})[/]");
            }

            foreach (var question in m.Questions.Distinct().Take(5))
            {
                AnsiConsole.MarkupLine($"  [yellow]ask[/] {TerminalText.Markup(Short(question))}");
            }
        }

        var hidden = result.HiddenIneligible > 0 ? $"; {result.HiddenIneligible} ineligible hidden (--include-ineligible shows them)" : string.Empty;
        AnsiConsole.MarkupLine(TerminalText.Markup($"{result.Evaluated} candidates evaluated{hidden}. TrialAccess supports clinicians; it does not decide."));
    }

    private static string Short(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length > 140 ? flat[..140] + "..." : flat;
    }
}
