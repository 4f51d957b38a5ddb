using Actors.Api.Identity;
using Microsoft.Extensions.Options;

namespace Actors.Api.Transport;

public static class GraphQLTransportEndpoints
{
    /// <summary>
    /// Serves GraphQL over HTTP and over WebSocket (graphql-transport-ws) on the same path with one
    /// endpoint, since two endpoints for GET on one route would be ambiguous. Adds the WebSocket
    /// middleware itself: do not call <c>UseWebSockets</c> again.
    /// </summary>
    public static WebApplication MapGraphQLTransport(this WebApplication app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        GraphQLWebSocketEndpoint.EnsureWebSockets(app);
        var options = app.Services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;

        app.MapMethods(
                path,
                [HttpMethods.Get, HttpMethods.Post, HttpMethods.Connect],
                context => context.WebSockets.IsWebSocketRequest
                    ? GraphQLWebSocketEndpoint.HandleAsync(context, options)
                    : GraphQLHttpEndpoint.HandleAsync(context, options))
            .WithDisplayName("GraphQL")
            .WithMetadata(RefusesTokensItself.Instance);
        return app;
    }
}
