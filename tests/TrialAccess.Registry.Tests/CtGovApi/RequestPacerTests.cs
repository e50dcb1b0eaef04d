using TrialAccess.Registry.CtGovApi;

namespace TrialAccess.Registry.Tests.CtGovApi;

public class RequestPacerTests
{
    [Fact]
    public async Task WaitTurnAsync_RequestsInARow_AreSpacedByTheInterval()
    {
        var clock = new FastForwardTimeProvider();
        var pacer = new RequestPacer(4, clock);

        for (var i = 0; i < 4; i++)
        {
            await pacer.WaitTurnAsync(CancellationToken.None);
        }

        clock.Delays.Should().Equal(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task WaitTurnAsync_AfterAPauseLongerThanTheInterval_DoesNotWait()
    {
        var clock = new FastForwardTimeProvider();
        var pacer = new RequestPacer(2, clock);

        await pacer.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await pacer.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await pacer.WaitTurnAsync(CancellationToken.None);

        clock.Delays.Should().Equal(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task WaitTurnAsync_CallersAtOnce_GetSuccessiveSlots()
    {
        var clock = new FastForwardTimeProvider();
        var pacer = new RequestPacer(10, clock);
        var start = clock.GetUtcNow();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => pacer.WaitTurnAsync(CancellationToken.None)));

        (clock.GetUtcNow() - start).Should().Be(TimeSpan.FromMilliseconds(200));
    }
}
