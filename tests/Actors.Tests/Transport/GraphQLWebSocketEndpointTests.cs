using System.Net.WebSockets;

namespace Actors.Tests.Transport;

[Collection(TransportCollection.Name)]
public sealed class GraphQLWebSocketEndpointTests(TransportTestHost host)
{
    [Fact]
    public async Task Handshake_acknowledges_init_and_answers_pings()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);
        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);

        await client.SendAsync(new { type = "ping", payload = new { at = 1 } });
        var pong = await client.ReceiveAsync();

        Assert.Equal("pong", GraphQLWebSocketTestClient.Type(pong));
        Assert.Equal(1, pong["payload"]?["at"]?.GetValue<int>());
    }

    [Fact]
    public async Task Query_gets_one_next_then_complete()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SubscribeAsync("q1", "{ hello }");
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("next", GraphQLWebSocketTestClient.Type(next));
        Assert.Equal("q1", next["id"]?.GetValue<string>());
        Assert.Equal("world", next["payload"]?["data"]?["hello"]?.GetValue<string>());
        Assert.Equal("complete", GraphQLWebSocketTestClient.Type(complete));
        Assert.Equal("q1", complete["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Mutation_runs_over_websocket()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SubscribeAsync("m1", "mutation($text: String!) { echo(text: $text) }", new { text = "marhba" });

        Assert.Equal("marhba", (await client.ReceiveAsync())["payload"]?["data"]?["echo"]?.GetValue<string>());
        Assert.Equal("complete", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Subscription_streams_events_then_completes()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SubscribeAsync("s1", "subscription { ticks(count: 3) }");
        var values = new List<int>();
        while (true)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal("s1", message["id"]?.GetValue<string>());
            if (GraphQLWebSocketTestClient.Type(message) == "complete")
            {
                break;
            }

            Assert.Equal("next", GraphQLWebSocketTestClient.Type(message));
            values.Add(message["payload"]!["data"]!["ticks"]!.GetValue<int>());
        }

        Assert.Equal([1, 2, 3], values);
    }

    [Fact]
    public async Task Complete_from_the_client_stops_the_stream()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);
        await client.SubscribeAsync("s2", "subscription { forever }");
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));

        await client.SendAsync(new { id = "s2", type = "complete" });
        await client.SendAsync(new { type = "ping" });
        while (GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()) != "pong")
        {
            // Events already on their way before the complete was read.
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));

        // The id is free again once completed.
        await client.SubscribeAsync("s2", "{ hello }");
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Validation_errors_come_as_an_error_message()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SubscribeAsync("e1", "subscription { noSuchField }");
        var error = await client.ReceiveAsync();

        Assert.Equal("error", GraphQLWebSocketTestClient.Type(error));
        Assert.Equal("e1", error["id"]?.GetValue<string>());
        Assert.NotEmpty(error["payload"]!.AsArray());
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("authorization", true)]
    [InlineData("token", false)]
    public async Task Token_in_connection_init_authenticates_operations(string key, bool withScheme)
    {
        var token = host.IssueToken("citizen-ws");
        var payload = new Dictionary<string, string> { [key] = withScheme ? "Bearer " + token : token };
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress, payload);

        await client.SubscribeAsync("w1", "{ whoami }");

        Assert.Equal("citizen-ws", (await client.ReceiveAsync())["payload"]?["data"]?["whoami"]?.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_token_in_connection_init_closes_4403()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.WebSocketAddress);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer not-a-jwt" } });

        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Duplicate_operation_id_closes_4409()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SubscribeAsync("dup", "subscription { forever }");
        await client.SubscribeAsync("dup", "subscription { forever }");

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for dup already exists", reason);
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_4401()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.WebSocketAddress);

        await client.SubscribeAsync("early", "{ hello }");

        Assert.Equal(4401, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Missing_connection_init_closes_4408()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.WebSocketAddress);

        // The test host allows one second.
        Assert.Equal(4408, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Second_connection_init_closes_4429()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, (await client.ReceiveCloseAsync()).Code);
    }

    [Theory]
    [InlineData("""{"type":"no_such_type"}""")]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""not json""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"x","payload":{"query":42}}""")]
    public async Task Invalid_messages_close_4400(string message)
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);

        await client.SendTextAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Missing_subprotocol_closes_4406()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.WebSocketAddress, subProtocol: null);

        Assert.Equal(4406, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Client_close_is_answered_gracefully()
    {
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);
        await client.SubscribeAsync("s3", "subscription { forever }");
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));

        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);

        Assert.Equal(WebSocketState.Closed, client.Socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
    }
}
