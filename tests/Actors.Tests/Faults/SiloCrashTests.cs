using System.Diagnostics;
using Actors.Persistence.Requests;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Faults;

/// <summary>
/// Three silo processes and the API process on one PostgreSQL; clients submit and move requests on through GraphQL
/// over HTTP; one silo gets <c>kill -9</c> mid-load. Nothing acknowledged may be lost or doubled, the index must
/// agree with the grains' state, and the cluster must declare the dead silo Dead.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SiloCrashTests(PostgresServer server)
{
    [Fact]
    public async Task A_silo_killed_mid_load_loses_no_acknowledged_step_and_is_declared_dead()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "silo-crash");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            await scenario.Cluster.StartSilosAsync(3, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var workload = await scenario.WorkloadAsync("crash");
            var total = FaultLoad.Requests;
            var steps = total * workload.StepsPerRequest;
            var victim = scenario.Cluster.Silos[1];

            var clock = Stopwatch.StartNew();
            var load = workload.RunAsync(FaultLoad.Concurrency, n => n < total, cancel);
            // Mid-load: a third of the steps acknowledged.
            await Eventually.Async(() => Task.FromResult(workload.Acknowledged >= steps / 3 || load.IsCompleted), TimeSpan.FromSeconds(90), "a third of the load");
            Assert.False(load.IsCompleted, "the load finished before the silo could be killed; raise ACTORS_FAULT_REQUESTS");
            await scenario.Cluster.KillSiloAsync(victim.Index);
            var killedAt = clock.Elapsed;
            await load;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{total} requests, {workload.Acknowledged} steps acknowledged in {clock.Elapsed.TotalSeconds:F1} s; silo killed at {killedAt.TotalSeconds:F1} s; " +
                $"{workload.FailedCalls} failed calls, {workload.Retries} retries, {workload.Cases.Sum(c => c.Reconciled)} steps reconciled from history");

            await scenario.VerifyAcknowledgedAsync(workload, total);

            // What a client saw while the silo died was a reason to try again (SERVICE_UNAVAILABLE, a refused version
            // reconciled from the history, a lost connection), never an internal error or an exception's name as a code.
            var failures = workload.FailuresByKind;
            Assert.All(failures.Keys, kind => Assert.True(
                kind is "GraphQL SERVICE_UNAVAILABLE" or "GraphQL AUDIT_UNAVAILABLE" or "VERSION_MISMATCH" or "INVALID_TRANSITION"
                    or nameof(HttpRequestException) or nameof(TaskCanceledException) or nameof(IOException),
                $"a client was answered {kind} during the crash: {string.Join(", ", failures.Select(f => $"{f.Value} × {f.Key}"))}"));

            // Every operation's audit records were stored, those sent while the trail's writer was on the dead silo too
            // (the API sends them again until the writer runs elsewhere, each under its entry id: one stored already would
            // otherwise fail the next batch on the primary key), or the operation would have been answered UNAVAILABLE.
            Assert.DoesNotContain("The audit trail did not store", await scenario.ProcessLogAsync("api"));

            // Replaying the whole outbox into the index (the relay's checkpoint rewound, as after a restore) changes nothing.
            var indexed = await scenario.IndexedRequestsAsync();
            await scenario.ScalarsAsync<int>(
                $"UPDATE outbox_checkpoint SET last_tx = '0', last_seq = 0 WHERE consumer = '{PostgresRequestIndex.ConsumerName}' RETURNING 1");
            // The end in the relay's order, (tx_id, seq): the last row it delivers need not hold the highest seq.
            await Eventually.Async(async () => (await scenario.ScalarsAsync<bool>($"""
                    SELECT NOT EXISTS (SELECT 1 FROM outbox AS o JOIN outbox_checkpoint AS c ON c.consumer = '{PostgresRequestIndex.ConsumerName}'
                                       WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq))
                    """)).Single(),
                TimeSpan.FromSeconds(180), "the replay reaches the end of the outbox");
            Assert.Equal(indexed.OrderBy(i => i.Key, StringComparer.Ordinal), (await scenario.IndexedRequestsAsync()).OrderBy(i => i.Key, StringComparer.Ordinal));

            // The cluster has removed the dead silo: its row is Dead (6), the two others Active (3).
            await Eventually.Async(async () => (await scenario.MembershipAsync()).Contains($"{victim.SiloPort}/6"),
                TimeSpan.FromSeconds(60), "the killed silo is declared dead");
            var membership = await scenario.MembershipAsync();
            Assert.Equal(
                scenario.Cluster.Silos.Select(s => $"{s.SiloPort}/{(s == victim ? 6 : 3)}").Order(StringComparer.Ordinal),
                membership.Order(StringComparer.Ordinal));
        });
    }
}
