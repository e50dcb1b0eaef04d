using Spectre.Console;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Terminal;

/// <summary>A trial as a person reads it in a terminal.</summary>
internal static class TrialView
{
    public static void Write(ClinicalTrial trial)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                grid.AddRow(new Markup($"[bold]{label}[/]"), new Text(TerminalText.Safe(value)));
            }
        }

        Row("NCT id", trial.NctId.Value);
        Row("Title", trial.BriefTitle);
        Row("Official title", trial.OfficialTitle);
        Row("Status", trial.OverallStatus.ToApiName());
        Row("Phase", trial.Phases.ToApiLabel());
        Row("Study type", trial.StudyType.ToApiName());
        Row("Conditions", string.Join("; ", trial.Conditions));
        Row("Interventions", string.Join("; ", trial.Interventions.Select(i => i.Type is null ? i.Name : $"{i.Name} ({i.Type})")));
        Row("Sponsor", trial.LeadSponsor);
        Row("Enrollment", trial.Enrollment is { } e ? $"{e.Count} ({(e.IsActual ? "actual" : "estimated")})" : null);
        Row("Ages", $"{trial.Eligibility.MinimumAge?.ToString() ?? "no minimum"} to {trial.Eligibility.MaximumAge?.ToString() ?? "no maximum"}");
        Row("Sex", trial.Eligibility.Sex.ToApiName());
        Row("Last update", trial.Dates.LastUpdate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Row("Source", trial.Source);
        AnsiConsole.Write(grid);

        if (trial.BriefSummary is not null)
        {
            AnsiConsole.Write(new Panel(new Text(TerminalText.Safe(trial.BriefSummary))).Header("Summary"));
        }

        if (trial.Eligibility.Criteria is not null)
        {
            AnsiConsole.Write(new Panel(new Text(TerminalText.Safe(trial.Eligibility.Criteria))).Header("Eligibility criteria"));
        }

        if (trial.Sites.Count > 0)
        {
            var sites = new Table().AddColumns("Site", "City", "Country", "Status");
            foreach (var site in trial.Sites)
            {
                sites.AddRow(TerminalText.Markup(site.Facility ?? "-"), TerminalText.Markup(site.City ?? "-"), TerminalText.Markup(site.Country ?? "-"), site.Status.ToApiName());
            }

            AnsiConsole.Write(sites);
        }
    }
}
