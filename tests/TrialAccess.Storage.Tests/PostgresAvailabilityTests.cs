using TrialAccess.Testing;

namespace TrialAccess.Storage.Tests;

public class PostgresAvailabilityTests
{
    /// <summary>Makes a missing server visible: skipped on a laptop without one, failing in CI.</summary>
    [PostgresFact]
    public async Task TestServer_IsReachable()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        database.ConnectionString.Should().Contain("trialaccess_test_");
    }
}
