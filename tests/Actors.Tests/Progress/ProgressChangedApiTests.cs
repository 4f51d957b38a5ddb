using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Progress;

/// <summary>progressChanged over graphql-transport-ws on the real host: a snapshot at once, then new ones in order as requests change.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProgressChangedApiTests(ApiFactory api)
{
    private const string Subscription = """
        subscription($where: RequestWhereInput) { progressChanged(where: $where, groupBy: [STATUS]) { total groups { status count } } }
        """;

    [Fact]
    public async Task Snapshots_arrive_at_once_then_in_order_as_requests_change()
    {
        var operatorToken = await api.Token("OPERATOR", "op-live");
        var code = "LIV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { center { id } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre direct", governorate = "SILIANA", district = "District", kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 10 } },
            operatorToken);
        var centerId = registered["data"]!["registerServiceCenter"]!["center"]!["id"]!.GetValue<string>();
        await api.GraphQL("mutation($in: ChangeCenterRolloutPhaseInput!) { changeCenterRolloutPhase(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { centerId, phase = "PILOT" } }, operatorToken);
        var agent = await api.Token("AGENT", "agent-live", code);
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");

        using var socket = await Connect(agent);
        await Send(socket, new { id = "1", type = "subscribe", payload = new { query = Subscription, variables = new { where = new { centerIds = new[] { centerId } } } } });
        var first = await Receive(socket, TimeSpan.FromSeconds(15));
        Assert.Equal(0, Total(first));

        // Each submission shows up in a later snapshot; totals never go back, and the last snapshot holds all three.
        var totals = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(code, $"live-{code}-{i}"), citizen);
        }

        while (totals.LastOrDefault() < 3)
        {
            totals.Add(Total(await Receive(socket, TimeSpan.FromSeconds(15))));
        }

        Assert.Equal(totals.Order(), totals);
        Assert.Equal(totals.Distinct(), totals);
        Assert.Equal(3, totals[^1]);

        // Nothing changes: no snapshot within two intervals.
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var receive = socket.ReceiveAsync(new byte[1024], quiet.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await receive);
    }

    [Fact]
    public async Task A_citizen_is_refused()
    {
        using var socket = await Connect(await api.Token("CITIZEN", "cit-live"));
        await Send(socket, new { id = "1", type = "subscribe", payload = new { query = Subscription } });

        var refused = await Receive(socket, TimeSpan.FromSeconds(15));

        Assert.Null(refused["payload"]!["data"]);
        Assert.Equal("FORBIDDEN", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static long Total(JsonNode message)
    {
        Assert.Equal("next", message["type"]!.GetValue<string>());
        return message["payload"]!["data"]!["progressChanged"]!["total"]!.GetValue<long>();
    }

    private async Task<WebSocket> Connect(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(api.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri, CancellationToken.None);
        await Send(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await Receive(socket, TimeSpan.FromSeconds(15)))["type"]!.GetValue<string>());
        return socket;
    }

    private static async Task Send(WebSocket socket, object message) =>
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message other than a ping; a timeout fails the test.</summary>
    private static async Task<JsonNode> Receive(WebSocket socket, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                var message = JsonNode.Parse(text.ToString())!;
                if (message["type"]!.GetValue<string>() == "ping")
                {
                    await Send(socket, new { type = "pong" });
                    text.Clear();
                    continue;
                }

                return message;
            }
        }
    }
}
