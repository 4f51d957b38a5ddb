using System.Net.WebSockets;

namespace Actors.Tests.Security;

/// <summary>A WebSocket whose peer never reads: every send waits until it is cancelled or the socket aborted.</summary>
internal sealed class StalledWebSocket : WebSocket
{
    private readonly TaskCompletionSource aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool WasAborted => aborted.Task.IsCompleted;

    public override WebSocketCloseStatus? CloseStatus => null;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => WasAborted ? WebSocketState.Aborted : WebSocketState.Open;

    public override string? SubProtocol => "graphql-transport-ws";

    public override void Abort() => aborted.TrySetResult();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose() => Abort();

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The writer never receives.");

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        await aborted.Task.WaitAsync(cancellationToken);
        throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
    }
}
