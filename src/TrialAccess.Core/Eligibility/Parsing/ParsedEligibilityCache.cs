using System.Collections.Concurrent;
using TrialAccess.Trials;

namespace TrialAccess.Eligibility.Parsing;

/// <summary>
/// Keeps each trial's parse so that matching one patient against thousands of trials parses every trial once.
/// A trial is parsed again only when its criteria text or structured limits change (a new version of the record),
/// or after it was evicted. Safe for concurrent use.
/// </summary>
/// <remarks>
/// Entries are keyed by trial id, never by criteria text; <see cref="TryGet"/> finds one by id and
/// <see cref="VersionOf"/> without the record's criteria text at hand (the match catalog keeps only the version). The cache holds at most <see cref="Capacity"/> trials: when
/// an insertion goes past it, the least recently used tenth is dropped, so memory stays bounded on a registry of any
/// size while the trials patients keep matching stay parsed.
/// </remarks>
public sealed class ParsedEligibilityCache
{
    /// <summary>The default <see cref="Capacity"/>: 20,000 trials (a few hundred MB of parsed criteria).</summary>
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<NctId, Entry> _parsed = new();
    private readonly CriterionParser _parser;
    private readonly Lock _evicting = new();
    private long _uses;
    private int _count;

    /// <param name="capacity">The most trials kept (at least 1; default <see cref="DefaultCapacity"/>).</param>
    public ParsedEligibilityCache(CriterionParser parser, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _parser = parser;
        Capacity = capacity;
    }

    /// <summary>The most trials the cache keeps.</summary>
    public int Capacity { get; }

    /// <summary>How many trials are held now (at most <see cref="Capacity"/>, but for the moment between an insertion and its eviction).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// A stamp of one version of a trial's eligibility (criteria text and structured limits), equal for equal
    /// eligibilities within this process; a changed record gets another stamp but by a 1-in-2^32 chance.
    /// </summary>
    public static long VersionOf(TrialEligibility eligibility)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        return ((long)eligibility.GetHashCode() << 32) | (uint)(eligibility.Criteria?.Length ?? -1);
    }

    /// <summary>The parse of the trial's eligibility in the given <see cref="VersionOf"/>, if it is held.</summary>
    public bool TryGet(NctId id, long version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParsedEligibility? parsed)
    {
        if (_parsed.TryGetValue(id, out var cached) && cached.Version == version)
        {
            cached.Touch(Interlocked.Increment(ref _uses));
            parsed = cached.Parsed;
            return true;
        }

        parsed = null;
        return false;
    }

    /// <summary>The parse of the trial's eligibility: the held one if it was parsed from the same eligibility, else a new parse, kept.</summary>
    public ParsedEligibility Get(ClinicalTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var use = Interlocked.Increment(ref _uses);
        if (_parsed.TryGetValue(trial.NctId, out var cached) && cached.Source == trial.Eligibility)
        {
            cached.Touch(use);
            return cached.Parsed;
        }

        var parsed = TrialCriteriaParser.Parse(trial, _parser);
        var entry = new Entry(trial.Eligibility, parsed, use);
        if (_parsed.TryAdd(trial.NctId, entry))
        {
            if (Interlocked.Increment(ref _count) > Capacity)
            {
                Evict();
            }
        }
        else
        {
            _parsed[trial.NctId] = entry;
        }

        return parsed;
    }

    /// <summary>Drops the least recently used entries down to nine tenths of the capacity.</summary>
    private void Evict()
    {
        lock (_evicting)
        {
            if (Volatile.Read(ref _count) <= Capacity)
            {
                return;
            }

            var keep = Math.Max(1, Capacity - Capacity / 10);
            var entries = _parsed.ToArray();
            var surplus = entries.Length - keep;
            if (surplus <= 0)
            {
                return;
            }

            Array.Sort(entries, (a, b) => a.Value.LastUse.CompareTo(b.Value.LastUse));
            for (var i = 0; i < surplus; i++)
            {
                if (_parsed.TryRemove(entries[i]))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    private sealed class Entry(TrialEligibility source, ParsedEligibility parsed, long use)
    {
        private long _lastUse = use;

        public TrialEligibility Source { get; } = source;

        public long Version { get; } = VersionOf(source);

        public ParsedEligibility Parsed { get; } = parsed;

        public long LastUse => Volatile.Read(ref _lastUse);

        public void Touch(long use) => Volatile.Write(ref _lastUse, use);
    }
}
