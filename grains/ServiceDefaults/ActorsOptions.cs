using Microsoft.Extensions.Configuration;

namespace Actors.ServiceDefaults;

/// <summary>Configuration section "Orleans": ids shared by every silo and client of one deployment.</summary>
public sealed class ActorsOptions
{
    public const string Section = "Orleans";

    /// <summary>Orleans membership timings of a silo (<c>ClusterTuning</c>).</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>Orleans messaging timings, silo and client alike.</summary>
    public const string MessagingSection = "Orleans:Messaging";

    /// <summary>
    /// When a silo deactivates idle grains (<c>ClusterTuning</c>): <c>Orleans:GrainCollection:CollectionAge</c> (Orleans'
    /// default 15 minutes) and <c>CollectionQuantum</c> (how often it looks, default 1 minute).
    /// </summary>
    public const string GrainCollectionSection = "Orleans:GrainCollection";

    /// <summary>Orleans gateway settings of a client (<c>ClientClusterTuning</c>).</summary>
    public const string GatewaySection = "Orleans:Gateway";

    public string ClusterId { get; set; } = "actors";

    public string ServiceId { get; set; } = "actors";

    /// <summary>
    /// The ids from configuration, except where the pod sets ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID
    /// (Kubernetes hosting): those win, so the manifests set them and not the other pair.
    /// </summary>
    public static ActorsOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<ActorsOptions>() ?? new ActorsOptions();
        if (configuration["ORLEANS_CLUSTER_ID"] is { Length: > 0 } clusterId)
        {
            options.ClusterId = clusterId;
        }

        if (configuration["ORLEANS_SERVICE_ID"] is { Length: > 0 } serviceId)
        {
            options.ServiceId = serviceId;
        }

        return options;
    }

    /// <summary>Silo-to-silo port; 0: the Orleans default (11111) in cluster mode, a free loopback port embedded.</summary>
    public int SiloPort { get; set; }

    /// <summary>Client gateway port; 0: the Orleans default (30000) in cluster mode, no gateway embedded.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The IP address this silo advertises to other silos and clients (cluster mode). Empty: Orleans picks this host's
    /// first non-loopback address. Local clusters and tests set 127.0.0.1 so that nothing leaves the machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
