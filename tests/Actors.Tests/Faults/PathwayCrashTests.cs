using System.Text.Json.Nodes;
using Actors.Tests.Postgres;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Faults;

/// <summary>
/// The automatic pathway on PostgreSQL with two silo processes, one killed (<c>kill -9</c>) while requests are being
/// verified and their citizens notified: every request still reaches AWAITING_PAYMENT by itself (the pathway's durable
/// reminder brings the work back on the surviving silo), and no SMS is sent twice (the notification is looked up at
/// the provider before any second attempt).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PathwayCrashTests(PostgresServer server)
{
    private const int Requests = 24;

    [Fact]
    public async Task A_silo_killed_mid_pathway_leaves_no_request_behind_and_sends_no_notification_twice()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "pathway-crash", automaticPathway: true);
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            await scenario.Cluster.StartSilosAsync(2, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var api = scenario.Api;
            var citizen = await api.TokenAsync("CITIZEN", "citizen-crash", nationalIdNumber: "01234567", cancellationToken: cancel);
            var agent = await api.TokenAsync("AGENT", "agent-crash", FaultScenario.Center, cancellationToken: cancel);
            await Eventually.Async(async () => (await api.PostAsync("{ centers(first: 1) { totalCount } }", cancellationToken: cancel))["data"]?["centers"]?["totalCount"]?.GetValue<int>() > 0,
                TimeSpan.FromSeconds(60), "the demo centers are seeded");

            var ids = new List<string>();
            for (var i = 0; i < Requests; i++)
            {
                if (i == Requests / 3)
                {
                    await scenario.Cluster.KillSiloAsync(1);
                }

                var submitted = await Submit(api, citizen, i, cancel);
                ids.Add(submitted);
            }

            // Every request moves on by itself, including those whose pathway lived on the killed silo.
            var stuck = ids.ToList();
            await Eventually.Async(async () =>
            {
                foreach (var id in stuck.ToList())
                {
                    var status = (await Read(api, agent, id, cancel))?["status"]?.GetValue<string>();
                    if (status == "AWAITING_PAYMENT")
                    {
                        stuck.Remove(id);
                    }
                }

                return stuck.Count == 0;
            }, TimeSpan.FromMinutes(3), "every request reaches AWAITING_PAYMENT");

            // Each citizen is told once (the message follows the step): one "payment-due" SMS per request, none asked twice.
            foreach (var id in ids)
            {
                JsonArray messages = [];
                await Eventually.Async(async () =>
                {
                    var told = await api.PostAsync(
                        "query($id: ID!) { sandboxNotifications(requestId: $id) { template channel sendCalls } }", new { id }, citizen, cancel);
                    messages = told["data"]!["sandboxNotifications"]!.AsArray();
                    return messages.Any(m => m!["template"]!.GetValue<string>() == "payment-due");
                }, TimeSpan.FromMinutes(2), "the citizen is told the fee is due");
                Assert.Single(messages, m => m!["template"]!.GetValue<string>() == "payment-due");
                Assert.All(messages, m => Assert.Equal(1, m!["sendCalls"]!.GetValue<int>()));
            }
        });
    }

    private static async Task<string> Submit(GraphQLHttpClient api, string citizen, int n, CancellationToken cancel)
    {
        var input = new
        {
            reason = "RENEWAL",
            centerId = GlobalIds.Center(FaultScenario.Center),
            idempotencyKey = $"crash-{n}",
            applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
            contact = new { phone = "+21655" + n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture), preferredLanguage = "fr" },
        };

        // A submission that fails while the silo dies is retried with the same key: the same request comes back.
        for (var attempt = 1; ; attempt++)
        {
            var result = await api.PostAsync(
                "mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) { request { id } errors { __typename } } }",
                new { @in = input }, citizen, cancel);
            if (result["data"]?["submitIdCardRequest"]?["request"]?["id"]?.GetValue<string>() is { } id)
            {
                return id;
            }

            Assert.True(attempt < 10, "submission kept failing: " + result.ToJsonString());
            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        }
    }

    private static async Task<JsonNode?> Read(GraphQLHttpClient api, string token, string id, CancellationToken cancel) =>
        (await api.PostAsync("query($id: ID!) { request(id: $id) { status } }", new { id }, token, cancel))["data"]?["request"];
}
