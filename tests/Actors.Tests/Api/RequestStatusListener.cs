using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Actors.Tests.Transport;

namespace Actors.Tests.Api;

/// <summary>
/// One live <c>requestStatusChanged</c> subscription over graphql-transport-ws on a real socket: a background loop
/// answers pings and queues every other message, so a test can wait for the next one without cancelling a receive
/// (which would abort the WebSocket).
/// </summary>
public sealed class RequestStatusListener : IAsyncDisposable
{
    private const string Subscription = "subscription($id: ID!) { requestStatusChanged(id: $id) { requestId status version } }";

    private readonly ClientWebSocket socket = new();
    private readonly Channel<JsonNode> messages = Channel.CreateUnbounded<JsonNode>();
    private readonly CancellationTokenSource stop = new();
    private Task reading = Task.CompletedTask;

    private RequestStatusListener(string requestId) => RequestId = requestId;

    public string RequestId { get; }

    /// <summary>Connects with the token and subscribes to the request (graphql-transport-ws says nothing when the subscription is in place).</summary>
    public static async Task<RequestStatusListener> StartAsync(Uri apiBase, string token, string requestId)
    {
        var listener = new RequestStatusListener(requestId);
        listener.socket.Options.AddSubProtocol("graphql-transport-ws");
        await listener.socket.ConnectAsync(new UriBuilder(apiBase) { Scheme = "ws", Path = "/graphql" }.Uri, TestContext.Current.CancellationToken);
        await listener.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
        listener.reading = listener.ReadAsync();
        var ack = await listener.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("connection_ack", ack?["type"]?.GetValue<string>());
        await listener.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Subscription, variables = new { id = requestId } } });
        return listener;
    }

    /// <summary>The next message (other than a ping), or null if none came within <paramref name="wait"/>.</summary>
    public async Task<JsonNode?> NextAsync(TimeSpan wait)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The next change this subscription delivered (status, version), failing on anything but a <c>next</c> with data.</summary>
    public async Task<(string Status, long Version)> NextChangeAsync(TimeSpan wait)
    {
        var message = await NextAsync(wait);
        Assert.True(message is not null, $"no live change of {RequestId} within {wait.TotalSeconds} s");
        Assert.True(message["type"]?.GetValue<string>() == "next", "expected a next message, got " + message.ToJsonString());
        var change = message["payload"]?["data"]?["requestStatusChanged"];
        Assert.True(change is not null, "expected a change, got " + message.ToJsonString());
        Assert.Equal(RequestId, change["requestId"]!.GetValue<string>());
        return (change["status"]!.GetValue<string>(), change["version"]!.GetValue<long>());
    }

    public async ValueTask DisposeAsync()
    {
        // Close our side and let the loop read the server's close; only then stop it (a cancelled receive aborts).
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing to close.
            }
        }

        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException or OperationCanceledException)
        {
            // Stopped below, or already ended with the socket.
        }

        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The loop ends with the socket.
        }

        socket.Dispose();
        stop.Dispose();
    }

    private Task SendAsync(object message) => WebSocketMessages.SendAsync(socket, message, CancellationToken.None);

    private async Task ReadAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (message, _, _) = await WebSocketMessages.ReceiveAsync(socket, stop.Token);
                if (message is null)
                {
                    return;
                }

                if (message["type"]?.GetValue<string>() == "ping")
                {
                    await SendAsync(new { type = "pong" });
                    continue;
                }

                await messages.Writer.WriteAsync(message, CancellationToken.None);
            }
        }
        finally
        {
            messages.Writer.TryComplete();
        }
    }
}
