namespace Actors.Api.Transport;

/// <summary>Close codes of the graphql-transport-ws protocol (the values the graphql-ws client expects).</summary>
internal static class GraphQLWebSocketCloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalServerError = 4500;

    /// <summary>WebSocket's own policy violation: too many connections for this address or identity. Not fatal to graphql-ws, which retries later.</summary>
    public const int TooManyConnections = 1008;
}
