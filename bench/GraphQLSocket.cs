using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Bench;

/// <summary>
/// A bare graphql-transport-ws client: JSON messages in and out, and the close code when the server ends the
/// connection. Abusive clients use it as written; nothing here retries or reconnects.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly ClientWebSocket _socket;

    private GraphQLSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>The close code the server sent, once a receive has seen its close frame.</summary>
    public int? CloseCode => (int?)_socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    /// <summary>Opens the WebSocket; <paramref name="invoker"/> lets a caller choose how the TCP connection is made.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(Uri address, HttpMessageInvoker? invoker, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        try
        {
            await socket.ConnectAsync(address, invoker, cancellationToken);
            return new GraphQLSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The next message, or null when the server closed the connection (see <see cref="CloseCode"/>).</summary>
    public async Task<JsonNode?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
            }
        }
    }

    /// <summary>Sends <c>connection_init</c> and waits for the answer: true on <c>connection_ack</c>, false when the server closed instead.</summary>
    public async Task<bool> InitAsync(object? payload, CancellationToken cancellationToken)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload }, cancellationToken);
        while (await ReceiveAsync(cancellationToken) is { } message)
        {
            if (message["type"]?.GetValue<string>() == "connection_ack")
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server went first or is gone: nothing to say goodbye to.
            }
        }

        _socket.Dispose();
    }
}
