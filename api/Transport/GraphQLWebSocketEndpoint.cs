using System.Net.WebSockets;
using Actors.Api.Security;
using Microsoft.Extensions.Options;

namespace Actors.Api.Transport;

/// <summary>GraphQL over WebSocket with the graphql-transport-ws subprotocol (the graphql-ws library's protocol).</summary>
public static class GraphQLWebSocketEndpoint
{
    public const string SubProtocol = "graphql-transport-ws";

    private const string WebSocketsEnabledKey = "Actors.Api.Transport.WebSocketsEnabled";

    /// <summary>
    /// Maps WebSocket upgrades on <paramref name="path"/> and adds the WebSocket middleware. To serve
    /// HTTP on the same path use <see cref="GraphQLTransportEndpoints.MapGraphQLTransport"/> instead.
    /// </summary>
    public static WebApplication MapGraphQLWebSockets(this WebApplication app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        EnsureWebSockets(app);
        var options = app.Services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;

        // HTTP/2 WebSockets arrive as CONNECT, HTTP/1.1 ones as GET.
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Connect], context => HandleAsync(context, options))
            .WithDisplayName("GraphQL over WebSocket");
        return app;
    }

    /// <summary>
    /// Adds the WebSocket middleware once. Its place in the pipeline does not matter as long as it
    /// comes before the endpoints run, which a WebApplication does last.
    /// </summary>
    internal static void EnsureWebSockets(WebApplication app)
    {
        IApplicationBuilder builder = app;
        if (builder.Properties.ContainsKey(WebSocketsEnabledKey))
        {
            return;
        }

        builder.Properties[WebSocketsEnabledKey] = true;
        app.UseWebSockets();
    }

    internal static async Task HandleAsync(HttpContext context, GraphQLTransportOptions options)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Expected a WebSocket upgrade with subprotocol " + SubProtocol + ".", context.RequestAborted);
            return;
        }

        var accepted = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = accepted ? SubProtocol : null,
            KeepAliveInterval = options.KeepAliveInterval,
        });

        if (!accepted)
        {
            // As graphql-ws servers do: accept, then close with a code the client can report.
            await CloseAtOnceAsync(context, socket, options, GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }

        var counts = context.RequestServices.GetRequiredService<WebSocketConnectionCounts>();
        var address = WebSocketConnectionCounts.AddressKey(context.Connection.RemoteIpAddress?.ToString());
        if (!counts.TryEnter(address, options.MaxConnectionsPerAddress))
        {
            await CloseAtOnceAsync(
                context, socket, options, GraphQLWebSocketCloseCodes.TooManyConnections, $"Too many connections from this address (at most {options.MaxConnectionsPerAddress})");
            return;
        }

        try
        {
            await new GraphQLWebSocketConnection(socket, context, options).RunAsync();
        }
        finally
        {
            counts.Leave(address);
        }
    }

    private static async Task CloseAtOnceAsync(HttpContext context, WebSocket socket, GraphQLTransportOptions options, int code, string reason)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.CloseHandshakeTimeout);
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client left first; nothing to tell it.
        }
    }
}
