using System.Diagnostics;
using System.Globalization;
using Actors.Tests.Faults;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Upgrades;

/// <summary>
/// A rolling upgrade from the previous release (<see cref="PreviousRelease.Tag"/>, its silo built from the git tag) to
/// this build, on one PostgreSQL, through this build's API:
/// 1. the old release alone: its own migrations, its silo, requests submitted and moved on (state written by it);
/// 2. this build's <c>migrate</c> runs while the old silo serves (a rollout migrates first), then this build's silo
///    joins; under load the old silo is killed, so requests it held continue on the new one, which loads the old state;
/// 3. the old silo comes back (a rollback, or a rollout that is not finished) and under load the new one is killed, so
///    requests written by the new build continue on the old one, on the newer schema;
/// 4. both serve again; every acknowledged step of every phase is there exactly once (API, grains' state, index).
/// In the fault collection: real processes, alone on the machine.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class MixedVersionClusterTests(PostgresServer server)
{
    private const int RequestsPerPhase = 120;

    [Fact]
    public async Task A_previous_release_silo_and_this_one_serve_together_and_take_over_from_each_other()
    {
        var output = TestContext.Current.TestOutputHelper;
        var (oldSilo, buildTime) = await PreviousRelease.SiloAsync(TestContext.Current.CancellationToken);
        output?.WriteLine(buildTime == TimeSpan.Zero
            ? $"{PreviousRelease.Tag}'s silo from the cache: {oldSilo}"
            : $"{PreviousRelease.Tag}'s silo built in {buildTime.TotalSeconds:F0} s: {oldSilo}");

        await using var scenario = await FaultScenario.CreateAsync(server, "mixed-version", migrate: false);
        scenario.CancelAfter(FaultLoad.Timeout * 2);
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            var cluster = scenario.Cluster;
            var clock = Stopwatch.StartNew();

            // 1. The previous release alone, on its own schema.
            await cluster.MigrateAsync(cancel, oldSilo);
            await cluster.StartSilosAsync(1, oldSilo, cancel);
            var old = cluster.Silos[0];
            await cluster.StartApiAsync(seedDemo: true, cancel);
            var written = await scenario.WorkloadAsync("old");
            await written.RunAsync(FaultLoad.Concurrency, n => n < RequestsPerPhase, cancel);
            output?.WriteLine($"phase 1 (old silo alone) done at {clock.Elapsed.TotalSeconds:F1} s");

            // 2. Expand the schema under the old silo, add this build's silo, kill the old one mid-load.
            await cluster.MigrateAsync(cancel);
            await cluster.StartSilosAsync(1, cancel);
            var current = cluster.Silos[1];
            var upgraded = await scenario.WorkloadAsync("mixed");
            await UnderLoadKillAsync(scenario, upgraded, old);
            output?.WriteLine($"phase 2 (old killed, new took over) done at {clock.Elapsed.TotalSeconds:F1} s");

            // The requests the old release wrote load on this build's silo (the only one left) as they were acknowledged.
            await AssertReadAsAcknowledgedAsync(scenario, written);

            // 3. The old silo back beside the new one; kill the new one mid-load: the old release takes over the new one's requests.
            await cluster.RestartSiloAsync(old.Index, cancel);
            var rolledBack = await scenario.WorkloadAsync("back");
            await UnderLoadKillAsync(scenario, rolledBack, current);
            await AssertReadAsAcknowledgedAsync(scenario, upgraded);
            output?.WriteLine($"phase 3 (new killed, old took over) done at {clock.Elapsed.TotalSeconds:F1} s");

            // 4. Both again; everything acknowledged in every phase is stored once, as acknowledged.
            await cluster.RestartSiloAsync(current.Index, cancel);
            var workloads = new[] { written, upgraded, rolledBack };
            await scenario.VerifyAcknowledgedAsync(workloads, RequestsPerPhase * workloads.Length);
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{RequestsPerPhase * workloads.Length} requests in {clock.Elapsed.TotalSeconds:F1} s; {workloads.Sum(w => w.FailedCalls)} failed calls, " +
                $"{workloads.Sum(w => w.Retries)} retries, {workloads.Sum(w => w.Cases.Sum(c => c.Reconciled))} steps reconciled from history"));
        });
    }

    /// <summary>Runs a phase's requests and kills <paramref name="victim"/> (kill -9) once a third of their steps are acknowledged.</summary>
    private static async Task UnderLoadKillAsync(FaultScenario scenario, RequestWorkload workload, ClusterProcesses.SiloSlot victim)
    {
        var steps = RequestsPerPhase * workload.StepsPerRequest;
        var load = workload.RunAsync(FaultLoad.Concurrency, n => n < RequestsPerPhase, scenario.Cancel);
        await Eventually.Async(() => Task.FromResult(workload.Acknowledged >= steps / 3 || load.IsCompleted), TimeSpan.FromSeconds(90), "a third of the phase's steps");
        Assert.False(load.IsCompleted, "the phase finished before its silo could be killed");
        await scenario.Cluster.KillSiloAsync(victim.Index);
        await load;
        // Reads after this must not wait for calls into the dead silo: the cluster has declared it dead.
        await Eventually.Async(async () => (await scenario.MembershipAsync()).Contains($"{victim.SiloPort}/6"),
            TimeSpan.FromSeconds(60), "the killed silo is declared dead");
        Assert.Empty(workload.Cases.Where(c => c.Failure is not null).Select(c => $"{c.IdempotencyKey}: {c.Failure}"));
    }

    /// <summary>Every request of the workload, read through the API, has the version and status last acknowledged.</summary>
    private static async Task AssertReadAsAcknowledgedAsync(FaultScenario scenario, RequestWorkload workload)
    {
        var agent = await scenario.Api.TokenAsync("AGENT", FaultScenario.AgentSubject, workload.CenterCode, cancellationToken: scenario.Cancel);
        foreach (var chunk in workload.Cases.Chunk(50))
        {
            var result = await scenario.Api.PostAsync(
                "query($ids: [ID!]!) { nodes(ids: $ids) { ... on CitizenRequest { id status version } } }",
                new { ids = chunk.Select(c => c.Id).ToArray() }, agent, scenario.Cancel);
            Assert.Null(result["errors"]);
            var nodes = result["data"]!["nodes"]!.AsArray();
            Assert.Equal(
                chunk.Select(c => (c.Id, c.AcknowledgedVersion, c.AcknowledgedStatuses[c.AcknowledgedVersion])),
                nodes.Select(n => ((string?)n!["id"]!.GetValue<string>(), n["version"]!.GetValue<long>(), n["status"]!.GetValue<string>())));
        }
    }
}
