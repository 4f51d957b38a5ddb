using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts.Naming;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Api;

/// <summary>requestStatusChanged over graphql-transport-ws, on the real host (Kestrel, a real WebSocket): the owner sees each committed step live.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestSubscriptionApiTests(ApiFactory api)
{
    private const string Subscription = "subscription($id: ID!) { requestStatusChanged(id: $id) { requestId status version request { status } } }";

    private async Task<WebSocket> Connect(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(api.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri, CancellationToken.None);
        await Send(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await Receive(socket))["type"]!.GetValue<string>());
        return socket;
    }

    private static async Task Send(WebSocket socket, object message) =>
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task TakeStep(string mutation, string token, string id)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL($"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ errors {{ ... on Error {{ code }} }} }} }}",
            new { @in = new { requestId = id, reason = "test" } }, token);
        Assert.Null(result["data"]![mutation]!["errors"]);
    }

    private static Task<JsonNode> Receive(WebSocket socket) => Receive(socket, TimeSpan.FromSeconds(15));

    /// <summary>The next message other than a ping; a timeout fails the test (and aborts the socket, as any cancelled receive does).</summary>
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

    [Fact]
    public async Task The_owner_sees_each_step_live_and_a_stranger_sees_nothing()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-tunis", "TN11-GU1");
        var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "live"), citizen);
        var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();

        using var socket = await Connect(citizen);
        await Send(socket, new { id = "1", type = "subscribe", payload = new { query = Subscription, variables = new { id } } });

        // graphql-transport-ws has no "subscribed" acknowledgement: take steps until the first event
        // arrives; from then on every step must arrive, in order, exactly once.
        (string Mutation, string Status)[] steps =
        [
            ("startVerification", "VERIFYING"), ("requestCorrection", "NEEDS_CORRECTION"), ("submitCorrection", "VERIFYING"),
            ("confirmVerification", "AWAITING_PAYMENT"),
        ];
        JsonNode? first = null;
        var pending = Receive(socket, TimeSpan.FromSeconds(60));
        var index = 0;
        for (; index < steps.Length && first is null; index++)
        {
            await TakeStep(steps[index].Mutation, steps[index].Mutation == "submitCorrection" ? citizen : agent, id);

            // The receive stays pending across steps: cancelling it would abort the WebSocket.
            if (await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken)) == pending)
            {
                first = await pending;
            }
        }

        Assert.NotNull(first);
        Assert.Equal("next", first["type"]!.GetValue<string>());
        var change = first["payload"]!["data"]!["requestStatusChanged"]!;
        Assert.Equal(id, change["requestId"]!.GetValue<string>());
        Assert.Equal(steps[index - 1].Status, change["status"]!.GetValue<string>());
        Assert.Equal(steps[index - 1].Status, change["request"]!["status"]!.GetValue<string>());
        for (; index < steps.Length; index++)
        {
            await TakeStep(steps[index].Mutation, steps[index].Mutation == "submitCorrection" ? citizen : agent, id);
            var next = await Receive(socket, TimeSpan.FromSeconds(15));
            Assert.Equal(steps[index].Status, next["payload"]!["data"]!["requestStatusChanged"]!["status"]!.GetValue<string>());
        }

        await Send(socket, new { id = "1", type = "complete" });

        var stranger = await api.Token("CITIZEN", "stranger-" + Guid.NewGuid().ToString("N")[..6]);
        using var other = await Connect(stranger);
        await Send(other, new { id = "9", type = "subscribe", payload = new { query = Subscription, variables = new { id } } });
        var refused = await Receive(other);
        // A refused source stream is an execution result with errors and no data (then complete).
        Assert.Equal("next", refused["type"]!.GetValue<string>());
        Assert.Null(refused["payload"]!["data"]);
        Assert.Equal("NOT_FOUND", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_subscribers_on_two_requests_of_one_shared_stream_each_get_only_their_own_steps()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-tunis", "TN11-GU1");
        var steps = new LiveRequestSteps((query, variables, token) => api.GraphQL(query, variables, token), "TN11-GU1", citizen, agent);
        var (first, second) = await steps.TwoInOnePartitionAsync("shared-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(LiveRequestSteps.Partition(first), LiveRequestSteps.Partition(second));

        await using var one = await RequestStatusListener.StartAsync(api.BaseAddress, citizen, first);
        await using var two = await RequestStatusListener.StartAsync(api.BaseAddress, citizen, second);
        await steps.UntilLiveAsync(one);
        await steps.UntilLiveAsync(two);
        foreach (var (mutation, status) in LiveRequestSteps.Measured)
        {
            var firstVersion = await steps.StepAsync(mutation, first);
            var secondVersion = await steps.StepAsync(mutation, second);
            Assert.Equal((status, firstVersion), await one.NextChangeAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal((status, secondVersion), await two.NextChangeAsync(TimeSpan.FromSeconds(30)));
        }

        // Nothing of the other request (NextChangeAsync checks each change's request), nothing left over.
        Assert.Null(await one.NextAsync(TimeSpan.FromSeconds(1)));
        Assert.Null(await two.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_partition_handle_serves_every_request_of_the_silo_and_outlives_the_activations_that_used_it()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-tunis", "TN11-GU1");
        var steps = new LiveRequestSteps((query, variables, token) => api.GraphQL(query, variables, token), "TN11-GU1", citizen, agent);
        var (first, second) = await steps.TwoInOnePartitionAsync("handle-" + Guid.NewGuid().ToString("N")[..8]);
        await using var listener = await RequestStatusListener.StartAsync(api.BaseAddress, citizen, second);
        await steps.UntilLiveAsync(listener);

        // Every idle activation goes, the one whose turn asked for the partition's handle among them (Orleans then
        // drops the producer it made there): the silo's handle must still carry the next steps.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await steps.StepAsync("requestCorrection", first);
        var version = await steps.StepAsync("requestCorrection", second);
        Assert.Equal(("NEEDS_CORRECTION", version), await listener.NextChangeAsync(TimeSpan.FromSeconds(30)));

        // However many requests published, the silo holds one handle per partition that carried a change, no more.
        var held = api.Services.GetRequiredService<Actors.SiloHosting.Outbox.LiveUpdatePublisher>().HeldStreams;
        Assert.InRange(held, 1, StreamNames.RequestStatusPartitions);
    }
}
