using System.Text.Json;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Eligibility.Quality;

/// <summary>
/// One labelled (patient, criterion) pair: the patient is a TREC topic, the criterion a span of a trial's criteria text
/// (never its text), with the outcome and basis a careful reader gives it (see the gold's README).
/// </summary>
/// <param name="Start">Where the criterion starts in the trial's criteria text as TrialAccess stores it.</param>
/// <param name="TextSha256">The first 8 hex digits of the SHA-256 of the criterion text, to check the span.</param>
/// <param name="Class">What the criterion is chiefly about: condition, treatment, procedure, measurement, studied-disease, demographic, reproductive or consent-logistics.</param>
/// <param name="Outcome">met, not_met, unknown or not_applicable (for an exclusion, met means it applies).</param>
/// <param name="Basis">recorded, presumed or unknown.</param>
public sealed record GoldPair(int Topic, string NctId, string Role, int Start, int Length, string TextSha256, string Class, string Outcome, string Basis, string? Why = null);

/// <summary>How often the engine agrees with the labels in one group of pairs.</summary>
public sealed record PairScore(int Pairs, int Agreed)
{
    public double Accuracy => Pairs == 0 ? 0 : Math.Round((double)Agreed / Pairs, 4);
}

/// <summary>One pair as the engine answered it, beside its label (listed for development sets only).</summary>
public sealed record PairMiss(int Topic, string NctId, string Role, string Class, string Criterion, string Expected, string ExpectedBasis, string Given, string GivenBasis, string? Evidence, string? Why)
{
    public bool Agreed => string.Equals(Expected, Given, StringComparison.Ordinal);
}

/// <summary>The engine scored on labelled pairs.</summary>
/// <param name="WrongfulExclusions">Pairs where the engine rules the patient out (an inclusion not met, an exclusion met) and the label does not.</param>
/// <param name="Confusion">Label outcome to engine outcome to count.</param>
/// <param name="BasisAgreed">Of the pairs whose outcome agrees, those whose basis agrees too.</param>
/// <param name="Unresolved">Labels whose trial or topic is missing, or whose span no longer has the labelled hash.</param>
public sealed record PairReport(
    PairScore Overall,
    IReadOnlyDictionary<string, PairScore> ByClass,
    IReadOnlyDictionary<string, PairScore> ByOutcome,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion,
    int WrongfulExclusions,
    int BasisAgreed,
    IReadOnlyList<string> Unresolved,
    IReadOnlyList<PairMiss> Results)
{
    /// <summary>The pairs where the engine and the label disagree.</summary>
    public IEnumerable<PairMiss> Misses => Results.Where(r => !r.Agreed);

    public double WrongfulExclusionRate => Overall.Pairs == 0 ? 0 : Math.Round((double)WrongfulExclusions / Overall.Pairs, 4);
}

/// <summary>Scores the eligibility engine, one criterion at a time, against labelled (patient, criterion) pairs.</summary>
public static class CriterionPairGold
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<GoldPair> Read(TextReader jsonl)
    {
        var pairs = new List<GoldPair>();
        var number = 0;
        for (var line = jsonl.ReadLine(); line is not null; line = jsonl.ReadLine())
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                pairs.Add(JsonSerializer.Deserialize<GoldPair>(line, Options) ?? throw new JsonException($"line {number}: null"));
            }
        }

        return pairs;
    }

    /// <summary>
    /// Evaluates each labelled criterion on its own (as <c>criteria evaluate</c> does) against its topic's patient, read
    /// from the topic's text as a note, and compares outcomes.
    /// </summary>
    /// <param name="patients">The patient of each topic number.</param>
    /// <param name="trials">Every available version of each trial; the version whose span has the labelled hash is used.</param>
    public static PairReport Score(IReadOnlyList<GoldPair> pairs, IReadOnlyDictionary<int, PatientProfile> patients, IReadOnlyDictionary<NctId, IReadOnlyList<ClinicalTrial>> trials, CriterionParser parser, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(context);
        var byClass = new SortedDictionary<string, (int Pairs, int Agreed)>(StringComparer.Ordinal);
        var byOutcome = new SortedDictionary<string, (int Pairs, int Agreed)>(StringComparer.Ordinal);
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        var misses = new List<PairMiss>();
        int total = 0, agreed = 0, wrongful = 0, basisAgreed = 0;
        foreach (var pair in pairs)
        {
            var text = Resolve(pair, trials);
            if (text is null || !patients.TryGetValue(pair.Topic, out var patient) || !TryRole(pair.Role, out var role))
            {
                unresolved.Add($"topic {pair.Topic} {pair.NctId} {pair.Role} @{pair.Start}");
                continue;
            }

            var evaluation = EligibilityEvaluator.Evaluate(parser.Parse(text, role), patient, context);
            var given = OutcomeNames.Of(evaluation.Outcome);
            var givenBasis = OutcomeNames.Of(evaluation.Basis);
            var same = string.Equals(given, pair.Outcome, StringComparison.Ordinal);
            total++;
            agreed += same ? 1 : 0;
            basisAgreed += same && string.Equals(givenBasis, pair.Basis, StringComparison.Ordinal) ? 1 : 0;
            wrongful += evaluation.Fails && !same ? 1 : 0;
            Count(byClass, pair.Class, same);
            Count(byOutcome, pair.Outcome, same);
            if (!confusion.TryGetValue(pair.Outcome, out var row))
            {
                confusion[pair.Outcome] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[given] = row.GetValueOrDefault(given) + 1;
            misses.Add(new PairMiss(pair.Topic, pair.NctId, pair.Role, pair.Class, text, pair.Outcome, pair.Basis, given, givenBasis, evaluation.Evidence, pair.Why));
        }

        return new PairReport(
            new PairScore(total, agreed),
            byClass.ToDictionary(c => c.Key, c => new PairScore(c.Value.Pairs, c.Value.Agreed)),
            byOutcome.ToDictionary(c => c.Key, c => new PairScore(c.Value.Pairs, c.Value.Agreed)),
            confusion.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, int>)c.Value),
            wrongful,
            basisAgreed,
            unresolved,
            misses);
    }

    /// <summary>The criterion's text from the version of the trial whose span has the labelled hash, or null.</summary>
    public static string? Resolve(GoldPair pair, IReadOnlyDictionary<NctId, IReadOnlyList<ClinicalTrial>> trials)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(trials);
        if (!NctId.TryParse(pair.NctId, out var id) || !trials.TryGetValue(id, out var versions) || pair.Start < 0 || pair.Length <= 0)
        {
            return null;
        }

        foreach (var trial in versions)
        {
            var criteria = trial.Eligibility.Criteria;
            if (criteria is not null && pair.Start + pair.Length <= criteria.Length)
            {
                var text = criteria.Substring(pair.Start, pair.Length);
                if (string.Equals(CriteriaGoldSet.Hash(text), pair.TextSha256, StringComparison.OrdinalIgnoreCase))
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static bool TryRole(string role, out CriterionRole parsed)
    {
        parsed = string.Equals(role, "exclusion", StringComparison.OrdinalIgnoreCase) ? CriterionRole.Exclusion : CriterionRole.Inclusion;
        return string.Equals(role, "exclusion", StringComparison.OrdinalIgnoreCase) || string.Equals(role, "inclusion", StringComparison.OrdinalIgnoreCase);
    }

    private static void Count(SortedDictionary<string, (int Pairs, int Agreed)> counts, string key, bool agreed)
    {
        var (pairs, yes) = counts.GetValueOrDefault(key);
        counts[key] = (pairs + 1, yes + (agreed ? 1 : 0));
    }
}
