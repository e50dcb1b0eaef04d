namespace TrialAccess.Recruitment.Referrals;

/// <summary>
/// For one criterion of a trial, how the engine's reading held up at screening: of the screened referrals where the
/// engine judged the criterion satisfied (or could not tell), how many passed screening and how many failed on this
/// very criterion.
/// </summary>
/// <param name="EngineSatisfied">Screened referrals where the engine judged the criterion satisfied.</param>
/// <param name="EngineUnknown">Screened referrals where the engine could not tell.</param>
/// <param name="FailedWhenSatisfied">Of <paramref name="EngineSatisfied"/>, those that failed screening on this criterion: the engine was wrong.</param>
/// <param name="FailedWhenUnknown">Of <paramref name="EngineUnknown"/>, those that failed screening on this criterion.</param>
public sealed record CriterionSignal(string Position, string Text, int EngineSatisfied, int EngineUnknown, int FailedWhenSatisfied, int FailedWhenUnknown)
{
    /// <summary>Share of referrals the engine judged satisfied that did not fail on this criterion; null with none.</summary>
    public double? ConfirmedShare => EngineSatisfied == 0 ? null : 1.0 - ((double)FailedWhenSatisfied / EngineSatisfied);
}

/// <summary>Pass rates by the engine's verdict, and per criterion.</summary>
/// <param name="Screened">Referrals with a screening outcome of passed or failed (declines are not screening results).</param>
public sealed record ScreeningSignal(
    int Screened,
    int EligibleScreened,
    int EligiblePassed,
    int PossiblyEligibleScreened,
    int PossiblyEligiblePassed,
    IReadOnlyList<CriterionSignal> Criteria)
{
    public double? EligiblePassRate => EligibleScreened == 0 ? null : (double)EligiblePassed / EligibleScreened;

    public double? PossiblyEligiblePassRate => PossiblyEligibleScreened == 0 ? null : (double)PossiblyEligiblePassed / PossiblyEligibleScreened;

    /// <summary>The real-world signal from the referrals of one trial (or several): only screened ones count.</summary>
    public static ScreeningSignal From(IEnumerable<Referral> referrals)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var screened = referrals.Where(r => r.Status is ReferralStatus.PassedScreening or ReferralStatus.FailedScreening).ToList();
        var criteria = new Dictionary<string, (string Text, int Satisfied, int Unknown, int FailedSatisfied, int FailedUnknown)>(StringComparer.Ordinal);
        foreach (var referral in screened)
        {
            var failedPositions = referral.Reasons.Select(r => r.CriterionPosition).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var criterion in referral.Checklist)
            {
                var unknown = criterion.Outcome == "unknown";
                if (!criterion.Satisfied && !unknown)
                {
                    continue;
                }

                var failed = failedPositions.Contains(criterion.Position);
                var row = criteria.TryGetValue(criterion.Position, out var found) ? found : (Text: criterion.Text, Satisfied: 0, Unknown: 0, FailedSatisfied: 0, FailedUnknown: 0);
                criteria[criterion.Position] = unknown
                    ? (row.Text, row.Satisfied, row.Unknown + 1, row.FailedSatisfied, row.FailedUnknown + (failed ? 1 : 0))
                    : (row.Text, row.Satisfied + 1, row.Unknown, row.FailedSatisfied + (failed ? 1 : 0), row.FailedUnknown);
            }
        }

        return new ScreeningSignal(
            screened.Count,
            screened.Count(r => r.Verdict == ReferralVerdict.Eligible),
            screened.Count(r => r.Verdict == ReferralVerdict.Eligible && r.Status == ReferralStatus.PassedScreening),
            screened.Count(r => r.Verdict == ReferralVerdict.PossiblyEligible),
            screened.Count(r => r.Verdict == ReferralVerdict.PossiblyEligible && r.Status == ReferralStatus.PassedScreening),
            [.. criteria
                .Select(kv => new CriterionSignal(kv.Key, kv.Value.Text, kv.Value.Satisfied, kv.Value.Unknown, kv.Value.FailedSatisfied, kv.Value.FailedUnknown))
                .OrderByDescending(c => c.FailedWhenSatisfied + c.FailedWhenUnknown)
                .ThenBy(c => c.Position, StringComparer.Ordinal)]);
    }
}
