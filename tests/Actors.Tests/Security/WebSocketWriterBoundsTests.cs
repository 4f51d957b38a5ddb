using Actors.Api.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Tests.Security;

/// <summary>The outgoing side of a WebSocket holds at most so many bytes for a client that does not read.</summary>
public sealed class WebSocketWriterBoundsTests
{
    [Fact]
    public async Task A_client_that_does_not_read_is_dropped_once_the_queued_bytes_pass_the_bound()
    {
        var socket = new StalledWebSocket();
        using var closing = new CancellationTokenSource();
        var options = new GraphQLTransportOptions { MaxPendingBytes = 16 * 1024, MaxPendingMessages = 10_000 };
        var writer = new GraphQLWebSocketWriter(socket, closing, options, NullLogger.Instance);
        var sending = writer.RunAsync();
        var payload = "\"" + new string('x', 1000) + "\"";

        var sent = 0;
        while (!writer.IsClosing && sent < 1_000)
        {
            writer.Send("next", "s", payload);
            sent++;
        }

        Assert.True(socket.WasAborted);
        Assert.InRange(sent, 16, 18);
        await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Messages_under_the_byte_bound_are_queued_without_dropping_the_client()
    {
        var socket = new StalledWebSocket();
        using var closing = new CancellationTokenSource();
        var options = new GraphQLTransportOptions { MaxPendingBytes = 16 * 1024 };
        var writer = new GraphQLWebSocketWriter(socket, closing, options, NullLogger.Instance);

        // Not run: nothing is sent, so the bound is about what is queued; 15 messages of 1 KB stay under it.
        for (var i = 0; i < 15; i++)
        {
            writer.Send("next", "s", "\"" + new string('x', 1000) + "\"");
        }

        Assert.False(writer.IsClosing);
        Assert.False(socket.WasAborted);
        writer.Complete();
        await Task.CompletedTask;
    }
}
