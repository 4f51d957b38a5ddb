namespace Actors.Api.Transport;

/// <summary>
/// Limits of the GraphQL transports. Bound from configuration section <c>GraphQL:Transport</c> when the
/// host calls <c>Configure&lt;GraphQLTransportOptions&gt;</c>; the defaults suit the public API.
/// </summary>
public sealed class GraphQLTransportOptions
{
    public const string Section = "GraphQL:Transport";

    /// <summary>Largest HTTP request body and largest WebSocket message, in bytes (256 KiB).</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How long a WebSocket client has to send <c>connection_init</c> before the server closes with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of WebSocket protocol pings, so that idle subscriptions survive proxies' idle timeouts.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages queued for a WebSocket client that does not read; past this the connection is dropped.</summary>
    public int MaxPendingMessages { get; set; } = 1024;

    /// <summary>Bytes queued for a WebSocket client that does not read (1 MiB); past this the connection is dropped.</summary>
    public int MaxPendingBytes { get; set; } = 1024 * 1024;

    /// <summary>Operations (subscriptions, queries) running at once on one WebSocket; an extra subscribe gets an error for its id.</summary>
    public int MaxOperationsPerConnection { get; set; } = 25;

    /// <summary>Open WebSockets per identity (issuer and subject); an extra one is closed with 1008 at connection_init.</summary>
    public int MaxConnectionsPerIdentity { get; set; } = 10;

    /// <summary>Open WebSockets per client address; an extra one is closed with 1008 as soon as it is accepted.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 50;

    /// <summary>How long the server waits for the client's close frame after sending its own.</summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
