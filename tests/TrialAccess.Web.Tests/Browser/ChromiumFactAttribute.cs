using TrialAccess.Testing;

namespace TrialAccess.Web.Tests.Browser;

/// <summary>
/// A test that drives the Debian Chromium at <see cref="ExecutablePath"/> (browsers cannot be downloaded here). On a
/// machine without it the test is skipped, saying so; in CI (<c>CI=true</c>) it runs and fails, since <c>.ci/run</c>
/// installs Chromium.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath) && !InCi)
        {
            Skip = $"Chromium not found at {ExecutablePath}: install it (apt-get install -y chromium) to run the browser tests. In CI (CI=true) this test fails instead.";
        }
    }

    /// <summary>Also needs <c>../shared/data</c>: skipped, saying so, where it is absent (CI included: a fresh clone may have none).</summary>
    public bool NeedsSharedData
    {
        get => Skip == SharedData.MissingMessage;
        set
        {
            if (value && !SharedData.IsAvailable && Skip is null)
            {
                Skip = SharedData.MissingMessage;
            }
        }
    }
}
