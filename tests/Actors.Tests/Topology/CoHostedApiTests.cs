using System.Diagnostics;
using System.Globalization;
using Actors.Tests.Faults;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Topology;

/// <summary>
/// <c>Orleans:Topology=CoHosted</c> with real processes on PostgreSQL: the API runs a silo of the cluster itself, serves
/// GraphQL alone, lets a plain silo join, and a SIGKILL of it loses no acknowledged step while a second co-hosted API
/// (and the plain silo) take over its grains. In the faults collection: processes are killed, and they run alone.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class CoHostedApiTests(PostgresServer server)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task A_co_hosted_api_alone_serves_graphql_is_ready_once_its_silo_is_active_and_a_plain_silo_joins()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "cohosted");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            scenario.Cluster.CoHostedApi = true;
            var apiSilo = scenario.Cluster.ApiSiloPort;

            // No silo process at all: the first answer of /health/ready finds the API's own silo Active in the membership table.
            var activeWhenReady = WatchReadinessAsync(scenario, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            Assert.Equal($"{apiSilo}/{Active}", await activeWhenReady);

            var alone = await scenario.WorkloadAsync("alone");
            await alone.RunAsync(4, n => n < 12, cancel);

            await scenario.Cluster.StartSilosAsync(1, cancel);
            var plainSilo = scenario.Cluster.Silos[0].SiloPort;
            Assert.Equal(
                new[] { $"{apiSilo}/{Active}", $"{plainSilo}/{Active}" }.Order(StringComparer.Ordinal),
                (await scenario.MembershipAsync()).Order(StringComparer.Ordinal));

            // With two silos, new request grains are placed on both; every step still goes through.
            var joined = await scenario.WorkloadAsync("joined");
            await joined.RunAsync(4, n => n < 24, cancel);
            await scenario.VerifyAcknowledgedAsync([alone, joined], 36);
        });
    }

    [Fact]
    public async Task Killing_a_co_hosted_api_mid_load_loses_no_acknowledged_step_and_a_second_one_takes_over()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "cohosted-kill");
        await scenario.RunAsync(async () =>
        {
            // Three hosts to start on two shared cores, then a load that must outlast a death declaration.
            scenario.CancelAfter(TimeSpan.FromMinutes(10));
            var cancel = scenario.Cancel;
            var first = scenario.Cluster;
            first.CoHostedApi = true;
            await first.StartSilosAsync(1, cancel);
            await first.StartApiAsync(seedDemo: true, cancel);
            await using var second = new ClusterProcesses(first.ConnectionString, scenario.LogDirectory, clusterId: first.ClusterId) { CoHostedApi = true };
            await second.StartApiAsync(seedDemo: false, cancel);
            using var secondApi = new GraphQLHttpClient(second.ApiBase, TimeSpan.FromSeconds(40));

            // Clients of both APIs at once: the grains they create are spread over the three silos (two of them in the APIs).
            var throughFirst = await scenario.WorkloadAsync("first");
            var throughSecond = await WorkloadThroughAsync(secondApi, "second", cancel);
            // Per API: enough that the kill lands mid-load on a loaded machine, few enough to finish in minutes.
            var total = Math.Min(FaultLoad.Requests, 240);
            using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var loadFirst = throughFirst.RunAsync(4, n => n < total, stopFirst.Token);
            var loadSecond = throughSecond.RunAsync(4, n => n < total, cancel);
            var steps = total * throughSecond.StepsPerRequest;
            await Eventually.Async(() => Task.FromResult(throughSecond.Acknowledged >= steps / 3 || loadSecond.IsCompleted), TimeSpan.FromMinutes(4), "a third of the load");
            Assert.False(loadSecond.IsCompleted, "the load finished before the API could be killed; raise ACTORS_FAULT_REQUESTS");

            var clock = Stopwatch.StartNew();
            await first.KillApiAsync();
            // The first API's own clients have no API left to call: they stop; what they were told stays the test.
            await stopFirst.CancelAsync();
            await loadFirst;
            await loadSecond;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"killed at {throughSecond.Acknowledged} steps through the second API; load over {clock.Elapsed.TotalSeconds:F1} s later; " +
                $"{throughSecond.FailedCalls} failed calls, {throughSecond.Retries} retries; {throughFirst.Acknowledged} steps acknowledged by the killed API");

            // Through the second API, every request of its clients went all the way, stored exactly as acknowledged.
            Assert.Empty(throughSecond.Cases.Where(c => c.Failure is not null).Select(c => $"{c.IdempotencyKey}: {c.Failure}"));
            Assert.All(throughSecond.Cases, c => Assert.Equal(throughSecond.StepsPerRequest, c.AcknowledgedVersion));

            // Nothing either API acknowledged is missing from PostgreSQL...
            Assert.Empty(await StoredRequestVersions.LostAsync(throughFirst, scenario.Database, cancel));
            Assert.Empty(await StoredRequestVersions.LostAsync(throughSecond, scenario.Database, cancel));

            // ...and the killed API's requests are served by the survivors, at least at the version it acknowledged.
            var agent = await secondApi.TokenAsync("AGENT", FaultScenario.AgentSubject, FaultScenario.Center, cancellationToken: cancel);
            foreach (var acknowledged in throughFirst.Cases.Where(c => c.Id is not null))
            {
                var read = await secondApi.PostAsync("query($id: ID!) { request(id: $id) { version } }", new { id = acknowledged.Id }, agent, cancel);
                Assert.True(read["data"]?["request"]?["version"]?.GetValue<long>() >= acknowledged.AcknowledgedVersion,
                    $"{acknowledged.IdempotencyKey}: acknowledged at version {acknowledged.AcknowledgedVersion}, read {read.ToJsonString()}");
            }

            await Eventually.Async(async () => (await scenario.MembershipAsync()).Contains($"{first.ApiSiloPort}/{Dead}"),
                TimeSpan.FromSeconds(60), "the killed API's silo is declared dead");
            Assert.Contains($"{second.ApiSiloPort}/{Active}", await scenario.MembershipAsync());
        });
    }

    /// <summary>Polls /health/ready while the API starts; at its first 200, the API silo's row of the membership table.</summary>
    private static async Task<string?> WatchReadinessAsync(FaultScenario scenario, CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = scenario.Cluster.ApiBase, Timeout = TimeSpan.FromSeconds(5) };
        var port = scenario.Cluster.ApiSiloPort.ToString(CultureInfo.InvariantCulture);
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancel);
                if (answer.IsSuccessStatusCode)
                {
                    return (await scenario.MembershipAsync()).SingleOrDefault(row => row.StartsWith(port + "/", StringComparison.Ordinal));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancel);
        }

        return null;
    }

    /// <summary>A workload at the scenario's center whose tokens and calls all go through <paramref name="api"/>.</summary>
    private static async Task<RequestWorkload> WorkloadThroughAsync(GraphQLHttpClient api, string keyPrefix, CancellationToken cancel)
    {
        var agent = await api.TokenAsync("AGENT", FaultScenario.AgentSubject, FaultScenario.Center, cancellationToken: cancel);
        var citizens = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            citizens.Add(await api.TokenAsync("CITIZEN", $"cit-{keyPrefix}-{i.ToString(CultureInfo.InvariantCulture)}", nationalIdNumber: "01234567", cancellationToken: cancel));
        }

        return new RequestWorkload(api, FaultScenario.Center, agent, citizens, keyPrefix);
    }
}
