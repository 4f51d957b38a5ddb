using Actors.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Actors.SiloHosting;

/// <summary>
/// Optional Orleans timing settings of a silo from configuration (a client's: <c>ClientClusterTuning</c>). Nothing is
/// set unless configured, so Orleans' defaults hold in production; the fault tests and the local cluster script use them to detect a dead silo within seconds.
/// <list type="bullet">
/// <item><c>Orleans:Membership:*</c> → <see cref="ClusterMembershipOptions"/> (silos), e.g.
/// <c>Orleans__Membership__ProbeTimeout=00:00:01</c>, <c>NumMissedProbesLimit</c>, <c>NumVotesForDeathDeclaration</c>,
/// <c>TableRefreshTimeout</c>, <c>IAmAliveTablePublishTimeout</c>, <c>DeathVoteExpirationTimeout</c>.</item>
/// <item><c>Orleans:Messaging:ResponseTimeout</c> → <see cref="SiloMessagingOptions"/>.</item>
/// <item><c>Orleans:GrainCollection:CollectionAge</c> and <c>CollectionQuantum</c> → <see cref="GrainCollectionOptions"/>: how long
/// an idle grain stays in memory (each active request costs resident memory, see docs/benchmarks.md).</item>
/// </list>
/// </summary>
public static class ClusterTuning
{
    public static ISiloBuilder AddActorsClusterTuning(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(ActorsOptions.MembershipSection));
        silo.Services.Configure<SiloMessagingOptions>(configuration.GetSection(ActorsOptions.MessagingSection));
        silo.Services.Configure<GrainCollectionOptions>(configuration.GetSection(ActorsOptions.GrainCollectionSection));
        return silo;
    }
}
