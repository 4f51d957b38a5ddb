using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Tests.Transport;

/// <summary>A bare graphql-transport-ws client: sends what a test says, even what a real client never would.</summary>
public sealed class GraphQLWebSocketTestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket = new();

    private GraphQLWebSocketTestClient()
    {
    }

    public WebSocket Socket => socket;

    public static async Task<GraphQLWebSocketTestClient> ConnectAsync(Uri address, string? subProtocol = "graphql-transport-ws")
    {
        var client = new GraphQLWebSocketTestClient();
        if (subProtocol is not null)
        {
            client.socket.Options.AddSubProtocol(subProtocol);
        }

        await client.socket.ConnectAsync(address, TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>Connects and completes connection_init / connection_ack.</summary>
    public static async Task<GraphQLWebSocketTestClient> ConnectAndInitAsync(Uri address, object? payload = null)
    {
        var client = await ConnectAsync(address);
        await client.SendAsync(new { type = "connection_init", payload });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", Type(ack));
        return client;
    }

    public static string? Type(JsonNode? message) => message?["type"]?.GetValue<string>();

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async Task SendTextAsync(string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    /// <summary>The next message; fails the test if the server closes instead.</summary>
    public async Task<JsonNode> ReceiveAsync()
    {
        var (message, closeStatus, closeReason) = await ReceiveOrCloseAsync();
        Assert.True(message is not null, $"Expected a message, the server closed: {(int?)closeStatus} {closeReason}");
        return message;
    }

    /// <summary>Reads until the server's close frame; returns its code and reason.</summary>
    public async Task<(int? Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (message, closeStatus, closeReason) = await ReceiveOrCloseAsync();
            if (message is null)
            {
                return ((int?)closeStatus, closeReason);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        socket.Dispose();
    }

    private async Task<(JsonNode? Message, WebSocketCloseStatus? CloseStatus, string? CloseReason)> ReceiveOrCloseAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ReceiveTimeout);
        return await WebSocketMessages.ReceiveAsync(socket, timeout.Token);
    }
}
