using TrialAccess.Pipeline.Projects;
using TrialAccess.Pipeline.Stages;

namespace TrialAccess.Pipeline.Portfolio;

/// <summary>How long completed stays in one stage lasted (days between entering and leaving).</summary>
/// <param name="Completed">Stays that ended (advanced or stopped); stays still running are not counted.</param>
public sealed record StageDuration(string Stage, string Name, int Completed, double? MedianDays, double? MeanDays);

/// <summary>A reason given for stopping projects at a stage, and how many.</summary>
public sealed record StopReason(string Reason, int Projects);

/// <summary>
/// Attrition at one stage: of the projects that entered it, how many advanced, stopped (with reasons) or are still
/// in it. <see cref="AttritionRate"/> is stopped / (advanced + stopped), over decided stays only (null when none).
/// </summary>
public sealed record StageAttrition(string Stage, string Name, int Entered, int Advanced, int Stopped, int StillIn, double? AttritionRate, IReadOnlyList<StopReason> Reasons);

/// <summary>Agents taken into trials in one year (first entry into a clinical stage), and the running total.</summary>
public sealed record YearCount(int Year, int Count, int Cumulative);

/// <summary>
/// The centre's portfolio on a date, computed from the stage histories (nothing is stored): projects, how many are in
/// each stage now (active, on hold and handed-over projects by their current stage; stopped ones are counted in
/// attrition), agents taken into trials since the start (ever in a clinical stage), agents that reached the market,
/// time in each stage, attrition per stage, and the time from nomination to the committee's decision.
/// </summary>
/// <param name="ByStage">Stage name to the number of projects in it now, every stage listed, in pipeline order.</param>
/// <param name="MedianDaysNominationToDecision">Median days from submission to leaving the decision stage, over nominations decided.</param>
public sealed record PortfolioReport(
    DateOnly AsOf,
    int Projects,
    IReadOnlyDictionary<string, int> ByStage,
    int IntoTrials,
    int ReachedMarket,
    int Active,
    int OnHold,
    int Stopped,
    int HandedOver,
    IReadOnlyList<StageDuration> TimeInStage,
    IReadOnlyList<StageAttrition> Attrition,
    int NominationsDecided,
    double? MedianDaysNominationToDecision,
    IReadOnlyList<YearCount> IntoTrialsByYear);

/// <summary>Computes the <see cref="PortfolioReport"/> from projects (already filtered by what the viewer may see).</summary>
public static class PortfolioCalculator
{
    public static PortfolioReport Compute(IReadOnlyCollection<DevelopmentProject> projects, StageCatalog stages, DateOnly asOf)
    {
        var byStage = new Dictionary<string, int>();
        foreach (var stage in stages.Stages)
        {
            byStage[stage.Name] = projects.Count(p => p.CurrentStage == stage.Code && p.Status != ProjectStatus.Stopped);
        }

        var durations = new List<StageDuration>();
        var attrition = new List<StageAttrition>();
        foreach (var stage in stages.Stages)
        {
            var stays = projects.SelectMany(p => p.StageHistory.Where(s => s.Stage == stage.Code)).ToList();
            var completed = stays.Where(s => s.LeftOn is not null).Select(s => (double)(s.LeftOn!.Value.DayNumber - s.EnteredOn.DayNumber)).Order().ToList();
            durations.Add(new StageDuration(stage.Code, stage.Name, completed.Count, Median(completed), completed.Count == 0 ? null : completed.Average()));

            var advanced = stays.Count(s => s.Exit == StageExit.Advanced);
            var stopped = stays.Where(s => s.Exit == StageExit.Stopped).ToList();
            var reasons = stopped.GroupBy(s => s.ExitReason ?? "(no reason given)")
                .Select(g => new StopReason(g.Key, g.Count()))
                .OrderByDescending(r => r.Projects).ThenBy(r => r.Reason, StringComparer.Ordinal)
                .ToList();
            var decided = advanced + stopped.Count;
            attrition.Add(new StageAttrition(stage.Code, stage.Name, stays.Count, advanced, stopped.Count, stays.Count(s => s.LeftOn is null),
                decided == 0 ? null : (double)stopped.Count / decided, reasons));
        }

        var decisionStage = stages.Stages.FirstOrDefault(s => s.ExitGate?.RequiresMeeting == true);
        var toDecision = decisionStage is null ? [] : projects
            .Where(p => p.Nomination is not null)
            .Select(p => (p.Nomination!, Left: p.StageHistory.FirstOrDefault(s => s.Stage == decisionStage.Code && s.LeftOn is not null)?.LeftOn))
            .Where(x => x.Left is not null)
            .Select(x => (double)(x.Left!.Value.DayNumber - DateOnly.FromDateTime(x.Item1.SubmittedAt.UtcDateTime).DayNumber))
            .Order()
            .ToList();

        var firstClinical = stages.FirstClinical.Order;
        var firstTrialYears = projects
            .Select(p => p.StageHistory.Where(s => stages.Find(s.Stage) is { } st && st.Order >= firstClinical).Select(s => (int?)s.EnteredOn.Year).Min())
            .Where(y => y is not null)
            .GroupBy(y => y!.Value)
            .OrderBy(g => g.Key)
            .ToList();
        var cumulative = 0;
        var byYear = firstTrialYears.Select(g => new YearCount(g.Key, g.Count(), cumulative += g.Count())).ToList();

        return new PortfolioReport(
            asOf,
            projects.Count,
            byStage,
            projects.Count(p => p.HasBeenInTrials(stages)),
            projects.Count(p => p.MarketApprovalOn is { } on && on <= asOf),
            projects.Count(p => p.Status == ProjectStatus.Active),
            projects.Count(p => p.Status == ProjectStatus.OnHold),
            projects.Count(p => p.Status == ProjectStatus.Stopped),
            projects.Count(p => p.Status == ProjectStatus.HandedOver),
            durations,
            attrition,
            toDecision.Count,
            Median(toDecision),
            byYear);
    }

    private static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}
