using System.Buffers;
using System.Net.WebSockets;
using Actors.Api.Identity;
using Actors.Api.Security;
using GraphQL;

namespace Actors.Api.Transport;

/// <summary>
/// The server side of one graphql-transport-ws connection (the protocol of the graphql-ws library):
/// reads whole messages in order and hands them to the <see cref="GraphQLWebSocketDispatcher"/>;
/// outgoing messages go through the <see cref="GraphQLWebSocketWriter"/>, operations run in
/// <see cref="GraphQLWebSocketOperations"/>. Ends when either side closes or the client vanishes.
/// </summary>
internal sealed class GraphQLWebSocketConnection
{
    private readonly WebSocket socket;
    private readonly GraphQLTransportOptions options;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger logger;
    private readonly CancellationTokenSource closing;
    private readonly GraphQLWebSocketWriter writer;
    private readonly GraphQLWebSocketOperations operations;
    private readonly GraphQLWebSocketDispatcher dispatcher;

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext http, GraphQLTransportOptions options)
    {
        this.socket = socket;
        this.options = options;
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        logger = services.GetRequiredService<ILogger<GraphQLWebSocketConnection>>();
        closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        writer = new GraphQLWebSocketWriter(socket, closing, options, logger);
        operations = new GraphQLWebSocketOperations(writer, serializer, services.GetRequiredService<IServiceScopeFactory>(), logger);
        dispatcher = new GraphQLWebSocketDispatcher(
            writer,
            operations,
            serializer,
            services.GetRequiredService<AccessTokenReader>(),
            services.GetRequiredService<WebSocketConnectionCounts>(),
            options,
            http.Request.Headers.Authorization.ToString(),
            http.Request.Headers.AcceptLanguage.ToString(),
            http.Connection.RemoteIpAddress?.ToString(),
            closing.Token);
    }

    internal static bool IsDisconnect(Exception ex) =>
        ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException;

    public async Task RunAsync()
    {
        var sending = writer.RunAsync();
        var initTimeout = EnforceInitTimeoutAsync();
        var tokenExpiry = EnforceTokenExpiryAsync();
        using var stopping = lifetime.ApplicationStopping.Register(
            () => writer.Close((int)WebSocketCloseStatus.EndpointUnavailable, "Server is shutting down"));
        try
        {
            await ReadLoopAsync();
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            logger.LogDebug(ex, "GraphQL WebSocket connection ended without a close handshake.");
        }
        finally
        {
            operations.CancelAll();
            writer.Complete();
            try
            {
                await sending.WaitAsync(options.CloseHandshakeTimeout);
            }
            catch (TimeoutException)
            {
                await closing.CancelAsync();
                await sending;
            }

            await closing.CancelAsync();
            await initTimeout;
            await tokenExpiry;
            dispatcher.Release();
            closing.Dispose();
        }
    }

    private async Task ReadLoopAsync()
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            message.ResetWrittenCount();
            var tooBig = false;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(message.GetMemory(4096), closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Answers the client's close, or completes the handshake this side started.
                    writer.Close((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), socket.CloseStatusDescription ?? string.Empty);
                    return;
                }

                message.Advance(received.Count);
                if (message.WrittenCount > options.MaxRequestBytes)
                {
                    // Keep reading to the end of the message without keeping it.
                    tooBig = true;
                    message.ResetWrittenCount();
                }
            }
            while (!received.EndOfMessage);

            if (writer.IsClosing)
            {
                continue;
            }

            if (tooBig)
            {
                writer.Close((int)WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {options.MaxRequestBytes / 1024} KiB");
            }
            else if (received.MessageType != WebSocketMessageType.Text)
            {
                writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Only text messages are supported");
            }
            else
            {
                await dispatcher.DispatchAsync(message.WrittenMemory);
            }
        }
    }

    /// <summary>
    /// A token's expiry ends what it allowed: when it passes, the connection closes with 4403 unless the
    /// client has renewed the token meanwhile (a <c>ping</c> whose payload carries the new one).
    /// </summary>
    private async Task EnforceTokenExpiryAsync()
    {
        try
        {
            while (true)
            {
                if (dispatcher.TokenExpiresAt is not { } expires)
                {
                    await dispatcher.TokenChanged.WaitAsync(closing.Token);
                    continue;
                }

                var left = expires - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    writer.Close(GraphQLWebSocketCloseCodes.Forbidden, "Token expired: renew it with a ping carrying the new token");
                    return;
                }

                // Woken early by a renewal, which moves the deadline.
                await dispatcher.TokenChanged.WaitAsync(left < TimeSpan.FromDays(1) ? left : TimeSpan.FromDays(1), closing.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended: no deadline left to enforce.
        }
        catch (ObjectDisposedException)
        {
            // Same, observed through the disposed token source.
        }
    }

    private async Task EnforceInitTimeoutAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, closing.Token);
        }
        catch (OperationCanceledException)
        {
            // The connection ended before the deadline: nothing to enforce.
            return;
        }

        if (!dispatcher.IsAcknowledged)
        {
            writer.Close(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }
}
