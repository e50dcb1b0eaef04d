using TrialAccess.Storage.Sqlite;
using TrialAccess.Testing;

namespace TrialAccess.Storage.Tests;

public sealed class SqliteTrialStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task InitializeAsync_ExistingFile_KeepsItsTrials()
    {
        var path = _folder.File("reopen.db");
        await using (var first = new SqliteTrialStore(path))
        {
            await first.InitializeAsync();
            await first.UpsertAsync([TrialStoreTests.Trial("NCT00000001", null)]);
        }

        await using var second = new SqliteTrialStore(path);
        await second.InitializeAsync();
        (await second.GetStatisticsAsync()).Trials.Should().Be(1);
    }

    [Fact]
    public async Task InitializeAsync_MissingFolder_IsCreated()
    {
        await using var store = new SqliteTrialStore(Path.Combine(_folder.Path, "a", "b", "trials.db"));

        await store.InitializeAsync();

        File.Exists(store.Path).Should().BeTrue();
    }
}
