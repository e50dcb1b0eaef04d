namespace TrialAccess.Registry.CtGovApi;

/// <summary>
/// Spaces request starts evenly, at most <c>requestsPerSecond</c> of them per second on the given clock. Each caller
/// reserves the next free slot and waits for it, so callers sharing one pacer share the rate.
/// </summary>
internal sealed class RequestPacer
{
    private readonly TimeProvider _timeProvider;
    private readonly long _interval;
    private readonly Lock _gate = new();
    private long? _nextSlot;

    public RequestPacer(double requestsPerSecond, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _interval = (long)Math.Round(timeProvider.TimestampFrequency / requestsPerSecond);
    }

    public Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        long now;
        long slot;
        lock (_gate)
        {
            now = _timeProvider.GetTimestamp();
            slot = _nextSlot is { } next && next > now ? next : now;
            _nextSlot = slot + _interval;
        }

        var wait = _timeProvider.GetElapsedTime(now, slot);
        return wait > TimeSpan.Zero ? Task.Delay(wait, _timeProvider, cancellationToken) : Task.CompletedTask;
    }
}
