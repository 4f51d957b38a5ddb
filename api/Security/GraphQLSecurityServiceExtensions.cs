using Actors.Api.Transport;
using Actors.Api.TrustedDocuments;

namespace Actors.Api.Security;

public static class GraphQLSecurityServiceExtensions
{
    /// <summary>
    /// The document bounds, the exposure switches and the WebSocket connection counts, bound from
    /// configuration (<c>GraphQL:Limits</c>, <c>GraphQL</c>, <c>GraphQL:Transport</c>). Both transports need them.
    /// </summary>
    public static IServiceCollection AddGraphQLLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphQLLimitsOptions>(configuration.GetSection(GraphQLLimitsOptions.Section));
        services.Configure<GraphQLExposureOptions>(configuration.GetSection(GraphQLExposureOptions.Section));
        services.Configure<GraphQLTransportOptions>(configuration.GetSection(GraphQLTransportOptions.Section));
        services.AddSingleton<GraphQLRequestGate>();
        services.AddSingleton<WebSocketConnectionCounts>();
        services.Configure<RateLimitingOptions>(configuration.GetSection(RateLimitingOptions.Section));
        services.AddSingleton<RateLimitingExpensiveOperations>();
        services.AddTrustedDocuments(configuration);
        return services;
    }
}
