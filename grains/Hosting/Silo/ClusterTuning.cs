using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Actors.Hosting.Silo;

/// <summary>
/// Optional Orleans timing settings from configuration. Nothing is set unless configured, so Orleans' defaults hold
/// in production; the fault tests and the local cluster script use them to detect a dead silo within seconds.
/// <list type="bullet">
/// <item><c>Orleans:Membership:*</c> → <see cref="ClusterMembershipOptions"/> (silos), e.g.
/// <c>Orleans__Membership__ProbeTimeout=00:00:01</c>, <c>NumMissedProbesLimit</c>, <c>NumVotesForDeathDeclaration</c>,
/// <c>TableRefreshTimeout</c>, <c>IAmAliveTablePublishTimeout</c>, <c>DeathVoteExpirationTimeout</c>.</item>
/// <item><c>Orleans:Messaging:ResponseTimeout</c> → silo and client messaging options.</item>
/// <item><c>Orleans:Gateway:GatewayListRefreshPeriod</c> → <see cref="GatewayOptions"/> (clients): how soon a client
/// sees a restarted silo's gateway.</item>
/// </list>
/// </summary>
public static class ClusterTuning
{
    public const string MembershipSection = "Orleans:Membership";
    public const string MessagingSection = "Orleans:Messaging";
    public const string GatewaySection = "Orleans:Gateway";

    public static ISiloBuilder AddActorsClusterTuning(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        silo.Services.Configure<SiloMessagingOptions>(configuration.GetSection(MessagingSection));
        return silo;
    }

    public static IClientBuilder AddActorsClusterTuning(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        client.Services.Configure<ClientMessagingOptions>(configuration.GetSection(MessagingSection));
        client.Services.Configure<GatewayOptions>(configuration.GetSection(GatewaySection));
        return client;
    }
}
