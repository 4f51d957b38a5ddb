using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Actors.Api.GraphQL;
using Actors.Api.Identity;
using GraphQL;
using GraphQL.Transport;

namespace Actors.Api.Transport;

/// <summary>
/// The server side of one graphql-transport-ws connection (the protocol of the graphql-ws library).
/// One read loop handles the client's messages in order; every outgoing message goes through one
/// outbox drained by a single writer, because a WebSocket allows only one send at a time.
/// </summary>
internal sealed class GraphQLWebSocketConnection
{
    private const int WaitingForInit = 0;
    private const int Initialising = 1;
    private const int Acknowledged = 2;

    // A close reason must fit in a control frame: 125 bytes less the 2-byte code.
    private const int MaxCloseReasonBytes = 123;

    private readonly WebSocket socket;
    private readonly GraphQLTransportOptions options;
    private readonly IGraphQLTextSerializer serializer;
    private readonly IServiceScopeFactory scopes;
    private readonly AccessTokenReader tokens;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger logger;
    private readonly string? upgradeAuthorization;
    private readonly string? acceptLanguage;
    private readonly Channel<GraphQLWebSocketFrame> outbox =
        Channel.CreateUnbounded<GraphQLWebSocketFrame>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<string, GraphQLWebSocketOperation> operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing;
    private int state;
    private int closeRequested;
    private int pendingFrames;
    private ClaimsPrincipal? user;

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext http, GraphQLTransportOptions options)
    {
        this.socket = socket;
        this.options = options;
        serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
        tokens = http.RequestServices.GetRequiredService<AccessTokenReader>();
        lifetime = http.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        logger = http.RequestServices.GetRequiredService<ILogger<GraphQLWebSocketConnection>>();
        upgradeAuthorization = http.Request.Headers.Authorization.ToString();
        acceptLanguage = http.Request.Headers.AcceptLanguage.ToString();
        closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        var initTimeout = EnforceInitTimeoutAsync();
        using var stopping = lifetime.ApplicationStopping.Register(() => Close((int)WebSocketCloseStatus.EndpointUnavailable, "Server is shutting down"));
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
            foreach (var operation in operations.Values)
            {
                operation.TryFinish();
            }

            operations.Clear();
            outbox.Writer.TryComplete();
            try
            {
                await writer.WaitAsync(options.CloseHandshakeTimeout);
            }
            catch (TimeoutException)
            {
                await closing.CancelAsync();
                await writer;
            }

            await closing.CancelAsync();
            await initTimeout;
            closing.Dispose();
        }
    }

    internal void SendNext(GraphQLWebSocketOperation operation, ExecutionResult result)
    {
        if (operation.IsActive)
        {
            Send("next", operation.Id, serializer.Serialize(result));
        }
    }

    internal void CompleteStream(GraphQLWebSocketOperation operation)
    {
        if (Finish(operation))
        {
            Send("complete", operation.Id, null);
        }
    }

    internal void FailStream(GraphQLWebSocketOperation operation, Exception error)
    {
        logger.LogWarning(error, "A GraphQL subscription stream failed.");
        if (Finish(operation))
        {
            SendError(operation.Id, [error as ExecutionError ?? InternalError()]);
        }
    }

    private static ExecutionError InternalError() => new("The operation failed on the server.") { Code = "INTERNAL_SERVER_ERROR" };

    private static bool IsDisconnect(Exception ex) =>
        ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException;

    private static bool TryGetId(JsonElement message, out string id)
    {
        id = string.Empty;
        if (message.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String)
        {
            id = value.GetString()!;
        }

        return id.Length > 0;
    }

    /// <summary>A payload may be absent or null; when present it must be an object.</summary>
    private static bool TryGetOptionalPayload(JsonElement message, out JsonElement? payload)
    {
        payload = null;
        if (!message.TryGetProperty("payload", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        payload = value;
        return value.ValueKind == JsonValueKind.Object;
    }

    /// <summary>Browsers cannot set headers on a WebSocket, so the token travels in connection_init.</summary>
    private static string? ReadToken(JsonElement? payload)
    {
        if (payload is not { } init)
        {
            return null;
        }

        foreach (var property in init.EnumerateObject())
        {
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
                || property.Name.Equals("token", StringComparison.OrdinalIgnoreCase))
            {
                // A non-string token cannot be valid: pass its text on so that it is refused, not ignored.
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return null;
    }

    private static bool IsAnonymous(string? token)
    {
        var trimmed = token?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
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
                    Close((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), socket.CloseStatusDescription ?? string.Empty);
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

            if (Volatile.Read(ref closeRequested) != 0)
            {
                continue;
            }

            if (tooBig)
            {
                Close((int)WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {options.MaxRequestBytes / 1024} KiB");
            }
            else if (received.MessageType != WebSocketMessageType.Text)
            {
                Close(GraphQLWebSocketCloseCodes.BadRequest, "Only text messages are supported");
            }
            else
            {
                await HandleMessageAsync(message.WrittenMemory);
            }
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: not JSON");
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: no type");
                return;
            }

            switch (type.GetString())
            {
                case "connection_init":
                    await OnConnectionInitAsync(message);
                    break;
                case "ping":
                    OnPing(message);
                    break;
                case "pong":
                    if (!TryGetOptionalPayload(message, out _))
                    {
                        Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: pong payload");
                    }

                    break;
                case "subscribe":
                    OnSubscribe(message);
                    break;
                case "complete":
                    OnComplete(message);
                    break;
                default:
                    Close(GraphQLWebSocketCloseCodes.BadRequest, Truncate($"Unexpected message type '{type.GetString()}'"));
                    break;
            }
        }
    }

    private async Task OnConnectionInitAsync(JsonElement message)
    {
        if (!TryGetOptionalPayload(message, out var payload))
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: connection_init payload");
            return;
        }

        if (Interlocked.CompareExchange(ref state, Initialising, WaitingForInit) != WaitingForInit)
        {
            Close(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        // Non-browser clients may authenticate the upgrade request itself; connection_init wins.
        var token = ReadToken(payload) ?? upgradeAuthorization;
        if (!IsAnonymous(token))
        {
            user = await tokens.ReadAsync(token);
            if (user is null)
            {
                Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
                return;
            }
        }

        Volatile.Write(ref state, Acknowledged);
        Send("connection_ack", null, null);
    }

    private void OnPing(JsonElement message)
    {
        if (!TryGetOptionalPayload(message, out var payload))
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: ping payload");
            return;
        }

        Send("pong", null, payload?.GetRawText());
    }

    private void OnSubscribe(JsonElement message)
    {
        if (!TryGetId(message, out var id)
            || !message.TryGetProperty("payload", out var payload)
            || payload.ValueKind != JsonValueKind.Object)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload");
            return;
        }

        if (Volatile.Read(ref state) != Acknowledged)
        {
            Close(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            request = null;
        }

        if (request is null || (string.IsNullOrWhiteSpace(request.Query) && string.IsNullOrWhiteSpace(request.DocumentId)))
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: subscribe payload needs a query");
            return;
        }

        var operation = new GraphQLWebSocketOperation(id, closing.Token);
        if (!operations.TryAdd(id, operation))
        {
            operation.TryFinish();
            Close(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, Truncate($"Subscriber for {id} already exists"));
            return;
        }

        // Off the read loop: a slow resolver must not hold up pings or other operations.
        _ = Task.Run(() => RunOperationAsync(operation, request));
    }

    private void OnComplete(JsonElement message)
    {
        if (!TryGetId(message, out var id))
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: complete needs an id");
            return;
        }

        // The client asked to stop: nothing more is sent for this id, not even complete.
        if (operations.TryRemove(id, out var operation))
        {
            operation.TryFinish();
        }
    }

    private async Task RunOperationAsync(GraphQLWebSocketOperation operation, GraphQLRequest request)
    {
        // One scope per operation: a connection can live for hours and run operations concurrently,
        // so scoped services (caches, units of work) must not be shared across them.
        var scope = scopes.CreateAsyncScope();
        operation.Attach(scope);
        try
        {
            var result = await GraphQLExecution.ExecuteAsync(
                request, new GraphQLUserContext(user, acceptLanguage), scope.ServiceProvider, null, operation.Cancellation);

            if (!result.Executed)
            {
                // Parse, validation or variable errors: the protocol's error message, which ends the operation.
                if (Finish(operation))
                {
                    SendError(operation.Id, result.Errors ?? [InternalError()]);
                }

                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                // Validation allows a single root field in a subscription, hence a single stream.
                operation.Attach(streams.Values.First().Subscribe(new GraphQLWebSocketStreamObserver(this, operation)));
                return;
            }

            SendNext(operation, result);
            CompleteStream(operation);
        }
        catch (Exception) when (operation.Cancellation.IsCancellationRequested)
        {
            // Completed by the client or the connection closed: nobody is waiting for an answer.
            Finish(operation);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A GraphQL operation over WebSocket failed.");
            if (Finish(operation))
            {
                SendError(operation.Id, [InternalError()]);
            }
        }
    }

    private bool Finish(GraphQLWebSocketOperation operation)
    {
        if (!operation.TryFinish())
        {
            return false;
        }

        operations.TryRemove(new KeyValuePair<string, GraphQLWebSocketOperation>(operation.Id, operation));
        return true;
    }

    private void SendError(string id, ExecutionErrors errors) => Send("error", id, serializer.Serialize(errors));

    private void Send(string type, string? id, string? payloadJson)
    {
        if (Volatile.Read(ref closeRequested) != 0)
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

        if (Interlocked.Increment(ref pendingFrames) > options.MaxPendingMessages)
        {
            // The client does not read: drop it rather than buffer without bound.
            logger.LogWarning("Closing a GraphQL WebSocket whose client reads too slowly ({Pending} messages pending).", options.MaxPendingMessages);
            Volatile.Write(ref closeRequested, 1);
            socket.Abort();
            return;
        }

        outbox.Writer.TryWrite(GraphQLWebSocketFrame.Text(buffer.WrittenMemory));
    }

    private void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref closeRequested, 1) != 0)
        {
            return;
        }

        outbox.Writer.TryWrite(GraphQLWebSocketFrame.Close(code, reason));
        try
        {
            // A client that never answers the close frame must not keep the connection open.
            closing.CancelAfter(options.CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
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
            return;
        }

        if (Volatile.Read(ref state) != Acknowledged)
        {
            Close(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task WriteLoopAsync()
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
            }
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            logger.LogDebug(ex, "Sending on a GraphQL WebSocket failed; the connection is gone.");
        }
    }
}
