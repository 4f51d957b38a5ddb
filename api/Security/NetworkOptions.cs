namespace Actors.Api.Security;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (<c>Network:TrustedProxies</c>):
/// single addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>). None by default: a client could otherwise
/// choose its own address and escape every per-address limit.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    public string[] TrustedProxies { get; set; } = [];
}
