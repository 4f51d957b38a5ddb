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
}
