using Actors.Tests.Transport;

namespace Actors.Tests.Security;

/// <summary>
/// The WebSocket bounds: operations per connection, connections per identity and per address, and a
/// token checked again when it expires. Tests run one after another on one host and start from no
/// open connection, so that the per-address count is theirs alone.
/// </summary>
public sealed class WebSocketBoundsTests(BoundedTransportHost host) : IClassFixture<BoundedTransportHost>
{
    [Fact]
    public async Task A_subscribe_over_the_operation_bound_gets_an_error_and_the_others_keep_streaming()
    {
        await host.WaitForNoConnectionsAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress);
        for (var i = 0; i < BoundedTransportHost.OperationsPerConnection; i++)
        {
            await client.SubscribeAsync($"s{i}", "subscription { forever }");
        }

        await client.SubscribeAsync("extra", "subscription { forever }");

        while (true)
        {
            var message = await client.ReceiveAsync();
            var id = message["id"]!.GetValue<string>();
            if (id == "extra")
            {
                Assert.Equal("error", GraphQLWebSocketTestClient.Type(message));
                Assert.Equal("TOO_MANY_OPERATIONS", message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
                break;
            }

            Assert.Equal("next", GraphQLWebSocketTestClient.Type(message));
        }

        // The bound counts what runs: completing one makes room for another.
        await client.SendAsync(new { id = "s0", type = "complete" });
        await client.SubscribeAsync("after", "{ hello }");
        while (true)
        {
            var message = await client.ReceiveAsync();
            if (message["id"]!.GetValue<string>() == "after")
            {
                Assert.Equal("next", GraphQLWebSocketTestClient.Type(message));
                Assert.Equal("world", message["payload"]!["data"]!["hello"]!.GetValue<string>());
                break;
            }
        }
    }

    [Fact]
    public async Task A_connection_over_the_identity_bound_is_closed_at_init_and_another_identity_still_connects()
    {
        await host.WaitForNoConnectionsAsync();
        var token = host.IssueToken("citizen-many-sockets");
        var open = new List<GraphQLWebSocketTestClient>();
        try
        {
            for (var i = 0; i < BoundedTransportHost.ConnectionsPerIdentity; i++)
            {
                open.Add(await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress, new { token }));
            }

            await using var extra = await GraphQLWebSocketTestClient.ConnectAsync(host.WebSocketAddress);
            await extra.SendAsync(new { type = "connection_init", payload = new { token } });
            var (code, reason) = await extra.ReceiveCloseAsync();
            Assert.Equal(1008, code);
            Assert.Contains("identity", reason, StringComparison.Ordinal);

            await using var other = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
                host.WebSocketAddress, new { token = host.IssueToken("another-citizen") });
            await other.SubscribeAsync("q", "{ hello }");
            Assert.Equal("next", GraphQLWebSocketTestClient.Type(await other.ReceiveAsync()));
        }
        finally
        {
            foreach (var client in open)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_connection_over_the_address_bound_is_closed_as_soon_as_it_is_accepted()
    {
        await host.WaitForNoConnectionsAsync();
        var open = new List<GraphQLWebSocketTestClient>();
        try
        {
            for (var i = 0; i < BoundedTransportHost.ConnectionsPerAddress; i++)
            {
                open.Add(await GraphQLWebSocketTestClient.ConnectAndInitAsync(host.WebSocketAddress));
            }

            await using var extra = await GraphQLWebSocketTestClient.ConnectAsync(host.WebSocketAddress);
            var (code, reason) = await extra.ReceiveCloseAsync();
            Assert.Equal(1008, code);
            Assert.Contains("address", reason, StringComparison.Ordinal);

            // The connections within the bound still answer.
            await open[0].SubscribeAsync("q", "{ hello }");
            Assert.Equal("next", GraphQLWebSocketTestClient.Type(await open[0].ReceiveAsync()));
        }
        finally
        {
            foreach (var client in open)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_expired_token_closes_the_connection_with_4403()
    {
        await host.WaitForNoConnectionsAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
            host.WebSocketAddress, new { token = host.IssueToken("citizen-short-token", TimeSpan.FromSeconds(2)) });
        await client.SubscribeAsync("s", "subscription { forever }");

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4403, code);
        Assert.Contains("expired", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_renewed_with_a_ping_keeps_the_connection_past_the_first_expiry()
    {
        await host.WaitForNoConnectionsAsync();
        var expires = DateTimeOffset.UtcNow.AddSeconds(6);
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
            host.WebSocketAddress, new { token = host.IssueToken("citizen-renewing", TimeSpan.FromSeconds(6)) });

        await client.SendAsync(new { type = "ping", payload = new { token = host.IssueToken("citizen-renewing", TimeSpan.FromHours(1)) } });
        Assert.Equal("pong", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));

        // Past the first token's expiry (with margin for its whole-second rounding) the connection still answers.
        var wait = expires.AddSeconds(2) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }

        await client.SubscribeAsync("q", "{ hello }");
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task A_renewal_with_another_identity_s_token_closes_with_4403()
    {
        await host.WaitForNoConnectionsAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
            host.WebSocketAddress, new { token = host.IssueToken("citizen-a") });

        await client.SendAsync(new { type = "ping", payload = new { token = host.IssueToken("citizen-b") } });
        var (code, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4403, code);
    }
}
