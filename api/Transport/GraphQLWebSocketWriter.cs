using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Actors.Api.Transport;

/// <summary>
/// The sending side of one connection. A WebSocket allows one send at a time, so every message goes
/// through one outbox drained by a single loop; a client that does not read is dropped once
/// <see cref="GraphQLTransportOptions.MaxPendingMessages"/> or <see cref="GraphQLTransportOptions.MaxPendingBytes"/>
/// are waiting, rather than buffered without bound.
/// </summary>
internal sealed class GraphQLWebSocketWriter(
    WebSocket socket, CancellationTokenSource closing, GraphQLTransportOptions options, ILogger logger)
{
    // A close reason must fit in a control frame: 125 bytes less the 2-byte code.
    private const int MaxCloseReasonBytes = 123;

    private readonly Channel<GraphQLWebSocketFrame> outbox =
        Channel.CreateUnbounded<GraphQLWebSocketFrame>(new UnboundedChannelOptions { SingleReader = true });

    private int closeRequested;
    private int pendingFrames;
    private long pendingBytes;

    /// <summary>True once a close was queued (or the socket aborted): nothing more is sent.</summary>
    public bool IsClosing => Volatile.Read(ref closeRequested) != 0;

    public void Send(string type, string? id, string? payloadJson)
    {
        if (IsClosing)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>((payloadJson?.Length ?? 0) + 64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            json.WriteString("type", type);
            if (payloadJson is not null)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            json.WriteEndObject();
        }

        var frames = Interlocked.Increment(ref pendingFrames);
        var bytes = Interlocked.Add(ref pendingBytes, buffer.WrittenCount);
        if (frames > options.MaxPendingMessages || bytes > options.MaxPendingBytes)
        {
            // A close frame would wait behind the backlog the client is not reading: drop the connection instead.
            logger.LogWarning(
                "Closing a GraphQL WebSocket whose client reads too slowly ({Frames} messages, {Bytes} bytes pending).", frames, bytes);
            Volatile.Write(ref closeRequested, 1);
            socket.Abort();
            return;
        }

        outbox.Writer.TryWrite(GraphQLWebSocketFrame.Text(buffer.WrittenMemory));
    }

    /// <summary>Queues the close frame (the first close wins) and bounds the wait for the client's answer.</summary>
    public void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref closeRequested, 1) != 0)
        {
            return;
        }

        outbox.Writer.TryWrite(GraphQLWebSocketFrame.Close(code, Truncate(reason)));
        try
        {
            // A client that never answers the close frame must not keep the connection open.
            closing.CancelAfter(options.CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended and disposed its token: there is no handshake left to bound.
        }
    }

    /// <summary>No more messages: the loop sends what is queued and ends.</summary>
    public void Complete() => outbox.Writer.TryComplete();

    public async Task RunAsync()
    {
        try
        {
            await foreach (var frame in outbox.Reader.ReadAllAsync())
            {
                if (frame.CloseStatus is { } status)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(status, frame.CloseReason, closing.Token);
                    }

                    return;
                }

                await socket.SendAsync(frame.Message, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
                Interlocked.Decrement(ref pendingFrames);
                Interlocked.Add(ref pendingBytes, -frame.Message.Length);
            }
        }
        catch (Exception ex) when (GraphQLWebSocketConnection.IsDisconnect(ex))
        {
            logger.LogDebug(ex, "Sending on a GraphQL WebSocket failed; the connection is gone.");
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes - 3)
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
