using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Tests.Transport;

/// <summary>Whole graphql-transport-ws messages over a real socket, shared by the test clients.</summary>
public static class WebSocketMessages
{
    /// <summary>One whole message (its frames joined), or the server's close frame's code and reason.</summary>
    public static async Task<(JsonNode? Message, WebSocketCloseStatus? CloseStatus, string? CloseReason)> ReceiveAsync(
        WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, result.CloseStatus, result.CloseStatusDescription);
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (JsonNode.Parse(message.ToArray()), null, null);
    }

    /// <summary>Sends <paramref name="message"/> as one JSON text message.</summary>
    public static async Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken) =>
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);
}
