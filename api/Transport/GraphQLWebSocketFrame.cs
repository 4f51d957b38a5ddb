using System.Net.WebSockets;

namespace Actors.Api.Transport;

/// <summary>One item of a connection's outbox: a text message to send, or the close frame that ends sending.</summary>
internal readonly record struct GraphQLWebSocketFrame(ReadOnlyMemory<byte> Message, WebSocketCloseStatus? CloseStatus, string? CloseReason)
{
    public static GraphQLWebSocketFrame Text(ReadOnlyMemory<byte> message) => new(message, null, null);

    public static GraphQLWebSocketFrame Close(int code, string reason) => new(ReadOnlyMemory<byte>.Empty, (WebSocketCloseStatus)code, reason);
}
