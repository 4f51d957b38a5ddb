using System.Globalization;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Faults;

/// <summary>
/// The short form of the scale simulation (tools/scale, the same <see cref="ScaleSimulation"/>): one silo, scaled to
/// two and back to one under load, then that silo killed (kill -9) and a replacement started. After every step no
/// acknowledged step may be missing from PostgreSQL; at the end every request is there exactly as acknowledged
/// (through the API, in the grains' state, in the index) and the killed silo is declared dead.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ScaleSimulationTests(PostgresServer server)
{
    [Fact]
    public async Task Scaling_one_two_one_then_a_killed_silo_replaced_loses_nothing()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "scale");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            await scenario.Cluster.StartSilosAsync(1, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var workload = await scenario.WorkloadAsync("scale");
            var output = TestContext.Current.TestOutputHelper;
            var simulation = new ScaleSimulation(scenario.Cluster, workload, scenario.Database)
            {
                Clients = FaultLoad.Concurrency,
                HoldPerStep = TimeSpan.FromSeconds(4),
                OnStep = r => output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Action}: {r.SilosAfter} silo(s), {r.Acknowledged} acknowledged in {r.Seconds:F1} s, p99 {r.P99Milliseconds:F0} ms, {r.FailedCalls} failed calls ({r.FailureSummary}), lost {r.Lost.Count}")),
            };

            var reports = await simulation.RunAsync([ScaleAction.ScaleTo(2), ScaleAction.ScaleTo(1), ScaleAction.Kill], cancel);

            Assert.Equal(new[] { "start", "scale to 2", "scale to 1", "kill -9 one silo, start a replacement", "drain" }, reports.Select(r => r.Action));
            Assert.Equal(new[] { 1, 2, 1, 1, 1 }, reports.Select(r => r.SilosAfter));
            Assert.All(reports, r => Assert.Empty(r.Lost));
            Assert.True(reports[0].Acknowledged > 0, "no load flowed before the first step");
            await scenario.VerifyAcknowledgedAsync(workload, workload.Cases.Count());

            // Slots: 0 (killed), 1 (left gracefully at scale-in), 2 (the replacement). Both gone are Dead (6), the replacement Active (3).
            var silos = scenario.Cluster.Silos;
            Assert.Equal(3, silos.Count);
            await Eventually.Async(async () => (await scenario.MembershipAsync()).Contains($"{silos[0].SiloPort}/6"),
                TimeSpan.FromSeconds(60), "the killed silo is declared dead");
            Assert.Equal(new[] { $"{silos[0].SiloPort}/6", $"{silos[1].SiloPort}/6", $"{silos[2].SiloPort}/3" }, InSlotOrder(await scenario.MembershipAsync(), silos));
        });
    }

    /// <summary>The membership rows in slot order, so that the comparison does not depend on how port numbers sort.</summary>
    private static List<string> InSlotOrder(List<string> rows, IReadOnlyList<ClusterProcesses.SiloSlot> silos) =>
        silos.Select(s => rows.Single(r => r.StartsWith(s.SiloPort.ToString(CultureInfo.InvariantCulture) + "/", StringComparison.Ordinal))).ToList();
}
