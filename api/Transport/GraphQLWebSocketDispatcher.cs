using System.Security.Claims;
using System.Text.Json;
using Actors.Api.GraphQL;
using Actors.Api.Identity;
using Actors.Api.Security;
using Actors.Api.TrustedDocuments;
using Actors.Telemetry;
using GraphQL;
using GraphQL.Transport;

namespace Actors.Api.Transport;

/// <summary>
/// Acts on each client message in protocol order: <c>connection_init</c> authenticates once,
/// <c>ping</c> is answered (and renews the token when its payload carries one), <c>subscribe</c> and
/// <c>complete</c> start and stop operations, at most <see cref="GraphQLTransportOptions.MaxOperationsPerConnection"/> at once.
/// Anything out of protocol closes the connection with the code the graphql-ws client expects.
/// </summary>
internal sealed class GraphQLWebSocketDispatcher(
    GraphQLWebSocketWriter writer,
    GraphQLWebSocketOperations operations,
    IGraphQLTextSerializer serializer,
    AccessTokenReader tokens,
    WebSocketConnectionCounts counts,
    GraphQLTransportOptions options,
    string? upgradeAuthorization,
    string? acceptLanguage,
    string? clientAddress,
    CancellationToken connectionClosing)
{
    private const int WaitingForInit = 0;
    private const int Initialising = 1;
    private const int Acknowledged = 2;

    private int state;
    private ClaimsPrincipal? user;
    private string? identity;
    private long expiresAtTicks;

    public bool IsAcknowledged => Volatile.Read(ref state) == Acknowledged;

    /// <summary>When the current token stops being valid; null for an anonymous connection or a token without expiry.</summary>
    public DateTimeOffset? TokenExpiresAt => Interlocked.Read(ref expiresAtTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Released whenever the token (and so its expiry) changes.</summary>
    public SemaphoreSlim TokenChanged { get; } = new(0);

    /// <summary>Gives back the identity's connection slot; called once when the connection ends.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref identity, null) is { } key)
        {
            counts.Leave(key);
        }

        TokenChanged.Dispose();
    }

    public async Task DispatchAsync(ReadOnlyMemory<byte> data)
    {
        using var message = GraphQLWebSocketMessage.Parse(data, out var problem);
        switch (message?.Type)
        {
            case null:
                writer.Close(GraphQLWebSocketCloseCodes.BadRequest, problem!);
                break;
            case "connection_init":
                await OnConnectionInitAsync(message);
                break;
            case "ping":
                await OnPingAsync(message);
                break;
            case "pong":
                if (!message.TryGetOptionalPayload(out _))
                {
                    writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: pong payload");
                }

                break;
            case "subscribe":
                OnSubscribe(message);
                break;
            case "complete":
                OnComplete(message);
                break;
            default:
                writer.Close(GraphQLWebSocketCloseCodes.BadRequest, $"Unexpected message type '{message.Type}'");
                break;
        }
    }

    private async Task OnConnectionInitAsync(GraphQLWebSocketMessage message)
    {
        if (!message.TryGetOptionalPayload(out var payload))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: connection_init payload");
            return;
        }

        if (Interlocked.CompareExchange(ref state, Initialising, WaitingForInit) != WaitingForInit)
        {
            writer.Close(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        // Non-browser clients may authenticate the upgrade request itself; connection_init wins.
        var token = GraphQLWebSocketMessage.ReadToken(payload) ?? upgradeAuthorization;
        if (!GraphQLWebSocketMessage.IsAnonymous(token))
        {
            user = await tokens.ReadAsync(token);
            if (user is null)
            {
                writer.Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
                return;
            }

            var key = IdentityOf(user);
            if (!counts.TryEnter(key, options.MaxConnectionsPerIdentity))
            {
                writer.Close(
                    GraphQLWebSocketCloseCodes.TooManyConnections, $"Too many connections for this identity (at most {options.MaxConnectionsPerIdentity})");
                return;
            }

            identity = key;
            SetExpiry(user);
        }

        Volatile.Write(ref state, Acknowledged);
        writer.Send("connection_ack", null, null);
    }

    private async Task OnPingAsync(GraphQLWebSocketMessage message)
    {
        if (!message.TryGetOptionalPayload(out var payload))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: ping payload");
            return;
        }

        if (GraphQLWebSocketMessage.ReadToken(payload) is { } renewed && IsAcknowledged && !await RenewAsync(renewed))
        {
            return;
        }

        writer.Send("pong", null, payload?.GetRawText());
    }

    private void OnSubscribe(GraphQLWebSocketMessage message)
    {
        if (!message.TryGetId(out var id) || !message.TryGetRequiredPayload(out var payload))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload");
            return;
        }

        if (!IsAcknowledged)
        {
            writer.Close(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        var request = ReadRequest(payload);
        if (request is null || !TrustedDocumentReference.HasDocument(request))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: subscribe payload needs a query");
            return;
        }

        if (operations.Running >= options.MaxOperationsPerConnection)
        {
            var refused = new ExecutionError(
                $"At most {options.MaxOperationsPerConnection} operations may run at once on one connection: complete one first.")
            {
                Code = GraphQLLimitCodes.TooManyOperations,
            };
            refused.Data["limit"] = options.MaxOperationsPerConnection;
            ActorsMetrics.Rejected(GraphQLLimitCodes.TooManyOperations, ActorsMetrics.ByWebSocket);
            operations.Refuse(id, refused);
            return;
        }

        if (!operations.TryStart(id, request, new GraphQLUserContext(user, acceptLanguage, clientAddress), connectionClosing))
        {
            writer.Close(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }
    }

    private void OnComplete(GraphQLWebSocketMessage message)
    {
        if (!message.TryGetId(out var id))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: complete needs an id");
            return;
        }

        operations.Cancel(id);
    }

    /// <summary>
    /// Replaces the token of an authenticated connection with a newer one for the same identity, so
    /// that the connection outlives the first token's expiry. Anything else closes it with 4403.
    /// </summary>
    private async Task<bool> RenewAsync(string token)
    {
        var renewed = await tokens.ReadAsync(token);
        if (renewed is null || identity is null || IdentityOf(renewed) != identity)
        {
            writer.Close(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden: the renewed token is not valid for this connection's identity");
            return false;
        }

        user = renewed;
        SetExpiry(renewed);
        return true;
    }

    private void SetExpiry(ClaimsPrincipal principal)
    {
        var expires = long.TryParse(principal.FindFirst("exp")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks : 0;
        Interlocked.Exchange(ref expiresAtTicks, expires);
        try
        {
            TokenChanged.Release();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended while the token was being read.
        }
    }

    private static string IdentityOf(ClaimsPrincipal principal) =>
        WebSocketConnectionCounts.IdentityKey(
            principal.FindFirst("iss")?.Value, principal.FindFirst(ActorClaims.Subject)?.Value ?? principal.Identity?.Name ?? string.Empty);

    private GraphQLRequest? ReadRequest(JsonElement payload)
    {
        try
        {
            return serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            // A payload whose members have the wrong types is as unusable as one without a query.
            return null;
        }
    }
}
