using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Faults;

/// <summary>
/// The whole cluster dies at once (every silo process and the API get <c>kill -9</c>) and comes back on the same
/// database: every request and center is there with its history, lists count the same, steps go on from where they
/// were, and a registered reminder is still registered. Silo processes load only the domain grains, so the reminder
/// lives on a test grain in an in-process cluster on the same database, killed and restarted alongside.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ClusterRestartTests(PostgresServer server)
{
    private const string CenterCode = "FLT-RESTART-1";
    private const string RequestSnapshot =
        "id reference status version submittedAt updatedAt applicant { givenName familyName } history { version status at actor reason action }";
    private const string CenterSnapshot =
        "id code version rolloutPhase takesRequests updatedAt services { service } readiness { networked agentsTrained agentsRequired workstationsInstalled workstationsRequired hostingCapacity }";

    [Fact]
    public async Task After_a_whole_cluster_restart_every_request_center_and_reminder_is_there_with_its_history()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "cluster-restart");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            var cluster = scenario.Cluster;
            await cluster.StartSilosAsync(2, cancel);
            await cluster.StartApiAsync(seedDemo: true, cancel);

            // A center of our own, through its rollout: three versions, three history entries.
            var op = await scenario.Api.TokenAsync("OPERATOR", "op-faults", cancellationToken: cancel);
            var centerId = GlobalIds.Center(CenterCode);
            await Mutate(scenario, op, "registerServiceCenter", "center", new
            {
                code = CenterCode, nameAr = "مكتب تجريبي", nameFr = "Bureau d'essai", governorate = "TUNIS", district = "Tunis Nord",
                kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 50,
            });
            await Mutate(scenario, op, "updateCenterReadiness", "center", new
            {
                centerId, networked = true, agentsTrained = 4, agentsRequired = 4, workstationsInstalled = 3, workstationsRequired = 3, hostingCapacity = 30,
            });
            await Mutate(scenario, op, "changeCenterRolloutPhase", "center", new { centerId, phase = "LIVE", reason = "Ready" });

            // Requests at every stage: submitted, in verification, awaiting payment.
            var workloads = new List<RequestWorkload>();
            foreach (var steps in new[] { 1, 2, 3 })
            {
                var workload = new RequestWorkload(scenario.Api, CenterCode,
                    await scenario.Api.TokenAsync("AGENT", FaultScenario.AgentSubject, CenterCode, cancellationToken: cancel),
                    [await scenario.Api.TokenAsync("CITIZEN", $"cit-restart-{steps}", nationalIdNumber: "01234567", cancellationToken: cancel)], $"restart{steps}")
                { StepsPerRequest = steps };
                await workload.RunAsync(4, n => n < 20, cancel);
                workloads.Add(workload);
            }

            var cases = workloads.SelectMany(w => w.Cases).ToList();
            Assert.All(cases, c => Assert.Null(c.Failure));
            var agent = await scenario.Api.TokenAsync("AGENT", FaultScenario.AgentSubject, CenterCode, cancellationToken: cancel);
            var requestsBefore = await Snapshot(scenario, agent, cases.Select(c => c.Id!));
            var centerBefore = await Query(scenario, null, $"query($id: ID!) {{ center(id: $id) {{ {CenterSnapshot} }} }}", new { id = centerId });
            var listsBefore = await Query(scenario, agent, "{ requests(first: 1) { totalCount } centers(first: 1) { totalCount } }");
            var centerHistoryBefore = await CenterHistory(scenario);
            Assert.Equal(3, centerHistoryBefore.Count);

            // A reminder, on a test grain in an in-process cluster on the same database.
            var probeKey = Guid.NewGuid();
            var reminderCluster = PostgresClusterFixture.BuildCluster(cluster.ConnectionString, "reminders-" + cluster.ClusterId, "faults-reminders", silos: 1);
            await reminderCluster.DeployAsync(cancel);
            await reminderCluster.GrainFactory.GetGrain<IOutboxProbeGrain>(probeKey).TransitionAsync("before the crash");
            await reminderCluster.GrainFactory.GetGrain<IOutboxProbeGrain>(probeKey).RegisterReminderAsync("wake-up");

            // Everything dies at once.
            await cluster.KillAllAsync();
            foreach (var silo in reminderCluster.Silos.ToList())
            {
                await reminderCluster.KillSiloAsync(silo, cancel);
            }

            await reminderCluster.DisposeAsync();

            // And comes back on the same endpoints, without seeding anything.
            await Task.WhenAll(cluster.Silos.Select(s => cluster.RestartSiloAsync(s.Index, cancel)));
            await cluster.StartApiAsync(seedDemo: false, cancel);

            // Right after a whole-cluster restart the new incarnations are still settling (the old ones declared dead, the
            // directory rebuilt): a first read may time out then and succeed a moment later; what it reads must be unchanged.
            Assert.Equal(requestsBefore, await SettledAsync(() => Snapshot(scenario, agent, cases.Select(c => c.Id!))));
            Assert.Equal(centerBefore, await Query(scenario, null, $"query($id: ID!) {{ center(id: $id) {{ {CenterSnapshot} }} }}", new { id = centerId }));
            Assert.Equal(listsBefore, await Query(scenario, agent, "{ requests(first: 1) { totalCount } centers(first: 1) { totalCount } }"));
            Assert.Equal(centerHistoryBefore, await CenterHistory(scenario));
            var stored = await scenario.StoredRequestsAsync();
            Assert.Equal(cases.Count, stored.Count);
            Assert.Equal(stored.OrderBy(s => s.Key, StringComparer.Ordinal), (await scenario.IndexedRequestsAsync()).OrderBy(s => s.Key, StringComparer.Ordinal));

            // Work goes on from the stored versions: a step after the restart lands as the next version.
            var awaiting = cases.First(c => c.AcknowledgedVersion == 3);
            var paid = await Mutate(scenario, agent, "recordPayment", "request",
                new { requestId = awaiting.Id, paymentReference = "CASH-RESTART", amountMillimes = 3000, expectedVersion = 3 });
            Assert.Equal(4, paid["version"]!.GetValue<long>());
            await Eventually.Async(async () => (await scenario.IndexedRequestsAsync())[FaultScenario.GlobalIdKey(awaiting.Id!)].Version == 4,
                TimeSpan.FromSeconds(30), "the index follows the step taken after the restart");

            // The old incarnations are Dead, the new ones Active.
            Assert.Equal(cluster.Silos.SelectMany(s => new[] { $"{s.SiloPort}/6", $"{s.SiloPort}/3" }).Order(StringComparer.Ordinal),
                (await scenario.MembershipAsync()).Order(StringComparer.Ordinal));

            var again = PostgresClusterFixture.BuildCluster(cluster.ConnectionString, "reminders2-" + cluster.ClusterId, "faults-reminders", silos: 1);
            await again.DeployAsync(cancel);
            try
            {
                var probe = again.GrainFactory.GetGrain<IOutboxProbeGrain>(probeKey);
                Assert.True(await probe.HasReminderAsync("wake-up"));
                Assert.Equal(["before the crash"], (await probe.GetAsync()).Notes);
            }
            finally
            {
                await again.StopAllSilosAsync(cancel);
                await again.DisposeAsync();
            }
        });
    }

    private static async Task<T> SettledAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static async Task<JsonNode> Mutate(FaultScenario scenario, string token, string mutation, string field, object input)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var selection = field == "center" ? "id version" : "id status version";
        var result = await scenario.Api.PostAsync(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ {field} {{ {selection} }} errors {{ ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token, scenario.Cancel);
        Assert.Null(result["errors"]);
        Assert.Null(result["data"]![mutation]!["errors"]);
        return result["data"]![mutation]![field]!;
    }

    private static async Task<string> Query(FaultScenario scenario, string? token, string query, object? variables = null)
    {
        var result = await scenario.Api.PostAsync(query, variables, token, scenario.Cancel);
        Assert.Null(result["errors"]);
        return result["data"]!.ToJsonString();
    }

    private static async Task<List<string>> Snapshot(FaultScenario scenario, string agent, IEnumerable<string> ids)
    {
        var snapshots = new List<string>();
        foreach (var chunk in ids.Chunk(50))
        {
            var result = await scenario.Api.PostAsync($"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on CitizenRequest {{ {RequestSnapshot} }} }} }}",
                new { ids = chunk }, agent, scenario.Cancel);
            Assert.Null(result["errors"]);
            snapshots.AddRange(result["data"]!["nodes"]!.AsArray().Select(n => n!.ToJsonString()));
        }

        return snapshots;
    }

    /// <summary>The center's history as stored in its grain state (the API shows the version, not the entries).</summary>
    private static Task<List<string>> CenterHistory(FaultScenario scenario) => scenario.ScalarsAsync<string>($"""
        SELECT (h ->> 'Version') || ':' || (h ->> 'Change') || ':' || (h ->> 'Actor')
        FROM orleans_storage, jsonb_array_elements(convert_from(payload, 'UTF8')::jsonb -> 'History') AS h
        WHERE grain_type = 'service-center' AND grain_id_extension = '{CenterCode}'
        ORDER BY (h ->> 'Version')::bigint
        """);
}
