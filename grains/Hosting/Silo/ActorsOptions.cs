namespace Actors.Hosting.Silo;

/// <summary>Configuration section "Orleans": ids shared by every silo and client of one deployment.</summary>
public sealed class ActorsOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "actors";

    public string ServiceId { get; set; } = "actors";

    /// <summary>Silo-to-silo port (cluster mode); 0 picks the Orleans default.</summary>
    public int SiloPort { get; set; }

    /// <summary>Client gateway port (cluster mode); 0 picks the Orleans default.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The IP address this silo advertises to other silos and clients (cluster mode). Empty: Orleans picks this host's
    /// first non-loopback address. Local clusters and tests set 127.0.0.1 so that nothing leaves the machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
