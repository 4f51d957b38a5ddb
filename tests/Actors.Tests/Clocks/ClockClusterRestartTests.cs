using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Tests.Faults;
using Actors.Tests.Infrastructure;
using Actors.Tests.Pathway;
using Actors.Tests.Postgres;

namespace Actors.Tests.Clocks;

/// <summary>
/// The clock's reminder is durable: the whole cluster (silo processes and API) dies, time moves past the request's due
/// date while it is down (the silos come back with <c>Clock__Offset</c>), and the reminder stored in PostgreSQL wakes
/// the request's clock, which flags it overdue. Nothing wakes it but that reminder: no request changes after the restart.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ClockClusterRestartTests(PostgresServer server)
{
    [Fact]
    public async Task A_reminder_stored_before_a_whole_cluster_restart_flags_the_request_overdue_when_time_has_moved_on()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "clock-restart");
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            var cluster = scenario.Cluster;
            cluster.SiloSettings["Sla__MaxReminderDelay"] = "00:00:05";
            cluster.SiloSettings["Sla__ReminderPeriod"] = "00:01:00";
            await cluster.StartSilosAsync(2, cancel);
            await cluster.StartApiAsync(seedDemo: true, cancel);

            var citizen = await scenario.Api.TokenAsync("CITIZEN", "cit-clock-restart", nationalIdNumber: "01234567", cancellationToken: cancel);
            var submitted = await scenario.Api.PostAsync(
                "mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) { request { id status dueAt } errors { ... on Error { code message } } } }",
                new { @in = PathwayApi.AdultCardInput(PathwayApi.Key("clock-restart"), "01234567") }, citizen, cancel);
            Assert.Null(submitted["errors"]);
            var request = submitted["data"]!["submitIdCardRequest"]!["request"]!;
            var id = request["id"]!.GetValue<string>();
            var dueAt = DateTimeOffset.Parse(request["dueAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);

            // The relay woke the clock, which stored its reminder.
            await Eventually.Async(
                async () => (await scenario.ScalarsAsync<long>("SELECT count(*) FROM orleans_reminder WHERE reminder_name = 'sla-clock'")).Single() == 1,
                TimeSpan.FromSeconds(60), "the request clock's reminder is stored");

            await cluster.KillAllAsync();
            var offset = dueAt - DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
            cluster.SiloSettings["Clock__Offset"] = offset.ToString("c", CultureInfo.InvariantCulture);
            await Task.WhenAll(cluster.Silos.Select(s => cluster.RestartSiloAsync(s.Index, cancel)));
            await cluster.StartApiAsync(seedDemo: false, cancel);

            // The reminder's next tick (its period is one minute) wakes the clock on a restarted silo.
            var agent = await scenario.Api.TokenAsync("AGENT", FaultScenario.AgentSubject, FaultScenario.Center, cancellationToken: cancel);
            JsonNode? last = null;
            await Eventually.Async(async () =>
            {
                var result = await scenario.Api.PostAsync("query($id: ID!) { request(id: $id) { status version dueAt overdueSince } }", new { id }, agent, cancel);
                last = result["data"]?["request"];
                return last?["overdueSince"] is not null;
            }, TimeSpan.FromMinutes(3), "the restarted cluster flags the request overdue");
            Assert.Equal(dueAt, DateTimeOffset.Parse(last!["overdueSince"]!.GetValue<string>(), CultureInfo.InvariantCulture));
            Assert.Equal("SUBMITTED", last["status"]!.GetValue<string>());

            await Eventually.Async(async () =>
            {
                var stuck = await scenario.Api.PostAsync("{ stuckRequests(first: 50) { nodes { id } } }", null, agent, cancel);
                return stuck["data"]?["stuckRequests"]?["nodes"]?.AsArray().Any(n => n!["id"]!.GetValue<string>() == id) == true;
            }, TimeSpan.FromSeconds(60), "the index lists the request as stuck");
        });
    }
}
