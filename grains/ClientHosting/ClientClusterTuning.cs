using Actors.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Actors.ClientHosting;

/// <summary>
/// Optional Orleans timing settings of a cluster client from configuration, the client side of the silos'
/// <c>ClusterTuning</c>. Nothing is set unless configured, so Orleans' defaults hold in production.
/// <list type="bullet">
/// <item><c>Orleans:Messaging:ResponseTimeout</c> → <see cref="ClientMessagingOptions"/>.</item>
/// <item><c>Orleans:Gateway:GatewayListRefreshPeriod</c> → <see cref="GatewayOptions"/>: how soon a client
/// sees a restarted silo's gateway.</item>
/// </list>
/// </summary>
public static class ClientClusterTuning
{
    public static IClientBuilder AddActorsClusterTuning(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        client.Services.Configure<ClientMessagingOptions>(configuration.GetSection(ActorsOptions.MessagingSection));
        client.Services.Configure<GatewayOptions>(configuration.GetSection(ActorsOptions.GatewaySection));
        return client;
    }
}
