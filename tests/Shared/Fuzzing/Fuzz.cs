using System.Globalization;

namespace TrialAccess.Testing.Fuzzing;

/// <summary>
/// Runs a mutation property a bounded number of times, each iteration with its own seed derived from a run seed.
/// The run seed is random unless <c>TRIALACCESS_FUZZ_SEED</c> gives it, so CI explores new inputs on every run; a
/// failure names the iteration's seed and how to replay exactly that input. <c>TRIALACCESS_FUZZ_ITERATIONS</c>
/// replaces every test's count (1 to replay one seed; thousands for a long local run).
/// </summary>
internal static class Fuzz
{
    public static int RunSeed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("TRIALACCESS_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next(0, int.MaxValue / 2);

    public static int Iterations(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("TRIALACCESS_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    /// <summary>Runs <paramref name="property"/> with <paramref name="iterations"/> mutators; throws naming the first failing seed.</summary>
    public static async Task CheckAsync(string target, int iterations, Func<Mutator, Task> property)
    {
        var count = Iterations(iterations);
        for (var i = 0; i < count; i++)
        {
            var seed = RunSeed + i;
            try
            {
                await property(new Mutator(seed));
            }
            catch (Exception e)
            {
                throw new FuzzFailureException(
                    $"{target}: the input of seed {seed} fails (iteration {i + 1} of {count}, run seed {RunSeed}). " +
                    $"Replay it with TRIALACCESS_FUZZ_SEED={seed} TRIALACCESS_FUZZ_ITERATIONS=1. {e.GetType().Name}: {e.Message}", e);
            }
        }
    }

    /// <summary>The synchronous form of <see cref="CheckAsync"/>.</summary>
    public static Task CheckAsync(string target, int iterations, Action<Mutator> property) =>
        CheckAsync(target, iterations, mutator =>
        {
            property(mutator);
            return Task.CompletedTask;
        });
}

/// <summary>A fuzz property failed; the message says which seed to replay.</summary>
internal sealed class FuzzFailureException(string message, Exception inner) : Exception(message, inner);
