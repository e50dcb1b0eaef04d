using System.Globalization;
using Spectre.Console;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Matching;
using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Cli.Terminal;

/// <summary>A match result in a terminal, and its JSON form (shared with the web API's shape).</summary>
internal static class MatchView
{
    public static object Json(MatchResult result, IReadOnlyList<PatientIntakeIssue> warnings) => new
    {
        result.Evaluated,
        result.HiddenIneligible,
        PatientWarnings = warnings.Select(w => w.ToString()),
        Trials = result.Trials.Select((m, i) => new
        {
            Rank = i + 1,
            m.Trial.NctId,
            Title = m.Trial.BriefTitle,
            Status = m.Trial.OverallStatus.ToApiName(),
            Phases = m.Trial.Phases.Select(p => p.ToApiName()),
            Verdict = VerdictName(m.Verdict),
            Relevance = Math.Round(m.Relevance, 4),
            m.MatchedTerms,
            NearestRecruitingSite = m.NearestSite is { } near ? new
            {
                near.Site.Facility,
                near.Site.City,
                near.Site.State,
                near.Site.Country,
                DistanceKm = Math.Round(near.DistanceKm, 1),
            } : null,
            Filters = m.Filters.Checks.Select(c => new { c.Filter, Outcome = c.Outcome.ToString().ToLowerInvariant(), c.Explanation }),
            Criteria = m.Eligibility.Criteria.Select(c => new
            {
                Role = c.Role.ToString().ToLowerInvariant(),
                c.Criterion.Segment.Text,
                Outcome = OutcomeName(c.Outcome),
                c.Fails,
                c.Evidence,
                c.Questions,
            }),
            Failing = m.Eligibility.Failing.Select(c => c.Criterion.Segment.Text),
            Questions = m.Questions.Distinct(),
        }),
    };

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
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), m.Trial.NctId.Value, Markup.Escape(VerdictName(m.Verdict)), Markup.Escape(site), Markup.Escape(m.Trial.BriefTitle));
        }

        AnsiConsole.Write(table);
        foreach (var m in result.Trials.Take(3))
        {
            AnsiConsole.MarkupLine($"[bold]{m.Trial.NctId}[/] {Markup.Escape(VerdictName(m.Verdict))}");
            foreach (var failing in m.Eligibility.Failing.Take(5))
            {
                AnsiConsole.MarkupLine($"  [red]fails[/] {Markup.Escape(Short(failing.Criterion.Segment.Text))} [grey]({Markup.Escape(failing.Evidence ?? "")})[/]");
            }

            foreach (var question in m.Questions.Distinct().Take(5))
            {
                AnsiConsole.MarkupLine($"  [yellow]ask[/] {Markup.Escape(Short(question))}");
            }
        }

        var hidden = result.HiddenIneligible > 0 ? $"; {result.HiddenIneligible} ineligible hidden (--include-ineligible shows them)" : string.Empty;
        AnsiConsole.MarkupLine(Markup.Escape($"{result.Evaluated} candidates evaluated{hidden}. TrialAccess supports clinicians; it does not decide."));
    }

    public static string VerdictName(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.Eligible => "eligible",
        TrialVerdict.PossiblyEligible => "possibly_eligible",
        TrialVerdict.Ineligible => "ineligible",
    };

    public static string OutcomeName(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => "met",
        CriterionOutcome.NotMet => "not_met",
        CriterionOutcome.Unknown => "unknown",
        CriterionOutcome.NotApplicable => "not_applicable",
    };

    private static string Short(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length > 140 ? flat[..140] + "..." : flat;
    }
}
