using System.Collections.Concurrent;
using TrialAccess.Trials;

namespace TrialAccess.Eligibility.Parsing;

/// <summary>
/// Keeps each trial's parse so that matching one patient against thousands of trials parses every trial once.
/// A trial is parsed again only when its criteria text or structured limits change (a new version of the record).
/// Safe for concurrent use.
/// </summary>
public sealed class ParsedEligibilityCache(CriterionParser parser)
{
    private readonly ConcurrentDictionary<NctId, (TrialEligibility Source, ParsedEligibility Parsed)> _parsed = new();

    public int Count => _parsed.Count;

    public ParsedEligibility Get(ClinicalTrial trial)
    {
        if (_parsed.TryGetValue(trial.NctId, out var cached) && cached.Source == trial.Eligibility)
        {
            return cached.Parsed;
        }

        var parsed = TrialCriteriaParser.Parse(trial, parser);
        _parsed[trial.NctId] = (trial.Eligibility, parsed);
        return parsed;
    }
}
