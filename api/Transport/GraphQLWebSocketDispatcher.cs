using System.Security.Claims;
using System.Text.Json;
using Actors.Api.GraphQL;
using Actors.Api.Identity;
using GraphQL;
using GraphQL.Transport;

namespace Actors.Api.Transport;

/// <summary>
/// Acts on each client message in protocol order: <c>connection_init</c> authenticates once,
/// <c>ping</c> is answered, <c>subscribe</c> and <c>complete</c> start and stop operations.
/// Anything out of protocol closes the connection with the code the graphql-ws client expects.
/// </summary>
internal sealed class GraphQLWebSocketDispatcher(
    GraphQLWebSocketWriter writer,
    GraphQLWebSocketOperations operations,
    IGraphQLTextSerializer serializer,
    AccessTokenReader tokens,
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

    public bool IsAcknowledged => Volatile.Read(ref state) == Acknowledged;

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
                OnPing(message);
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
        }

        Volatile.Write(ref state, Acknowledged);
        writer.Send("connection_ack", null, null);
    }

    private void OnPing(GraphQLWebSocketMessage message)
    {
        if (!message.TryGetOptionalPayload(out var payload))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: ping payload");
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
        if (request is null || (string.IsNullOrWhiteSpace(request.Query) && string.IsNullOrWhiteSpace(request.DocumentId)))
        {
            writer.Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: subscribe payload needs a query");
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
