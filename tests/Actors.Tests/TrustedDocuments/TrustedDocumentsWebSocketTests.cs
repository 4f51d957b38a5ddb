using System.Text.Json.Nodes;
using Actors.Tests.Transport;

namespace Actors.Tests.TrustedDocuments;

/// <summary>graphql-transport-ws on a host in PublicAndCitizens mode: subscribe carries a hash like an HTTP request.</summary>
[Collection(TrustedDocumentsCollection.Name)]
public sealed class TrustedDocumentsWebSocketTests(TrustedDocumentsApiFactory api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_anonymous_ad_hoc_subscribe_gets_an_error_PERSISTED_QUERY_REQUIRED_and_the_connection_goes_on()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(api.WebSocketAddress);

        await client.SubscribeAsync("adhoc", "{ governorates { code } }");
        var refused = await Next(client);

        Assert.Equal("error", GraphQLWebSocketTestClient.Type(refused));
        Assert.Equal("adhoc", refused["id"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_REQUIRED", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());

        await client.SendAsync(new { id = "registered", type = "subscribe", payload = new { documentId = "sha256:" + RegisteredOperations.HashOf("Governorates") } });
        var answered = await Next(client);
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(answered));
        Assert.Equal(24, answered["payload"]!["data"]!["governorates"]!.AsArray().Count);
        Assert.Equal("complete", GraphQLWebSocketTestClient.Type(await Next(client)));
    }

    [Fact]
    public async Task An_unknown_hash_on_subscribe_gets_an_error_PERSISTED_QUERY_NOT_FOUND()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(api.WebSocketAddress);

        await client.SendAsync(new
        {
            id = "unknown",
            type = "subscribe",
            payload = new { extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('b', 64) } } },
        });
        var refused = await Next(client);

        Assert.Equal("error", GraphQLWebSocketTestClient.Type(refused));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_citizen_follows_their_request_by_hash_while_an_agent_acts_on_it_ad_hoc()
    {
        var nationalIdNumber = "08" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var citizen = await api.Token("CITIZEN", "trusted-ws-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: nationalIdNumber);
        var agent = await api.Token("AGENT", "trusted-ws-agent", centerId: "TN11-GU1");
        var (_, submitted) = await api.PostAsync(
            new { documentId = "sha256:" + RegisteredOperations.HashOf("SubmitIdCardRequest"), variables = new { input = TrustedDocumentsRequests.Renewal(nationalIdNumber) } },
            citizen);
        var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();

        await using var live = await GraphQLWebSocketTestClient.ConnectAndInitAsync(api.WebSocketAddress, new { Authorization = "Bearer " + citizen });
        await live.SendAsync(new
        {
            id = "watch",
            type = "subscribe",
            payload = new { documentId = "sha256:" + RegisteredOperations.HashOf("RequestStatusChanged"), variables = new { id } },
        });

        // graphql-transport-ws has no "subscribed" acknowledgement: take steps until the first event arrives. The
        // citizen's own step goes by hash too; the agent's are ad hoc, as staff may.
        (string Mutation, string Status, bool ByCitizen)[] steps =
        [
            ("startVerification", "VERIFYING", false), ("requestCorrection", "NEEDS_CORRECTION", false),
            ("submitCorrection", "VERIFYING", true), ("confirmVerification", "AWAITING_PAYMENT", false),
        ];
        var pending = live.ReceiveAsync();
        JsonNode? first = null;
        var index = 0;
        for (; index < steps.Length && first is null; index++)
        {
            await TakeStep(steps[index].Mutation, steps[index].ByCitizen ? citizen : agent, id);
            if (await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken)) == pending)
            {
                first = await pending;
            }
        }

        first ??= await pending.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(first));
        Assert.Null(first["payload"]!["errors"]);
        // Under load an event may come after the next step was taken: it is one of the steps taken, whichever joined first.
        Assert.Contains(first["payload"]!["data"]!["requestStatusChanged"]!["status"]!.GetValue<string>(), steps.Take(index).Select(step => step.Status));
    }

    private async Task TakeStep(string mutation, string token, string id)
    {
        var input = new { requestId = id, reason = "Checked at the desk." };
        var (status, body) = mutation == "submitCorrection"
            ? await api.PostAsync(new { documentId = "sha256:" + RegisteredOperations.HashOf("SubmitCorrection"), variables = new { input } }, token)
            : await api.PostAsync(
                new { query = $"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ errors {{ ... on Error {{ code }} }} }} }}", variables = new { input } },
                token);
        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Null(body["data"]![mutation]!["errors"]);
    }

    private static async Task<JsonNode> Next(GraphQLWebSocketTestClient client) =>
        await client.ReceiveAsync().WaitAsync(Patience, TestContext.Current.CancellationToken);
}
