using System.Diagnostics;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Faults;

/// <summary>
/// A rolling restart under load, as a Kubernetes rollout does it: each silo in turn gets SIGTERM, leaves the cluster
/// gracefully, and a new process takes its place on the same endpoint before the next one goes. Clients keep
/// submitting and moving requests on the whole time; nothing they were told may be missing or doubled afterwards.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class RollingRestartTests(PostgresServer server)
{
    [Fact]
    public async Task Restarting_every_silo_in_turn_under_load_loses_nothing()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "rolling-restart");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            const int silos = 2;
            await scenario.Cluster.StartSilosAsync(silos, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var workload = await scenario.WorkloadAsync("rolling");
            var rolledOver = false;
            var clock = Stopwatch.StartNew();

            // At least RollingRequests, and on until every silo has been replaced.
            var load = workload.RunAsync(FaultLoad.Concurrency, n => n < FaultLoad.RollingRequests || !Volatile.Read(ref rolledOver), cancel);
            var progress = new List<string>();
            for (var i = 0; i < silos; i++)
            {
                var before = workload.Acknowledged;
                await Eventually.Async(() => Task.FromResult(workload.Acknowledged >= before + 60), TimeSpan.FromSeconds(60), "load flows before the next restart");
                await scenario.Cluster.StopSiloAsync(i);
                progress.Add($"silo {i} stopped at {clock.Elapsed.TotalSeconds:F1} s");
                await scenario.Cluster.RestartSiloAsync(i, cancel);
                progress.Add($"back at {clock.Elapsed.TotalSeconds:F1} s");
            }

            var afterRollout = workload.Acknowledged;
            await Eventually.Async(() => Task.FromResult(workload.Acknowledged >= afterRollout + 60), TimeSpan.FromSeconds(60), "load flows on the new silos");
            Volatile.Write(ref rolledOver, true);
            await load;
            var requests = workload.Cases.Count();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{requests} requests, {workload.Acknowledged} steps acknowledged in {clock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", progress)}); " +
                $"{workload.FailedCalls} failed calls, {workload.Retries} retries, {workload.Cases.Sum(c => c.Reconciled)} steps reconciled from history");

            await scenario.VerifyAcknowledgedAsync(workload, requests);

            // Each endpoint: the old incarnation left (Dead), the new one is Active.
            var membership = await scenario.MembershipAsync();
            Assert.Equal(
                scenario.Cluster.Silos.SelectMany(s => new[] { $"{s.SiloPort}/6", $"{s.SiloPort}/3" }).Order(StringComparer.Ordinal),
                membership.Order(StringComparer.Ordinal));
        });
    }
}
