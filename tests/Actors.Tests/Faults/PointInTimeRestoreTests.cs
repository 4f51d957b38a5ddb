using Actors.Tests.Postgres;
using Npgsql;

namespace Actors.Tests.Faults;

/// <summary>
/// The backup drill, short form: a server archiving its WAL, a base backup, requests before and after a chosen instant,
/// then a restore to that instant into a fresh server. The restored database must hold exactly the requests, states
/// and index rows the original held at that instant (a sample compared byte for byte), and none of those after it.
/// The long form is the same test with a larger ACTORS_FAULT_REQUESTS.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PointInTimeRestoreTests
{
    private const string RequestsSql =
        "SELECT grain_id_n0::text || ':' || grain_id_n1::text || ':' || version::text || ':' || md5(payload) FROM orleans_storage " +
        "WHERE grain_type = 'citizen-request' AND payload IS NOT NULL ORDER BY 1";

    private const string IndexSql = "SELECT id::text || ':' || version::text || ':' || status FROM request_index ORDER BY 1";

    [Fact]
    public async Task A_restore_to_a_chosen_instant_holds_what_the_original_held_then()
    {
        var archive = ThrowawayPostgres.CreateSharedDirectory("actors-wal-archive-");
        var backup = Path.Combine(ThrowawayPostgres.CreateSharedDirectory("actors-base-backup-"), "base");
        try
        {
            await using var original = await ThrowawayPostgres.StartAsync(durable: false, moreSettings:
                ["archive_mode=on", $"archive_command='test ! -f {archive}/%f && cp %p {archive}/%f'"]);
            await original.ExecuteAdminAsync("CREATE DATABASE actors");
            var connectionString = original.ConnectionFor("actors");
            await using var scenario = await FaultScenario.CreateAsync(connectionString, "pitr");
            await scenario.RunAsync(async () =>
            {
                var cancel = scenario.Cancel;
                // The base backup of the migrated, empty database: everything after it comes from the archive.
                await original.TakeBaseBackupAsync(backup);
                await scenario.Cluster.StartSilosAsync(1, cancel);
                await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
                var perPhase = Math.Max(60, FaultLoad.Requests / 10);

                var before = await scenario.WorkloadAsync("before-target");
                await before.RunAsync(FaultLoad.Concurrency, n => n < perPhase, cancel);
                // Caught up with every acknowledged step, not only with the submissions: a last step still on its way
                // to the index would land between the reading below and the chosen instant.
                await Eventually.Async(
                    async () =>
                    {
                        var stored = await scenario.StoredRequestsAsync();
                        var indexed = await scenario.IndexedRequestsAsync();
                        return stored.Count == perPhase && indexed.Count == perPhase
                            && indexed.All(i => stored.TryGetValue(i.Key, out var s) && s == i.Value);
                    },
                    TimeSpan.FromSeconds(60),
                    "the request index has caught up with every acknowledged step");

                // The chosen instant: the load is quiet, so what the original holds now is what it held then.
                var expectedRequests = await scenario.ScalarsAsync<string>(RequestsSql);
                var expectedIndex = await scenario.ScalarsAsync<string>(IndexSql);
                var target = (await scenario.ScalarsAsync<DateTime>("SELECT clock_timestamp()")).Single();
                Assert.Equal(perPhase, expectedRequests.Count);
                await Task.Delay(TimeSpan.FromSeconds(1.5), cancel);

                var after = await scenario.WorkloadAsync("after-target");
                await after.RunAsync(FaultLoad.Concurrency, n => n < perPhase, cancel);
                Assert.All(after.Cases, c => Assert.Null(c.Failure));
                Assert.Equal(2 * perPhase, (await scenario.ScalarsAsync<string>(RequestsSql)).Count);

                // Close the current WAL segment and wait until the archiver has it: the restore needs WAL past the target.
                var lastSegment = (await scenario.ScalarsAsync<string>("SELECT pg_walfile_name(pg_switch_wal())")).Single();
                await Eventually.Async(async () => string.CompareOrdinal(
                        (await scenario.ScalarsAsync<string?>("SELECT last_archived_wal FROM pg_stat_archiver")).Single() ?? "", lastSegment) >= 0,
                    TimeSpan.FromSeconds(60), "the archiver has the last segment");

                await using var restored = await ThrowawayPostgres.RestoreAsync(backup, archive, new DateTimeOffset(DateTime.SpecifyKind(target, DateTimeKind.Utc)));
                await using var restoredDatabase = NpgsqlDataSource.Create(restored.ConnectionFor("actors"));
                var restoredRequests = await ListAsync(restoredDatabase, RequestsSql);
                var restoredIndex = await ListAsync(restoredDatabase, IndexSql);
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"restored to {target:O}: {restoredRequests.Count} requests (original then {expectedRequests.Count}, now {2 * perPhase})");
                Assert.Equal(expectedRequests, restoredRequests);
                Assert.Equal(expectedIndex, restoredIndex);
                Assert.DoesNotContain(after.Cases, c => restoredIndex.Any(row => row.StartsWith(FaultScenario.GlobalIdKey(c.Id!), StringComparison.Ordinal)));
            });
        }
        finally
        {
            Directory.Delete(archive, recursive: true);
            Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
        }
    }

    private static async Task<List<string>> ListAsync(NpgsqlDataSource database, string sql)
    {
        var rows = new List<string>();
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
