using System.Diagnostics;
using System.Globalization;
using Actors.Tests.Postgres;
using Npgsql;

namespace Actors.Tests.Faults;

/// <summary>
/// A PostgreSQL primary with a synchronous standby (streaming replication, both from Debian's packages); two silo
/// processes and the API connect with Npgsql's multiple hosts and <c>Target Session Attributes=primary</c>. Mid-load the
/// primary dies as in a crash and the standby is promoted, as an operator (or Patroni) would: the cluster must carry on
/// by itself, and every step acknowledged before, during and after the failover must be on the new primary, once.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PostgresFailoverTests
{
    [Fact]
    public async Task The_primary_lost_mid_load_and_the_standby_promoted_loses_no_acknowledged_step()
    {
        // synchronous_commit=on after the test defaults (which turn it off): a commit is acknowledged only once the
        // standby has it, which is the whole point of a synchronous standby.
        await using var primary = await ThrowawayPostgres.StartAsync(durable: false, moreSettings: ["synchronous_commit=on"]);
        await primary.ExecuteAdminAsync("CREATE DATABASE actors");
        await using var standby = await primary.StartStandbyAsync("standby1");
        await primary.ExecuteAdminAsync("ALTER SYSTEM SET synchronous_standby_names = 'standby1'");
        await primary.ExecuteAdminAsync("SELECT pg_reload_conf()");
        await Eventually.Async(async () => await SyncStateAsync(primary) == "sync", TimeSpan.FromSeconds(60), "the standby replicates synchronously");

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = $"127.0.0.1:{primary.Port.ToString(CultureInfo.InvariantCulture)},127.0.0.1:{standby.Port.ToString(CultureInfo.InvariantCulture)}",
            Username = "postgres",
            Database = "actors",
            TargetSessionAttributes = "primary",
            // How soon a host that refused (down, or still a standby) is tried again: the failover's floor.
            HostRecheckSeconds = 2,
            Timeout = 5,
            MaxPoolSize = 40,
        }.ConnectionString;

        await using var scenario = await FaultScenario.CreateAsync(connectionString, "pg-failover");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            await scenario.Cluster.StartSilosAsync(2, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var workload = await scenario.WorkloadAsync("failover");
            var total = Math.Max(200, FaultLoad.Requests / 2);
            var steps = total * workload.StepsPerRequest;

            var clock = Stopwatch.StartNew();
            var load = workload.RunAsync(FaultLoad.Concurrency, n => n < total, cancel);
            await Eventually.Async(() => Task.FromResult(workload.Acknowledged >= steps / 3 || load.IsCompleted), TimeSpan.FromSeconds(120), "a third of the load");
            Assert.False(load.IsCompleted, "the load finished before the primary could be lost; raise ACTORS_FAULT_REQUESTS");
            var acknowledgedBefore = workload.Acknowledged;
            await primary.CrashAsync();
            var lostAt = clock.Elapsed;
            await standby.PromoteAsync();
            var promotedAt = clock.Elapsed;
            await load;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{total} requests, {workload.Acknowledged} steps acknowledged in {clock.Elapsed.TotalSeconds:F1} s ({acknowledgedBefore} before the primary was lost at " +
                $"{lostAt.TotalSeconds:F1} s, standby promoted at {promotedAt.TotalSeconds:F1} s); {workload.FailedCalls} failed calls, {workload.Retries} retries");

            Assert.False(await standby.InRecoveryAsync());
            await scenario.VerifyAcknowledgedAsync(workload, total);
        });
    }

    private static async Task<string?> SyncStateAsync(ThrowawayPostgres primary)
    {
        await using var connection = new NpgsqlConnection(primary.ConnectionFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'", connection);
        return await command.ExecuteScalarAsync() as string;
    }
}
